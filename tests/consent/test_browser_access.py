"""Without JavaScript, with broken cookies, by keyboard and under axe."""

import pytest

from consent.rate_limit import seconds_until_next_decision

from .browser import (
    BANNER,
    DIALOG,
    axe_violations,
    banner_button,
    consent_choices,
    focused_inside,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_without_javascript_accepting_confirms_and_links_back(no_js_page, site_url):
    page = no_js_page
    page.goto(site_url + "/cookies/?next=/glossary/")
    page.get_by_role("button", name="Accept all").click()
    page.wait_for_url(site_url + "/cookies/?saved=1&next=%2Fglossary%2F")
    assert page.get_by_role("status").inner_text().startswith("Your choices are saved.")
    page.get_by_role("link", name="Back to the page you were reading").click()
    page.wait_for_url(site_url + "/glossary/")
    choices = consent_choices(page.context)
    assert set(choices) == {"analytics", "personalization", "marketing"}
    assert "-1" not in choices.values()


def test_without_javascript_the_settings_page_declines_and_saves_choices(
    no_js_page, site_url
):
    page = no_js_page
    page.goto(site_url + "/cookies/?next=/")
    page.get_by_role("button", name="Reject all").click()
    page.wait_for_url(site_url + "/cookies/?saved=1&next=%2F")
    assert set(consent_choices(page.context).values()) == {"-1"}

    page.goto(site_url + "/cookies/")
    page.get_by_role("switch", name="Marketing").check()
    page.get_by_role("button", name="Save choices").click()
    page.wait_for_url(site_url + "/cookies/?saved=1")
    assert page.get_by_role("status").is_visible()
    choices = consent_choices(page.context)
    assert choices["marketing"] != "-1" and choices["analytics"] == "-1"
    assert page.get_by_role("switch", name="Marketing").is_checked()


def test_without_javascript_a_next_address_on_another_host_is_refused(
    no_js_page, site_url
):
    page = no_js_page
    page.goto(site_url + "/cookies/?next=https://evil.example/")
    assert page.locator("input[name=next]").count() == 0
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = page.context.request.post(
        site_url + "/cookies/accept/",
        form={
            "all_groups": "1",
            "next": "https://evil.example/",
            "csrfmiddlewaretoken": token,
        },
        headers={"Referer": site_url + "/cookies/"},
        max_redirects=0,
    )
    assert response.status == 302
    assert response.headers["location"] == "/cookies/?saved=1"


MALFORMED = [
    "true",
    "a=b=c",
    "x" * 4000,
    "tracking=2026-01-01|ads=-1",
    '"analytics=-1',
    '"""',
    "analytics=|=|",
]


@pytest.mark.parametrize("value", MALFORMED)
def test_malformed_consent_cookies_bring_a_fresh_prompt_without_errors(
    page, context, site_url, value
):
    context.add_cookies(
        [
            {"name": "cookie_consent", "value": value, "url": site_url},
            {"name": "cookie_consent_time", "value": value, "url": site_url},
        ]
    )
    response = page.goto(site_url + "/")
    assert response.status == 200
    assert page.locator(BANNER).is_visible()
    banner_button(page, "Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    assert page.errors == []


def tab_until(page, label, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == label:
            return
    raise AssertionError(f"Tab never reached {label!r}")


def test_keyboard_reaches_the_banner_and_the_dialog_traps_focus(page, site_url):
    page.goto(site_url + "/")
    tab_until(page, "Accept all")
    assert focused_inside(page, BANNER)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Customise"
    page.keyboard.press("Enter")
    assert page.locator(DIALOG).is_visible()
    for _ in range(25):
        page.keyboard.press("Tab")
        assert focused_inside(page, DIALOG)
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        assert focused_inside(page, DIALOG)
    page.keyboard.press("Escape")
    assert not page.locator(DIALOG).is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Customise"


def test_banner_buttons_are_equal_and_every_target_is_at_least_24px(page, site_url):
    page.goto(site_url + "/")
    boxes = [
        banner_button(page, b).bounding_box()
        for b in ("Accept all", "Reject all", "Customise")
    ]
    assert len({(round(b["width"]), round(b["height"])) for b in boxes}) == 1
    weights = page.eval_on_selector_all(
        f"{BANNER} button", "els => els.map(e => getComputedStyle(e).fontWeight)"
    )
    assert len(set(weights)) == 1
    banner_button(page, "Customise").click()
    for target in page.locator(f"{DIALOG} button, {DIALOG} [role=switch]").all():
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24


@pytest.mark.parametrize(
    "viewport",
    [{"width": 320, "height": 640}, {"width": 640, "height": 360}],
    ids=["320px-wide", "1280x720-at-200-percent-zoom"],
)
def test_the_banner_and_dialog_fit_small_screens_and_zoom(page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + "/")
    overflow = "el => el.scrollWidth - el.clientWidth"
    assert page.eval_on_selector(BANNER, overflow) <= 0
    for label in ("Accept all", "Reject all", "Customise"):
        banner_button(page, label).scroll_into_view_if_needed()
        assert banner_button(page, label).is_visible()
    banner_button(page, "Customise").click()
    assert page.eval_on_selector(DIALOG, overflow) <= 0
    assert page.locator(DIALOG).get_by_role("button", name="Save choices").is_visible()


def test_on_a_small_phone_the_banner_leaves_most_of_the_page_visible(page, site_url):
    page.set_viewport_size({"width": 320, "height": 568})
    page.goto(site_url + "/")
    banner = page.locator(BANNER).bounding_box()
    assert banner["height"] <= 0.45 * 568, banner
    # The three choices sit side by side, equal, and fully on screen.
    boxes = [
        banner_button(page, label).bounding_box()
        for label in ("Accept all", "Reject all", "Customise")
    ]
    assert len({round(box["y"]) for box in boxes}) == 1
    assert len({round(box["width"]) for box in boxes}) == 1
    assert all(box["y"] + box["height"] <= 568 for box in boxes)


def test_axe_finds_no_violations_with_the_banner_open(page, site_url):
    page.goto(site_url + "/")
    assert axe_violations(page) == []


def test_axe_finds_no_violations_with_the_dialog_open(page, site_url):
    page.goto(site_url + "/")
    banner_button(page, "Customise").click()
    page.locator(f"{DIALOG} details").first.click()
    assert axe_violations(page) == []


def test_axe_finds_no_violations_on_the_settings_page(page, site_url):
    page.goto(site_url + "/cookies/")
    assert axe_violations(page) == []


def test_a_failed_save_says_so_and_changes_nothing(page, context, site_url):
    page.goto(site_url + "/")
    page.route("**/cookies/status/", lambda route: route.abort())
    banner_button(page, "Accept all").click()
    page.locator(f"{BANNER} [data-consent-error]").wait_for()
    assert page.locator(BANNER).is_visible()
    assert "cookie_consent" not in {c["name"] for c in context.cookies()}
    page.unroute("**/cookies/status/")
    banner_button(page, "Accept all").click()
    page.locator(BANNER).wait_for(state="hidden")
    assert not page.locator(f"{BANNER} [data-consent-error]").is_visible()


def test_a_choice_refused_as_too_many_says_so_and_stores_nothing(
    page, context, site_url, settings, rf
):
    settings.CONSENT_DECISIONS_PER_MINUTE = 1
    # This browser's one decision of the minute, already made.
    seconds_until_next_decision(rf.post("/", REMOTE_ADDR="127.0.0.1"))
    page.goto(site_url + "/")
    with page.expect_response("**/cookies/accept/") as answer:
        banner_button(page, "Accept all").click()

    assert answer.value.status == 429
    page.locator(f"{BANNER} [data-consent-error]").wait_for()
    assert page.locator(BANNER).is_visible()
    assert "cookie_consent" not in {c["name"] for c in context.cookies()}
