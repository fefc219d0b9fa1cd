"""Which pages the audit visits: given URLs, or the site's own sitemap."""

import pytest

from consent.audit.sitemap import (
    SitemapError,
    normalise_base_url,
    parse_sitemap,
    rebase,
    resolve_urls,
)

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>http://localhost/</loc><lastmod>2026-01-01</lastmod></url>
  <url><loc>http://localhost/glossary/</loc></url>
  <url><loc>http://localhost/glossary/butyrate/?tab=1</loc></url>
  <url><loc>https://elsewhere.test/page/</loc></url>
</urlset>"""

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>http://localhost/sitemap-pages.xml</loc></sitemap>
</sitemapindex>"""


def test_a_urlset_gives_its_locations_in_order():
    assert parse_sitemap(URLSET) == (
        "urlset",
        [
            "http://localhost/",
            "http://localhost/glossary/",
            "http://localhost/glossary/butyrate/?tab=1",
            "https://elsewhere.test/page/",
        ],
    )


def test_a_sitemap_index_gives_its_sitemaps():
    assert parse_sitemap(INDEX) == (
        "sitemapindex",
        ["http://localhost/sitemap-pages.xml"],
    )


@pytest.mark.parametrize("body", [b"<html><body>Not found</body></html>", b"{oops"])
def test_anything_else_is_a_sitemap_error(body):
    with pytest.raises(SitemapError):
        parse_sitemap(body)


def test_the_sites_own_pages_are_moved_onto_the_audited_address():
    _, locs = parse_sitemap(URLSET)

    urls = rebase(locs, "http://127.0.0.1:8000", site_hosts=["localhost"])

    assert urls == [
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/glossary/",
        "http://127.0.0.1:8000/glossary/butyrate/?tab=1",
    ]


def test_pages_on_other_hosts_are_left_out_and_max_pages_is_kept():
    _, locs = parse_sitemap(URLSET)

    assert rebase(locs, "http://localhost:8081", limit=2) == [
        "http://localhost:8081/",
        "http://localhost:8081/glossary/",
    ]
    assert rebase(locs, "http://127.0.0.1:8000") == []


def test_given_paths_are_joined_to_the_base_url_once_each():
    assert resolve_urls(
        ["/", "glossary/", "http://localhost:8000/", "/"], "http://localhost:8000"
    ) == ["http://localhost:8000/", "http://localhost:8000/glossary/"]


def test_a_given_url_on_another_host_is_refused():
    with pytest.raises(ValueError, match="is not on http://localhost:8000"):
        resolve_urls(["https://example.org/"], "http://localhost:8000")


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
        ("https://example.org/some/page?x=1", "https://example.org"),
    ],
)
def test_the_base_url_is_the_origin(given, base):
    assert normalise_base_url(given) == base


@pytest.mark.parametrize("given", ["127.0.0.1:8000", "ftp://example.org", "http://"])
def test_a_base_url_that_is_not_http_is_refused(given):
    with pytest.raises(ValueError, match="not an http"):
        normalise_base_url(given)
