"""Reminders: each reviewer gets one e-mail listing their pages due within the
lead time or overdue, and the same reminder never goes out twice."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from glossary.review.reminders import send_review_reminders, send_review_reminders_task

from .conftest import fresh

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)


def review(page, reviewer, day):
    page = fresh(page)
    page.record_review(reviewer, reviewed_on=day, revision=page.get_latest_revision())
    return page


@pytest.fixture
def due_pages(make_term, make_article, reviewer, earlier_reviewer, django_user_model):
    earlier_reviewer.user = django_user_model.objects.create_user(
        "ben", "ben@example.org", "x"
    )
    earlier_reviewer.save()
    return {
        # Dr Ana Ruiz: one overdue, one due in 26 days, one not due.
        "overdue": review(make_term("Overdue"), reviewer, datetime.date(2023, 11, 1)),
        "soon": review(make_term("Soon"), reviewer, datetime.date(2024, 1, 2)),
        "later": review(make_term("Later"), reviewer, datetime.date(2026, 1, 1)),
        # Dr Ben Cole: an article overdue after its 24 months.
        "article": review(
            make_article(title="Fibre"), earlier_reviewer, datetime.date(2024, 11, 1)
        ),
    }


def sent_to(address):
    return [message for message in mail.outbox if address in message.to]


@time_machine.travel("2026-12-07 07:00 +0000", tick=False)
def test_each_reviewer_gets_one_email_listing_their_due_pages(due_pages):
    result = send_review_reminders()

    assert result == {"emails": 2, "pages": 3, "no_address": []}
    [ana] = sent_to("ana@example.org")
    assert ana.subject == "Clinical review: 2 pages due"
    assert "- Overdue (glossary term): overdue since 1 November 2026" in ana.body
    assert "- Soon (glossary term): due 2 January 2027" in ana.body
    assert "Later" not in ana.body
    assert f"http://testserver/admin/pages/{due_pages['soon'].pk}/edit/" in ana.body
    [ben] = sent_to("ben@example.org")
    assert "Fibre (article): overdue since 1 November 2026" in ben.body


@time_machine.travel("2026-12-07 07:00 +0000", tick=False)
def test_the_same_reminder_is_never_sent_twice(due_pages):
    send_review_reminders()
    mail.outbox.clear()

    assert send_review_reminders()["emails"] == 0
    assert mail.outbox == []


def test_a_page_newly_due_sends_its_reviewer_the_full_list_once_more(due_pages):
    with time_machine.travel("2026-12-07 07:00 +0000", tick=False):
        send_review_reminders()
    mail.outbox.clear()

    # "Later", reviewed on 1 January 2026, falls due 36 months on: three weeks
    # before, it is within the lead time.
    with time_machine.travel("2028-12-10 07:00 +0000", tick=False):
        send_review_reminders()

    [ana] = sent_to("ana@example.org")
    assert "Later (glossary term): due 1 January 2029" in ana.body
    assert "Overdue (glossary term)" in ana.body  # still overdue, listed again


@time_machine.travel("2026-12-07 07:00 +0000", tick=False)
def test_a_new_review_opens_a_new_window(due_pages, reviewer):
    send_review_reminders()
    mail.outbox.clear()
    review(due_pages["overdue"], reviewer, datetime.date(2023, 12, 1))

    send_review_reminders()

    [ana] = sent_to("ana@example.org")
    assert "Overdue (glossary term): due 1 December 2026" not in ana.body
    assert "Overdue (glossary term): overdue since 1 December 2026" in ana.body


@time_machine.travel("2026-12-07 07:00 +0000", tick=False)
def test_the_lead_time_is_a_setting(settings, due_pages):
    settings.GLOSSARY_REVIEW_REMINDER_DAYS = 10

    send_review_reminders()

    [ana] = sent_to("ana@example.org")
    assert "Soon" not in ana.body


@time_machine.travel("2026-12-07 07:00 +0000", tick=False)
def test_reviewers_without_an_address_are_reported_not_skipped_silently(
    due_pages, earlier_reviewer
):
    earlier_reviewer.user = None
    earlier_reviewer.save()

    result = send_review_reminders()

    assert result["no_address"] == ["Dr Ben Cole"]
    assert sent_to("ben@example.org") == []


@time_machine.travel("2026-12-07 07:00 +0000", tick=False)
def test_the_command_sends_them_for_cron(due_pages):
    out = io.StringIO()

    call_command("send_review_reminders", stdout=out)

    assert "2 reminder e-mail(s) sent, listing 3 page(s)." in out.getvalue()
    assert len(mail.outbox) == 2


@time_machine.travel("2026-12-07 07:00 +0000", tick=False)
def test_the_background_task_sends_them(due_pages):
    result = send_review_reminders_task.enqueue()

    # No TASKS setting: django-tasks' default backend runs it at once.
    assert result.return_value["emails"] == 2
    assert len(mail.outbox) == 2
