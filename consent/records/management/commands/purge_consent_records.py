from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from consent.records import conf
from consent.records.retention import purge_expired_records


def whole_days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise CommandError(
            f"--older-than takes a whole number of days, not {value!r}."
        ) from None
    if days < 1:
        raise CommandError(f"--older-than must be at least 1 day, not {days}.")
    return days


class Command(BaseCommand):
    help = (
        "Delete proof-of-consent records, and django-cookie-consent log items, "
        "older than the retention period. Meant to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            metavar="DAYS",
            help="Retention period in days "
            "(default: CONSENT_RECORD_RETENTION_DAYS, else 395).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted and delete nothing.",
        )

    def handle(self, *args, older_than=None, dry_run=False, **options):
        if older_than is None:
            try:
                days = conf.retention_days()
            except ImproperlyConfigured as error:
                raise CommandError(str(error)) from None
        else:
            days = whole_days(older_than)

        result = purge_expired_records(days, dry_run=dry_run)

        verb = "Would delete" if dry_run else "Deleted"
        cutoff = result.cutoff.isoformat(timespec="seconds")
        self.stdout.write(
            f"{verb} {result.consent_records} consent record(s) and "
            f"{result.log_items} cookie consent log item(s) older than {days} "
            f"day(s) (before {cutoff})."
        )
