"""Render every page type and state at 320, 768 and 1440 px, to look at before a
change ships: `make screenshots` (or `.venv/bin/python tools/screenshots.py [DIR]`).

A throwaway site (temporary SQLite database, demo content, production settings,
gunicorn on a free 127.0.0.1 port; see benchmarks/benchkit.py) and a temporary
superuser for the admin forms. The server is stopped and the site deleted at the
end, whatever happens. Images go to var/screenshots/ by default, one PNG per state
and width: `<width>-<state>.png`.
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import benchkit as bk  # noqa: E402

WIDTHS = (320, 768, 1440)
HEIGHT = 900
ADMIN_USER = "screenshots"
ADMIN_PASSWORD = "screenshots-only-" + str(int(time.time()))

ADDRESSES = """
import django, json
django.setup()
from glossary.models import GlossaryTermPage, Topic
from microsite.articles.models import ArticlePage
from consent.models import GatedScript
term = GlossaryTermPage.objects.live().get(slug="butyrate")
script = GatedScript.objects.get(name="Demo analytics")
article = ArticlePage.objects.live().order_by("path").first()
topic = Topic.objects.filter(terms__isnull=False).order_by("name").first()
print(json.dumps({"term": term.url, "term_id": term.id, "article": article.url,
                  "article_id": article.id, "topic": topic.slug,
                  "script_id": script.id}))
"""

CREATE_ADMIN = f"""
import django
django.setup()
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser(
    "{ADMIN_USER}", "screenshots@example.org", "{ADMIN_PASSWORD}"
)
"""


def visitor_pages(addresses) -> dict[str, str]:
    """Each page type and listing state a visitor meets, by file name."""
    return {
        "glossary-index": "/glossary/",
        "glossary-letter": "/glossary/?letter=b#results",
        "glossary-topic": f"/glossary/?topic={addresses['topic']}#results",
        "glossary-search-empty": "/glossary/?q=zzzyx#results",
        "glossary-term": addresses["term"],
        "article-index": "/articles/",
        "article": addresses["article"],
        "search": "/search/?q=probiotics",
        "search-empty": "/search/?q=zzzyx",
        "cookies": "/cookies/",
        "cookie-policy": "/cookie-policy/",
        "not-found": "/no-such-page/",
    }


def shoot(page, folder: Path, width: int, state: str, full_page=True) -> None:
    page.wait_for_load_state("load")
    page.screenshot(path=str(folder / f"{width}-{state}.png"), full_page=full_page)


def first_visit(browser, base, folder, width) -> None:
    """The banner a first visitor meets, then the preferences dialog."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    page = context.new_page()
    page.goto(base + "/")
    shoot(page, folder, width, "home-banner", full_page=False)
    page.locator("[data-consent-action=customise]").first.click()
    page.locator("#consent-dialog").wait_for(state="visible")
    shoot(page, folder, width, "preferences-dialog", full_page=False)
    context.close()


def returning_visit(browser, base, folder, width, addresses) -> None:
    """Every page once the visitor has chosen, and the glossary popover."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    page = context.new_page()
    page.goto(base + "/")
    page.locator("#consent-banner [data-consent-action=reject]").click()
    page.locator("#consent-banner").wait_for(state="hidden")
    page.mouse.move(0, 0)  # no card left in its hover state
    shoot(page, folder, width, "home")
    for state, path in visitor_pages(addresses).items():
        page.goto(base + path)
        shoot(page, folder, width, state)
    page.goto(base + addresses["article"])
    term = page.locator("main a.glossary-term").first
    term.scroll_into_view_if_needed()
    term.focus()
    page.locator("[role=tooltip]:visible").wait_for()
    shoot(page, folder, width, "article-popover", full_page=False)
    context.close()


def touch_popover(browser, base, folder, width, addresses) -> None:
    """A phone or tablet: the first tap opens the popover with its link."""
    context = browser.new_context(
        viewport={"width": width, "height": HEIGHT}, has_touch=True
    )
    page = context.new_page()
    page.goto(base + addresses["article"])
    page.locator("#consent-banner [data-consent-action=reject]").tap()
    term = page.locator("main a.glossary-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    page.locator("[role=tooltip]:visible").wait_for()
    shoot(page, folder, width, "article-popover-touch", full_page=False)
    context.close()


def shoot_part(locator, folder: Path, width: int, state: str) -> None:
    """One section of a page (the admin scrolls inside its own container, which a
    page screenshot does not follow)."""
    locator.screenshot(path=str(folder / f"{width}-{state}.png"))


def admin_forms(browser, base, folder, width, addresses) -> None:
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", ADMIN_USER)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")
    for state, key in (
        ("admin-term-edit", "term_id"),
        ("admin-article-edit", "article_id"),
    ):
        page.goto(f"{base}/admin/pages/{addresses[key]}/edit/")
        shoot(page, folder, width, state)
    # The health-data shield: a term's Settings tab (sensitive), a gated script's
    # "safe on sensitive pages" promise, the consent report's shield section.
    page.goto(f"{base}/admin/pages/{addresses['term_id']}/edit/#tab-settings")
    page.locator("#tab-label-settings").click()
    page.locator("#id_sensitive").wait_for(state="visible")
    shoot(page, folder, width, "admin-term-settings")
    page.goto(
        f"{base}/admin/snippets/consent/gatedscript/edit/{addresses['script_id']}/"
    )
    shoot(page, folder, width, "admin-gated-script-edit")
    safe_box = page.locator("#id_safe_on_sensitive_pages")
    shoot_part(
        safe_box.locator("xpath=ancestor::section[1]"),
        folder,
        width,
        "admin-gated-script-safe",
    )
    page.goto(f"{base}/admin/consent-records/dashboard/")
    shoot(page, folder, width, "admin-consent-report")
    shoot_part(
        page.locator("section[aria-labelledby=shield-heading]"),
        folder,
        width,
        "admin-consent-report-shield",
    )
    context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "var" / "screenshots"))
    folder = Path(parser.parse_args().folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()

    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    site = bk.Site()
    try:
        site.build()
        site.python(CREATE_ADMIN)
        addresses = json.loads(site.python(ADDRESSES).strip().splitlines()[-1])
        with bk.gunicorn(site, page_cache=False, workers=2) as base:
            bk.log(f"site answering at {base}; rendering")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=bk.CHROMIUM, args=bk.CHROMIUM_ARGS
                )
                for width in WIDTHS:
                    first_visit(browser, base, folder, width)
                    returning_visit(browser, base, folder, width, addresses)
                    if width < 1440:
                        touch_popover(browser, base, folder, width, addresses)
                    admin_forms(browser, base, folder, width, addresses)
                browser.close()
    finally:
        site.cleanup()
    count = len(list(folder.glob("*.png")))
    bk.log(f"{count} screenshots in {time.monotonic() - started:.0f} s: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
