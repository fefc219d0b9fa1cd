"""wagtail-localize translates a category's wording, a gated script and the banner
texts through its own models (TranslationSource, StringTranslation), as its
editor does; prints what German visitors then read, as JSON.

Run by test_wagtail_localize.py with wagtail_localize_settings.
"""

import json

import django

django.setup()

from cookie_consent.models import Cookie, CookieGroup  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale, Site  # noqa: E402
from wagtail_localize.models import StringTranslation, TranslationSource  # noqa: E402

from consent import declarations  # noqa: E402
from consent.models import BannerSettings, GatedScript  # noqa: E402
from consent.wordings import BannerWording, CategoryWording  # noqa: E402


def translate(instance, locale, words):
    """Translate the strings found in ``words``; the others fall back."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    segments = source.stringsegment_set.select_related("string", "context")
    for segment in segments:
        if segment.string.data in words:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=words[segment.string.data],
            )
    source.create_or_update_translation(locale, fallback=True)
    return sorted(segment.context.path.split(".")[0] for segment in segments)


def main():
    call_command("migrate", verbosity=0)
    german = Locale.objects.create(language_code="de")
    english = Locale.get_default()
    analytics = CookieGroup.objects.get(varname="analytics")
    analytics.cookie_set.all().delete()
    Cookie.objects.create(cookiegroup=analytics, name="_n", description="Counts.")
    Cookie.objects.create(cookiegroup=analytics, name="_v", description="Visits.")
    script = GatedScript.objects.create(
        name="Statistics", category=analytics, code="window.counted = true;"
    )
    site = Site.objects.get(is_default_site=True)
    BannerSettings.for_site(site).save()

    offered = {
        "category": translate(
            CategoryWording.objects.get(category=analytics, locale=english),
            german,
            {"Analytics": "Statistik", "Counts.": "Zählt."},
        ),
        "script": translate(script, german, {"Statistics": "Statistik-Skript"}),
        "banner": translate(
            BannerWording.objects.get(site=site, locale=english),
            german,
            {"Cookies on this site": "Cookies auf dieser Website"},
        ),
    }
    with translation.override("de"):
        category = {c["id"]: c for c in declarations.categories()}["analytics"]
        banner = declarations.site_texts(site)["wording"]
    translated_script = GatedScript.objects.get(
        translation_key=script.translation_key, locale=german
    )
    print(
        json.dumps(
            {
                "offered": offered,
                "category": category["name"],
                "purposes": {c["name"]: c["purpose"] for c in category["cookies"]},
                "banner_title": banner["title"],
                "banner_accept": banner["accept_label"],
                "script_name": translated_script.name,
                "script_code": translated_script.code,
                "scripts_rendered": len(declarations.current()["scripts"]),
            }
        )
    )


main()
