"""A page made private, unpublished or moved leaves every cached page that showed
it on the next request: the application cache."""

import pytest
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

BUTYRATE = "A short-chain fatty acid made by gut bacteria."


def cached(client, url):
    client.get(url)
    response = client.get(url)
    assert response["X-Cache"] == "HIT", url
    return response.content.decode()


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def move_away(page, site_root):
    shelf = site_root.add_child(instance=Page(title="Shelf", slug="shelf"))
    page.move(shelf, pos="last-child")


CHANGES = {
    "private": lambda page, site_root: make_private(page),
    "unpublished": lambda page, site_root: page.unpublish(),
    "moved": move_away,
}


@pytest.fixture
def term_shown_everywhere(make_term, make_topic, make_article, glossary_index):
    """Butyrate, shown by the A–Z and its variants, its neighbour, a related term,
    an article that auto-links it, an article that features it, the sitemap."""
    skin = make_topic("Skin", slug="skin")
    acetate = make_term("Acetate", publish=True)
    butyrate = make_term("Butyrate", BUTYRATE, topics=[skin], publish=True)
    propionate = make_term("Propionate", related=[butyrate], publish=True)
    mentions = make_article(body_text="Bacteria turn fibre into butyrate.")
    features = make_article(body_text="Sleep matters too.")
    features.related_term_links.create(term=butyrate)
    features.save_revision().publish()
    index = glossary_index.url
    showing = [
        index,
        f"{index}?letter=b",
        f"{index}?topic=skin",
        f"{index}?letter=b&topic=skin",
        acetate.url,
        propionate.url,
        mentions.url,
        features.url,
        "/sitemap-glossary.xml",
    ]
    return butyrate, showing


@pytest.mark.parametrize("change", CHANGES)
def test_a_term_leaves_every_cached_page_that_showed_it(
    client, term_shown_everywhere, site_root, change
):
    term, showing = term_shown_everywhere
    url = term.url
    for page_url in showing:
        assert url in cached(client, page_url), page_url

    CHANGES[change](term, site_root)

    for page_url in showing:
        # A letter left without terms answers 404, with the same layout.
        content = client.get(page_url).content.decode()
        assert url not in content, page_url
        if change != "moved":  # a moved term still shows, at its new address
            assert BUTYRATE not in content, page_url


@pytest.fixture
def article_shown_everywhere(make_article, article_index):
    article = make_article(title="Fibre and sleep")
    related_from = make_article(body_text="Sleep matters too.")
    related_from.related_article_links.create(article=article)
    related_from.save_revision().publish()
    index = article_index.url
    showing = [
        index,
        f"{index}feed/",
        f"{index}feed/atom/",
        related_from.url,
        "/sitemap-pages.xml",
    ]
    return article, showing


@pytest.mark.parametrize("change", CHANGES)
def test_an_article_leaves_its_index_feeds_and_related_articles(
    client, article_shown_everywhere, site_root, change
):
    article, showing = article_shown_everywhere
    path = article.url
    for page_url in showing:
        assert path in cached(client, page_url), page_url

    CHANGES[change](article, site_root)

    for page_url in showing:
        assert path not in client.get(page_url).content.decode(), page_url


def test_a_published_edit_shows_on_every_page_that_shows_the_term(
    client, term_shown_everywhere
):
    term, showing = term_shown_everywhere
    for page_url in showing:
        cached(client, page_url)

    revision_page = term.get_latest_revision_as_object()
    revision_page.definition = "Butyrate, as revised by the medical reviewer."
    revision_page.save_revision().publish()

    # The definition shows in the A–Z lists and the articles' popovers.
    for page_url in showing[:4] + showing[6:7]:
        assert "as revised by the medical" in client.get(page_url).content.decode()
