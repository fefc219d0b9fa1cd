"""ConsentRecordQuerySet: the filters and aggregates the report views rely on."""

import datetime

import pytest

from consent.records.models import ConsentRecord
from consent.records.querysets import sum_tallies

pytestmark = pytest.mark.django_db


def test_includes_matches_a_whole_varname_only(make_record):
    analytics = make_record(accepted=["analytics"])
    make_record(accepted=["analytics_extra"])

    assert list(ConsentRecord.objects.filter(accepted__includes="analytics")) == [
        analytics
    ]


def test_mentioning_finds_a_category_accepted_or_declined(make_record):
    accepted = make_record(accepted=["marketing"])
    declined = make_record(declined=["marketing"])
    make_record(accepted=["analytics"])

    assert set(ConsentRecord.objects.mentioning("marketing")) == {accepted, declined}


def test_with_decision_narrows_to_one_category_or_any(make_record):
    accepted_marketing = make_record(accepted=["marketing"], declined=["analytics"])
    declined_all = make_record(declined=["marketing", "analytics"])

    records = ConsentRecord.objects
    assert list(records.with_decision("accepted", "marketing")) == [accepted_marketing]
    assert set(records.with_decision("declined", "analytics")) == {
        accepted_marketing,
        declined_all,
    }
    assert list(records.with_decision("accepted")) == [accepted_marketing]


def test_with_decision_refuses_an_unknown_decision():
    with pytest.raises(ValueError, match="decision"):
        ConsentRecord.objects.with_decision("maybe")


def test_decided_between_includes_both_days_in_the_sites_time_zone(make_record, at):
    # 23:30 in London on 31 October (BST) is still 31 October on the site.
    late_evening = make_record(decided_at=at(2026, 10, 31, 23, 30))
    make_record(decided_at=at(2026, 11, 1, 0, 0))
    make_record(decided_at=at(2026, 10, 29, 23, 59))
    first = make_record(decided_at=at(2026, 10, 30, 0, 0))

    records = ConsentRecord.objects.decided_between(
        datetime.date(2026, 10, 30), datetime.date(2026, 10, 31)
    )

    assert set(records) == {late_evening, first}


def test_daily_tallies_count_decisions_and_answers_per_category(make_record, at):
    make_record(
        decided_at=at(2026, 11, 2, 9), accepted=["analytics"], declined=["marketing"]
    )
    make_record(decided_at=at(2026, 11, 2, 18), declined=["analytics", "marketing"])
    make_record(decided_at=at(2026, 11, 4, 12), accepted=["analytics", "marketing"])

    days = ConsentRecord.objects.daily_tallies(["analytics", "marketing"])

    assert [(day.day, day.decisions) for day in days] == [
        (datetime.date(2026, 11, 2), 2),
        (datetime.date(2026, 11, 4), 1),
    ]
    analytics, marketing = days[0].categories
    assert (analytics.accepted, analytics.declined) == (1, 1)
    assert (marketing.accepted, marketing.declined) == (0, 2)
    totals = sum_tallies(days, ["analytics", "marketing"])
    assert [round(tally.acceptance_rate, 2) for tally in totals] == [0.67, 0.33]


def test_daily_tallies_take_one_query_whatever_the_volume(
    make_record, at, django_assert_num_queries
):
    for hour in range(24):
        make_record(decided_at=at(2026, 11, 1 + hour % 5, hour), accepted=["analytics"])

    with django_assert_num_queries(1):
        days = ConsentRecord.objects.daily_tallies(["analytics", "marketing"])

    assert sum(day.decisions for day in days) == 24


def test_a_category_nobody_answered_has_no_acceptance_rate():
    (marketing,) = sum_tallies([], ["marketing"])

    assert marketing.acceptance_rate is None
