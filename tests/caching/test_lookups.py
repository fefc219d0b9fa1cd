"""The cached site, route and settings lookups give Wagtail's answers, fresh.

microsite.caching.lookups answers a page view's site, route, view restrictions
and site settings from the cache or in one query. These tests render with the page
cache off, so each response comes from those lookups, and check they agree with
Wagtail's own and follow every change an editor or operator makes.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from microsite.caching.lookups import find_route
from microsite.home.models import SiteFooter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def site():
    return Site.objects.get(is_default_site=True)


def wagtail_route(site, path):
    """The route Wagtail's own walk down the tree finds."""
    components = [component for component in path.split("/") if component]
    return site.root_page.specific.route(RequestFactory().get(path), components)


def fast_route(site, path):
    return find_route(RequestFactory().get(path), site, path)


def restrict(page, password="letmein"):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


def test_pages_route_to_the_page_wagtail_finds(
    site, site_root, glossary_index, make_term, make_article
):
    term = make_term("Butyrate")
    article = make_article(title="The gut–skin axis")

    for page in (site_root, glossary_index, term, article.get_parent(), article):
        path = page.get_url_parts()[2]
        route, expected = fast_route(site, path), wagtail_route(site, path)
        assert route is not None, path
        assert route.page.pk == expected.page.pk
        assert type(route.page) is type(page.specific)
        # The article index is routable: its index view comes with the route.
        assert [type(arg) for arg in route.args] == [type(arg) for arg in expected.args]
        assert route.kwargs == expected.kwargs


def test_a_sub_page_route_of_a_routable_page_is_left_to_wagtail(
    client, site, make_article
):
    article = make_article()
    index_path = article.get_parent().get_url_parts()[2]

    assert fast_route(site, f"{index_path}feed/") is None
    assert client.get(f"{index_path}feed/").status_code == 200
    assert article.title in client.get(index_path).content.decode()


def test_drafts_and_missing_pages_are_not_found(client, site, make_term):
    draft = make_term("Propionate")
    draft.unpublish()

    assert fast_route(site, "/glossary/propionate/") is None
    assert client.get("/glossary/propionate/").status_code == 404
    assert client.get("/glossary/no-such-term/").status_code == 404
    assert client.get("/glossary/butyrate/extra/").status_code == 404


def test_a_private_term_asks_for_the_password_until_the_restriction_goes(
    client, make_term
):
    term = make_term("Butyrate", definition="Fuel for the cells of the colon.")
    assert "Fuel for the cells" in client.get(term.url).content.decode()

    restriction = restrict(term)
    private = client.get(term.url)
    assert "Fuel for the cells" not in private.content.decode()
    assert 'name="password"' in private.content.decode()

    restriction.delete()
    assert "Fuel for the cells" in client.get(term.url).content.decode()


def test_a_private_section_covers_the_terms_under_it(client, glossary_index, make_term):
    term = make_term("Butyrate", definition="Fuel for the cells of the colon.")
    client.get(term.url)

    restrict(glossary_index)

    response = client.get(term.url)
    assert "Fuel for the cells" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_private_terms_are_left_out_of_neighbours_and_related_terms(client, make_term):
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


def test_a_private_section_stays_private_when_it_moves(
    client, site_root, make_term, glossary_index
):
    term = make_term("Butyrate", definition="Fuel for the cells of the colon.")
    archive = site_root.add_child(instance=Page(title="Archive", slug="archive"))
    restrict(glossary_index)
    client.get(term.url)  # the private sections are now cached

    glossary_index.move(archive, pos="last-child")
    term.refresh_from_db()

    assert term.url == "/archive/glossary/butyrate/"
    response = client.get(term.url)
    assert response.status_code == 200
    assert "Fuel for the cells" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_an_edited_footer_shows_on_the_next_render(client, site, glossary_index):
    footer = SiteFooter.for_site(site)
    footer.disclaimer = "Talk to your doctor first."
    footer.save()
    assert "Talk to your doctor first." in client.get("/glossary/").content.decode()

    footer.disclaimer = "This site does not give medical advice."
    footer.save()

    html = client.get("/glossary/").content.decode()
    assert "This site does not give medical advice." in html
    assert "Talk to your doctor first." not in html


def test_edited_banner_words_show_on_the_next_render(
    client, banner_settings, glossary_index
):
    banner_settings.title = "Cookies on this site"
    banner_settings.save()
    assert "Cookies on this site" in client.get("/glossary/").content.decode()

    banner_settings.title = "Your cookie choices"
    banner_settings.save()

    html = client.get("/glossary/").content.decode()
    assert "Your cookie choices" in html
    assert "Cookies on this site" not in html


def test_a_new_site_for_a_host_takes_over_from_the_default(
    client, site_root, make_term
):
    make_term("Butyrate")
    assert client.get("/glossary/", HTTP_HOST="clinic.example").status_code == 200

    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Clinic", slug="clinic")
    )
    clinic = Site.objects.create(
        hostname="clinic.example", port=80, root_page=other_home
    )

    assert client.get("/glossary/", HTTP_HOST="clinic.example").status_code == 404
    assert client.get("/glossary/").status_code == 200

    clinic.delete()
    assert client.get("/glossary/", HTTP_HOST="clinic.example").status_code == 200


def test_an_alias_of_a_private_term_is_private_too(client, site_root, make_term):
    term = make_term("Butyrate", definition="Fuel for the cells of the colon.")
    alias = term.create_alias(parent=site_root, update_slug="butyrate-explained")
    assert "Fuel for the cells" in client.get(alias.url).content.decode()

    restrict(term)

    response = client.get(alias.url)
    assert "Fuel for the cells" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_page_with_a_non_ascii_slug_routes_like_any_other(client, site, make_term):
    term = make_term("Café au lait spots", slug="café-au-lait")

    route = fast_route(site, "/glossary/café-au-lait/")

    assert route is not None and route.page.pk == term.pk
    assert client.get(term.url).status_code == 200
