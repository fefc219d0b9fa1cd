import datetime

import pytest

from microsite.articles.models import ArticlePage, ArticleSource
from tests.glossary.factories import ReviewerFactory

from .factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_glossary_autolinking_is_on_for_new_articles():
    assert ArticlePage().autolink_glossary is True


def test_for_listing_returns_live_articles_newest_first(make_article):
    old = make_article(date_published=datetime.date(2023, 1, 1))
    new = make_article(date_published=datetime.date(2024, 1, 1))
    make_article(live=False)

    assert list(ArticlePage.objects.for_listing()) == [new, old]


def test_about_filters_articles_by_topic(make_article):
    gut = TopicFactory(name="Digestion")
    on_topic = make_article(topics=[gut])
    make_article()

    assert list(ArticlePage.objects.for_listing().about(gut)) == [on_topic]


def test_date_modified_falls_back_to_publication_date():
    article = ArticlePage(date_published=datetime.date(2024, 2, 3))

    assert article.date_modified == datetime.date(2024, 2, 3)


def test_api_exposes_author_topics_and_sources(client, make_article):
    article = make_article(
        clinical_reviewer=ReviewerFactory(name="Priya Shah"),
        topics=[TopicFactory(name="Skin")],
    )
    article.sources = [ArticleSource(title="A study", year=2021, pmid="123456")]
    article.save_revision().publish()

    response = client.get(f"/api/v2/pages/{article.pk}/")

    data = response.json()
    assert data["author_summary"]["name"] == "Dr Ruth Okafor"
    assert data["reviewer_summary"]["name"] == "Priya Shah"
    assert data["topic_names"] == ["Skin"]
    assert data["source_summaries"] == [
        {
            "title": "A study",
            "publisher": "",
            "year": 2021,
            "link": "https://pubmed.ncbi.nlm.nih.gov/123456/",
        }
    ]
    assert data["autolink_glossary"] is True


def test_search_finds_articles_by_words_in_their_intro(make_article):
    make_article(title="Butyrate basics", intro="How fibre becomes butyrate.")
    make_article(title="Unrelated", intro="About sleep.")

    results = ArticlePage.objects.live().search("butyrate")

    assert [page.title for page in results] == ["Butyrate basics"]


def test_author_snippet_is_registered_in_the_admin():
    from wagtail.snippets.models import get_snippet_models

    from microsite.articles.models import Author

    assert Author in get_snippet_models()
