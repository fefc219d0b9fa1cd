"""The API and sitemap a site gets from the plugin alone, with the URLs of
docs/glossary.md rather than this site's own router and sections."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.glossary.documented_urls")]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, path):
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in root.iterfind(".//s:loc", NS)]


def test_sitemap_index_lists_the_glossary_in_one_section_and_terms_in_the_other(
    client, glossary_index, make_term
):
    glossary_index.save_revision().publish()
    make_term("Butyrate", publish=True)
    make_term("Draft term", live=False)

    sections = locations(client, "/sitemap.xml")
    assert sections == ["/sitemap-pages.xml", "/sitemap-glossary.xml"]
    assert "/glossary/" in locations(client, "/sitemap-pages.xml")
    assert locations(client, "/sitemap-glossary.xml") == ["/glossary/butyrate/"]


def test_pages_api_serves_the_terms_fields(client, make_term):
    make_term("Butyrate", origin="<p>From butter.</p>", publish=True)

    response = client.get(
        "/api/v2/pages/",
        {"type": "glossary.GlossaryTermPage", "fields": "definition,origin,mechanism"},
    )

    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["title"] == "Butyrate"
    assert item["origin"] == "<p>From butter.</p>"
    assert {"definition", "mechanism"} <= set(item)
