"""The "Clinical review" task: only a linked clinical reviewer approves, and the
approval stamps the reviewer and the date in the same publish."""

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from glossary.models import ClinicalReviewTask, ClinicalReviewTaskState

from .conftest import action_url, edit, fresh, submit

pytestmark = pytest.mark.django_db


def test_terms_and_articles_go_through_the_clinical_review_workflow(
    reviewed_term, make_article
):
    for page in (reviewed_term, make_article()):
        workflow = page.get_workflow()
        assert workflow.name == "Clinical review"
        [task] = workflow.tasks.specific()
        assert isinstance(task, ClinicalReviewTask)
        assert [group.name for group in task.groups.all()] == ["Clinical reviewers"]


def test_the_default_workflow_is_a_setting(settings, reviewed_term):
    settings.GLOSSARY_REVIEW_WORKFLOW = None

    # Wagtail's own choice again: "Moderators approval", assigned to the root.
    assert reviewed_term.get_workflow().name == "Moderators approval"


def test_a_workflow_assigned_below_the_root_wins(reviewed_term, glossary_index):
    from wagtail.models import Workflow, WorkflowPage

    own = Workflow.objects.create(name="Glossary board")
    WorkflowPage.objects.create(page=glossary_index, workflow=own)

    assert reviewed_term.get_workflow() == own


def test_approving_stamps_the_reviewer_and_today_in_the_publish(
    client, reviewed_term, editor, reviewer
):
    edit(reviewed_term, editor, mechanism="<p>Colon cells burn it for energy.</p>")
    state = submit(reviewed_term, editor)
    client.force_login(reviewer.user)

    response = client.post(
        action_url(reviewed_term, "approve", state.current_task_state)
    )

    assert response.status_code == 302
    term = fresh(reviewed_term)
    assert term.live and not term.has_unreviewed_changes
    assert term.clinical_reviewer == reviewer
    assert term.last_reviewed == timezone.localdate()
    assert term.reviewed_revision == term.live_revision
    assert "Colon cells burn it for energy." in term.mechanism
    review = ClinicalReviewTaskState.objects.get()
    assert review.status == TaskState.STATUS_APPROVED
    assert review.reviewer == reviewer
    page = client.get(term.url).content.decode()
    assert "Medically reviewed by Dr Ana Ruiz, MD, gastroenterologist on" in page


def test_an_editor_cannot_approve(client, reviewed_term, editor):
    state = submit(reviewed_term, editor)
    client.force_login(editor)

    response = client.post(
        action_url(reviewed_term, "approve", state.current_task_state)
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert fresh(reviewed_term).clinical_reviewer.name == "Dr Ben Cole"
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.parametrize("who", ["unlinked_member", "superuser"])
def test_only_a_member_linked_to_a_reviewer_may_approve(
    request, reviewed_term, editor, who, django_user_model
):
    if who == "superuser":
        user = django_user_model.objects.create_superuser("root", "r@example.org", "x")
    else:
        user = request.getfixturevalue(who)
    state = submit(reviewed_term, editor)
    task = state.current_task_state.task.specific

    assert task.get_actions(reviewed_term, user) == []
    with pytest.raises(Exception) as refused:
        task.on_action(state.current_task_state, user, "approve")
    assert type(refused.value).__name__ == "PermissionDenied"
    assert fresh(reviewed_term).last_reviewed.year == 2024


def test_a_linked_reviewer_who_left_the_group_cannot_approve(
    reviewed_term, editor, reviewer
):
    reviewer.user.groups.clear()
    submit(reviewed_term, editor)

    task = ClinicalReviewTask.objects.get()
    assert task.get_actions(reviewed_term, reviewer.user) == []


def test_rejecting_sends_it_back_with_the_reviewers_comment(
    client, reviewed_term, editor, reviewer
):
    edit(reviewed_term, editor, definition="A fatty acid that cures everything.")
    state = submit(reviewed_term, editor)
    mail.outbox.clear()
    client.force_login(reviewer.user)

    response = client.post(
        action_url(reviewed_term, "reject", state.current_task_state),
        {"comment": "No evidence that it cures anything: please cite or remove."},
    )

    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment.startswith("No evidence")
    term = fresh(reviewed_term)
    assert term.clinical_reviewer.name == "Dr Ben Cole"
    assert "cures everything" not in term.definition
    # Wagtail's own notification reaches the editor who submitted.
    [message] = [m for m in mail.outbox if "editor@example.org" in m.to]
    assert "No evidence" in message.body


def test_submitting_notifies_the_clinical_reviewers(reviewed_term, editor, reviewer):
    mail.outbox.clear()

    submit(reviewed_term, editor)

    assert any("ana@example.org" in message.to for message in mail.outbox)


def test_reviewers_find_the_page_awaiting_their_review(
    client, reviewed_term, editor, reviewer
):
    submit(reviewed_term, editor)
    client.force_login(reviewer.user)

    home = client.get("/admin/").content.decode()

    assert "Butyrate" in home[home.index("Awaiting your review") :]
