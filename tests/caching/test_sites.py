"""The host → site cache: Wagtail's answer, kept across requests, never stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from glossary.cache_versions import bump_version
from microsite.caching.keys import page_cache
from microsite.caching.sites import SITES_KEY, SITES_LIMIT, VERSION_KEY

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

    # The site's own row is kept; its root page is read from the database.
    assert "root_page" not in page_cache().get(SITES_KEY)["testserver:80"]
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
    assert page_cache().get(SITES_KEY)["testserver:80"]["site_name"] == (
        "Gut health, renamed"
    )


def test_a_flood_of_made_up_hosts_is_answered_and_not_remembered(client, make_term):
    term = make_term("Butyrate")
    for number in range(SITES_LIMIT + 20):
        response = client.get(term.url, HTTP_HOST=f"host-{number}.example")
        assert response.status_code == 200  # the default site answers
    assert len(page_cache().get(SITES_KEY)) == SITES_LIMIT


def site_name_seen(client, url):
    return client.get(url).wsgi_request._wagtail_site.site_name


def test_a_site_saved_in_another_process_is_read_on_the_next_request(client, make_term):
    term = make_term("Butyrate")
    client.get(term.url)
    # Another process renames the site: its handler forgets the hosts in the
    # shared cache; this process's copy is not touched.
    Site.objects.filter(is_default_site=True).update(site_name="Renamed elsewhere")
    assert site_name_seen(client, term.url) != "Renamed elsewhere"

    page_cache().delete(SITES_KEY)
    bump_version(page_cache(), VERSION_KEY)

    assert site_name_seen(client, term.url) == "Renamed elsewhere"


def test_each_request_gets_its_own_site_object(client, make_term):
    term = make_term("Butyrate")
    client.get(term.url)
    first = client.get(term.url).wsgi_request._wagtail_site
    second = client.get(term.url).wsgi_request._wagtail_site

    assert first is not second
    assert (first.pk, first.hostname) == (second.pk, second.hostname)


def test_hosts_cached_by_the_previous_release_do_not_break_a_page(client, make_term):
    """The previous release kept Site objects under "site_caching:sites"."""
    term = make_term("Butyrate")
    page_cache().set(
        "site_caching:sites",
        {"testserver:80": Site.objects.get(is_default_site=True)},
        timeout=None,
    )

    assert client.get(term.url).status_code == 200
