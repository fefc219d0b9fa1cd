"""Every link and form the plugin renders follows the prefix the site mounts
``consent.urls`` at: here /privacy/cookies/, where /cookies/ is a 404."""

import json
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User

from .urls_prefixed import PREFIX

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.consent.urls_prefixed")]

LINK = re.compile(
    r'<(?:a|form|link|script)\b[^>]*?\b(?:href|action|src|data-src)="([^"]*)"'
)
CONFIG = re.compile(
    r'<script id="consent-config" type="application/json">(.*?)</script>'
)
PAGES = ["/", "/embed-demo/", PREFIX]


def internal_addresses(html):
    """Addresses on this site that a page links to, posts to or loads."""
    found = {unescape(url) for url in LINK.findall(html)}
    if config := CONFIG.search(html):
        found |= set(json.loads(config[1])["urls"].values())
    return {url for url in found if url.startswith("/") and not url.startswith("//")}


def test_the_old_prefix_is_really_gone(client, site_pages):
    assert client.get("/cookies/").status_code == 404
    assert client.get(PREFIX).status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_no_page_points_at_the_unmounted_cookies_prefix(client, site_pages, path):
    html = client.get(path).content.decode()

    addresses = internal_addresses(html)
    assert addresses, "the page links somewhere"
    assert not [url for url in addresses if url.startswith("/cookies/")]


def test_every_plugin_address_the_pages_use_answers_without_404(client, site_pages):
    addresses = set()
    for path in PAGES:
        addresses |= internal_addresses(client.get(path).content.decode())

    plugin = {url for url in addresses if url.startswith((PREFIX, "/static/consent/"))}
    # The settings page, status, accept, decline, save and a gated script file.
    assert len({urlsplit(url).path for url in plugin if PREFIX in url}) >= 6
    missing = {}
    for url in sorted(plugin):
        response = client.get(url)
        if response.status_code == 405:  # the decision views only take POST
            response = client.post(url, {"all_groups": "1", "source": "page"})
        if response.status_code == 404:
            missing[url] = 404
    assert missing == {}


def test_the_config_for_scripts_names_the_prefixed_views(client, site_pages):
    html = client.get("/").content.decode()

    urls = json.loads(CONFIG.search(html)[1])["urls"]
    assert urls == {
        "status": f"{PREFIX}status/",
        "accept": f"{PREFIX}accept/",
        "decline": f"{PREFIX}decline/",
        "save": f"{PREFIX}save/",
    }


def test_the_banner_noscript_and_gated_block_links_go_to_the_settings_page(
    client, site_pages
):
    html = client.get("/embed-demo/").content.decode()

    assert f'href="{PREFIX}">cookie settings page</a>' in html
    assert f'<a href="{PREFIX}">Cookie settings</a>' in html
    assert f'class="consent-preferences-link" href="{PREFIX}"' in html


@pytest.mark.parametrize("view", ["save", "accept", "decline"])
def test_a_choice_without_javascript_returns_to_the_prefixed_settings_page(
    client, site_pages, view
):
    response = client.post(
        f"{PREFIX}{view}/", {"all_groups": "1", "cookie_groups": ["analytics"]}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(f"{PREFIX}?saved=1")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Your choices are saved." in page.content.decode()


def test_the_settings_page_forms_post_to_the_prefixed_views(client, site_pages):
    html = client.get(PREFIX).content.decode()

    actions = re.findall(r'<form method="post" action="([^"]+)"', html)
    assert sorted(actions) == sorted(
        [f"{PREFIX}save/", f"{PREFIX}accept/", f"{PREFIX}decline/"]
    )


def test_the_consent_records_pages_and_their_links_work(client, site_pages):
    client.force_login(User.objects.create_superuser("admin", "a@example.org", "x"))
    client.post(f"{PREFIX}accept/", {"all_groups": "1"})

    for path in ["/admin/consent-records/", "/admin/consent-records/dashboard/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        for url in internal_addresses(response.content.decode()):
            if url.startswith(("/admin/consent-records/", PREFIX)):
                assert client.get(url).status_code != 404, url


def test_robots_txt_keeps_crawlers_off_the_prefixed_settings_page(client):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert f"Disallow: {PREFIX}" in lines
    assert "Disallow: /cookies/" not in lines
