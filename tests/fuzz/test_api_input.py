"""No query string makes the public API fail: each answer is JSON, never a 5xx."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.models import GlossaryTermPage

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/find/",
    "/api/v2/images/",
    "/api/v2/images/find/",
    "/api/v2/documents/",
    "/api/v2/documents/find/",
]
# Every parameter Wagtail's endpoints read, and fields of the site's page types.
PARAMETERS = [
    "offset", "limit", "search", "search_operator", "order", "fields", "type",
    "child_of", "descendant_of", "ancestor_of", "translation_of", "locale", "site",
    "rich_text_format", "format", "_", "id", "html_path", "title", "slug",
    "first_published_at", "show_in_menus", "seo_title", "search_description",
    "alias_of", "tags", "width", "height", "definition", "last_reviewed",
    "date_published", "hero_image", "autolink_glossary", "intro", "body", "origin",
]  # fmt: skip
TYPES = ["glossary.GlossaryTermPage", "articles.ArticlePage", "home.HomePage"]

hostile_text = st.one_of(
    st.sampled_from(
        [
            "", "0", "-1", "²", "٣", "١٢", "1e9", " 3 ", "+3", "1_000", "NaN", "root",
            '"', 'a"b', "AND", "OR", "NOT", "*", "(", ")", "a AND (b OR NOT c*)",
            "\x00", "a\x00b", "\x1f", "\u202e", "title,-id", "random", "*,-id",
            "title(", "a" * 8192, "9" * 5000, "2026-13-45", "99999-01-01",
            "true", "evil", "and", "OR", "/glossary/", "/\\evil.com", "api", "json",
        ]
    ),
    st.integers(-(2**70), 2**70).map(str),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
)  # fmt: skip
# Percent-encoded bytes that are not UTF-8; Django decodes them as U+FFFD.
raw_bytes = st.sampled_from(["%ff", "%c3%28", "%ed%a0%80", "%00", "%e2%82"])


def pair(name):
    value = hostile_text.map(lambda text: quote(text, safe=""))
    if name == "type":
        value = st.sampled_from(TYPES) | value
    return st.tuples(st.just(name), value | raw_bytes).map("=".join)


query_strings = st.lists(
    st.sampled_from(PARAMETERS).flatmap(pair), min_size=1, max_size=4
).map("&".join)


@settings(settings.get_profile("fuzz"))
@given(endpoint=st.sampled_from(ENDPOINTS), query=query_strings)
def test_the_api_answers_any_query_string_without_a_server_error(demo, endpoint, query):
    response = Client(raise_request_exception=False).get(f"{endpoint}?{query}")

    assert response.status_code in (200, 302, 400, 404), (endpoint, query)
    if response.status_code != 302 and "format=api" not in query:
        assert response["Content-Type"] == "application/json", (endpoint, query)


@settings(settings.get_profile("fuzz"))
@given(query=query_strings)
def test_a_page_s_detail_answers_any_query_string_without_a_server_error(demo, query):
    term = GlossaryTermPage.objects.live().first()
    response = Client(raise_request_exception=False).get(
        f"/api/v2/pages/{term.pk}/?{query}"
    )

    assert response.status_code in (200, 400, 404), query
    if "format=api" not in query:
        assert response["Content-Type"] == "application/json", query
