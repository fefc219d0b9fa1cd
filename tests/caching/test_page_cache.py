"""What the page cache serves and stores, and the headers it sends."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def term(make_term):
    return make_term("Butyrate", "A short-chain fatty acid made by gut bacteria.")


def test_second_anonymous_request_is_served_from_the_cache(client, term):
    first = client.get(term.url)
    second = client.get(term.url)

    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_page_is_served_without_touching_the_database(
    client, term, django_assert_num_queries
):
    client.get(term.url)
    with django_assert_num_queries(0):
        assert client.get(term.url)["X-Cache"] == "HIT"


def test_public_pages_may_be_kept_by_shared_caches_but_not_by_browsers(
    client, term, settings
):
    settings.PAGE_CACHE_SECONDS = 120
    settings.PAGE_CACHE_STALE_SECONDS = 30
    response = client.get(term.url)

    assert response["Cache-Control"] == (
        "public, max-age=0, s-maxage=120, stale-while-revalidate=30"
    )
    assert "cookie" not in response.get("Vary", "").lower()


def test_visitors_with_different_consent_cookies_get_the_same_cached_bytes(
    client, term
):
    client.cookies["cookie_consent"] = "analytics=2026-01-01T00:00:00|marketing=-1"
    first = client.get(term.url)
    client.cookies["cookie_consent"] = "analytics=-1|marketing=-1"
    client.cookies["cookie_consent_time"] = "analytics=1|marketing=1"
    second = client.get(term.url)

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content


def test_query_order_and_tracking_parameters_do_not_split_the_cache(
    client, glossary_index, make_term
):
    make_term("Butyrate")
    make_term("Akkermansia")
    first = client.get(glossary_index.url, {"letter": "b", "utm_source": "mail"})
    second = client.get(glossary_index.url + "?fbclid=x&letter=b")
    other = client.get(glossary_index.url + "?letter=a")

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert other["X-Cache"] == "MISS"


def test_each_host_has_its_own_cache_entries(client, term):
    client.get(term.url, HTTP_HOST="localhost")

    assert client.get(term.url, HTTP_HOST="127.0.0.1")["X-Cache"] == "MISS"


def test_head_request_is_answered_from_the_cache_without_a_body(client, term):
    page = client.get(term.url)
    head = client.head(term.url)

    assert head["X-Cache"] == "HIT"
    assert head.content == b""
    assert head["Content-Length"] == str(len(page.content))


def test_signed_in_users_are_neither_served_nor_stored(client, term, editor):
    client.get(term.url)  # an anonymous visitor fills the cache
    client.force_login(editor)

    signed_in = client.get(term.url)
    client.logout()
    anonymous = client.get(term.url)

    assert signed_in["X-Cache"] == "BYPASS"
    assert signed_in["Cache-Control"] == "private, no-store"
    assert anonymous["X-Cache"] == "HIT"


def test_a_page_rendered_for_a_signed_in_user_never_reaches_the_cache(
    client, term, editor
):
    client.force_login(editor)
    client.get(term.url)
    client.logout()

    response = client.get(term.url)

    assert response["X-Cache"] == "MISS"
    assert b"wagtail-userbar" not in response.content


def test_anonymous_pages_carry_no_wagtail_user_bar(client, term):
    for _ in range(2):
        assert b"wagtail-userbar" not in client.get(term.url).content


@pytest.mark.parametrize(
    "path",
    [
        "/cookies/",
        "/cookies/status/",
        "/admin/login/",
        "/django-admin/login/",
        "/search/?q=butyrate",
    ],
)
def test_private_areas_are_never_cached(client, term, path):
    first = client.get(path)
    second = client.get(path)

    assert second["X-Cache"] == "BYPASS"
    assert first["Cache-Control"] != "" and "public" not in first["Cache-Control"]
    assert (
        "no-store" in second["Cache-Control"] or "no-cache" in (second["Cache-Control"])
    )


def test_post_is_never_answered_from_the_cache(client, term):
    client.get(term.url)

    response = client.post(term.url, {"anything": "1"})

    assert response["X-Cache"] == "BYPASS"


def test_a_response_that_sets_a_cookie_is_not_stored(client, term):
    # Accepting sets the consent cookies: that response must never be replayed.
    status = client.get(reverse("cookie_consent_status"))
    assert status.cookies

    client.get(term.url)
    response = client.get(term.url)
    assert response["X-Cache"] == "HIT"
    assert not response.cookies


def test_a_page_carrying_a_csrf_token_is_not_stored():
    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    from microsite.caching.middleware import PageCacheMiddleware

    def view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>")

    middleware = PageCacheMiddleware(view)
    request = RequestFactory().get("/form/")
    request.COOKIES["csrftoken"] = "x" * 32
    first = middleware(request)
    again = middleware(RequestFactory().get("/form/"))

    assert first["X-Cache"] == "BYPASS"
    assert again["X-Cache"] == "BYPASS"


def test_a_view_marked_private_is_not_stored(client, term):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from microsite.caching.middleware import PageCacheMiddleware

    def view(request):
        response = HttpResponse("mine")
        response["Cache-Control"] = "private, max-age=60"
        return response

    middleware = PageCacheMiddleware(view)
    middleware(RequestFactory().get("/private/"))
    response = middleware(RequestFactory().get("/private/"))

    assert response["X-Cache"] == "BYPASS"
    assert response["Cache-Control"] == "private, max-age=60"


def test_missing_pages_are_not_stored_but_proxies_may_keep_them_briefly(
    client, term, settings
):
    settings.PAGE_CACHE_GONE_SECONDS = 45
    client.get("/no-such-page/")

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["X-Cache"] == "BYPASS"
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=45"


def test_a_missing_page_under_a_private_area_stays_private(client, term):
    response = client.get("/cookies/no-such-thing/")

    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"


def test_a_bad_host_gets_a_400_not_a_server_error(client, term, settings):
    settings.ALLOWED_HOSTS = ["example.org"]

    response = client.get(term.url, HTTP_HOST="evil.example")

    assert response.status_code == 400


def test_the_page_cache_can_be_switched_off(client, term, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(term.url)

    response = client.get(term.url)

    assert response["X-Cache"] == "BYPASS"
    assert "public" not in response["Cache-Control"]


def test_a_cached_page_still_deletes_a_visitors_unconsented_cookies(client, term):
    from microsite.demo.consent import declare_example_cookies

    declare_example_cookies()  # the site's analytics cookie, _ga
    client.get(term.url)
    client.cookies["_ga"] = "GA1.1.123.456"

    response = client.get(term.url)

    assert response["X-Cache"] == "HIT"
    assert response.cookies["_ga"]["max-age"] == 0
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # …and that visitor's clean-up never reaches the shared copy.
    del client.cookies["_ga"]
    shared = client.get(term.url)
    assert (shared["X-Cache"], shared.cookies.get("_ga")) == ("HIT", None)


def test_a_published_term_is_in_the_sitemap_on_the_next_request(
    client, make_term, settings, django_capture_on_commit_callbacks
):
    settings.GLOSSARY_SITEMAP_LIMIT = 1
    make_term("Acetate", publish=True)
    for url in ("/sitemap.xml", "/sitemap-glossary.xml"):
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        make_term("Butyrate", publish=True)

    index = client.get("/sitemap.xml")
    second_page = client.get("/sitemap-glossary.xml", {"p": "2"})
    assert index["X-Cache"] == second_page["X-Cache"] == "MISS"
    assert "/sitemap-glossary.xml?p=2</loc>" in index.content.decode()
    assert "/glossary/butyrate/</loc>" in second_page.content.decode()
