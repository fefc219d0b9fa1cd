"""Django's admin (``/django-admin/``) checks declared cookies like the Wagtail form.

django-cookie-consent registers its own Cookie admin; it is replaced by the same
admin with the plugin's rules, so a bad name is a form error there too, not a 500.
"""

from cookie_consent import admin as cookie_consent_admin
from cookie_consent.models import Cookie
from django import forms
from django.contrib import admin

from .cookie_names import validate_declared_cookie


class CookieAdminForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("name") and cleaned_data.get("cookiegroup"):
            validate_declared_cookie(cleaned_data["name"], cleaned_data["cookiegroup"])
        return cleaned_data


admin.site.unregister(Cookie)


@admin.register(Cookie)
class CookieAdmin(cookie_consent_admin.CookieAdmin):
    form = CookieAdminForm
