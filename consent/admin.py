"""django-cookie-consent's Django admin (``/django-admin/``), under the plugin's rules.

The package registers its own admins for categories and cookies: a second door to
the same rows. They are replaced by the same admins with the rules of the Wagtail
forms: behaviour-changing category fields need the operators' permission, a
varname never changes, and a bad cookie name is a form error, not a 500 from the
save-time guard.
"""

from cookie_consent import admin as cookie_consent_admin
from cookie_consent.models import Cookie, CookieGroup
from django import forms
from django.contrib import admin

from .cookie_names import validate_declared_cookie
from .permissions import MANAGE_CATEGORIES

BEHAVIOUR_FIELDS = ["is_required", "is_deletable", "ordering"]


class CategoryAdmin(cookie_consent_admin.CookieGroupAdmin):
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("varname")
        if not request.user.has_perm(MANAGE_CATEGORIES):
            fields += BEHAVIOUR_FIELDS
        return fields

    def has_add_permission(self, request):
        return request.user.has_perm(MANAGE_CATEGORIES) and super().has_add_permission(
            request
        )

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(
            MANAGE_CATEGORIES
        ) and super().has_delete_permission(request, obj)


class CookieAdminForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("name") and cleaned_data.get("cookiegroup"):
            validate_declared_cookie(cleaned_data["name"], cleaned_data["cookiegroup"])
        return cleaned_data


class CookieAdmin(cookie_consent_admin.CookieAdmin):
    form = CookieAdminForm


# Importing cookie_consent.admin registered the package's own admins.
for model, model_admin in ((CookieGroup, CategoryAdmin), (Cookie, CookieAdmin)):
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
