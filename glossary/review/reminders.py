"""E-mail each clinical reviewer the pages of theirs that fall due soon.

One e-mail per reviewer, listing all their pages due within the lead time
(GLOSSARY_REVIEW_REMINDER_DAYS) or overdue; it is sent only when one of those
pages has not been reminded for its current due date, and every page listed is
then recorded (ReviewReminder), so the same reminder never goes out twice.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from glossary.conf import get_setting

from .listing import ReviewRow, due_by, reviewable_pages
from .models import Reviewer, ReviewReminder


def pages_due_by_reviewer(today) -> dict[int, list[ReviewRow]]:
    horizon = today + datetime.timedelta(
        days=get_setting("GLOSSARY_REVIEW_REMINDER_DAYS")
    )
    pages = reviewable_pages().filter(due_by(horizon), review_reviewer_id__isnull=False)
    due = defaultdict(list)
    for page in pages:
        due[page.review_reviewer_id].append(ReviewRow(page))
    return due


def already_reminded(
    due: dict[int, list[ReviewRow]],
) -> set[tuple[int, int, datetime.date]]:
    page_ids = [row.page.pk for rows in due.values() for row in rows]
    return set(
        ReviewReminder.objects.filter(page_id__in=page_ids).values_list(
            "reviewer_id", "page_id", "due_on"
        )
    )


def send_review_reminders(today=None) -> dict:
    """Send what is due; return how many e-mails went out and to whom not."""
    today = today or timezone.localdate()
    due = pages_due_by_reviewer(today)
    sent_before = already_reminded(due)
    reviewers = Reviewer.objects.select_related("user").in_bulk(list(due))
    result = {"emails": 0, "pages": 0, "no_address": []}
    for reviewer_id, rows in due.items():
        new = [
            row
            for row in rows
            if (reviewer_id, row.page.pk, row.next_review_due) not in sent_before
        ]
        if not new:
            continue
        reviewer = reviewers[reviewer_id]
        address = reviewer.user.email if reviewer.user_id else ""
        if not address:
            result["no_address"].append(reviewer.name)
            continue
        with transaction.atomic():
            ReviewReminder.objects.bulk_create(
                [
                    ReviewReminder(
                        reviewer=reviewer, page=row.page, due_on=row.next_review_due
                    )
                    for row in new
                ]
            )
            send_reminder(reviewer, address, rows, today)
        result["emails"] += 1
        result["pages"] += len(rows)
    return result


def send_reminder(reviewer, address, rows, today) -> None:
    subject = ngettext(
        "Clinical review: %(count)d page due",
        "Clinical review: %(count)d pages due",
        len(rows),
    ) % {"count": len(rows)}
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    body = render_to_string(
        "glossary_review/reminder_email.txt",
        {
            "reviewer": reviewer,
            "rows": rows,
            "today": today,
            "base_url": base_url,
            "lead_days": get_setting("GLOSSARY_REVIEW_REMINDER_DAYS"),
        },
    )
    send_mail(subject, body, None, [address])


@task()
def send_review_reminders_task() -> dict:
    """The same, as a django-tasks background task (enqueue it from a scheduler)."""
    return send_review_reminders()


def describe(result: dict) -> str:
    text = _("%(emails)d reminder e-mail(s) sent, listing %(pages)d page(s).") % result
    if result["no_address"]:
        text += " " + _("No e-mail address for: %(names)s.") % {
            "names": ", ".join(result["no_address"])
        }
    return text
