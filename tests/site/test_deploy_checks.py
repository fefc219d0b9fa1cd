"""`check --deploy` warns while production still has a development address.

The WAGTAILADMIN_BASE_URL check reads settings only. The Site check reads the
database, so it is a database check: it runs with `check --deploy --database default`
and never on `make check`, which checks production settings against the dev database.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
from wagtail.models import Site

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_URL = "https://gut-health.example.org"


def site_warnings(databases=None) -> dict[str, object]:
    messages = run_checks(include_deployment_checks=True, databases=databases)
    return {m.id: m for m in messages if m.id.startswith("microsite.")}


@pytest.fixture
def production(settings, db):
    """Production as documented: HTTPS, a public admin base URL."""
    settings.SECURE_SSL_REDIRECT = True
    settings.WAGTAILADMIN_BASE_URL = PUBLIC_URL
    return settings


@pytest.fixture
def default_site(site_root) -> Site:
    return Site.objects.get(is_default_site=True)


def move_site(site: Site, hostname: str, port: int) -> None:
    site.hostname, site.port = hostname, port
    site.save()


def test_a_public_https_address_passes(production, default_site):
    move_site(default_site, "gut-health.example.org", 443)

    assert site_warnings(databases=["default"]) == {}


@pytest.mark.parametrize(
    "base_url",
    ["http://127.0.0.1:8000", "http://localhost:8000/", "http://[::1]", "/"],
)
def test_a_development_admin_base_url_is_a_warning_with_a_hint(production, base_url):
    production.WAGTAILADMIN_BASE_URL = base_url

    warning = site_warnings()["microsite.W001"]

    assert base_url in warning.msg
    assert "WAGTAILADMIN_BASE_URL" in warning.hint
    assert PUBLIC_URL in warning.hint


def test_a_plain_http_admin_base_url_behind_https_is_a_warning(production):
    production.WAGTAILADMIN_BASE_URL = "http://gut-health.example.org"

    warning = site_warnings()["microsite.W002"]

    assert "https://" in warning.hint


def test_a_plain_http_admin_base_url_is_fine_when_the_site_is_not_https(production):
    production.SECURE_SSL_REDIRECT = False
    production.WAGTAILADMIN_BASE_URL = "http://gut-health.example.org"

    assert site_warnings() == {}


@pytest.mark.parametrize("hostname", ["localhost", "127.0.0.1", "[::1]"])
def test_a_site_with_a_local_host_name_is_a_warning_with_a_hint(
    production, default_site, hostname
):
    move_site(default_site, hostname, 443)

    warning = site_warnings(databases=["default"])["microsite.W003"]

    assert hostname in warning.msg
    assert "Settings → Sites" in warning.hint
    assert "set_site_address gut-health.example.org 443" in warning.hint


@pytest.mark.parametrize("port", [80, 8000])
def test_a_site_on_a_port_other_than_443_behind_https_is_a_warning(
    production, default_site, port
):
    move_site(default_site, "gut-health.example.org", port)

    warning = site_warnings(databases=["default"])["microsite.W004"]

    assert "http://gut-health.example.org" in warning.msg
    assert "443" in warning.hint


def test_the_wagtail_default_site_warns_for_host_and_port(production, default_site):
    assert set(site_warnings(databases=["default"])) == {
        "microsite.W003",
        "microsite.W004",
    }


def test_the_site_is_checked_only_when_the_database_is(production, default_site):
    assert site_warnings() == {}


def make_check_deploy_command() -> str:
    """The `check --deploy` line of `make check`, as make would run it."""
    venv = Path(sys.executable).parent.parent
    dry_run = subprocess.run(
        ["make", "--dry-run", "check", f"VENV={venv}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    commands = dry_run.stdout.replace("\\\n", " ").splitlines()
    [command] = [command for command in commands if "--deploy" in command]
    return command


@pytest.mark.parametrize("extra", ["", " --database default"])
def test_make_checks_deploy_line_passes_on_a_fresh_machine(tmp_path, extra):
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "WAGTAIL")) and name != "DATABASE_URL"
    }
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    environment["VAR_DIR"] = str(tmp_path)

    result = subprocess.run(
        ["bash", "-c", make_check_deploy_command() + extra],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
