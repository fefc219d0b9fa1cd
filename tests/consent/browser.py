"""Helpers shared by the consent browser tests."""

from pathlib import Path

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

BANNER = "#consent-banner"
DIALOG = "#consent-dialog"


def cookies(context):
    return {c["name"]: c["value"] for c in context.cookies()}


def consent_choices(context):
    raw = cookies(context)["cookie_consent"].strip('"')
    return dict(pair.split("=", 1) for pair in raw.split("|"))


def runs(page):
    """How often each demo script ran on this page (0 when never)."""
    return page.evaluate(
        "[window.demoAnalyticsRuns || 0, window.demoMarketingRuns || 0]"
    )


def banner_button(page, label):
    return page.locator(BANNER).get_by_role("button", name=label, exact=True)


def axe_violations(page):
    # evaluate, not add_script_tag: the site's CSP rightly refuses inline scripts.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def focused_inside(page, selector):
    return page.evaluate(
        "sel => !!document.activeElement && !!document.activeElement.closest(sel)",
        selector,
    )
