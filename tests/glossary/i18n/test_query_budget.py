"""A German glossary costs as many queries with many terms as with a few.

Measured on SQLite with WAGTAIL_I18N_ENABLED: 12 queries for a German index
view and 14 for a German term page (11 and 13 in English). The glossary's own
queries are those of a site without i18n; the rest is Wagtail's routing, which
the site's cached lookups (``microsite.caching.lookups``) leave to Wagtail on a
translated site.
"""

import string

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.glossary.factories import bulk_add_terms

from .conftest import translate_topic

pytestmark = pytest.mark.django_db

URLS = [
    "/de/glossary/",
    "/de/glossary/?topic=haut",
    "/de/glossary/?letter=b&topic=haut",
    "/de/glossary/?q=term",
    "/de/glossary/b-term-0001/",
    "/glossary/?topic=skin",
    "/glossary/b-term-0001/",
]


def queries_for(client, url) -> int:
    client.get(url)  # warms the caches, as any visit before it would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_terms(glossary, start, count, topic):
    titles = [
        f"{string.ascii_uppercase[n % 26]}-term {n:04d}"
        for n in range(start, start + count)
    ]
    return bulk_add_terms(glossary, titles, topic=topic, topic_every=1)


def test_german_glossary_pages_run_as_many_queries_with_300_terms_as_with_30(
    client, settings, make_topic, glossary_index, german_glossary, german
):
    settings.PAGE_CACHE_ENABLED = False
    skin = make_topic("Skin")
    haut = translate_topic(skin, german, "Haut", "haut")
    add_terms(glossary_index, 0, 30, skin)
    add_terms(german_glossary, 0, 30, haut)
    few = {url: queries_for(client, url) for url in URLS}

    add_terms(glossary_index, 30, 270, skin)
    add_terms(german_glossary, 30, 270, haut)
    many = {url: queries_for(client, url) for url in URLS}

    assert many == few
