"""The site's pages in a real Chromium at a phone width and a desktop width."""

from pathlib import Path

import axe_playwright_python
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "home": "/",
    "glossary index": "/glossary/",
    "term": "/glossary/gut-brain-axis/",
    "search results": "/search/?q=microbiome",
    "not found": "/no-such-page/",
}


AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def accessibility_violations(page) -> list[tuple[str, list]]:
    """axe-core's WCAG 2.1 A/AA findings (contrast, names, landmarks…), offline."""
    # evaluate, not add_script_tag: the site's CSP rightly refuses inline scripts.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def console_errors(page) -> list[tuple[str, str]]:
    """Collect console errors with the address of the resource that caused them."""
    errors = []
    page.on(
        "console",
        lambda msg: (
            errors.append((msg.text, msg.location.get("url", "")))
            if msg.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda exc: errors.append((str(exc), "")))
    return errors


def accessibility_of_every_page(browser, base_url, width) -> dict[str, list]:
    """axe findings per page. axe is injected as a script, which the site's
    Content-Security-Policy rightly blocks, so this context bypasses CSP; console
    errors are checked separately, under the real policy."""
    context = browser.new_context(
        bypass_csp=True, viewport={"width": width, "height": 800}
    )
    try:
        page = context.new_page()
        findings = {}
        for name, path in PAGES.items():
            page.goto(base_url + path)
            findings[name] = accessibility_violations(page)
        return findings
    finally:
        context.close()


def visit_every_page(page, base_url) -> dict[str, dict]:
    errors = console_errors(page)
    seen = {}
    for name, path in PAGES.items():
        errors.clear()
        response = page.goto(base_url + path)
        page.wait_for_load_state("load")
        # A 404 document is itself reported as a failed resource; nothing else may be.
        unexpected = [
            text
            for text, url in errors
            if not (name == "not found" and url == base_url + path)
        ]
        seen[name] = {
            "status": response.status,
            "errors": unexpected,
            "overflow": page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            ),
            "h1": page.locator("h1").first.inner_text(),
            "footer": page.locator(".site-footer__disclaimer").is_visible(),
        }
    return seen


@pytest.mark.parametrize("width", [320, 1280])
def test_pages_render_accessibly_without_console_errors_or_sideways_scroll(
    live_demo, browser, page, width
):
    page.set_viewport_size({"width": width, "height": 800})

    seen = visit_every_page(page, live_demo.url)

    assert {name: s["status"] for name, s in seen.items()} == {
        "home": 200,
        "glossary index": 200,
        "term": 200,
        "search results": 200,
        "not found": 404,
    }
    assert {name: s["errors"] for name, s in seen.items() if s["errors"]} == {}
    assert {name: s["overflow"] for name, s in seen.items() if s["overflow"] > 0} == {}
    assert seen["term"]["h1"] == "Gut–brain axis"
    assert seen["not found"]["h1"] == "Page not found"
    assert all(s["footer"] for s in seen.values())
    findings = accessibility_of_every_page(browser, live_demo.url, width)
    assert {name: found for name, found in findings.items() if found} == {}


def test_keyboard_users_get_a_skip_link_first_and_a_visible_focus_outline(
    live_demo, page
):
    page.goto(live_demo.url + "/")

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    nav_link = page.locator(".site-nav a").first
    nav_link.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    outline = nav_link.evaluate(
        "el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]"
    )
    # The site's own ring (3 px solid plus a yellow halo), not the browser default.
    assert outline == ["solid", "3px"]
