"""Editors cannot type a reviewer or a review date: the fields are not in the
form, and a crafted POST that names them changes nothing."""

import datetime

import pytest

from glossary.models import GlossaryTermPage

from .conftest import LONG_AGO, edit_url, fresh, member_of, term_form

pytestmark = pytest.mark.django_db

FORGED = {
    "clinical_reviewer": "",
    "last_reviewed": "2026-12-01",
    "reviewed_revision": "",
    "has_unreviewed_changes": "",
    "reviewed_by": "Dr Made Up, MD",
}


def test_the_edit_form_shows_the_review_read_only(client, reviewed_term, editor):
    client.force_login(editor)

    response = client.get(edit_url(reviewed_term))

    form = response.context["form"]
    assert not {"clinical_reviewer", "last_reviewed"} & set(form.fields)
    html = response.content.decode()
    assert "Dr Ben Cole, PhD, dietitian" in html
    assert '<time datetime="2024-01-10">10 January 2024</time>' in html


@pytest.fixture(params=["Editors", "Site operators", "superuser"])
def anyone(request, django_user_model):
    """Every role of the permission matrix (docs/security.md)."""
    if request.param == "superuser":
        return django_user_model.objects.create_superuser("root", "r@example.org", "x")
    return member_of(request.param, "member")


@pytest.mark.parametrize("action", ["save", "publish"])
def test_a_crafted_post_cannot_set_the_review(
    client, reviewed_term, anyone, reviewer, action
):
    client.force_login(anyone)
    forged = {**FORGED, "clinical_reviewer": str(reviewer.pk)}
    data = {**term_form(reviewed_term), **forged}
    if action == "publish":
        data["action-publish"] = "action-publish"

    response = client.post(edit_url(reviewed_term), data)

    assert response.status_code == 302
    term = fresh(reviewed_term)
    assert term.clinical_reviewer.name == "Dr Ben Cole"
    assert term.last_reviewed == LONG_AGO
    draft = term.get_latest_revision_as_object()
    assert (draft.clinical_reviewer_id, draft.last_reviewed) == (
        term.clinical_reviewer_id,
        LONG_AGO,
    )


def test_a_crafted_post_cannot_clear_the_unreviewed_mark(client, reviewed_term, editor):
    client.force_login(editor)
    client.post(
        edit_url(reviewed_term),
        term_form(reviewed_term, definition="A fatty acid, said differently."),
    )
    assert fresh(reviewed_term).has_unreviewed_changes

    client.post(
        edit_url(reviewed_term),
        {
            **term_form(fresh(reviewed_term).get_latest_revision_as_object()),
            "has_unreviewed_changes": "",
        },
    )

    assert fresh(reviewed_term).has_unreviewed_changes


def test_publishing_an_old_revision_keeps_the_latest_review(reviewed_term, reviewer):
    old = reviewed_term.live_revision
    reviewed_term.record_review(
        reviewer, reviewed_on=datetime.date(2026, 11, 30), revision=old
    )

    old.publish()

    term = GlossaryTermPage.objects.get(pk=reviewed_term.pk)
    assert (term.clinical_reviewer, term.last_reviewed) == (
        reviewer,
        datetime.date(2026, 11, 30),
    )
