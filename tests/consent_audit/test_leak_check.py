"""audit_consent's leak check: sensitive pages visited with everything accepted,
every request that leaves the site searched for the page's title, slug and path."""

import json

import pytest
from cookie_consent.models import CookieGroup
from django.core.cache import cache

from consent.models import AuditResult, GatedScript
from tests.consent.recording_host import RecordingHost

from .test_command import audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TERM = "/glossary/butyrate/"


@pytest.fixture
def recorder():
    with RecordingHost() as host:
        yield host


def plant_a_leaky_script_marked_safe(recorder):
    """An "analytics" tag an operator trusted, which sends document.title."""
    GatedScript.objects.create(
        name="Trusted but leaky analytics",
        category=CookieGroup.objects.get(varname="analytics"),
        src=f"{recorder.origin}/leaky.js",
        safe_on_sensitive_pages=True,
    )
    cache.clear()


def test_the_demo_site_has_no_leak_and_the_result_is_kept(demo_site):
    status, out, _ = audit("--json", "/", TERM, base_url=demo_site)

    report = json.loads(out)
    assert status == 0, out
    assert report["leaks"] == 0
    assert report["sensitive_urls"] == [demo_site + TERM]
    latest = AuditResult.objects.latest_run()
    assert (latest.pages, latest.sensitive_pages, latest.leaks) == (2, 1, 0)
    assert latest.clean


def test_a_planted_script_sending_the_title_is_caught_with_page_and_request(
    demo_site, recorder
):
    plant_a_leaky_script_marked_safe(recorder)

    status, out, message = audit("/", TERM, base_url=demo_site)

    assert status == 1
    assert f"{demo_site}{TERM}" in message
    assert f"{recorder.origin}/beacon.js?title=Butyrate" in message
    assert "LEAK to 127.0.0.2" in out
    assert "title “Butyrate" in out
    assert "Leak check: 1 leak(s) on 1 sensitive page(s)" in out
    assert [r.path for r in recorder.requests()].count("/beacon.js") >= 1
    assert AuditResult.objects.latest_run().leaks == 1


def test_the_same_script_on_a_normal_page_is_no_leak(demo_site, recorder):
    plant_a_leaky_script_marked_safe(recorder)

    status, out, _ = audit("--json", "/", "/glossary/", base_url=demo_site)

    assert status == 0, out
    assert json.loads(out)["sensitive_urls"] == []
