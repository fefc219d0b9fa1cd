from cookie_consent.models import CookieGroup
from django.contrib.auth.models import Permission
from wagtail import hooks
from wagtail.contrib.settings.registry import SettingMenuItem

from .compat import register_permission_policy
from .models import BannerSettings, GatedScript
from .policies import category_policy, gated_script_policy
from .viewsets import ConsentViewSetGroup

if register_permission_policy is not None:  # Wagtail 8.0; 7.4: consent.viewsets
    register_permission_policy(GatedScript, gated_script_policy)
    register_permission_policy(CookieGroup, category_policy)


@hooks.register("register_admin_viewset")
def register_consent_viewsets():
    return ConsentViewSetGroup()


@hooks.register("register_consent_menu_item")
def banner_menu_item():
    return SettingMenuItem(BannerSettings, icon="doc-full", order=900)


@hooks.register("register_permissions")
def consent_permissions():
    return Permission.objects.filter(
        content_type__app_label="consent",
        codename__in=["manage_gated_scripts", "manage_cookie_categories"],
    )
