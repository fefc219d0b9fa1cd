from django.core.management.base import BaseCommand
from django.db import transaction

from microsite.demo import (
    articles,
    consent,
    cookie_policy,
    glossary,
    reviewers,
    site,
)


class Command(BaseCommand):
    help = "Build the demo site through the models. Safe to run again: nothing doubles."

    # Order matters: the site (root, home page) first, then what hangs below it.
    steps = [site, reviewers, glossary, articles, consent, cookie_policy]

    def handle(self, *args, **options):
        with transaction.atomic():
            for step in self.steps:
                step.build(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
