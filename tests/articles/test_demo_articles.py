import io

import pytest
from wagtail.models import Revision

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from microsite.articles.models import ArticleIndexPage, ArticlePage, Author
from microsite.demo import articles as demo_articles

pytestmark = pytest.mark.django_db

TITLES = {
    "The gut microbiome and the immune system",
    "Microbiome, gut health and the secretome: what is true?",
    "The gut microbiome and skin health",
}


def build():
    out = io.StringIO()
    demo_articles.build(out)
    return out.getvalue()


def test_demo_builds_three_published_articles_under_articles(client, home_page):
    build()

    index = ArticleIndexPage.objects.get()
    assert index.get_parent().pk == home_page.pk
    assert index.url == "/articles/"
    articles = ArticlePage.objects.live().child_of(index)
    assert {article.title for article in articles} == TITLES
    assert Author.objects.count() == 2
    assert client.get("/articles/").status_code == 200


def test_each_demo_article_has_takeaways_a_disclaimer_and_sources(home_page):
    build()

    for article in ArticlePage.objects.all():
        block_types = [block.block_type for block in article.body]
        assert "key_takeaways" in block_types, article.title
        assert any(
            block.block_type == "callout" and block.value["kind"] == "disclaimer"
            for block in article.body
        ), article.title
        assert article.sources.count() >= 3, article.title
        words = sum(len(str(block.render()).split()) for block in article.body)
        assert 600 <= words <= 1100, (article.title, words)


def test_running_the_demo_twice_changes_nothing(home_page):
    build()
    pages, revisions = ArticlePage.objects.count(), Revision.objects.count()

    output = build()

    assert ArticlePage.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert Author.objects.count() == 2
    assert "3 unchanged" in output


def test_demo_links_related_glossary_terms_only_when_they_exist(home_page):
    glossary = GlossaryIndexPage(title="Glossary", slug="glossary")
    home_page.add_child(instance=glossary)
    butyrate = GlossaryTermPage(
        title="Butyrate",
        slug="butyrate",
        definition="A short-chain fatty acid made by gut bacteria from fibre.",
        origin="<p>From the Greek for butter.</p>",
        mechanism="<p>Fuels the cells lining the colon.</p>",
    )
    glossary.add_child(instance=butyrate)

    build()

    article = ArticlePage.objects.get(slug="gut-microbiome-and-immune-system")
    assert list(article.get_related_terms()) == [butyrate]
