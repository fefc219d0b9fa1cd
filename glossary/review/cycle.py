"""Review cycles: when a page is due again and what state its review is in."""

import calendar
import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glossary.conf import get_setting

NOT_REVIEWED = "not_reviewed"
CURRENT = "current"
DUE_SOON = "due_soon"
OVERDUE = "overdue"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by ``months``, on the month's last day if it is shorter."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def latest_review_due_by(day: datetime.date, months: int) -> datetime.date:
    """The latest review date whose next review falls due on or before ``day``.

    The inverse of ``add_months``, exact at the ends of months, so that a
    database filter ``last_reviewed <= this`` finds what ``add_months`` calls due.
    """
    candidate = add_months(day, -months)
    one_day = datetime.timedelta(days=1)
    while add_months(candidate, months) > day:
        candidate -= one_day
    while add_months(candidate + one_day, months) <= day:
        candidate += one_day
    return candidate


def interval_months(model) -> int:
    intervals = {
        label.lower(): months
        for label, months in get_setting("GLOSSARY_REVIEW_INTERVAL_MONTHS").items()
    }
    return intervals.get(
        model._meta.label_lower,
        get_setting("GLOSSARY_REVIEW_DEFAULT_INTERVAL_MONTHS"),
    )


def due_soon_days() -> int:
    return get_setting("GLOSSARY_REVIEW_DUE_SOON_DAYS")


def review_state(next_due: datetime.date | None, today=None) -> str:
    if next_due is None:
        return NOT_REVIEWED
    today = today or timezone.localdate()
    if next_due < today:
        return OVERDUE
    if next_due <= today + datetime.timedelta(days=due_soon_days()):
        return DUE_SOON
    return CURRENT


STATE_LABELS = {
    NOT_REVIEWED: _("Not reviewed"),
    CURRENT: _("Up to date"),
    DUE_SOON: _("Due soon"),
    OVERDUE: _("Clinical review overdue"),
}
