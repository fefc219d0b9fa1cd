"""Consent in every language: categories, cookies' purposes, gated scripts and
banner texts translated with Wagtail's i18n, read in the active language with the
default language's words wherever a translation is missing."""

import importlib
import json
import re
from io import StringIO

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.apps import apps
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from consent.models import BannerSettings, GatedScript
from consent.state import TEXTS_KEY
from consent.wordings import BannerWording, CategoryWording, CookiePurpose

pytestmark = pytest.mark.django_db

LANGUAGES = [("en-gb", "English"), ("de", "Deutsch")]
TIMES = "cookie_consent_time"
STATS_SRC = "https://stats.invalid/count.js"


@pytest.fixture
def german(settings, site_pages):
    settings.LANGUAGES = LANGUAGES
    settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    settings.WAGTAIL_I18N_ENABLED = True
    return Locale.objects.get_or_create(language_code="de")[0]


@pytest.fixture
def analytics(german):
    group = CookieGroup.objects.get(varname="analytics")
    group.cookie_set.all().delete()
    Cookie.objects.create(
        cookiegroup=group, name="_stats_id", description="Tells visits apart."
    )
    Cookie.objects.create(
        cookiegroup=group,
        name="_stats_visit",
        description="Groups the pages of one visit.",
    )
    return group


def default_wording(category):
    return CategoryWording.objects.get(category=category, locale=Locale.get_default())


@pytest.fixture
def analytics_in_german(analytics, german):
    """Analytics translated, except the purpose of ``_stats_visit``."""
    wording = default_wording(analytics).copy_for_translation(german)
    wording.name = "Statistik"
    wording.description = "Helfen uns, Besuche zu zählen."
    for purpose in wording.purposes.all():
        purpose.purpose = (
            "Unterscheidet Besuche." if purpose.cookie.name == "_stats_id" else ""
        )
    wording.save()
    return wording


@pytest.fixture
def banner(german):
    settings = BannerSettings.for_site(Site.objects.get(is_default_site=True))
    settings.save()
    return settings


@pytest.fixture
def banner_in_german(banner, german):
    source = BannerWording.objects.get(site=banner.site, locale=Locale.get_default())
    wording = source.copy_for_translation(german)
    wording.title = "Cookies auf dieser Website"
    wording.message = "Wir verwenden notwendige Cookies."
    wording.accept_label = "Alle akzeptieren"
    wording.reject_label = "Alle ablehnen"
    wording.customise_label = "Anpassen"
    wording.save_label = "Auswahl speichern"
    wording.save()
    return wording


@pytest.fixture
def stats_script(analytics, german):
    script = GatedScript.objects.create(
        name="Visitor statistics", category=analytics, src=STATS_SRC
    )
    translated = script.copy_for_translation(german)
    translated.name = "Besucherstatistik"
    translated.save()
    return script


def get_html(client, path, language=None):
    # This site has no i18n_patterns: its page cache keys a page by its URL alone,
    # so each language is rendered afresh.
    for cache in caches.all():
        cache.clear()
    with translation.override(language):
        return client.get(path).content.decode()


def banner_section(html):
    start = html.index('<section id="consent-banner"')
    return html[start : html.index("</section>", start)]


def dialog(html):
    start = html.index('<dialog id="consent-dialog"')
    return html[start : html.index("</dialog>", start)]


def page_config(html):
    match = re.search(
        r'<script id="consent-config" type="application/json">(.*?)</script>', html
    )
    return json.loads(match.group(1))


def test_today_s_texts_become_the_default_locale_s_wording(site_pages, banner):
    """Migration 0010 copies every category, purpose and banner text."""
    CategoryWording.objects.all().delete()
    BannerWording.objects.all().delete()
    migration = importlib.import_module(
        "consent.migrations.0010_wordings_from_current_texts"
    )

    migration.forwards(apps, None)

    default = Locale.get_default()
    groups = CookieGroup.objects.all()
    assert groups
    for group in groups:
        wording = CategoryWording.objects.get(category=group, locale=default)
        assert (wording.name, wording.description) == (group.name, group.description)
        assert {
            p.cookie_id: p.purpose for p in wording.purposes.filter(locale=default)
        } == {c.pk: c.description for c in group.cookie_set.all()}
    copied = BannerWording.objects.get(site=banner.site, locale=default)
    assert copied.texts() == banner.texts()
    assert (copied.texts_revision, copied.texts_hash) == (
        banner.texts_revision,
        banner.texts_hash,
    )


