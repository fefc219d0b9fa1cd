"""Every value the API cannot use is a 400 with a JSON message, never a 500.

Each case failed with a 500 on SQLite, PostgreSQL or both before the API checked
its parameters (issue 11, item 6).
"""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAST_64_BITS = "9223372036854775808"

BAD_REQUESTS = {
    # The issue's own findings.
    "/api/v2/pages/?offset=" + PAST_64_BITS: "offset",
    "/api/v2/images/?offset=" + PAST_64_BITS: "offset",
    "/api/v2/documents/?offset=" + PAST_64_BITS: "offset",
    "/api/v2/pages/?search=%00": "control characters",
    "/api/v2/pages/?search=%22": "double quotes",
    '/api/v2/pages/?search=fatty%20"acid': "double quotes",
    "/api/v2/pages/?search=acid&search_operator=evil": "search_operator",
    "/api/v2/pages/?search_operator=evil": "search_operator",
    "/api/v2/pages/find/?id=abc": "id",
    "/api/v2/images/find/?id=abc": "id",
    "/api/v2/documents/find/?id=abc": "id",
    # The same classes, found while looking for them.
    "/api/v2/pages/find/?id=%00": "control characters",
    "/api/v2/pages/find/?html_path=/glossary/%00": "control characters",
    "/api/v2/pages/?locale=%00": "control characters",
    "/api/v2/pages/?site=%00": "control characters",
    "/api/v2/pages/?offset=%D9%A3": "offset",  # Arabic-Indic 3: int() takes it
    "/api/v2/pages/?limit=%C2%B2": "limit",
    "/api/v2/pages/?id=%D9%A3": "id",
    "/api/v2/pages/?child_of=%D9%A3": "child_of",
    "/api/v2/pages/?descendant_of=%C2%B2": "descendant_of",
    "/api/v2/pages/?alias_of=" + PAST_64_BITS: "alias_of",
    "/api/v2/pages/?type=articles.ArticlePage&hero_image=" + PAST_64_BITS: (
        "hero_image"
    ),
    "/api/v2/pages/?first_published_at=yesterday": "first_published_at",
    "/api/v2/pages/?type=articles.ArticlePage&date_published=99999-01-01": (
        "date_published"
    ),
    "/api/v2/pages/?type=glossary.GlossaryTermPage&last_reviewed=2026-13-45": (
        "last_reviewed"
    ),
    "/api/v2/images/?tags=" + ",".join(["gut"] * 70): "tags",
    "/api/v2/pages/?search=" + "acid%20" * 150: "search",
    "/api/v2/pages/?fields=" + "a(" * 3000: "fields",
    "/api/v2/pages/?offset=1&offset=2": "offset",
    "/api/v2/pages/?format=evil": "format",
    "/api/v2/pages/?title=" + "a" * 8192: "title",
}


@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_a_bad_query_parameter_is_a_400_with_a_json_message(term, url):
    response = Client(raise_request_exception=False).get(url)

    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert BAD_REQUESTS[url] in response.json()["message"]


GOOD_REQUESTS = [
    "/api/v2/pages/?offset=0&limit=1",
    "/api/v2/pages/?offset=2147483647",
    "/api/v2/pages/?search=fatty%20acid&search_operator=or",
    "/api/v2/pages/?search=fatty&search_operator=AND",
    "/api/v2/pages/?search=acid%20AND%20NOT%20(fat*)",
    "/api/v2/pages/?type=glossary.GlossaryTermPage&last_reviewed=2026-01-31",
    "/api/v2/pages/?first_published_at=2026-01-31T10:00:00Z",
    "/api/v2/pages/?type=articles.ArticlePage&hero_image=1",
    "/api/v2/pages/?id=-1",
    "/api/v2/pages/?slug=butyrate&fields=_,title,html_url",
    "/api/v2/images/?tags=gut,fibre",
    "/api/v2/pages/?format=json",
]


@pytest.mark.parametrize("url", GOOD_REQUESTS)
def test_a_good_query_is_still_answered(term, url):
    response = Client().get(url)

    assert response.status_code == 200, response.content[:300]
    assert "items" in response.json()


def test_finding_a_page_by_id_redirects_to_it(term):
    response = Client().get(f"/api/v2/pages/find/?id={term.pk}&fields=title")

    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{term.pk}/?fields=title")


def test_a_search_finds_the_term(term):
    response = Client().get("/api/v2/pages/?search=fatty&search_operator=or")

    assert [item["id"] for item in response.json()["items"]] == [term.pk]


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/abc/", "/api/v2/nothing/", "/api/v2/pages/4/extra/"]
)
def test_an_unknown_api_address_is_a_json_404(term, url):
    response = Client().get(url)

    assert response.status_code == 404
    assert response.json() == {"message": "not found"}


def test_an_api_address_without_its_slash_is_redirected(term):
    response = Client().get("/api/v2/pages")

    assert response.status_code == 301
    assert response["Location"] == "/api/v2/pages/"
