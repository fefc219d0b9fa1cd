"""Fixtures for the translation tests: the glossary and consent fixtures, and a
German site (LANGUAGE_CODE="de"; this site has no i18n_patterns or
LocaleMiddleware, so the setting is the language every request is served in)."""

import datetime

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from tests.consent.conftest import categories, site_pages, site_url  # noqa: F401
from tests.glossary.conftest import glossary_index, make_term, make_topic  # noqa: F401
from tests.glossary.factories import ReviewerFactory


@pytest.fixture
def german():
    """Serve and render in German: the test client's thread and the live server's.

    A German site's Wagtail has a German default Locale (its first migration makes
    it from LANGUAGE_CODE); translatable snippets saved here are put in it.
    """
    with override_settings(LANGUAGE_CODE="de"), translation.override("de"):
        Locale.objects.get_or_create(language_code="de")
        yield


@pytest.fixture
def german_term(make_term, make_topic):  # noqa: F811 (fixtures)
    """A term written in German, with every optional part, and a neighbour: any
    English left on its pages comes from the plugin, not from the content."""
    neighbour = make_term(
        "Dysbiose",
        definition="Ein Ungleichgewicht der Darmbakterien.",
        origin="<p>Aus dem Griechischen.</p>",
        mechanism="<p>Weniger Vielfalt, mehr Entzündung.</p>",
    )
    return make_term(
        "Darmmikrobiom",
        definition="Die Gemeinschaft der Mikroben, die im Verdauungstrakt lebt.",
        synonyms=["Darmflora"],
        topics=[make_topic("Verdauung", slug="verdauung")],
        related=[neighbour],
        sources=[{"title": "Darmflora und Gesundheit", "publisher": "Ärzteblatt"}],
        origin="<p>Von griechisch <i>mikros</i>, klein, und <i>bios</i>, Leben.</p>",
        mechanism="<p>Mikroben vergären Ballaststoffe zu kurzkettigen Fettsäuren.</p>",
        clinical_reviewer=ReviewerFactory(name="Dr. med. Ana Ruiz", credentials=""),
        last_reviewed=datetime.date(2026, 3, 4),
    )
