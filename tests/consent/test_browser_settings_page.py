"""The cookie settings page on a phone: every declared cookie readable in full."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_at_320px_every_purpose_is_shown_and_nothing_scrolls_sideways(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "/cookies/")

    purposes = page.locator('.consent-table td[data-label="Purpose"]')
    assert purposes.count() >= 10
    for purpose in purposes.all():
        purpose.scroll_into_view_if_needed()
        assert purpose.is_visible()
        box = purpose.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
        assert (
            purpose.evaluate("el => getComputedStyle(el, '::before').content")
            == '"Purpose: "'
        )
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    for wrap in page.locator(".consent-table-wrap").all():
        assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth")
