"""Security headers on public pages, /cookies/ and the admin; cookie flags."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from glossary.models import GlossaryTermPage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), browsing-topics=(), interest-cohort=()"
)


@pytest.fixture
def logged_in_admin(admin_client):
    return admin_client


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("path", ["/", "/glossary/butyrate/", "/cookies/"])
def test_public_pages_send_the_security_headers_and_refuse_framing(
    client, demo_content, path
):
    response = client.get(path)

    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_page_not_found_sends_the_security_headers_too(client, demo_content):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_common_headers(response)


def test_the_admin_sends_the_security_headers(logged_in_admin, demo_content):
    term = GlossaryTermPage.objects.get(slug="butyrate")

    response = logged_in_admin.get(reverse("wagtailadmin_pages:edit", args=[term.pk]))

    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_the_admin_preview_may_be_framed_by_the_admin_only(
    logged_in_admin, demo_content
):
    term = GlossaryTermPage.objects.get(slug="butyrate")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[term.pk])

    response = logged_in_admin.get(preview_url)

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_a_preview_rendered_for_the_admin_gets_the_admin_policy(demo_content):
    term = GlossaryTermPage.objects.get(slug="butyrate")

    # Wagtail renders previews through the middleware with a dummy request
    # for the page's public path; the admin frames the result.
    response = term.make_preview_request()

    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_the_login_page_sends_the_security_headers(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert_common_headers(response)


def test_consent_cookies_are_secure_and_same_site_lax_when_configured(
    client, demo_content, settings
):
    settings.COOKIE_CONSENT_SECURE = True

    response = client.post(
        "/cookies/accept/", {"all_groups": "1", "source": "page"}, secure=True
    )

    assert response.status_code == 302
    for name in ("cookie_consent", "cookie_consent_time", "consent_id"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["samesite"] == "Lax", name
    assert response.cookies["consent_id"]["httponly"] is True


def _production_settings(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org")
    sys.modules.pop("microsite.settings.production", None)
    return importlib.import_module("microsite.settings.production")


def test_production_sends_hsts_and_only_secure_same_site_cookies(monkeypatch):
    production = _production_settings(monkeypatch)

    assert production.SECURE_SSL_REDIRECT is True
    assert production.SECURE_HSTS_SECONDS >= 60 * 60 * 24 * 365
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    for prefix in ("SESSION", "CSRF"):
        assert getattr(production, f"{prefix}_COOKIE_SECURE") is True
        assert getattr(production, f"{prefix}_COOKIE_SAMESITE") == "Lax"
    assert production.SESSION_COOKIE_HTTPONLY is True
    assert production.COOKIE_CONSENT_SECURE is True
    assert production.COOKIE_CONSENT_SAMESITE == "Lax"
    assert production.X_FRAME_OPTIONS == "DENY"


def test_production_settings_pass_the_deployment_checks():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="microsite.settings.production",
        SECRET_KEY="check-only-" + "k" * 60,
        ALLOWED_HOSTS="example.org",
        WAGTAILADMIN_BASE_URL="https://example.org",
        DATABASE_URL="sqlite:///:memory:",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
