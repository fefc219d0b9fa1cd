from django.core.management.base import BaseCommand

from glossary.review.reminders import describe, send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mail each clinical reviewer the pages of theirs that fall due for review "
        "soon or are overdue; each page's review window is reminded once. Run it "
        "daily from cron."
    )

    def handle(self, *args, **options):
        self.stdout.write(describe(send_review_reminders()))
