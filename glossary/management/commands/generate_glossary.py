"""Create (or remove) synthetic glossary terms for benchmarks.

    python manage.py generate_glossary --terms 10000 [--parent /glossary/]
    python manage.py generate_glossary --remove

Every generated term has a slug starting ``synthetic-``, the topic "Synthetic
(benchmark)" and a definition that says it is synthetic. Pages are written in bulk
(tree paths computed here, one INSERT per table batch) instead of one treebeard
``add_child`` per page; the tree stays valid (``Page.find_problems()``). Bulk
writes skip the search index and revisions, which synthetic terms do not need.
"""

import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from glossary.autolink import invalidation_suspended
from glossary.importer.errors import GlossaryImportError
from glossary.importer.write import find_parent
from glossary.letters import first_letter, sort_key
from glossary.models import GlossaryTermPage, GlossaryTermSynonym, Topic

SLUG_PREFIX = "synthetic-"
TOPIC_NAME = "Synthetic (benchmark)"
TOPIC_SLUG = "synthetic-benchmark"
SYLLABLES = [
    "ba",
    "ko",
    "li",
    "fe",
    "nu",
    "ra",
    "to",
    "mi",
    "se",
    "du",
    "qua",
    "zen",
    "vo",
    "pi",
    "ex",
    "ul",
]
BATCH_SIZE = 500


def synthetic_word(number: int) -> str:
    """A made-up word, different for every number (four or more syllables)."""
    syllables = []
    number += len(SYLLABLES) ** 3  # at least four syllables
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    return "".join(reversed(syllables))


def synthetic_title(number: int) -> str:
    """Every fourth term has a two-word name, as real glossaries do."""
    word = synthetic_word(number)
    if number % 4 == 0:
        return f"{word} {synthetic_word(number * 7 + 3)}"
    return word


class Command(BaseCommand):
    help = "Create or remove synthetic glossary terms (slug prefix 'synthetic-')."

    def add_arguments(self, parser):
        parser.add_argument("--terms", type=int, default=0, help="How many to add.")
        parser.add_argument(
            "--parent", help="URL path or id of the glossary index page."
        )
        parser.add_argument(
            "--remove", action="store_true", help="Delete every synthetic term."
        )

    def handle(self, *args, terms, parent, remove, **options):
        if terms < 0:
            raise CommandError("--terms must be zero or more")
        if not terms and not remove:
            raise CommandError("say --terms N to add terms, or --remove")
        try:
            index = find_parent(parent)
        except GlossaryImportError as error:
            raise CommandError(str(error)) from None
        started = time.perf_counter()
        with invalidation_suspended():
            if remove:
                removed = remove_synthetic_terms(index)
                self.stdout.write(f"Removed {removed} synthetic terms.")
            if terms:
                first, last = add_synthetic_terms(index, terms)
                self.stdout.write(
                    f"Added {terms} synthetic terms (numbers {first}–{last}) "
                    f"under {index.url_path}."
                )
        self.stdout.write(f"Took {time.perf_counter() - started:.1f} s.")


def remove_synthetic_terms(index) -> int:
    synthetic = GlossaryTermPage.objects.child_of(index).filter(
        slug__startswith=SLUG_PREFIX
    )
    count = synthetic.count()
    with transaction.atomic():
        Page.objects.filter(pk__in=synthetic.values("pk")).delete()
        Topic.objects.filter(slug=TOPIC_SLUG, locale_id=index.locale_id).delete()
    return count


@transaction.atomic
def add_synthetic_terms(index, count: int) -> tuple[int, int]:
    index = Page.objects.select_for_update().get(pk=index.pk)
    first_number = _next_number(index)
    step = _next_step(index)
    topic, _ = Topic.objects.get_or_create(
        slug=TOPIC_SLUG,
        locale_id=index.locale_id,
        defaults={
            "name": TOPIC_NAME,
            "description": "Made-up terms created by generate_glossary.",
        },
    )
    content_type = ContentType.objects.get_for_model(GlossaryTermPage)
    now = timezone.now()
    for batch_start in range(0, count, BATCH_SIZE):
        numbers = range(
            first_number + batch_start,
            first_number + min(batch_start + BATCH_SIZE, count),
        )
        pages = [
            _page(index, content_type, number, step + number - first_number, now)
            for number in numbers
        ]
        Page.objects.bulk_create(pages)
        _insert_term_rows(pages, numbers)
        _add_relations(pages, numbers, topic)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    return first_number, first_number + count - 1


def _next_number(index) -> int:
    slugs = GlossaryTermPage.objects.child_of(index).filter(
        slug__startswith=SLUG_PREFIX
    )
    numbers = [
        int(slug[len(SLUG_PREFIX) :])
        for slug in slugs.values_list("slug", flat=True)
        if slug[len(SLUG_PREFIX) :].isascii() and slug[len(SLUG_PREFIX) :].isdigit()
    ]
    return max(numbers, default=0) + 1


def _next_step(index) -> int:
    last_child = index.get_last_child()
    if last_child is None:
        return 1
    return Page._str2int(last_child.path[-Page.steplen :]) + 1


def _page(index, content_type, number, step, now) -> Page:
    title = synthetic_title(number)
    slug = f"{SLUG_PREFIX}{number:05d}"
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=Page._get_path(index.path, index.depth + 1, step),
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        locale_id=index.locale_id,
    )


def _insert_term_rows(pages, numbers) -> None:
    """Insert only the GlossaryTermPage table rows for Page rows that now exist."""
    for page, number in zip(pages, numbers, strict=True):
        term = GlossaryTermPage(
            page_ptr_id=page.pk,
            definition=f"Synthetic term number {number}, made for benchmarks.",
            origin="<p>Generated by the generate_glossary command.</p>",
            mechanism="<p>It has no meaning; it exists to be measured.</p>",
            # save_base(raw=True) skips GlossaryTermPage.save(), which fills these.
            first_letter=first_letter(page.title),
            sort_title=sort_key(page.title),
            synonyms_text=f"{synthetic_word(number)}oid" if number % 3 == 0 else "",
        )
        term.save_base(raw=True, force_insert=True)


def _add_relations(pages, numbers, topic) -> None:
    GlossaryTermPage.topics.through.objects.bulk_create(
        GlossaryTermPage.topics.through(glossarytermpage_id=page.pk, topic_id=topic.pk)
        for page in pages
    )
    GlossaryTermSynonym.objects.bulk_create(
        GlossaryTermSynonym(page_id=page.pk, name=f"{synthetic_word(number)}oid")
        for page, number in zip(pages, numbers, strict=True)
        if number % 3 == 0
    )
