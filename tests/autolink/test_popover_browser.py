"""The definition popover in a real Chromium."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.autolink.urls"),
]

DEFINITION = "A loss of balance in the gut's microbes <and> what follows."


@pytest.fixture
def terms(make_term):
    make_term("Dysbiosis", definition=DEFINITION)
    make_term("Gut microbiome")


@pytest.fixture
def article_page(page, live_server, terms):
    page.goto(f"{live_server.url}/autolink-test/")
    page.wait_for_function("() => document.querySelector('[role=tooltip]') !== null")
    return page


def tooltip_of(page, link):
    tooltip_id = link.get_attribute("aria-describedby")
    return page.locator(f"#{tooltip_id}")


def test_each_link_is_described_by_a_tooltip_holding_its_definition(article_page):
    link = article_page.locator("a.glossary-term", has_text="dysbiosis")
    tooltip = tooltip_of(article_page, link)
    assert tooltip.get_attribute("role") == "tooltip"
    assert tooltip.text_content() == DEFINITION
    assert tooltip.is_hidden()
    assert article_page.locator("a.glossary-term").count() == 2
    assert article_page.errors == []


def test_hovering_a_term_shows_its_definition_and_leaving_hides_it(article_page):
    link = article_page.locator("a.glossary-term", has_text="dysbiosis")
    tooltip = tooltip_of(article_page, link)
    link.hover()
    assert tooltip.is_visible()
    link_box, tip_box = link.bounding_box(), tooltip.bounding_box()
    assert tip_box["y"] >= link_box["y"] + link_box["height"]
    article_page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")


def test_keyboard_focus_shows_the_definition_and_escape_hides_it(article_page):
    link = article_page.locator("a.glossary-term", has_text="dysbiosis")
    tooltip = tooltip_of(article_page, link)
    article_page.keyboard.press("Tab")
    assert link.evaluate("element => element === document.activeElement")
    assert tooltip.is_visible()
    article_page.keyboard.press("Escape")
    assert tooltip.is_hidden()
    article_page.keyboard.press("Tab")
    other = article_page.locator("a.glossary-term", has_text="gut microbiome")
    assert tooltip_of(article_page, other).is_visible()
    assert tooltip.is_hidden()


def test_the_script_sets_no_cookie_and_no_storage(article_page, context):
    link = article_page.locator("a.glossary-term", has_text="dysbiosis")
    link.hover()
    assert context.cookies() == []
    assert article_page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_a_page_without_terms_loads_no_script_and_shows_no_error(
    page, live_server, terms
):
    page.goto(f"{live_server.url}/autolink-test/?body=<p>Nothing+here.</p>")
    assert page.locator("script[src$='autolink.js']").count() == 0
    # Loaded anyway (say, by a site's own template), the script stays quiet.
    page.add_script_tag(url=f"{live_server.url}/static/glossary/autolink.js")
    page.keyboard.press("Escape")
    assert page.locator("[role=tooltip]").count() == 0
    assert page.errors == []


def test_without_javascript_the_term_is_a_plain_working_link(
    browser, live_server, terms
):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/autolink-test/")
        link = page.locator("a.glossary-term", has_text="dysbiosis")
        assert link.get_attribute("aria-describedby") is None
        with page.expect_navigation() as navigation:
            link.click()
        assert navigation.value.status == 200
        assert page.url == f"{live_server.url}/glossary/dysbiosis/"
    finally:
        context.close()


def test_the_popover_sits_inside_the_landmark_of_its_link(article_page):
    link = article_page.locator("a.glossary-term", has_text="dysbiosis")
    tooltip = tooltip_of(article_page, link)
    assert tooltip.evaluate("element => element.closest('main') !== null")
    assert article_page.locator("body > [role=tooltip]").count() == 0
    link.hover()
    assert tooltip.is_visible()
    link_box, tip_box = link.bounding_box(), tooltip.bounding_box()
    assert tip_box["y"] >= link_box["y"] + link_box["height"]
    assert abs(tip_box["x"] - link_box["x"]) <= 1


@pytest.fixture
def touch_page(browser, live_server, terms):
    """A phone: touch only, no mouse to hover with."""
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/autolink-test/")
    page.wait_for_function("() => document.querySelector('[role=tooltip]') !== null")
    yield page
    context.close()


def test_a_first_tap_opens_the_popover_with_a_link_to_the_full_entry(
    touch_page, live_server
):
    link = touch_page.locator("a.glossary-term", has_text="dysbiosis")
    tooltip = tooltip_of(touch_page, link)

    link.tap()

    assert tooltip.is_visible()
    assert touch_page.url == f"{live_server.url}/autolink-test/"
    full_entry = tooltip.get_by_role("link", name="Read the full entry")
    assert full_entry.get_attribute("href") == "/glossary/dysbiosis/"
    assert tooltip.text_content().startswith(DEFINITION)


def test_a_second_tap_on_the_term_follows_its_link(touch_page, live_server):
    link = touch_page.locator("a.glossary-term", has_text="dysbiosis")
    link.tap()
    with touch_page.expect_navigation():
        link.tap()
    assert touch_page.url == f"{live_server.url}/glossary/dysbiosis/"


def test_tapping_the_popovers_link_opens_the_full_entry(touch_page, live_server):
    link = touch_page.locator("a.glossary-term", has_text="dysbiosis")
    link.tap()
    with touch_page.expect_navigation():
        tooltip_of(touch_page, link).get_by_role("link").tap()
    assert touch_page.url == f"{live_server.url}/glossary/dysbiosis/"


def test_tapping_elsewhere_closes_the_popover(touch_page, live_server):
    link = touch_page.locator("a.glossary-term", has_text="dysbiosis")
    tooltip = tooltip_of(touch_page, link)
    link.tap()
    assert tooltip.is_visible()

    touch_page.locator("h1").tap()

    tooltip.wait_for(state="hidden")
    other = touch_page.locator("a.glossary-term", has_text="gut microbiome")
    other.tap()
    assert tooltip_of(touch_page, other).is_visible()
    assert tooltip.is_hidden()
    assert touch_page.url == f"{live_server.url}/autolink-test/"
