"""The consent screens' tables fit a desktop screen: no column cut off, nothing
scrolling the whole page sideways."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {
    "consent records": "/admin/consent-records/",
    "consent report": "/admin/consent-records/dashboard/",
    "cookie categories": "/admin/consent_categories/",
}
WIDTHS = [1440, 1920]

# For every header cell: how far its right edge passes the right edge of what can
# be seen of it (the viewport, or a scrolling box around the table).
CLIPPED_HEADERS = """
() => {
    const visibleRight = (element) => {
        let right = document.documentElement.clientWidth;
        for (let box = element.parentElement; box; box = box.parentElement) {
            const overflow = getComputedStyle(box).overflowX;
            if (overflow !== "visible") {
                right = Math.min(right, box.getBoundingClientRect().right);
            }
        }
        return right;
    };
    return [...document.querySelectorAll("table thead th")]
        .filter((th) => th.getClientRects().length)
        .map((th) => ({
            text: th.innerText.trim(),
            overflow: Math.round(th.getBoundingClientRect().right - visibleRight(th)),
        }))
        .filter((cell) => cell.overflow > 0);
}
"""
PAGE_SCROLLS_SIDEWAYS = """
() => [document.documentElement, document.body].some(
    (element) => element.scrollWidth > element.clientWidth
)
"""


@pytest.fixture
def officer_page(
    live_server, site_root, page, django_user_model, make_record, cookie_groups
):
    """A Site operator's browser, logged in, with a page of typical records."""
    django_user_model.objects.create_superuser("officer", "o@example.org", "pw-fit")
    choosable = [group.varname for group in cookie_groups]
    for index in range(30):
        accepted = choosable[: index % 4]
        make_record(
            accepted=accepted,
            declined=[v for v in choosable if v not in accepted],
            versions=dict.fromkeys(choosable, "2026-11-01T10:00:00+00:00"),
            texts_revision=3,
        )
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", "pw-fit")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.base = live_server.url
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_no_consent_table_is_cut_off_and_no_page_scrolls_sideways(officer_page, width):
    page = officer_page
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name, path in SCREENS.items():
        page.goto(page.base + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("table thead th").count() > 0, name
        clipped = page.evaluate(CLIPPED_HEADERS)
        if clipped or page.evaluate(PAGE_SCROLLS_SIDEWAYS):
            found[name] = clipped or "page scrolls sideways"

    assert found == {}
