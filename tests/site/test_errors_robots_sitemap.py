import pytest
from django.template.loader import get_template
from django.test import override_settings


def test_unknown_address_answers_404_with_the_site_layout(client, demo_content):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html
    assert "not medical advice" in html
    assert 'href="/glossary/"' in html


def test_404_page_works_before_any_content_exists(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_500_page_renders_without_database_or_context_processors():
    # No db fixture: any query here would fail the test.
    html = get_template("500.html").render({})

    assert "<h1>Something went wrong</h1>" in html
    assert "<style>" in html
    assert 'href="/"' in html


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_a_server_error_shows_the_500_page(client, demo_content, monkeypatch):
    from microsite.home import views

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(views, "describe", broken)
    client.raise_request_exception = False

    response = client.get("/search/", {"q": "gut"})

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_robots_txt_keeps_crawlers_out_of_admin_and_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_answers_without_the_database_so_it_can_serve_health_checks(
    client, db, django_assert_num_queries
):
    client.get("/robots.txt")  # warm process-wide caches (e.g. security headers)
    with django_assert_num_queries(0):
        assert client.get("/robots.txt").status_code == 200


def test_sitemap_lists_the_home_page_and_glossary_terms(client, demo_content):
    index = client.get("/sitemap.xml").content.decode()
    pages = client.get("/sitemap-pages.xml").content.decode()
    terms = client.get("/sitemap-glossary.xml").content.decode()

    assert "<loc>http://testserver/sitemap-pages.xml</loc>" in index
    assert "<loc>http://testserver/sitemap-glossary.xml</loc>" in index
    assert "<loc>http://localhost/</loc>" in pages
    assert "<loc>http://localhost/glossary/butyrate/</loc>" in terms


@pytest.mark.parametrize("url", ["/", "/glossary/", "/search/?q=gut"])
def test_public_pages_set_no_cookies_for_anonymous_visitors(client, demo_content, url):
    response = client.get(url)

    assert response.status_code == 200
    assert not response.cookies
