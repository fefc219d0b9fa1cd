from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from glossary.models import GlossaryTermPage
from microsite.demo.glossary_terms import FEATURED_ON_HOME
from microsite.home.models import SiteFooter

# Measured: 11, whatever the number of terms: Wagtail's site lookup, route and
# view restrictions, the private sections (Wagtail's public()), the footer
# setting and the home page's own queries (featured terms, topics, articles).
HOME_QUERY_BUDGET = 11


def test_home_page_renders_featured_terms_with_links_and_definitions(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    featured = list(home_page.get_featured_terms())
    assert [term.slug for term in featured] == FEATURED_ON_HOME
    for term in featured:
        assert f'href="{term.url}"' in html
        assert term.definition in html
    assert html.index(featured[0].title) < html.index(featured[-1].title)


def test_home_page_preview_shows_unsaved_changes_to_featured_terms(home_page):
    from microsite.home.models import HomePageFeaturedTerm

    butyrate = GlossaryTermPage.objects.get(slug="butyrate")
    home_page.featured_terms = [HomePageFeaturedTerm(term=butyrate)]

    assert home_page.get_featured_terms() == [butyrate]


def test_home_page_hides_a_featured_term_that_is_unpublished(client, home_page):
    term = home_page.get_featured_terms()[0]
    term.unpublish()

    html = client.get("/").content.decode()

    assert term.definition not in html


def test_home_page_links_topics_to_the_filtered_glossary(client, home_page):
    html = client.get("/").content.decode()

    assert 'href="/glossary/?topic=mental-health#results"' in html


def test_every_page_shows_the_footer_disclaimer_editors_set(client, home_page):
    footer = SiteFooter.for_site(Site.objects.get(is_default_site=True))
    footer.disclaimer = "Edited disclaimer: ask your GP about your own health."
    footer.save()

    for url in ["/", "/glossary/", "/glossary/butyrate/", "/search/"]:
        assert footer.disclaimer in client.get(url).content.decode(), url


def test_home_page_has_description_canonical_link_and_favicon(client, home_page):
    html = client.get("/").content.decode()

    assert f'<meta name="description" content="{home_page.search_description}">' in (
        html
    )
    assert '<link rel="canonical" href="http://localhost/">' in html
    assert '<meta property="og:url" content="http://localhost/">' in html
    assert 'rel="icon" href="/static/img/favicon.svg"' in html


def test_home_page_stays_within_its_query_budget(
    client, home_page, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False  # measure rendering, not the page cache
    client.get("/")  # warm per-process caches such as the site root paths
    with django_assert_max_num_queries(HOME_QUERY_BUDGET):
        response = client.get("/")
    assert response.status_code == 200
    assert response.context is not None, "served from a cache, not rendered"


@pytest.fixture
def articles_published_on(home_page):
    """Live articles under /articles/, first published on the given days."""
    from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory

    index = ArticleIndexPageFactory(parent=home_page)

    def publish(title, days_ago, live=True):
        article = ArticlePageFactory(parent=index, title=title, live=live)
        published = timezone.now() - timedelta(days=days_ago)
        type(article).objects.filter(pk=article.pk).update(first_published_at=published)
        return article

    return publish


def test_latest_articles_shows_the_three_newest_live_articles_newest_first(
    client, articles_published_on
):
    articles_published_on("Oldest article", days_ago=30)
    articles_published_on("Third newest", days_ago=20)
    articles_published_on("Draft article", days_ago=1, live=False)
    articles_published_on("Newest article", days_ago=2)
    articles_published_on("Second newest", days_ago=10)

    html = client.get("/").content.decode()

    section = html[html.index("Latest articles") :]
    shown = ["Newest article", "Second newest", "Third newest"]
    positions = [section.index(title) for title in shown]
    assert positions == sorted(positions)
    assert "Oldest article" not in section
    assert "Draft article" not in section


def test_home_page_without_articles_leaves_out_the_articles_section(client, home_page):
    assert "Latest articles" not in client.get("/").content.decode()
