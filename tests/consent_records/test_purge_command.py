"""purge_consent_records: keep proof of consent no longer than the retention period."""

import datetime
from io import StringIO

import pytest
import time_machine
from cookie_consent.models import LogItem
from django.core.management import CommandError, call_command

from consent.records.models import ConsentRecord

NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


def days_ago(days: int, *, minutes: int = 0) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days, minutes=minutes)


@pytest.fixture
def log_item(cookie_groups):
    def make(created):
        item = LogItem.objects.create(
            action=1, cookiegroup=cookie_groups[0], version="1"
        )
        LogItem.objects.filter(pk=item.pk).update(created=created)
        return item

    return make


def purge(*arguments) -> str:
    output = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_consent_records", *arguments, stdout=output)
    return output.getvalue()


@pytest.mark.django_db
def test_records_older_than_the_default_period_are_deleted(make_record, settings):
    settings.CONSENT_RECORD_RETENTION_DAYS = 395
    expired = make_record(decided_at=days_ago(395, minutes=1))
    kept = make_record(decided_at=days_ago(394))

    output = purge()

    assert list(ConsentRecord.objects.all()) == [kept]
    assert not ConsentRecord.objects.filter(pk=expired.pk).exists()
    assert "Deleted 1 consent record(s)" in output


@pytest.mark.django_db
def test_older_than_overrides_the_setting(make_record):
    make_record(decided_at=days_ago(31))
    make_record(decided_at=days_ago(29))

    output = purge("--older-than", "30")

    assert ConsentRecord.objects.count() == 1
    assert "Deleted 1 consent record(s)" in output
    assert "older than 30 day(s)" in output


@pytest.mark.django_db
def test_old_cookie_consent_log_items_go_with_the_same_cutoff(log_item):
    log_item(days_ago(40))
    recent = log_item(days_ago(10))

    output = purge("--older-than", "30")

    assert list(LogItem.objects.all()) == [recent]
    assert "1 cookie consent log item(s)" in output


@pytest.mark.django_db
def test_a_dry_run_counts_and_deletes_nothing(make_record, log_item):
    make_record(decided_at=days_ago(500))
    make_record(decided_at=days_ago(400))
    log_item(days_ago(400))

    output = purge("--dry-run")

    assert ConsentRecord.objects.count() == 2
    assert LogItem.objects.count() == 1
    assert "Would delete 2 consent record(s) and 1 cookie consent log item(s)" in output


@pytest.mark.django_db
@pytest.mark.parametrize("days", ["-5", "0", "thirty", "1.5", ""])
def test_a_bad_older_than_is_refused_clearly(make_record, days):
    make_record(decided_at=days_ago(1000))

    with pytest.raises(CommandError, match="--older-than"):
        purge("--older-than", days)

    assert ConsentRecord.objects.count() == 1


@pytest.mark.django_db
def test_a_bad_retention_setting_is_refused_clearly(settings):
    settings.CONSENT_RECORD_RETENTION_DAYS = "13 months"

    with pytest.raises(CommandError, match="CONSENT_RECORD_RETENTION_DAYS"):
        purge()
