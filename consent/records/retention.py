"""Deleting proof of consent once it is older than the retention period."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import ConsentRecord


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime.datetime
    consent_records: int
    log_items: int


def purge_expired_records(
    older_than_days: int, *, dry_run: bool = False
) -> PurgeResult:
    """Delete consent records and cookie consent log items older than the cut-off.

    With `dry_run`, count what would go and delete nothing.
    """
    from cookie_consent.models import LogItem

    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    records = ConsentRecord.objects.older_than(cutoff)
    log_items = LogItem.objects.filter(created__lt=cutoff)
    if dry_run:
        return PurgeResult(cutoff, records.count(), log_items.count())
    deleted_records, _ = records.delete()
    deleted_log_items, _ = log_items.delete()
    return PurgeResult(cutoff, deleted_records, deleted_log_items)
