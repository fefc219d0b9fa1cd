"""Fixtures and helpers for the glossary in two languages (Wagtail's i18n).

English is the default locale; ``translate`` copies a page into German as an
editor's "Translate" does (Wagtail's ``copy_for_translation``) and publishes it.
German pages are served at /de/… (``urls.py`` beside this file).
"""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Site

# wagtail-localize's tests need its apps installed: `make test` runs them in a pass
# of their own, under localize_settings.py (make test-localize).
if "wagtail_localize" not in settings.INSTALLED_APPS:
    collect_ignore = ["test_localize.py"]

LANGUAGES = [("en-gb", "English"), ("de", "Deutsch")]


@pytest.fixture(autouse=True)
def i18n(settings):
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = LANGUAGES
    settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    settings.ROOT_URLCONF = "tests.glossary.i18n.urls"
    sessions = settings.MIDDLEWARE.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: sessions + 1],
        "django.middleware.locale.LocaleMiddleware",
        *settings.MIDDLEWARE[sessions + 1 :],
    ]


@pytest.fixture
def german(site_root):
    return Locale.objects.get_or_create(language_code="de")[0]


def linked(html):
    """(href, text) of each link in ``html``."""
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', html)


def translate(page, locale):
    """Copy ``page`` into ``locale`` (its parent translated already) and publish."""
    copy = page.copy_for_translation(locale)
    copy.save_revision().publish()
    copy.refresh_from_db()
    Site.clear_site_root_paths_cache()
    return copy.specific


def translate_topic(topic, locale, name, slug):
    copy = topic.copy_for_translation(locale)
    copy.name, copy.slug = name, slug
    copy.save()
    return copy


@pytest.fixture
def german_glossary(site_root, glossary_index, german):
    translate(site_root, german)
    return translate(glossary_index, german)