def test_a_new_category_and_cookie_get_default_wording_to_translate_from(
    analytics,
):
    wording = default_wording(analytics)

    assert (wording.name, wording.description) == ("Analytics", analytics.description)
    assert {p.cookie.name: p.purpose for p in wording.purposes.all()} == {
        "_stats_id": "Tells visits apart.",
        "_stats_visit": "Groups the pages of one visit.",
    }


def test_editing_the_default_wording_changes_the_category_itself(analytics):
    wording = default_wording(analytics)
    wording.name = "Visit statistics"
    wording.save()

    analytics.refresh_from_db()
    assert analytics.name == "Visit statistics"


def test_the_banner_and_dialog_speak_german_and_fall_back_to_english(
    client, analytics_in_german, banner_in_german
):
    html = get_html(client, "/", "de")

    shown = banner_section(html)
    assert "Cookies auf dieser Website" in shown
    assert "Wir verwenden notwendige Cookies." in shown
    for label in ["Alle akzeptieren", "Alle ablehnen", "Anpassen"]:
        assert f">{label}</button>" in shown
    choices = dialog(html)
    assert "Statistik" in choices
    assert "Helfen uns, Besuche zu zählen." in choices
    assert "<code>_stats_id</code>: Unterscheidet Besuche." in choices
    # Untranslated: a purpose left empty, and a category with no German wording.
    assert "<code>_stats_visit</code>: Groups the pages of one visit." in choices
    assert "Marketing" in choices
    assert ">Auswahl speichern</button>" in choices


def test_the_default_language_keeps_its_own_words(
    client, analytics_in_german, banner_in_german
):
    html = get_html(client, "/")

    assert "Cookies on this site" in banner_section(html)
    assert "Statistik" not in html
    assert "<code>_stats_id</code>: Tells visits apart." in dialog(html)


def test_the_preferences_page_speaks_german(client, analytics_in_german):
    html = get_html(client, reverse("cookie_consent_cookie_group_list"), "de")

    assert "Statistik" in html
    assert "Helfen uns, Besuche zu zählen." in html
    assert ">Unterscheidet Besuche.</td>" in html
    assert ">Groups the pages of one visit.</td>" in html
    assert "Analytics" not in html


