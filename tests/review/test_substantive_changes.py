"""Changing the medical content of a reviewed page marks it "changes not yet
reviewed"; fixing a typo in the SEO title, or anything else not medical, does not."""

import pytest
from wagtail.test.utils.form_data import rich_text

from glossary.models import GlossaryTermSource
from microsite.articles.models import ArticleSource

from .conftest import LONG_AGO, edit, edit_url, fresh, submit, term_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "changes",
    [
        {"definition": "A fatty acid the colon lives on."},
        {"origin": "<p>From the Latin <i>butyrum</i>, butter.</p>"},
        {"mechanism": "<p>It feeds the cells lining the colon.</p>"},
        {"further_sections": [("heading", "What the research shows")]},
    ],
    ids=lambda changes: next(iter(changes)),
)
def test_a_medical_change_reopens_review(reviewed_term, editor, changes):
    edit(reviewed_term, editor, **changes)

    assert fresh(reviewed_term).has_unreviewed_changes


def test_a_new_source_reopens_review(reviewed_term, editor):
    draft = reviewed_term.get_latest_revision_as_object()
    draft.sources = [
        *draft.sources.all(),
        GlossaryTermSource(title="A new trial", publisher="BMJ", year=2025),
    ]
    draft.save_revision(user=editor)

    assert fresh(reviewed_term).has_unreviewed_changes


@pytest.mark.parametrize(
    "changes",
    [
        {"seo_title": "Butyrate: what it is adn what it does"},
        {"search_description": "A fatty acid from fibre."},
        {"never_autolink": True},
        {"slug": "butyrate-fatty-acid"},
    ],
    ids=lambda changes: next(iter(changes)),
)
def test_a_change_outside_the_medical_content_does_not(reviewed_term, editor, changes):
    edit(reviewed_term, editor, **changes)

    term = fresh(reviewed_term)
    assert not term.has_unreviewed_changes
    assert term.last_reviewed == LONG_AGO


def test_an_seo_typo_fixed_in_the_admin_and_published_keeps_the_review(
    client, reviewed_term, editor
):
    client.force_login(editor)

    response = client.post(
        edit_url(reviewed_term),
        term_form(
            reviewed_term,
            seo_title="Butyrate, explained",
            **{"action-publish": "action-publish"},
        ),
    )

    assert response.status_code == 302
    term = fresh(reviewed_term)
    assert term.seo_title == "Butyrate, explained"
    assert not term.has_unreviewed_changes
    assert term.clinical_reviewer.name == "Dr Ben Cole"


def test_the_admin_says_changes_not_yet_reviewed(client, reviewed_term, editor):
    client.force_login(editor)
    client.post(
        edit_url(reviewed_term),
        term_form(
            reviewed_term, mechanism=rich_text("<p>It feeds the colon's cells.</p>")
        ),
    )

    html = client.get(edit_url(reviewed_term)).content.decode()

    assert "Changes not yet reviewed." in html


def test_undoing_the_change_clears_the_mark(reviewed_term, editor):
    original = reviewed_term.definition
    edit(reviewed_term, editor, definition="Something else entirely.")
    edit(fresh(reviewed_term), editor, definition=original)

    assert not fresh(reviewed_term).has_unreviewed_changes


def test_approval_clears_the_mark(reviewed_term, editor, reviewer):
    edit(reviewed_term, editor, definition="A fatty acid the colon lives on.")
    state = submit(fresh(reviewed_term), editor)

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer.user, "approve")

    term = fresh(reviewed_term)
    assert not term.has_unreviewed_changes
    assert term.definition == "A fatty acid the colon lives on."


def test_articles_reopen_review_on_body_and_sources(make_article, reviewer, editor):
    article = make_article()
    article.save_revision().publish()
    article = fresh(article)
    article.record_review(
        reviewer, reviewed_on=LONG_AGO, revision=article.live_revision
    )

    edit(article, editor, intro="A new summary line.", seo_title="Fibre, explained")
    assert not fresh(article).has_unreviewed_changes

    draft = fresh(article).get_latest_revision_as_object()
    draft.sources = [ArticleSource(title="A new review", year=2025)]
    draft.save_revision(user=editor)
    assert fresh(article).has_unreviewed_changes


def test_each_page_type_declares_its_medical_fields():
    from glossary.models import GlossaryTermPage
    from microsite.articles.models import ArticlePage

    assert GlossaryTermPage.clinical_review_fields == (
        "definition",
        "origin",
        "mechanism",
        "further_sections",
        "sources",
    )
    assert ArticlePage.clinical_review_fields == ("body", "sources")


def test_the_rich_text_editors_block_keys_are_not_a_change(reviewed_term, editor):
    # Draftail writes data-block-key into a paragraph the first time it saves it.
    edit(
        reviewed_term,
        editor,
        origin=reviewed_term.origin.replace("<p>", '<p data-block-key="a1b2c">'),
    )

    assert not fresh(reviewed_term).has_unreviewed_changes
