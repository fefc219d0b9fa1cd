"""The health-data shield in a real Chromium, with the demo's analytics script and
marketing pixel served by a recording host on 127.0.0.2 (issue 16's proof).

Everything is accepted in every test: the shield holds whatever the visitor chose.
"""

from urllib.parse import unquote

import pytest
from django.core.cache import cache

from consent.audit.leaks import find_leak, needles_for
from consent.models import GatedScript
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from tests.glossary.factories import GlossaryTermPageFactory

from .browser import BANNER, banner_button, runs
from .recording_host import RecordingHost

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Gut–brain axis"
SLUG = "gut-brain-axis"


@pytest.fixture
def recorder():
    with RecordingHost() as host:
        yield host


@pytest.fixture
def shield_site(live_server, site_pages, recorder):
    """The demo site with a term, its two demo scripts loaded from the recorder."""
    GlossaryTermPageFactory(
        parent=GlossaryIndexPage.objects.get(), title=TITLE, slug=SLUG
    ).save_revision().publish()
    serve_demo_scripts_from(recorder)
    return live_server.url


def serve_demo_scripts_from(recorder, analytics_safe=False):
    for name, path in (
        ("Demo analytics", "analytics.js"),
        ("Demo marketing pixel", "pixel.js"),
    ):
        script = GatedScript.objects.get(name=name)
        script.src, script.code = f"{recorder.origin}/{path}", ""
        if name == "Demo analytics":
            script.safe_on_sensitive_pages = analytics_safe
        script.save()
    cache.clear()


def mark_analytics_safe(safe=True):
    # As the admin form does; saving a script purges the cached pages.
    script = GatedScript.objects.get(name="Demo analytics")
    script.safe_on_sensitive_pages = safe
    script.save()


def accept_all(page, url):
    page.goto(url)
    banner_button(page, "Accept all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.wait_for_load_state("networkidle")


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")


def leaks(recorder, titles, url):
    needles = needles_for(titles, url)
    return [
        r
        for r in recorder.requests()
        if find_leak(needles, r.url, r.referer, r.body) is not None
    ]


def test_on_a_sensitive_term_after_accept_all_no_pixel_and_no_unmarked_analytics(
    page, shield_site, recorder
):
    term_url = f"{shield_site}/glossary/{SLUG}/"
    accept_all(page, term_url)
    visit(page, term_url)

    assert runs(page) == [0, 0]
    assert recorder.requests() == []
    assert page.errors == []


def test_analytics_marked_safe_runs_on_a_sensitive_term_and_sees_only_its_type(
    page, shield_site, recorder
):
    mark_analytics_safe()
    term_url = f"{shield_site}/glossary/{SLUG}/"
    accept_all(page, term_url)
    recorder.clear()
    visit(page, term_url)

    assert runs(page) == [1, 0]
    origin = shield_site
    assert page.evaluate("window.demoAnalyticsSaw") == {
        "sensitive": True,
        "title": "Glossary term",
        "path": "/glossary/[term]/",
        "location": f"{origin}/glossary/[term]/",
    }
    layer = page.evaluate(
        "dataLayer.filter(e => e.event == 'consent_page')"
        ".map(e => [e.page_title, e.page_location])"
    )
    assert layer == [["Glossary term", f"{origin}/glossary/[term]/"]]
    paths = [r.path for r in recorder.requests()]
    assert paths == ["/analytics.js", "/collect.js"]
    assert "dt=Glossary%20term" in recorder.requests()[1].url
    titles = page.evaluate("[document.title, document.querySelector('h1').textContent]")
    assert TITLE in titles[1]
    assert leaks(recorder, titles, term_url) == []
    assert all(r.referer == "" for r in recorder.requests())
    assert page.errors == []


def test_on_the_home_page_after_accept_all_both_scripts_run_as_before(
    page, shield_site, recorder
):
    accept_all(page, shield_site + "/")
    visit(page, shield_site + "/")

    assert runs(page) == [1, 1]
    paths = sorted(r.path for r in recorder.requests())
    assert paths.count("/pixel.js") == 2 and paths.count("/track.js") == 2
    # Today's behaviour on a normal page: the pixel reports the real address.
    tracked = [unquote(r.url) for r in recorder.requests() if r.path == "/track.js"]
    assert all(f"u={shield_site}/&t=" in url for url in tracked)
    assert page.evaluate("consent.page.sensitive") is False
    assert page.errors == []


def test_an_unmarked_term_behaves_as_a_normal_page_once_published(
    page, shield_site, recorder, client
):
    term_url = f"{shield_site}/glossary/{SLUG}/"
    path = f"/glossary/{SLUG}/"
    client.get(path)
    assert client.get(path)["X-Cache"] == "HIT"
    cached = client.get(path).content

    term = GlossaryTermPage.objects.get(slug=SLUG)
    term.sensitive = False
    term.save_revision().publish()

    fresh = client.get(path)
    assert fresh["X-Cache"] == "MISS"
    assert fresh.content != cached
    accept_all(page, term_url)
    visit(page, term_url)
    assert runs(page) == [1, 1]
    assert page.evaluate("consent.page") == {
        "sensitive": False,
        "title": page.title(),
        "path": path,
        "location": term_url,
    }


def test_a_click_to_another_host_from_a_sensitive_page_sends_no_address(
    page, shield_site, recorder
):
    term_url = f"{shield_site}/glossary/{SLUG}/"
    visit(page, term_url)
    page.evaluate(
        """origin => {
          const a = document.createElement("a");
          a.href = origin + "/outbound"; a.id = "out"; a.textContent = "out";
          document.body.append(a);
        }""",
        recorder.origin,
    )
    with page.expect_navigation():
        page.click("#out")

    [outbound] = [r for r in recorder.requests() if r.path == "/outbound"]
    assert outbound.referer == ""


GTAG_CALLS = "(window.dataLayer || []).filter(a => !a.event).map(a => Array.from(a))"


def test_with_consent_mode_a_sensitive_page_asks_google_tags_to_redact(
    page, shield_site, settings
):
    settings.CONSENT_GOOGLE_CONSENT_MODE = True
    cache.clear()
    visit(page, f"{shield_site}/glossary/{SLUG}/")

    calls = page.evaluate(GTAG_CALLS)
    assert calls[0][:2] == ["consent", "default"]
    assert calls[1] == [
        "set",
        {
            "ads_data_redaction": True,
            "url_passthrough": False,
            "page_title": "Glossary term",
            "page_location": f"{shield_site}/glossary/[term]/",
        },
    ]

    visit(page, shield_site + "/")
    assert [c[0] for c in page.evaluate(GTAG_CALLS)] == ["consent"]
