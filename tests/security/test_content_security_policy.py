"""The Content-Security-Policy of public pages, the 500 page and the admin."""

import re

import pytest
from cookie_consent.models import CookieGroup
from django.template.loader import render_to_string

from consent import csp
from consent.models import GatedScript

from .conftest import csp_directives

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/glossary/",
    "/glossary/butyrate/",
    "/articles/",
    "/articles/gut-microbiome-and-immune-system/",
    "/cookies/",
    "/search/?q=gut",
]
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPES = {"application/json", "application/ld+json", "text/plain"}


def inline_scripts(html: str) -> list[str]:
    """Bodies of the scripts the browser would execute inline."""
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"]
        kind = re.search(r'type="([^"]+)"', attrs)
        if kind and kind[1] in DATA_TYPES:
            continue
        if "src=" in attrs:
            continue
        found.append(match["body"])
    return found


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_allow_no_inline_code_or_eval(client, demo_content, path):
    response = client.get(path)

    assert response.status_code == 200
    directives = csp_directives(response)
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[directive]
        assert "'unsafe-eval'" not in directives[directive]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert not re.search(r"\sstyle=", response.content.decode())
    assert not re.search(r"\son[a-z]+=", response.content.decode())


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_inline_script_on_a_public_page_is_allowed_by_its_hash(
    client, demo_content, path
):
    response = client.get(path)

    scripts = inline_scripts(response.content.decode())
    assert len(scripts) == 1, "only the consent head script is inline"
    assert csp.sha256_source(scripts[0]) in csp_directives(response)["script-src"]


def test_public_pages_carry_no_nonce_so_they_stay_cacheable(client, demo_content):
    first, second = client.get("/"), client.get("/")

    assert "nonce-" not in first["Content-Security-Policy"]
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]


def test_the_500_page_inline_style_is_allowed_by_its_hash(client, demo_content):
    page = render_to_string("500.html")
    style = re.search(r"<style>(.*?)</style>", page, re.S)[1]

    directives = csp_directives(client.get("/"))

    assert csp.sha256_source(style) in directives["style-src"]
    assert "'self'" in directives["style-src"]


@pytest.fixture
def analytics(demo_content):
    return CookieGroup.objects.get(varname="analytics")


def test_a_gated_script_host_is_allowed_once_registered(client, analytics):
    assert "https://stats.example.org" not in client.get("/")["Content-Security-Policy"]

    script = GatedScript.objects.create(
        name="Stats",
        category=analytics,
        src="https://Stats.example.org/tag.js?id=1",
    )
    assert "https://stats.example.org" in csp_directives(client.get("/"))["script-src"]

    script.enabled = False
    script.save()
    assert "https://stats.example.org" not in client.get("/")["Content-Security-Policy"]


def test_a_deleted_gated_script_host_is_no_longer_allowed(client, analytics):
    script = GatedScript.objects.create(
        name="Pixel", category=analytics, src="https://pixel.example.net:8443/p.js"
    )
    assert (
        "https://pixel.example.net:8443" in client.get("/")["Content-Security-Policy"]
    )

    script.delete()

    assert "pixel.example.net" not in client.get("/")["Content-Security-Policy"]


def test_gated_script_origins_are_cached_between_responses(
    analytics, django_assert_num_queries
):
    GatedScript.objects.create(
        name="Stats", category=analytics, src="https://stats.example.org/t.js"
    )
    assert csp.gated_script_origins() == ["https://stats.example.org"]

    with django_assert_num_queries(0):
        assert csp.gated_script_origins() == ["https://stats.example.org"]


@pytest.mark.parametrize(
    "url, origin",
    [
        ("https://cdn.example.com/a.js", "https://cdn.example.com"),
        ("http://EXAMPLE.com:8080/x", "http://example.com:8080"),
        ("https://a.example;script-src *", None),
        ("https://a.example 'unsafe-inline'", None),
        ("javascript:alert(1)", None),
        ("data:text/javascript,alert(1)", None),
        ("//cdn.example.com/a.js", None),
        ("/static/local.js", None),
        ("https://user:pw@host.example/", None),
        ("", None),
    ],
)
def test_only_a_bare_http_origin_can_enter_the_policy(url, origin):
    assert csp.origin_of(url) == origin


def test_the_admin_has_its_own_policy_that_lets_it_frame_its_previews(admin_client):
    response = admin_client.get("/admin/")

    directives = csp_directives(response)
    assert response.status_code == 200
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["frame-src"] == ["'self'"]
    assert "'unsafe-eval'" not in directives["script-src"]
    # A hash would make browsers ignore the admin's 'unsafe-inline'.
    assert not any(s.startswith("'sha256-") for s in directives["script-src"])


def test_static_files_need_no_policy(client):
    response = client.get("/static/consent/consent.js")

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
