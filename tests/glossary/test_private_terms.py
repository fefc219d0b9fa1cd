"""Private and draft terms are never served publicly, from the very next request.

Wagtail checks each page view's restrictions itself, and the glossary's listings
ask Wagtail's ``PageQuerySet.public()``: nothing remembers which sections are
private between requests. The page cache is off, so each response is a fresh
render.
"""

import pytest
from wagtail.models import Page, PageViewRestriction

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

FUEL = "Fuel for the cells of the colon."


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


def restrict(page, password="letmein"):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


def asks_for_password(response) -> bool:
    html = response.content.decode()
    return FUEL not in html and 'name="password"' in html


def test_a_private_term_asks_for_the_password_until_the_restriction_goes(
    client, make_term
):
    term = make_term("Butyrate", definition=FUEL)
    assert FUEL in client.get(term.url).content.decode()

    restriction = restrict(term)
    assert asks_for_password(client.get(term.url))

    restriction.delete()
    assert FUEL in client.get(term.url).content.decode()


def test_a_private_section_covers_the_terms_under_it(
    client,
    glossary_index,
    make_term,
):
    term = make_term("Butyrate", definition=FUEL)
    client.get(term.url)

    restrict(glossary_index)

    assert asks_for_password(client.get(term.url))


def test_a_private_section_stays_private_when_it_moves(
    client,
    site_root,
    make_term,
    glossary_index,
):
    term = make_term("Butyrate", definition=FUEL)
    archive = site_root.add_child(instance=Page(title="Archive", slug="archive"))
    restrict(glossary_index)
    client.get(term.url)

    glossary_index.move(archive, pos="last-child")
    term.refresh_from_db()

    assert term.url == "/archive/glossary/butyrate/"
    response = client.get(term.url)
    assert response.status_code == 200
    assert asks_for_password(response)


def test_an_alias_of_a_private_term_is_private_too(
    client,
    site_root,
    make_term,
):
    term = make_term("Butyrate", definition=FUEL)
    alias = term.create_alias(parent=site_root, update_slug="butyrate-explained")
    assert FUEL in client.get(alias.url).content.decode()

    restrict(term)

    assert asks_for_password(client.get(alias.url))


def test_private_terms_are_left_out_of_neighbours_and_related_terms(
    client,
    make_term,
):
    butyrate = make_term("Butyrate")
    acetate = make_term("Acetate", related=[butyrate])
    make_term("Propionate", related=[butyrate])
    client.get(acetate.url)

    restriction = restrict(butyrate)
    html = client.get(acetate.url).content.decode()
    assert butyrate.url not in html
    assert 'rel="next">' in html and "Propionate" in html

    restriction.delete()
    assert (
        f'href="{butyrate.url}" rel="next"' in client.get(acetate.url).content.decode()
    )


def test_a_term_made_private_leaves_the_index_and_the_site_search(
    client,
    make_term,
):
    term = make_term("Butyrate", definition=FUEL)
    assert term.url in client.get("/glossary/").content.decode()
    assert term.url in client.get("/search/?q=butyrate").content.decode()

    restrict(term)

    assert term.url not in client.get("/glossary/").content.decode()
    assert term.url not in client.get("/search/?q=butyrate").content.decode()


def test_drafts_and_missing_pages_are_not_found(client, make_term):
    draft = make_term("Propionate")
    draft.unpublish()

    assert client.get("/glossary/propionate/").status_code == 404
    assert client.get("/glossary/no-such-term/").status_code == 404
    assert client.get("/glossary/butyrate/extra/").status_code == 404


def test_a_page_with_a_non_ascii_slug_is_served(client, make_term):
    term = make_term("Café au lait spots", slug="café-au-lait")

    assert client.get(term.url).status_code == 200