def test_a_language_without_wording_falls_back_to_the_default(
    client, settings, analytics_in_german
):
    settings.LANGUAGES = [*LANGUAGES, ("fr", "Français")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES

    html = get_html(client, "/", "fr")

    assert "Analytics" in dialog(html)
    assert "Cookies on this site" in banner_section(html)


def test_a_translated_gated_script_runs_once_in_every_language(client, stats_script):
    for language in ["de", "en-gb"]:
        html = get_html(client, "/", language)
        assert html.count(f'data-src="{STATS_SRC}"') == 1, language


def test_translations_of_a_gated_script_share_what_it_does(stats_script, german):
    stats_script.src = "https://stats.invalid/count-v2.js"
    stats_script.enabled = False
    stats_script.save()

    translated = GatedScript.objects.get(
        translation_key=stats_script.translation_key, locale=german
    )
    assert translated.name == "Besucherstatistik"
    assert (translated.src, translated.enabled) == (
        "https://stats.invalid/count-v2.js",
        False,
    )


def test_changing_the_german_banner_asks_only_german_readers_again(
    client, banner, banner_in_german
):
    english = page_config(get_html(client, "/"))["texts"]
    german_before = page_config(get_html(client, "/", "de"))["texts"]
    assert german_before > english

    banner_in_german.message = "Wir verwenden jetzt auch Statistik-Cookies."
    banner_in_german.save()

    assert page_config(get_html(client, "/"))["texts"] == english
    assert page_config(get_html(client, "/", "de"))["texts"] > german_before


def test_a_german_banner_of_unchanged_words_keeps_its_revision(banner_in_german):
    revision = banner_in_german.texts_revision
    banner_in_german.save()
    banner_in_german.refresh_from_db()

    assert banner_in_german.texts_revision == revision


def test_a_new_english_wording_starts_after_every_german_revision(
    banner, banner_in_german
):
    banner.message = "New English words."
    banner.save()

    assert banner.texts_revision > banner_in_german.texts_revision


def test_a_decision_stores_the_site_s_newest_revision_whatever_its_language(
    client, categories, banner, banner_in_german
):
    # Read in German, posted without the language (no LocaleMiddleware here).
    german = page_config(get_html(client, "/", "de"))["texts"]
    response = client.post(
        reverse("cookie_consent_accept"),
        {"cookie_groups": "analytics", "source": "banner"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )

    times = dict(p.split("=") for p in response.cookies[TIMES].value.split("|"))
    assert int(times[TEXTS_KEY]) == german


def test_wagtail_localize_offers_the_wording_and_never_the_script_code(
    stats_script, analytics
):
    from wagtail_localize.segments import extract

    def translatable_paths(instance):
        return {
            segment.path
            for segment in extract.extract_segments(instance)
            if hasattr(segment, "render_text")  # text, not a synchronised field
        }

    script_paths = translatable_paths(stats_script)
    wording_paths = translatable_paths(default_wording(analytics))

    assert script_paths == {"name"}
    assert {"name", "description"} <= wording_paths
    assert sum(p.startswith("purposes.") for p in wording_paths) == 2


def test_wagtail_localize_translates_a_category_wording(analytics, german):
    """As wagtail-localize's translation save does: copy, ingest, save."""
    from wagtail_localize.segments import extract, ingest

    source = default_wording(analytics)
    german_words = {
        "Analytics": "Statistik",
        "Tells visits apart.": "Unterscheidet Besuche.",
    }
    segments = [
        segment.__class__(
            segment.path, german_words.get(segment.render_text(), segment.render_text())
        )
        for segment in extract.extract_segments(source)
        if hasattr(segment, "render_text")
    ]

    translated = source.copy_for_translation(german)
    ingest.ingest_segments(source, translated, source.locale, german, segments)
    translated.save()

    with translation.override("de"):
        from consent import declarations

        words = {c["id"]: c for c in declarations.categories()}["analytics"]
    assert words["name"] == "Statistik"
    assert {c["name"]: c["purpose"] for c in words["cookies"]} == {
        "_stats_id": "Unterscheidet Besuche.",
        "_stats_visit": "Groups the pages of one visit.",
    }
    assert CookiePurpose.objects.filter(locale=german).count() == 2


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def test_translators_edit_a_category_s_german_wording_in_the_admin(
    admin_client, analytics_in_german
):
    url = reverse(
        "wagtailsnippets_consent_categorywording:edit", args=[analytics_in_german.pk]
    )
    assert admin_client.get(url).status_code == 200
    purposes = list(analytics_in_german.purposes.order_by("sort_order"))
    data = {
        "category": analytics_in_german.category_id,
        "name": "Besuchsstatistik",
        "description": "Zählt Besuche.",
        "purposes-TOTAL_FORMS": len(purposes),
        "purposes-INITIAL_FORMS": len(purposes),
        "purposes-MIN_NUM_FORMS": 0,
        "purposes-MAX_NUM_FORMS": 1000,
    }
    for i, purpose in enumerate(purposes):
        data |= {
            f"purposes-{i}-id": purpose.pk,
            f"purposes-{i}-cookie": purpose.cookie_id,
            f"purposes-{i}-purpose": purpose.purpose,
            f"purposes-{i}-ORDER": i + 1,
        }

    response = admin_client.post(url, data)

    assert response.status_code == 302
    analytics_in_german.refresh_from_db()
    assert analytics_in_german.name == "Besuchsstatistik"
    # Wording of another language leaves the category itself alone.
    assert CookieGroup.objects.get(varname="analytics").name == "Analytics"


def test_a_second_wording_in_one_language_is_refused_not_a_500(
    admin_client, analytics_in_german, german
):
    url = reverse("wagtailsnippets_consent_categorywording:add") + "?locale=de"
    response = admin_client.post(
        url,
        {
            "category": analytics_in_german.category_id,
            "name": "Noch einmal",
            "description": "",
            "purposes-TOTAL_FORMS": 0,
            "purposes-INITIAL_FORMS": 0,
            "purposes-MIN_NUM_FORMS": 0,
            "purposes-MAX_NUM_FORMS": 1000,
        },
    )

    assert response.status_code == 200
    assert "It already has wording in this language." in response.content.decode()
    assert CategoryWording.objects.filter(locale=german).count() == 1


def test_publishing_the_policy_page_s_german_translation_asks_only_german_readers(
    client, banner, banner_in_german, german
):
    from microsite.demo import cookie_policy
    from microsite.home.models import InformationPage

    cookie_policy.build(StringIO())
    policy = InformationPage.objects.get(slug="cookie-policy")
    banner.refresh_from_db()
    banner.policy_page = policy
    banner.save()
    english = page_config(get_html(client, "/"))["texts"]
    german_before = page_config(get_html(client, "/", "de"))["texts"]

    translated = policy.copy_for_translation(german, copy_parents=True)
    translated.title = "Cookie-Richtlinie"
    translated.save_revision().publish()

    assert page_config(get_html(client, "/"))["texts"] == english
    assert page_config(get_html(client, "/", "de"))["texts"] > german_before
