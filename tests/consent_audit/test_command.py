"""audit_consent against the demo site in a real Chromium, and its exit status."""

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cookie_consent.models import CookieGroup
from django.core.cache import cache
from django.core.management import CommandError, call_command

from consent.audit.browser import event_loop_running
from consent.models import GatedScript

ROOT = Path(__file__).resolve().parents[2]


def audit(*args, **options):
    """Run the command; (exit status, stdout)."""
    out = io.StringIO()
    try:
        call_command("audit_consent", *args, stdout=out, **options)
    except CommandError as error:
        return error.returncode, out.getvalue(), str(error)
    return 0, out.getvalue(), ""


def add_undeclared_analytics_cookie():
    GatedScript.objects.create(
        name="Undeclared tracker",
        category=CookieGroup.objects.get(varname="analytics"),
        code='document.cookie = "undeclared_tracker=1;path=/;max-age=3600";',
    )
    cache.clear()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_demo_site_audited_from_its_sitemap_is_clean_and_exits_0(demo_site):
    status, out, _ = audit("--json", "--max-pages", "3", base_url=demo_site)

    report = json.loads(out)
    assert status == 0
    assert report["clean"] is True
    assert report["violations"] == []
    assert report["errors"] == []
    assert len(report["urls"]) == 3
    assert all(url.startswith(demo_site + "/") for url in report["urls"])
    assert [p["phase"] for p in report["phases"]] == ["before", "reject", "accept"]
    before, reject, accept = report["phases"]
    assert all(p["findings"] == [] for p in before["pages"])
    after_accept = {f["name"]: f for p in accept["pages"] for f in p["findings"]}
    assert after_accept["_ga"]["verdict"] == "ok"
    assert after_accept["_ga"]["category"] == "analytics"
    assert after_accept["_ga_DEMO123"]["category"] == "analytics"
    assert after_accept["demo_analytics_visits"]["kind"] == "local"
    assert "_ga" not in {f["name"] for p in reject["pages"] for f in p["findings"]}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_undeclared_cookie_from_an_analytics_script_fails_after_accept_all(
    demo_site,
):
    add_undeclared_analytics_cookie()

    status, out, message = audit("/", "/glossary/", base_url=demo_site)

    assert status == 1
    assert message == "1 consent violation(s) found"
    assert "== Before any choice: 0 violation(s)" in out
    assert "== After Reject all: 0 violation(s)" in out
    assert "== After Accept all: 1 violation(s)" in out
    accept_section = out.split("== After Accept all")[1]
    assert (
        "VIOLATION cookie undeclared_tracker (localhost): not declared in any category"
        in accept_section
    )

    status, out, _ = audit("--json", "/", base_url=demo_site)

    assert status == 1
    [violation] = json.loads(out)["violations"]
    assert violation["phase"] == "accept"
    assert violation["url"] == demo_site + "/"
    assert (violation["kind"], violation["name"]) == ("cookie", "undeclared_tracker")
    assert violation["category"] is None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("tests.consent_audit.urls")
def test_a_cookie_and_a_request_to_another_host_before_a_choice_are_violations(
    demo_site,
):
    status, out, _ = audit("--json", "/", "/audit-leaky/", base_url=demo_site)

    report = json.loads(out)
    assert status == 1
    found = {(v["phase"], v["kind"], v["name"]) for v in report["violations"]}
    assert found == {
        ("before", "cookie", "pre_consent_tracker"),
        ("before", "request", "127.0.0.1"),
        ("reject", "cookie", "pre_consent_tracker"),
        ("reject", "request", "127.0.0.1"),
        ("accept", "cookie", "pre_consent_tracker"),
    }
    leaky = demo_site + "/audit-leaky/"
    assert {v["url"] for v in report["violations"]} == {leaky}
    accept = report["phases"][2]
    [request] = [
        f for p in accept["pages"] for f in p["findings"] if f["kind"] == "request"
    ]
    assert request["verdict"] == "info"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_audit_runs_in_its_own_thread_while_the_caller_drives_chromium(
    demo_site, page
):
    page.goto(demo_site + "/")
    assert event_loop_running() is True

    status, out, _ = audit("/", base_url=demo_site)

    assert status == 0
    assert "Result: 0 violation(s)" in out
    assert page.title()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("tests.consent_audit.urls")
def test_a_first_page_without_the_banner_is_a_violation_in_both_choice_phases(
    demo_site,
):
    leaky = demo_site + "/audit-leaky/"

    status, out, _ = audit("--json", "--timeout", "3", leaky)

    report = json.loads(out)
    assert status == 1
    banner = [v for v in report["violations"] if v["kind"] == "banner"]
    assert [(v["phase"], v["name"], v["url"]) for v in banner] == [
        ("reject", "Reject all", leaky),
        ("accept", "Accept all", leaky),
    ]
    assert (
        banner[0]["reason"] == f"the banner's Reject all button did not show on {leaky}"
    )
    assert report["phases"][2]["note"] == "Could not click Accept all."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("tests.consent_audit.urls")
def test_a_page_that_does_not_load_in_time_exits_2_and_is_reported(demo_site):
    slow = demo_site + "/audit-slow/"

    status, out, message = audit("--json", "--timeout", "2", slow)

    report = json.loads(out)
    assert status == 2
    assert message.startswith(
        f"3 page visit(s) failed; first: Before any choice: {slow}: "
    )
    assert "Timeout 2000ms exceeded" in message
    assert report["clean"] is False and report["violations"] == []
    for phase in report["phases"]:
        assert [p["verdict"] for p in phase["pages"]] == ["error"]
    assert report["phases"][1]["note"] == (
        "Could not click Reject all: the first page did not load."
    )


def test_an_unreachable_base_url_exits_2_with_a_one_line_message():
    base_url = f"http://127.0.0.1:{free_port()}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "microsite.settings.test"}

    result = subprocess.run(
        [sys.executable, "manage.py", "audit_consent", "--base-url", base_url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"CommandError: Cannot reach {base_url}/sitemap.xml: Connection refused"
    ]


def test_an_unreachable_page_given_by_url_exits_2_in_process():
    url = f"http://127.0.0.1:{free_port()}/"

    status, _, message = audit(url)

    assert (status, message) == (2, f"Cannot reach {url}: Connection refused")


def test_a_missing_chromium_exits_2_and_says_where_it_looked():
    status, _, message = audit(
        "/", base_url="http://127.0.0.1:1", chromium="/nonexistent/chromium"
    )

    assert status == 2
    assert message == (
        "Chromium not found at /nonexistent/chromium "
        "(give --chromium PATH or set CONSENT_AUDIT_CHROMIUM)"
    )


def test_the_chromium_setting_is_the_default(settings):
    settings.CONSENT_AUDIT_CHROMIUM = "/opt/no-such-chromium"

    status, _, message = audit("/", base_url="http://127.0.0.1:1")

    assert status == 2
    assert "/opt/no-such-chromium" in message


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--max-pages", "0"], "--max-pages must be at least 1"),
        (["--timeout", "0"], "--timeout must be positive"),
        (["--base-url", "localhost:8000"], "not an http(s) URL: 'localhost:8000'"),
        (
            ["--base-url", "http://localhost:8000", "https://example.org/"],
            "https://example.org/ is not on http://localhost:8000",
        ),
    ],
)
def test_bad_arguments_exit_2_with_a_message(args, expected):
    assert audit(*args)[::2] == (2, expected)


def test_the_base_url_defaults_to_the_first_urls_origin():
    url = f"http://127.0.0.1:{free_port()}/glossary/"

    status, _, message = audit(url)

    assert status == 2
    assert urlsplit(url).netloc in message
