"""The host → site cache: Wagtail's answer, kept across requests, never stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from microsite.caching.keys import page_cache
from microsite.caching.sites import SITES_KEY, SITES_LIMIT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


def site_queries(captured) -> int:
    return sum('FROM "wagtailcore_site"' in q["sql"] for q in captured)


def test_a_second_request_finds_its_site_without_a_query(client, make_term):
    term = make_term("Butyrate")
    client.get(term.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(term.url)
    assert response.status_code == 200
    assert site_queries(captured.captured_queries) == 0


def test_the_cached_site_does_not_carry_its_root_pages_content(client, make_term):
    term = make_term("Butyrate")
    client.get(term.url)
    home = Site.objects.get(is_default_site=True).root_page
    home.title = "Renamed home page"
    home.save_revision().publish()

    # Read from the database when asked, not pickled with the site.
    cached = page_cache().get(SITES_KEY)["testserver:80"]
    assert cached.root_page.title == "Renamed home page"
    assert "Renamed home page" in client.get("/").content.decode()


def test_saving_a_site_forgets_the_hosts(client, make_term):
    term = make_term("Butyrate")
    client.get(term.url)
    assert page_cache().get(SITES_KEY)

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Gut health, renamed"
    site.save()

    assert page_cache().get(SITES_KEY) is None
    client.get(term.url)
    assert page_cache().get(SITES_KEY)["testserver:80"].site_name == (
        "Gut health, renamed"
    )


def test_a_flood_of_made_up_hosts_is_answered_and_not_remembered(client, make_term):
    term = make_term("Butyrate")
    for number in range(SITES_LIMIT + 20):
        response = client.get(term.url, HTTP_HOST=f"host-{number}.example")
        assert response.status_code == 200  # the default site answers
    assert len(page_cache().get(SITES_KEY)) == SITES_LIMIT
