import datetime

import pytest
import wagtail_factories
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import TopicFactory

pytestmark = pytest.mark.django_db


def titles_in_order(response):
    return [article.title for article in response.context["articles"]]


def test_index_lists_newest_articles_first(client, make_article):
    make_article(title="Older", date_published=datetime.date(2024, 1, 5))
    make_article(title="Newest", date_published=datetime.date(2025, 6, 1))
    make_article(title="Middle", date_published=datetime.date(2024, 11, 20))

    response = client.get("/articles/")

    assert response.status_code == 200
    assert titles_in_order(response) == ["Newest", "Middle", "Older"]


def test_index_hides_draft_articles(client, make_article):
    make_article(title="Published")
    make_article(title="Draft", live=False)

    assert titles_in_order(client.get("/articles/")) == ["Published"]


def test_index_paginates_ten_articles_per_page(client, make_article):
    for day in range(1, 13):
        make_article(title=f"Day {day}", date_published=datetime.date(2025, 1, day))

    first = client.get("/articles/")
    second = client.get("/articles/?page=2")

    assert len(first.context["articles"]) == 10
    assert titles_in_order(second) == ["Day 2", "Day 1"]
    assert b"Older articles" in first.content
    assert b"Newer articles" in second.content


def test_topic_filter_shows_only_articles_on_that_topic(client, make_article):
    skin, immunity = TopicFactory(name="Skin"), TopicFactory(name="Immunity")
    make_article(title="Eczema and the gut", topics=[skin])
    make_article(title="T cells and bacteria", topics=[immunity])

    response = client.get("/articles/?topic=skin")

    assert titles_in_order(response) == ["Eczema and the gut"]
    assert response.context["current_topic"] == skin
    assert list(response.context["topics"]) == [immunity, skin]


def test_topic_filter_keeps_topic_in_pagination_links(client, make_article):
    skin = TopicFactory(name="Skin")
    for day in range(1, 12):
        make_article(date_published=datetime.date(2025, 2, day), topics=[skin])

    response = client.get("/articles/?topic=skin")

    assert b"?topic=skin&amp;page=2" in response.content


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?topic=no-such-topic", "There is no topic called “no-such-topic”."),
        ("?page=abc", "Page numbers are whole numbers, starting from 1."),
        ("?page=-1", "Page numbers are whole numbers, starting from 1."),
        ("?page=0", "There is no page 0: the list has 1 page."),
        ("?page=99", "There is no page 99: the list has 1 page."),
        ("?page=99999999999999999999999", "the list has 1 page."),
        ("?page=%C2%B2", "Page numbers are whole numbers, starting from 1."),
        ("?page=%D9%A3", "Page numbers are whole numbers, starting from 1."),
        ("?page=" + "9" * 5000, "There is no page 99999999999999999999…"),
    ],
)
def test_bad_listing_requests_get_404_with_a_clear_message(
    client, make_article, query, message
):
    make_article()

    response = client.get(f"/articles/{query}")

    assert response.status_code == 404
    assert message in response.content.decode()


def test_an_empty_page_parameter_means_the_first_page(client, make_article):
    make_article(title="Only article")

    response = client.get("/articles/?page=")

    assert response.status_code == 200
    assert titles_in_order(response) == ["Only article"]


def test_unknown_topic_message_escapes_what_the_reader_typed(client, article_index):
    response = client.get("/articles/", {"topic": "<script>alert(1)</script>"})

    assert response.status_code == 404
    assert "<script>alert(1)" not in response.content.decode()


def test_empty_index_says_there_are_no_articles_yet(client, article_index):
    response = client.get("/articles/")

    assert response.status_code == 200
    assert "No articles yet" in response.content.decode()


def test_index_links_its_feeds_for_feed_readers(client, article_index):
    html = client.get("/articles/").content.decode()

    assert 'type="application/rss+xml"' in html
    assert 'href="/articles/feed/"' in html
    assert 'href="/articles/feed/atom/"' in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_index_stays_within_its_query_budget(
    client, uncached_pages, make_article, django_assert_max_num_queries
):
    topics = [TopicFactory(), TopicFactory()]
    for day in range(1, 11):
        make_article(date_published=datetime.date(2025, 4, day), topics=topics)
    client.get("/articles/")  # warm Wagtail's site-root cache, as in production

    # Measured: 12: Wagtail's site lookup, route and view restrictions, the
    # footer setting and the index's own queries.
    with django_assert_max_num_queries(12):
        response = client.get("/articles/")

    assert len(response.context["articles"]) == 10


def test_index_query_count_does_not_grow_with_articles(
    client, uncached_pages, make_article
):
    topic = TopicFactory()
    make_article(topics=[topic])
    client.get("/articles/")
    with_one = count_queries(client, "/articles/")
    for day in range(1, 10):
        make_article(date_published=datetime.date(2025, 5, day), topics=[topic])

    assert count_queries(client, "/articles/") == with_one


def test_hero_images_in_the_list_cost_no_query_per_article(
    client, uncached_pages, make_article, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    make_article(hero_image=wagtail_factories.ImageFactory())
    client.get("/articles/")  # renders and stores the thumbnail renditions
    cache.clear()  # Wagtail also caches renditions: measure the database path
    with_one = count_queries(client, "/articles/")
    for day in range(1, 6):
        make_article(
            date_published=datetime.date(2025, 6, day),
            hero_image=wagtail_factories.ImageFactory(),
        )
    client.get("/articles/")
    cache.clear()

    assert count_queries(client, "/articles/") == with_one


def test_browser_title_names_the_topic_and_page(client, make_article):
    skin = TopicFactory(name="Skin")
    for day in range(1, 12):
        make_article(date_published=datetime.date(2025, 7, day), topics=[skin])

    html = client.get("/articles/?topic=skin&page=2").content.decode()

    assert "<title>Articles: Skin (page 2) |" in html
