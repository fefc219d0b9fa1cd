"""django-cookie-consent's Django admin for categories, under the rules of the
Wagtail category form (a second door to the same rows)."""

from cookie_consent.admin import CookieGroupAdmin
from cookie_consent.models import CookieGroup
from django.contrib import admin

from .permissions import MANAGE_CATEGORIES

BEHAVIOUR_FIELDS = ["is_required", "is_deletable", "ordering"]


class CategoryAdmin(CookieGroupAdmin):
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


# Importing cookie_consent.admin registered its own; whichever app loads first.
admin.site.unregister(CookieGroup)
admin.site.register(CookieGroup, CategoryAdmin)
