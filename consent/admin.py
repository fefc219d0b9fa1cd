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
from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext_lazy as _

from .cookie_names import validate_declared_cookie
from .forms import label_category_fields
from .models import CookieCategory
from .permissions import MANAGE_CATEGORIES

BEHAVIOUR_FIELDS = ["is_required", "is_deletable", "ordering"]


class CategoryAdminForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_category_fields(self)


class CategoryAdmin(cookie_consent_admin.CookieGroupAdmin):
    """Shown as "Cookie categories" (the CookieCategory proxy), with the
    permissions of django-cookie-consent's CookieGroup."""

    form = CategoryAdminForm
    list_display = [
        "name",
        "varname",
        "visitors_choice",
        "when_declined",
        "num_cookies",
        "version",
    ]
    # The package filters by its column names ("Is deletable?"); a site has a
    # handful of categories, all on one page.
    list_filter = []

    @admin.display(description=_("Visitors' choice"), ordering="is_required")
    def visitors_choice(self, obj):
        return _("Always on") if obj.is_required else _("Optional")

    @admin.display(description=_("When declined"), ordering="is_deletable")
    def when_declined(self, obj):
        return _("Cookies deleted") if obj.is_deletable else _("Cookies kept")

    @admin.display(description=_("Version (its newest cookie)"))
    def version(self, obj):
        return obj.get_version()

    def _has_group_permission(self, request, action):
        opts = CookieGroup._meta
        codename = get_permission_codename(action, opts)
        return request.user.has_perm(f"{opts.app_label}.{codename}")

    def has_view_permission(self, request, obj=None):
        return self._has_group_permission(
            request, "view"
        ) or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._has_group_permission(request, "change")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("varname")
        if not request.user.has_perm(MANAGE_CATEGORIES):
            fields += BEHAVIOUR_FIELDS
        return fields

    def has_add_permission(self, request):
        return request.user.has_perm(MANAGE_CATEGORIES) and self._has_group_permission(
            request, "add"
        )

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(MANAGE_CATEGORIES) and self._has_group_permission(
            request, "delete"
        )


class CookieAdminForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("name") and cleaned_data.get("cookiegroup"):
            validate_declared_cookie(cleaned_data["name"], cleaned_data["cookiegroup"])
        return cleaned_data


class CookieAdmin(cookie_consent_admin.CookieAdmin):
    form = CookieAdminForm


# Importing cookie_consent.admin registered the package's own admins.
admin.site.unregister(CookieGroup)
admin.site.register(CookieCategory, CategoryAdmin)
admin.site.unregister(Cookie)
admin.site.register(Cookie, CookieAdmin)
