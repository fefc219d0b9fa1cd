"""The banner by keyboard: first after the skip link, never covering what has focus,
and focus kept on the page after a choice."""

from io import StringIO

import pytest
from playwright.sync_api import expect

from .browser import BANNER, DIALOG, banner_button, focused_inside

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE = """() => {
  const el = document.activeElement;
  return {tag: el.tagName, text: (el.textContent || "").trim(), id: el.id,
          cls: el.className};
}"""


def active(page):
    return page.evaluate(ACTIVE)


def test_tab_reaches_the_skip_link_then_the_banner(page, site_url):
    page.goto(site_url + "/")

    page.keyboard.press("Tab")
    assert active(page)["text"] == "Skip to content"
    page.keyboard.press("Tab")
    assert focused_inside(page, BANNER)
    assert active(page)["text"] == "Read our cookie policy"
    for label in ("Accept all", "Reject all", "Customise"):
        page.keyboard.press("Tab")
        assert active(page)["text"] == label
    for _ in range(4):
        page.keyboard.press("Shift+Tab")
    assert active(page)["text"] == "Skip to content"


def test_after_a_choice_in_the_banner_focus_moves_to_the_main_content(page, site_url):
    page.goto(site_url + "/")
    banner_button(page, "Reject all").focus()

    page.keyboard.press("Enter")
    page.locator(BANNER).wait_for(state="hidden")

    assert active(page)["tag"] == "MAIN"
    page.keyboard.press("Tab")
    assert focused_inside(page, "main")


def test_after_a_choice_in_the_dialog_focus_moves_to_the_main_content(page, site_url):
    page.goto(site_url + "/")
    banner_button(page, "Customise").focus()
    page.keyboard.press("Enter")
    page.locator(DIALOG).get_by_role("button", name="Save choices").focus()

    page.keyboard.press("Enter")
    page.locator(BANNER).wait_for(state="hidden")

    expect(page.locator("main")).to_be_focused()


def test_closing_the_dialog_opened_from_the_footer_returns_focus_there(page, site_url):
    page.goto(site_url + "/")
    banner_button(page, "Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    settings_link = page.locator("footer").get_by_role("link", name="Cookie settings")
    settings_link.focus()
    page.keyboard.press("Enter")
    page.locator(DIALOG).get_by_role("button", name="Save choices").click()

    expect(settings_link).to_be_focused()


@pytest.fixture
def article_url(site_url):
    """A long demo article, full of links, with the banner shown."""
    from django.core.cache import cache

    from microsite.demo import articles

    articles.build(StringIO())
    cache.clear()
    return site_url + "/articles/gut-microbiome-and-immune-system/"


# The site may scroll smoothly: measure once the scroll position has settled.
SETTLED_FOCUS = """
sel => new Promise(resolve => {
  let last = -1, still = 0;
  (function check() {
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
    if (still < 5) return requestAnimationFrame(check);
    const el = document.activeElement, r = el.getBoundingClientRect();
    resolve({
      tag: el.tagName, text: (el.textContent || "").trim().slice(0, 40),
      inBanner: !!el.closest(sel),
      top: r.top, bottom: r.bottom, height: r.height,
      bannerTop: document.querySelector(sel).getBoundingClientRect().top,
    });
  })();
})
"""

VIEWPORTS = [(320, 640), (768, 1024), (1440, 900)]


def walk_the_page_by_keyboard(page):
    """Tab from the top to past the last element; every focused element outside
    the banner must be fully visible: below the top of the window, above the
    banner. Returns what was focused outside the banner."""
    seen = []
    for _ in range(400):
        page.keyboard.press("Tab")
        box = page.evaluate(SETTLED_FOCUS, BANNER)
        if box["tag"] == "BODY" or (box["text"] == "Skip to content" and seen):
            break  # past the last element of the page
        seen.append(box)
        if not box["inBanner"]:
            assert box["top"] >= 0, box
            assert box["bottom"] <= box["bannerTop"], box
    return [box for box in seen if not box["inBanner"]]


@pytest.mark.parametrize(
    "width, height", VIEWPORTS, ids=[f"{w}px" for w, _ in VIEWPORTS]
)
def test_no_focused_element_is_ever_hidden_behind_the_banner(
    page, article_url, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(article_url)
    assert page.locator(BANNER).is_visible()

    focused = walk_the_page_by_keyboard(page)

    assert len(focused) >= 15, "header, article, sources and footer links"


def test_the_room_kept_for_the_banner_follows_its_height(page, article_url):
    """A failed save adds a note to the banner: the page must make room for it."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(article_url)
    page.route("**/cookies/status/", lambda route: route.abort())
    banner_button(page, "Accept all").click()
    page.locator(f"{BANNER} [data-consent-error]").wait_for()
    page.evaluate("document.activeElement.blur()")

    focused = walk_the_page_by_keyboard(page)

    assert len(focused) >= 15
