import datetime
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from .factories import TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def self_link_of(feed_xml: bytes) -> str:
    """The feed's rel="self" address, in RSS (atom:link) or Atom."""
    root = ET.fromstring(feed_xml)
    links = root.iter(f"{ATOM}link")
    [self_link] = [link for link in links if link.get("rel") == "self"]
    return self_link.get("href")


class AlternateLinks(HTMLParser):
    """The feeds a page advertises in its head, as (type, title, href)."""

    def __init__(self, html: str):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.found.append((attrs["type"], attrs["title"], attrs["href"]))


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


@pytest.mark.parametrize("path", ["/articles/feed/", "/articles/feed/atom/"])
def test_a_feed_links_to_itself_at_the_address_it_was_read_from(
    client, make_article, path
):
    make_article()

    response = client.get(path)

    assert self_link_of(response.content) == f"http://testserver{path}"


@pytest.mark.parametrize("path", ["/articles/feed/", "/articles/feed/atom/"])
def test_a_topic_feed_links_to_itself_with_its_topic(client, make_article, path):
    make_article(topics=[TopicFactory(name="Skin", slug="skin")])

    response = client.get(f"{path}?topic=skin")

    assert self_link_of(response.content) == f"http://testserver{path}?topic=skin"


def test_a_topic_feed_links_to_the_topic_listing(client, make_article):
    make_article(topics=[TopicFactory(name="Skin", slug="skin")])

    atom = ET.fromstring(client.get("/articles/feed/atom/?topic=skin").content)
    rss = ET.fromstring(client.get("/articles/feed/?topic=skin").content)

    [alternate] = [
        link for link in atom.findall(f"{ATOM}link") if link.get("rel") == "alternate"
    ]
    assert alternate.get("href") == "http://testserver/articles/?topic=skin"
    assert rss.find("channel").findtext("link") == (
        "http://testserver/articles/?topic=skin"
    )


def test_a_topic_listing_advertises_its_topic_feeds_first(client, make_article):
    make_article(topics=[TopicFactory(name="Skin", slug="skin")])

    html = client.get("/articles/?topic=skin").content.decode()

    assert AlternateLinks(html).found == [
        ("application/rss+xml", "Articles: Skin (RSS)", "/articles/feed/?topic=skin"),
        (
            "application/atom+xml",
            "Articles: Skin (Atom)",
            "/articles/feed/atom/?topic=skin",
        ),
        ("application/rss+xml", "Articles (RSS)", "/articles/feed/"),
        ("application/atom+xml", "Articles (Atom)", "/articles/feed/atom/"),
    ]


def test_a_topic_listing_offers_its_topic_feeds_to_readers(client, make_article):
    make_article(topics=[TopicFactory(name="Skin", slug="skin")])

    html = client.get("/articles/?topic=skin").content.decode()

    assert (
        'Follow new articles on Skin: <a href="/articles/feed/?topic=skin">RSS feed</a>'
        ' · <a href="/articles/feed/atom/?topic=skin">Atom feed</a>'
    ) in html


def test_the_unfiltered_listing_advertises_only_the_unfiltered_feeds(
    client, article_index
):
    html = client.get("/articles/").content.decode()

    assert AlternateLinks(html).found == [
        ("application/rss+xml", "Articles (RSS)", "/articles/feed/"),
        ("application/atom+xml", "Articles (Atom)", "/articles/feed/atom/"),
    ]


@pytest.mark.parametrize("path", ["/articles/feed/", "/articles/feed/atom/"])
def test_feed_for_an_unknown_topic_is_the_sites_404_page(client, article_index, path):
    response = client.get(f"{path}?topic=astrology")

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Page not found</h1>" in response.content.decode()


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
