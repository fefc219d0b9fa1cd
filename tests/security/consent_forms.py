"""The consent admin forms as a browser posts them: the URL, the data that saves
the object unchanged, and a reader of what a POST may have changed."""

from collections.abc import Callable
from dataclasses import dataclass

from cookie_consent.models import Cookie
from django.urls import reverse

from consent.models import BannerSettings, GatedScript


@dataclass
class EditForm:
    """An edit URL, the POST that saves its object unchanged, and a way to read it."""

    url: str
    data: dict
    read: Callable[[], object]


def category_form(category) -> EditForm:
    cookies = list(category.cookie_set.order_by("pk"))
    data = {
        "name": category.name,
        "varname": category.varname,
        "description": category.description,
        "ordering": category.ordering,
        "cookies-TOTAL_FORMS": len(cookies),
        "cookies-INITIAL_FORMS": len(cookies),
        "cookies-MIN_NUM_FORMS": 0,
        "cookies-MAX_NUM_FORMS": 1000,
    }
    for flag in ("is_required", "is_deletable"):
        if getattr(category, flag):
            data[flag] = "on"
    for i, cookie in enumerate(cookies):
        data |= {
            f"cookies-{i}-id": cookie.pk,
            f"cookies-{i}-cookiegroup": category.pk,
            f"cookies-{i}-name": cookie.name,
            f"cookies-{i}-domain": cookie.domain,
            f"cookies-{i}-path": cookie.path,
            f"cookies-{i}-description": cookie.description,
            f"cookies-{i}-storage": cookie.details.storage,
            f"cookies-{i}-duration": cookie.details.duration,
            f"cookies-{i}-provider": cookie.details.provider,
        }

    def read():
        category.refresh_from_db()
        rows = [
            (c.pk, c.name, c.domain, c.path, c.description)
            + (c.details.storage, c.details.duration, c.details.provider)
            for c in Cookie.objects.filter(cookiegroup=category).order_by("pk")
        ]
        own = [category.name, category.varname, category.description]
        flags = [category.is_required, category.is_deletable, category.ordering]
        return own, flags, rows

    url = reverse("consent_categories:edit", args=[category.pk])
    return EditForm(url, data, read)


def banner_form(site) -> EditForm:
    banner = BannerSettings.for_site(site)
    banner.save()
    data = {
        "title": banner.title,
        "message": banner.message,
        "accept_label": banner.accept_label,
        "reject_label": banner.reject_label,
        "customise_label": banner.customise_label,
        "save_label": banner.save_label,
        "policy_page": "",
        "google_consent_mode": "on",
    }

    def read():
        saved = BannerSettings.objects.get(site=site)
        return [*saved.texts(), saved.policy_page_id, saved.google_consent_mode]

    url = reverse("wagtailsettings:edit", args=["consent", "bannersettings", site.pk])
    return EditForm(url, data, read)


def gated_script_form(category) -> EditForm:
    script = GatedScript.objects.create(
        name="Counter", category=category, code="window.counted = 1;"
    )
    data = {
        "name": script.name,
        "category": category.pk,
        "placement": script.placement,
        "src": "",
        "code": script.code,
        "enabled": "on",
    }

    def read():
        saved = GatedScript.objects.get(pk=script.pk)
        return [
            saved.name,
            saved.category_id,
            saved.placement,
            saved.src,
            saved.code,
            saved.enabled,
            saved.safe_on_sensitive_pages,
        ]

    url = reverse("wagtailsnippets_consent_gatedscript:edit", args=[script.pk])
    return EditForm(url, data, read)
