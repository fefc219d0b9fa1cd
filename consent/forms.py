"""Admin form of a category, with its declared cookies edited inline."""

from cookie_consent.models import Cookie, CookieGroup
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .cookie_names import validate_declared_cookie
from .models import CookieDetails, Storage
from .permissions import MANAGE_CATEGORIES

# django-cookie-consent's own labels ("Is required", "Is deletable?") name the
# database columns; these say what each field does for visitors.
CATEGORY_LABELS = {
    "name": _("Name"),
    "varname": _("Variable name"),
    "description": _("Description"),
    "is_required": _("Always on"),
    "is_deletable": _("Delete its cookies when a visitor declines"),
    "ordering": _("Position"),
}
CATEGORY_HELP_TEXTS = {
    "name": _(
        "Shown to visitors on the banner and the cookies page, and in consent "
        "records and reports."
    ),
    "varname": _(
        "The category's key in the consent cookie, in templates "
        '({% gated "analytics" %}) and in every consent record. Lower-case letters, '
        "digits, - and _. It cannot be changed once the category is saved."
    ),
    "description": _("Tells visitors what they allow if they switch it on."),
    "is_required": _(
        "Tick for strictly necessary cookies: always on, and visitors cannot switch "
        "them off. Leave clear for a category visitors choose."
    ),
    "is_deletable": _(
        "When a visitor declines or withdraws consent, the site deletes the cookies "
        "this category declares."
    ),
    "ordering": _(
        "Categories appear in this order on the banner and the cookies page; "
        "lower numbers come first."
    ),
}


def label_category_fields(form):
    for name, field in form.fields.items():
        field.label = CATEGORY_LABELS.get(name, field.label)
        field.help_text = CATEGORY_HELP_TEXTS.get(name, field.help_text)


class DeclaredCookieForm(forms.ModelForm):
    """A django-cookie-consent Cookie plus the plugin's CookieDetails."""

    storage = forms.ChoiceField(
        label=_("Kind"), choices=Storage.choices, initial=Storage.COOKIE
    )
    duration = forms.CharField(
        label=_("Duration"),
        max_length=100,
        required=False,
    )
    provider = forms.CharField(
        label=_("Set by"),
        max_length=100,
        required=False,
    )

    class Meta:
        model = Cookie
        fields = ["name", "domain", "path", "description"]
        labels = {
            "description": _("Purpose"),
            "name": _("Name"),
            "domain": _("Domain"),
            "path": _("Path"),
        }
        help_texts = {"name": _("End with * to cover a family of names, e.g. _ga_*.")}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            # django-cookie-consent stores the path in a TextField: one line here.
            "path": forms.TextInput(),
        }

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


class DeclaredCookieRows(forms.BaseInlineFormSet):
    """The rows of declared cookies; with ``wording_only``, each row's purpose is
    all that can change: no new rows, no deletions, every other field read-only."""

    def __init__(self, *args, wording_only=False, **kwargs):
        self.wording_only = wording_only
        super().__init__(*args, **kwargs)
        if wording_only:
            self.extra = 0
            self.can_delete = False
            self.max_num = len(self.get_queryset())
            self.validate_max = True

    def clean(self):
        """Refuse a row that would declare a cookie the category already has.

        Django checks the rows against each other, not against the category's
        stored cookies that the post leaves out (a forged ``INITIAL_FORMS`` turns
        every stored row into a new one): without this the save hits the unique
        constraint and answers 500.
        """
        super().clean()
        if not self.instance.pk:
            return
        posted = {form.instance.pk for form in self.initial_forms}
        untouched = {
            (name, domain)
            for pk, name, domain in self.instance.cookie_set.values_list(
                "pk", "name", "domain"
            )
            if pk not in posted
        }
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("name"):
                continue
            if (data["name"], data.get("domain") or "") in untouched:
                form.add_error(
                    "name",
                    _("This category already declares a cookie called %(name)s.")
                    % {"name": data["name"]},
                )

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.wording_only:
            fixed = set(form.fields) - {"description", self.fk.name, "id"}
            for name in fixed:
                # A disabled field keeps its stored value, whatever is posted.
                form.fields[name].disabled = True


DeclaredCookieFormSet = forms.inlineformset_factory(
    CookieGroup,
    Cookie,
    form=DeclaredCookieForm,
    formset=DeclaredCookieRows,
    extra=1,
    can_delete=True,
)


class CategoryForm(WagtailAdminModelForm):
    """Edits a CookieGroup and, in the same save, the cookies it declares.

    The behaviour fields are FieldPanels with a permission (CategoryViewSet); the
    declared cookies follow the same permission here.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Shown read-only by VariableNamePanel; never posted, never changed.
            self.fields.pop("varname", None)
        label_category_fields(self)
        self.cookies = DeclaredCookieFormSet(
            data=self.data if self.is_bound else None,
            instance=self.instance,
            prefix="cookies",
            wording_only=(
                self.for_user is not None
                and not self.for_user.has_perm(MANAGE_CATEGORIES)
            ),
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
