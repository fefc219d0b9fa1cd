from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .dashboard import ConsentSummaryPanel
from .views import permission_policy


def may_view_records(user) -> bool:
    return permission_policy.user_has_permission(user, "view")


class ConsentRecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_records(request.user)


@hooks.register("register_admin_urls")
def register_consent_records_urls():
    return [path("consent-records/", include(urls, namespace="consent_records"))]


@hooks.register("register_reports_menu_item")
def register_consent_records_menu_item():
    return ConsentRecordsMenuItem(
        _("Consent records"),
        reverse("consent_records:report"),
        name="consent-records",
        icon_name="clipboard-list",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_consent_report_menu_item():
    return ConsentRecordsMenuItem(
        _("Consent report"),
        reverse("consent_records:dashboard"),
        name="consent-report",
        icon_name="tick-inverse",
        order=1310,
    )


@hooks.register("register_permissions")
def register_consent_records_permission():
    return Permission.objects.filter(
        content_type__app_label="consent_records", codename="view_consentrecord"
    )


@hooks.register("construct_homepage_panels")
def add_consent_summary_panel(request, panels):
    if may_view_records(request.user):
        panels.append(ConsentSummaryPanel())
