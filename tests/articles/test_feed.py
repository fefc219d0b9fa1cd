import datetime
import xml.etree.ElementTree as ET

import pytest

from .factories import TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_newest_articles_with_links_and_authors(client, make_article):
    make_article(title="Older", date_published=datetime.date(2024, 1, 1))
    make_article(
        title="Newer",
        slug="newer",
        date_published=datetime.date(2025, 1, 1),
        topics=[TopicFactory(name="Skin")],
    )

    response = client.get("/articles/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newer", "Older"]
    assert items[0].findtext("link") == "http://testserver/articles/newer/"
    assert items[0].findtext("category") == "Skin"
    assert "Dr Ruth Okafor" in items[0].findtext(
        "{http://purl.org/dc/elements/1.1/}creator"
    )


def test_rss_feed_leaves_out_drafts(client, make_article):
    make_article(title="Published")
    make_article(title="Draft", live=False)

    channel = ET.fromstring(client.get("/articles/feed/").content).find("channel")

    assert [item.findtext("title") for item in channel.findall("item")] == ["Published"]


def test_atom_feed_is_valid_atom_with_entries(client, make_article):
    make_article(title="Gut & skin <together>")

    response = client.get("/articles/feed/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Gut & skin <together>"
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Dr Ruth Okafor"


def test_feed_holds_at_most_twenty_articles(client, make_article):
    for n in range(22):
        make_article(date_published=datetime.date(2025, 1, 1) + datetime.timedelta(n))

    channel = ET.fromstring(client.get("/articles/feed/").content).find("channel")

    assert len(channel.findall("item")) == 20


def test_feed_can_be_limited_to_one_topic(client, make_article):
    make_article(title="Eczema and the gut", topics=[TopicFactory(name="Skin")])
    make_article(title="T cells")

    channel = ET.fromstring(client.get("/articles/feed/?topic=skin").content).find(
        "channel"
    )

    assert channel.findtext("title").startswith("Articles: Skin")
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Eczema and the gut"
    ]


def test_feed_for_an_unknown_topic_is_404_with_a_message(client, article_index):
    response = client.get("/articles/feed/atom/?topic=astrology")

    assert response.status_code == 404
    assert response.content.decode() == "There is no topic called “astrology”."


def test_unknown_path_below_the_feed_is_404(client, article_index):
    assert client.get("/articles/feed/nonsense/").status_code == 404


def test_feed_stays_within_its_query_budget(
    client, uncached_pages, make_article, django_assert_max_num_queries
):
    for n in range(10):
        make_article(
            topics=[TopicFactory()], date_published=datetime.date(2025, 2, n + 1)
        )
    client.get("/articles/feed/")

    # Measured: 8 with ten articles, whatever their number.
    with django_assert_max_num_queries(10):
        client.get("/articles/feed/")
