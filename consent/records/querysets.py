"""Filters and report aggregates for consent records, next to the model they query."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

ACCEPTED = "accepted"
DECLINED = "declined"
DECISIONS = (ACCEPTED, DECLINED)


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass
class CategoryTally:
    varname: str
    accepted: int = 0
    declined: int = 0

    @property
    def answered(self) -> int:
        return self.accepted + self.declined

    @property
    def acceptance_rate(self) -> float | None:
        """Share of the decisions about this category that accepted it (0 to 1)."""
        return self.accepted / self.answered if self.answered else None


@dataclass
class DayTally:
    day: datetime.date
    decisions: int
    categories: list[CategoryTally] = field(default_factory=list)


class ConsentRecordQuerySet(models.QuerySet):
    def decided_between(
        self, first_day: datetime.date | None, last_day: datetime.date | None
    ):
        """Records of the days from `first_day` to `last_day`, both included."""
        queryset = self
        if first_day:
            queryset = queryset.filter(decided_at__gte=start_of_day(first_day))
        if last_day:
            next_day = last_day + datetime.timedelta(days=1)
            queryset = queryset.filter(decided_at__lt=start_of_day(next_day))
        return queryset

    def older_than(self, cutoff: datetime.datetime):
        return self.filter(decided_at__lt=cutoff)

    def from_source(self, source: str):
        return self.filter(source=source)

    def for_consent_id(self, consent_id):
        return self.filter(consent_id=consent_id)

    def mentioning(self, category: str):
        """Records where the visitor accepted or declined `category`."""
        return self.filter(
            Q(accepted__includes=category) | Q(declined__includes=category)
        )

    def with_decision(self, decision: str, category: str | None = None):
        """Records that accepted (or declined) `category`, or any category if None."""
        if decision not in DECISIONS:
            raise ValueError(f"A decision is one of {DECISIONS}, not {decision!r}.")
        if category:
            return self.filter(**{f"{decision}__includes": category})
        return self.exclude(**{decision: []})

    def daily_tallies(self, categories: Sequence[str]) -> list[DayTally]:
        """Decisions per day and, per category, how many accepted and declined it.

        One query whatever the number of records or days.
        """
        counts = {}
        for index, varname in enumerate(categories):
            for decision in DECISIONS:
                lookup = {f"{decision}__includes": varname}
                counts[f"{decision}_{index}"] = Count("pk", filter=Q(**lookup))
        rows = (
            self.order_by()
            .values(day=TruncDate("decided_at"))
            .annotate(decisions=Count("pk"), **counts)
            .order_by("day")
        )
        return [
            DayTally(
                day=row["day"],
                decisions=row["decisions"],
                categories=[
                    CategoryTally(
                        varname=varname,
                        accepted=row[f"{ACCEPTED}_{index}"],
                        declined=row[f"{DECLINED}_{index}"],
                    )
                    for index, varname in enumerate(categories)
                ],
            )
            for row in rows
        ]


def sum_tallies(
    days: Sequence[DayTally], categories: Sequence[str]
) -> list[CategoryTally]:
    """Totals per category over the given days."""
    totals = {varname: CategoryTally(varname) for varname in categories}
    for day in days:
        for tally in day.categories:
            totals[tally.varname].accepted += tally.accepted
            totals[tally.varname].declined += tally.declined
    return list(totals.values())
