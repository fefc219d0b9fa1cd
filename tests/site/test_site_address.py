"""`manage.py set_site_address`: the address every full URL of the site starts with.

Wagtail builds canonical links, `og:url`, JSON-LD, feed ids and sitemap entries from
the default Site's host name and port; `make run` points it at the address it serves.
"""

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    AuthorFactory,
)
from tests.site.conftest import build_site_content

SERVED_AT = "http://127.0.0.1:8001"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP_LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def set_site_address(*args) -> str:
    out = io.StringIO()
    call_command("set_site_address", *args, stdout=out)
    return out.getvalue()


def visit(client, path, host="127.0.0.1:8001"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    return response


def canonical_and_og_url(html: str) -> tuple[str, str]:
    [canonical] = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
    [og_url] = re.findall(r'<meta property="og:url" content="([^"]*)">', html)
    return canonical, og_url


def json_ld_urls(html: str) -> list[str]:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
    )
    return [json.loads(block)["url"] for block in blocks]


def default_site_address() -> tuple[str, int]:
    site = Site.objects.get(is_default_site=True)
    return site.hostname, site.port


@pytest.fixture
def article(home_page):
    index = ArticleIndexPageFactory(parent=home_page)
    return ArticlePageFactory(
        parent=index, slug="fibre-and-the-colon", author=AuthorFactory()
    )


def test_pages_name_the_address_in_their_canonical_link_and_og_url(client, butyrate):
    set_site_address("127.0.0.1", "8001")

    html = visit(client, "/glossary/butyrate/").content.decode()

    assert canonical_and_og_url(html) == (
        f"{SERVED_AT}/glossary/butyrate/",
        f"{SERVED_AT}/glossary/butyrate/",
    )


def test_json_ld_names_the_address(client, butyrate):
    set_site_address("127.0.0.1", "8001")

    html = visit(client, "/glossary/butyrate/").content.decode()

    assert f"{SERVED_AT}/glossary/butyrate/" in json_ld_urls(html)


def test_sitemap_entries_name_the_address(client, butyrate):
    set_site_address("127.0.0.1", "8001")

    sitemap = ET.fromstring(visit(client, "/sitemap-glossary.xml").content)

    locations = [loc.text for loc in sitemap.iter(SITEMAP_LOC)]
    assert f"{SERVED_AT}/glossary/butyrate/" in locations
    assert all(location.startswith(f"{SERVED_AT}/") for location in locations)


def test_feed_ids_name_the_address(client, article):
    set_site_address("127.0.0.1", "8001")

    atom = ET.fromstring(visit(client, "/articles/feed/atom/").content)
    rss = ET.fromstring(visit(client, "/articles/feed/").content)

    article_url = f"{SERVED_AT}/articles/fibre-and-the-colon/"
    assert atom.findtext(f"{ATOM}id") == f"{SERVED_AT}/articles/"
    assert [entry.findtext(f"{ATOM}id") for entry in atom.iter(f"{ATOM}entry")] == [
        article_url
    ]
    assert [guid.text for guid in rss.iter("guid")] == [article_url]


def test_port_443_gives_https_addresses(client, butyrate):
    set_site_address("gut-health.example.org", "443")

    html = visit(client, "/glossary/butyrate/", host="gut-health.example.org").content

    assert canonical_and_og_url(html.decode())[0] == (
        "https://gut-health.example.org/glossary/butyrate/"
    )


def test_running_it_again_with_another_port_moves_the_site(client, butyrate):
    set_site_address("127.0.0.1", "8001")
    output = set_site_address("127.0.0.1", "8002")

    html = visit(client, "/glossary/butyrate/", host="127.0.0.1:8002").content
    assert canonical_and_og_url(html.decode())[0] == (
        "http://127.0.0.1:8002/glossary/butyrate/"
    )
    assert Site.objects.count() == 1
    assert "http://127.0.0.1:8002/" in output


def test_running_it_again_with_the_same_address_writes_nothing(demo_content):
    set_site_address("127.0.0.1", "8001")

    with CaptureQueriesContext(connection) as queries:
        output = set_site_address("127.0.0.1", "8001")

    statements = [query["sql"].split()[0].upper() for query in queries]
    assert set(statements) == {"SELECT"}
    assert output == "The site's address is already http://127.0.0.1:8001/\n"


def test_rebuilding_the_demo_keeps_the_address(demo_content):
    set_site_address("127.0.0.1", "8001")

    build_site_content()

    assert default_site_address() == ("127.0.0.1", 8001)


@pytest.mark.parametrize(
    "hostname, stored",
    [
        ("localhost", "localhost"),
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]", "[::1]"),
        ("Gut-Health.Example.ORG", "gut-health.example.org"),
    ],
)
def test_host_names_and_ip_addresses_are_accepted(demo_content, hostname, stored):
    set_site_address(hostname, "8001")

    assert default_site_address() == (stored, 8001)


@pytest.mark.parametrize("port", ["0", "65536", "-1", "eighty", "80.5", ""])
def test_a_bad_port_is_refused_with_a_clear_error_and_changes_nothing(
    demo_content, port
):
    before = default_site_address()

    with pytest.raises(CommandError, match="The port must be a whole number"):
        set_site_address("127.0.0.1", port)

    assert default_site_address() == before


@pytest.mark.parametrize(
    "hostname",
    [
        "http://example.org",
        "example.org:443",
        "example.org/glossary",
        "editor@example.org",
        "exa mple.org",
        "example-.org",
        "::1",
        "",
        "a" * 64 + ".org",
    ],
)
def test_a_bad_host_is_refused_with_a_clear_error_and_changes_nothing(
    demo_content, hostname
):
    before = default_site_address()

    with pytest.raises(CommandError, match="The host name must be"):
        set_site_address(hostname, "8001")

    assert default_site_address() == before


def test_without_a_default_site_it_says_what_to_run_first(db):
    Site.objects.all().delete()

    with pytest.raises(CommandError, match="load_demo"):
        set_site_address("127.0.0.1", "8001")
