"""Rendered without the page cache, a page shows the last saved site settings,
with Wagtail finding the site and the route of each request itself.
"""

import pytest
from wagtail.models import Page, Site

from consent.models import BannerSettings
from microsite.home.models import SiteFooter
from tests.articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    AuthorFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def site():
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def article_index(site_root):
    return ArticleIndexPageFactory(parent=site_root)


@pytest.fixture
def make_article(article_index):
    author = AuthorFactory()

    def make(**fields):
        fields.setdefault("body", [("paragraph", "<p>Fibre feeds the colon.</p>")])
        return ArticlePageFactory(parent=article_index, author=author, **fields)

    return make


def test_a_sub_page_route_of_a_routable_page_is_served(client, make_article):
    article = make_article(title="The gut–skin axis")
    index_path = article.get_parent().url

    assert client.get(f"{index_path}feed/").status_code == 200
    assert article.title in client.get(index_path).content.decode()


def test_an_edited_footer_shows_on_the_next_render(client, site, article_index):
    footer = SiteFooter.for_site(site)
    footer.disclaimer = "Talk to your doctor first."
    footer.save()
    html = client.get(article_index.url).content.decode()
    assert "Talk to your doctor first." in html

    footer.disclaimer = "This site does not give medical advice."
    footer.save()

    html = client.get(article_index.url).content.decode()
    assert "This site does not give medical advice." in html
    assert "Talk to your doctor first." not in html


def test_edited_banner_words_show_on_the_next_render(client, site, article_index):
    banner = BannerSettings.for_site(site)
    banner.title = "Cookies on this site"
    banner.save()
    html = client.get(article_index.url).content.decode()
    assert "Cookies on this site" in html

    banner.title = "Your cookie choices"
    banner.save()

    html = client.get(article_index.url).content.decode()
    assert "Your cookie choices" in html
    assert "Cookies on this site" not in html


def test_a_new_site_for_a_host_takes_over_from_the_default(client, article_index):
    path = article_index.url
    assert client.get(path, HTTP_HOST="clinic.example").status_code == 200

    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Clinic", slug="clinic")
    )
    clinic = Site.objects.create(
        hostname="clinic.example", port=80, root_page=other_home
    )

    assert client.get(path, HTTP_HOST="clinic.example").status_code == 404
    assert client.get(path).status_code == 200

    clinic.delete()
    assert client.get(path, HTTP_HOST="clinic.example").status_code == 200


def test_the_footer_is_read_from_the_cache_after_the_first_render(
    client, site, article_index
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(article_index.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(article_index.url).status_code == 200

    assert not [q for q in captured.captured_queries if "home_sitefooter" in q["sql"]]


def test_a_footer_deleted_with_its_site_is_not_served_from_the_cache(site):
    footer = SiteFooter.for_site(site)
    footer.disclaimer = "Talk to your doctor first."
    footer.save()
    assert SiteFooter.for_site(site).disclaimer == "Talk to your doctor first."

    footer.delete()

    assert SiteFooter.for_site(site).disclaimer != "Talk to your doctor first."
