"""Fixtures for clinical review: the people (an editor, a linked clinical reviewer,
group members who are not linked) and reviewed pages."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from glossary.review.models import CLINICAL_REVIEWERS
from tests.articles.conftest import (  # noqa: F401
    article_index,
    author,
    home_page,
    make_article,
)
from tests.glossary.conftest import glossary_index, make_term, make_topic  # noqa: F401
from tests.glossary.factories import ReviewerFactory

LONG_AGO = datetime.date(2024, 1, 10)


def member_of(group_name: str, username: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db) -> User:
    """A member of Editors: edits, submits and (as Wagtail allows) publishes."""
    return member_of("Editors", "editor")


@pytest.fixture
def reviewer(db):
    """Dr Ana Ruiz, a Reviewer linked to a member of "Clinical reviewers"."""
    user = member_of(CLINICAL_REVIEWERS, "ana")
    return ReviewerFactory(
        name="Dr Ana Ruiz", credentials="MD, gastroenterologist", user=user
    )


@pytest.fixture
def unlinked_member(db) -> User:
    """In "Clinical reviewers" but linked to no Reviewer."""
    return member_of(CLINICAL_REVIEWERS, "unlinked")


@pytest.fixture
def earlier_reviewer(db):
    return ReviewerFactory(name="Dr Ben Cole", credentials="PhD, dietitian")


@pytest.fixture
def reviewed_term(make_term, earlier_reviewer):  # noqa: F811
    """A published term reviewed by Dr Ben Cole, as its live revision stands."""
    term = make_term(
        "Butyrate",
        "A short-chain fatty acid that gut bacteria make from fibre.",
        sources=[{"title": "Butyrate and the colon", "publisher": "Gut", "year": 2020}],
        publish=True,
    )
    term = type(term).objects.get(pk=term.pk)
    term.record_review(
        earlier_reviewer, reviewed_on=LONG_AGO, revision=term.live_revision
    )
    return term


def edit(page, user=None, **changes):
    """Save a revision of ``page`` with ``changes``, as the editor's Save does."""
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft.save_revision(user=user)


def fresh(page):
    return type(page).objects.get(pk=page.pk)


def submit(page, user):
    """Start the page's workflow, as "Submit for clinical review" does."""
    return page.get_workflow().start(page, user)


def action_url(page, action, task_state):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)
    )


def term_form(term, **overrides):
    """The term edit form as the admin posts it, with ``overrides``."""
    fields = {
        "title": term.title,
        "slug": term.slug,
        "definition": term.definition,
        "origin": rich_text(term.origin),
        "mechanism": rich_text(term.mechanism),
        "further_sections": streamfield([]),
        "synonyms": inline_formset([]),
        "related_term_links": inline_formset([]),
        "sources": inline_formset(
            [
                {
                    "id": source.pk,
                    "title": source.title,
                    "publisher": source.publisher,
                    "year": source.year or "",
                    "url": source.url,
                    "doi": source.doi,
                    "pmid": source.pmid,
                }
                for source in term.sources.all()
            ],
            initial=term.sources.count(),
        ),
        "comments": inline_formset([]),
        "seo_title": term.seo_title,
        "search_description": term.search_description,
    }
    fields.update(overrides)
    return nested_form_data(fields)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))
