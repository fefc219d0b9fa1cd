"""Admin form of a category, with its declared cookies edited inline."""

from cookie_consent.models import Cookie, CookieGroup
from django import forms
from django.db import transaction
from wagtail.admin.forms import WagtailAdminModelForm

from .cookie_names import validate_declared_cookie
from .models import CookieDetails, Storage


class DeclaredCookieForm(forms.ModelForm):
    """A django-cookie-consent Cookie plus the plugin's CookieDetails."""

    storage = forms.ChoiceField(choices=Storage.choices, initial=Storage.COOKIE)
    duration = forms.CharField(max_length=100, required=False)
    provider = forms.CharField(max_length=100, required=False)

    class Meta:
        model = Cookie
        fields = ["name", "domain", "path", "description"]
        labels = {"description": "Purpose"}
        help_texts = {"name": "End with * to cover a family of names, e.g. _ga_*."}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        details = getattr(self.instance, "details", None) if self.instance.pk else None
        if details:
            for field in ("storage", "duration", "provider"):
                self.initial[field] = getattr(details, field)

    def clean(self):
        cleaned_data = super().clean()
        # The category as the parent form is changing it (is_required included).
        category = cleaned_data.get("cookiegroup")
        if cleaned_data.get("name") and category is not None:
            validate_declared_cookie(cleaned_data["name"], category)
        return cleaned_data

    def save(self, commit=True):
        cookie = super().save(commit=commit)
        if commit:
            CookieDetails.objects.update_or_create(
                cookie=cookie,
                defaults={
                    f: self.cleaned_data[f] for f in ("storage", "duration", "provider")
                },
            )
        return cookie


DeclaredCookieFormSet = forms.inlineformset_factory(
    CookieGroup, Cookie, form=DeclaredCookieForm, extra=1, can_delete=True
)


class CategoryForm(WagtailAdminModelForm):
    """Edits a CookieGroup and, in the same save, the cookies it declares."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cookies = DeclaredCookieFormSet(
            data=self.data if self.is_bound else None,
            instance=self.instance,
            prefix="cookies",
        )

    def is_valid(self):
        form_valid = super().is_valid()
        return self.cookies.is_valid() and form_valid

    @transaction.atomic
    def save(self, commit=True):
        group = super().save(commit=commit)
        if commit:
            self.cookies.instance = group
            self.cookies.save()
        return group
