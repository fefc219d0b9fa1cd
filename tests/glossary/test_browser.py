"""The glossary's pages in a real Chromium: they render and log no errors."""

from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def glossary(make_term, make_topic):
    skin = make_topic("Skin")
    acne = make_term("Acne", topics=[skin])
    return make_term(
        "Gut–skin axis",
        slug="gut-skin-axis",
        definition="The two-way link between the gut's microbes and the skin.",
        synonyms=["gut-skin connection"],
        topics=[skin],
        related=[acne],
    )


def test_index_and_term_page_render_in_chromium_without_errors(
    page, live_server, glossary
):
    page.goto(f"{live_server.url}/glossary/")
    assert page.locator("h1").text_content() == "Glossary"
    letters = page.get_by_role("navigation", name="Terms by first letter")
    assert letters.get_by_role("link", name="G", exact=True).is_visible()
    assert letters.locator('span[aria-disabled="true"]', has_text="Z").is_visible()
    assert (
        page.locator(".glossary-letters a").first.evaluate(
            "link => getComputedStyle(link).display"
        )
        == "inline-block"
    ), "glossary.css is served and applied"

    page.get_by_role("link", name="Gut–skin axis").click()
    page.wait_for_url(f"{live_server.url}/glossary/gut-skin-axis/")
    assert page.locator("h1").text_content() == "Gut–skin axis"
    headings = page.locator("main h2").all_text_contents()
    assert headings[:2] == ["Origin", "Mechanism"]
    assert "Related terms" in headings

    page.get_by_role("link", name="Skin", exact=True).click()
    page.wait_for_url(f"{live_server.url}/glossary/?topic=skin#results")
    assert page.locator(".glossary-term-list__title").all_text_contents() == [
        "Acne",
        "Gut–skin axis",
    ]
    assert page.errors == []


@pytest.fixture
def phone(browser):
    """A small phone's window: the letter bar and topics fill the first screen."""
    context = browser.new_context(viewport={"width": 320, "height": 568})
    yield context.new_page()
    context.close()


IN_VIEW = """element => {
  const box = element.getBoundingClientRect();
  const x = box.left + Math.min(box.width / 2, 20), y = box.top + box.height / 2;
  return box.top >= 0 && box.bottom <= window.innerHeight
    && element.contains(document.elementFromPoint(x, y));
}"""


def results_come_into_view(page) -> bool:
    """Whether the first results heading ends up in view, once the smooth scroll
    (site.css, unless the reader prefers reduced motion) has settled."""
    try:
        page.wait_for_function(
            f"() => ({IN_VIEW})(document.querySelector('#results h2'))",
            timeout=5000,
        )
    except PlaywrightTimeoutError:
        return False
    return True


def test_on_a_phone_choosing_a_letter_or_a_topic_brings_the_results_into_view(
    phone, live_server, glossary
):
    phone.goto(f"{live_server.url}/glossary/")
    first_heading = phone.locator("#results h2").first
    assert not first_heading.evaluate(IN_VIEW), "the results start below the fold"

    letters = phone.get_by_role("navigation", name="Terms by first letter")
    letters.get_by_role("link", name="G", exact=True).click()
    phone.wait_for_url(f"{live_server.url}/glossary/?letter=g#results")
    assert first_heading.text_content() == "G"
    assert results_come_into_view(phone)

    topics = phone.get_by_role("navigation", name="Filter by topic")
    topics.get_by_role("link", name="Skin", exact=True).click()
    phone.wait_for_url(f"{live_server.url}/glossary/?topic=skin#results")
    assert first_heading.text_content() == "Terms about Skin"
    assert results_come_into_view(phone)

    phone.get_by_label("Search the glossary").fill("acne")
    phone.get_by_label("Search the glossary").press("Enter")
    phone.wait_for_url(f"{live_server.url}/glossary/?topic=skin&q=acne#results")
    assert results_come_into_view(phone)


AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe_page(browser):
    """A page that may inject axe-core: the site's CSP rightly blocks it otherwise."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "address",
    [
        "/glossary/?topic=skin",
        "/glossary/?q=skin",
        "/glossary/?letter=z",
        "/glossary/gut-skin-axis/",
    ],
)
def test_filtered_search_and_error_views_pass_axe_wcag_aa(
    axe_page, live_server, glossary, address
):
    axe_page.goto(f"{live_server.url}{address}")
    axe_page.add_script_tag(path=str(AXE_JS))
    result = axe_page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
    ]
    assert violations == []
