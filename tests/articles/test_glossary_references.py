"""A term linked automatically from an article is referenced by that article.

Wagtail's reference index counts the links, so the term's status panel ("Referenced
1 time") and its Usage listing tell an editor who is about to unpublish it which
articles link to it, and stay right as articles and terms change.
"""

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex

from tests.glossary.conftest import glossary_index, make_term  # noqa: F401

pytestmark = pytest.mark.django_db

MENTIONS_BUTYRATE = [
    (
        "paragraph",
        "<p>Gut bacteria turn fibre into butyrate, which feeds the colon.</p>",
    )
]
MENTIONS_NOTHING = [("paragraph", "<p>Gut bacteria turn fibre into fuel.</p>")]


def usage_count(term) -> int:
    """The number the term's status panel shows: pages that reference it."""
    return ReferenceIndex.get_grouped_references_to(term).count()


def publish(page):
    page.save_revision().publish()


@pytest.fixture
def butyrate(make_term):  # noqa: F811
    return make_term(
        "Butyrate",
        "A short-chain fatty acid that gut bacteria make from fibre.",
        publish=True,
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the change schedules for after its transaction commits."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def test_publishing_an_article_that_mentions_a_term_references_it(
    make_article, butyrate, admin_client
):
    article = make_article(title="Fibre and your colon", body=MENTIONS_NOTHING)
    article.body = MENTIONS_BUTYRATE
    publish(article)

    assert usage_count(butyrate) == 1
    usage = admin_client.get(reverse("wagtailadmin_pages:usage", args=[butyrate.pk]))
    assert "Fibre and your colon" in usage.content.decode()
    assert "Body (glossary auto-links)" in usage.content.decode()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[butyrate.pk]))
    assert "Referenced 1 time" in edit.content.decode()


def test_removing_the_mention_removes_the_reference(make_article, butyrate):
    article = make_article(body=MENTIONS_BUTYRATE)
    publish(article)
    article.body = MENTIONS_NOTHING

    publish(article)

    assert usage_count(butyrate) == 0


def test_an_article_that_does_not_link_terms_does_not_reference_them(
    make_article, butyrate
):
    article = make_article(body=MENTIONS_BUTYRATE, autolink_glossary=False)

    publish(article)

    assert usage_count(butyrate) == 0


def test_publishing_a_new_term_that_an_article_mentions_references_it(
    make_article,
    make_term,  # noqa: F811
    committed,
):
    publish(make_article(body=MENTIONS_BUTYRATE))

    butyrate = committed(make_term, "Butyrate", publish=True)

    assert usage_count(butyrate) == 1


def test_unpublishing_a_term_removes_its_references(make_article, butyrate, committed):
    publish(make_article(body=MENTIONS_BUTYRATE))

    committed(butyrate.unpublish)

    assert usage_count(butyrate) == 0


def test_renaming_a_term_moves_the_reference_to_the_words_articles_use(
    make_article, butyrate, committed
):
    publish(make_article(body=MENTIONS_NOTHING))
    butyrate.title = "Fuel"

    committed(publish, butyrate)

    assert usage_count(butyrate) == 1
