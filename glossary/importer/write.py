"""Write parsed terms into the glossary: create, update or skip, one file at a time."""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError
from django.db.models import Case, When
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.rich_text import RichText

from glossary.autolink import invalidation_suspended
from glossary.models import (
    GlossaryIndexPage,
    GlossaryTermPage,
    GlossaryTermSource,
    GlossaryTermSynonym,
    Topic,
)

from .errors import GlossaryImportError, ImportProblem, unexpected_problem
from .parse import ParsedTerm
from .transactions import database_refusal, rolled_back_if

CREATED, UPDATED, SKIPPED = "created", "updated", "skipped"


@dataclass
class Outcome:
    action: str  # CREATED, UPDATED or SKIPPED
    term: ParsedTerm
    notes: list[str] = field(default_factory=list)

    def __str__(self):
        notes = f" ({'; '.join(self.notes)})" if self.notes else ""
        return f"{self.term.path}: {self.action} '{self.term.title}'{notes}"


def paragraphs_html(paragraphs: list[str]) -> str:
    """Rich text holding each paragraph as its own escaped <p>."""
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def definition_rest_heading() -> str:
    """The heading of the further section that holds the rest of a long definition."""
    return gettext("In more detail")


def further_sections_with(rest: str, sections) -> list[tuple[str, object]]:
    """``sections`` opened by the rest of a long definition under its heading.

    The file is the source of that opening section: a section it opened on an
    earlier import (the same heading first, then paragraphs) is replaced, and the
    sections an editor added after it are kept.
    """
    children = [(child.block_type, child.value) for child in sections]
    heading = definition_rest_heading()
    if children and children[0] == ("heading", heading):
        children = children[1:]
        while children and children[0][0] == "paragraph":
            children = children[1:]
    if not rest:
        return children
    rest_html = RichText(paragraphs_html([rest]))
    return [("heading", heading), ("paragraph", rest_html), *children]


def find_parent(spec: str | None) -> GlossaryIndexPage:
    """The glossary given as a URL path (``/glossary/``) or page id, or the only one."""
    indexes = GlossaryIndexPage.objects.all()
    if spec is None:
        found = list(indexes[:2])
        if len(found) == 1:
            return found[0]
        raise GlossaryImportError.single(
            "--parent",
            None,
            "no glossary index page exists; create one first"
            if not found
            else "there are several glossaries; choose one with --parent /path/",
        )
    if spec.isascii() and spec.isdigit():
        page = indexes.filter(pk=int(spec)).first()
    else:
        wanted = "/" + spec.strip("/") + "/" if spec.strip("/") else "/"
        page = next((index for index in indexes if index.url == wanted), None)
    if page is None:
        raise GlossaryImportError.single(
            "--parent", None, f"no glossary index page at {spec!r}"
        )
    return page


class TermWriter:
    """Creates, updates or skips terms under one glossary index page."""

    def __init__(self, parent, *, publish=False, update=False, dry_run=False):
        self.parent = parent
        self.publish = publish
        self.update = update
        self.dry_run = dry_run

    def write(self, term: ParsedTerm) -> Outcome:
        """Write one term in its own transaction; a dry run rolls it back.

        A dry run goes through the same validation and the same saves as a real
        run, so it reports the same failures; only publishing is left out.
        """
        try:
            existing = self._existing(term)
            if existing is not None and not self.update:
                return Outcome(SKIPPED, term, ["exists; use --update to replace it"])
            notes = self._topic_notes(term) + self._parse_notes(term)
            with rolled_back_if(self.dry_run):
                page = self._save(term, existing)
        except ValidationError as error:
            raise GlossaryImportError(validation_problems(error, term)) from None
        except DatabaseError as error:
            raise GlossaryImportError.single(
                term.path, term.title_line, database_refusal(error)
            ) from None
        action = CREATED if existing is None else UPDATED
        if self.dry_run:
            return Outcome(action, term, ["dry run, nothing written", *notes])
        if not page.live:
            notes.append("saved as a draft")
        elif not self.publish:
            notes.append("saved as a draft revision; the live version is unchanged")
        return Outcome(action, term, notes)

    def _existing(self, term: ParsedTerm):
        siblings = GlossaryTermPage.objects.child_of(self.parent)
        return (
            siblings.filter(slug=term.slug).first()
            or siblings.filter(title__iexact=term.title).first()
        )

    @staticmethod
    def _parse_notes(term: ParsedTerm) -> list[str]:
        notes = []
        if term.banner_lines:
            plural = "s" if term.banner_lines != 1 else ""
            notes.append(f"dropped {term.banner_lines} banner line{plural}")
        if term.definition_rest:
            notes.append(
                f"long definition split: the rest opens '{definition_rest_heading()}'"
            )
        return notes

    def _topic_notes(self, term: ParsedTerm) -> list[str]:
        missing = [name for name in term.topics if self._find_topic(name) is None]
        verb = "would create" if self.dry_run else "created"
        return [f"{verb} topic '{name}'" for name in missing]

    def _find_topic(self, name: str):
        # Another locale's topic will do (saving the term tags it with the
        # translation in its locale, see glossary.locales), but the glossary's first.
        own_locale_first = Case(
            When(locale_id=self.parent.locale_id, then=0), default=1
        )
        topics = Topic.objects.order_by(own_locale_first, "pk")
        return (
            topics.filter(name__iexact=name).first()
            or topics.filter(slug=slugify(name)).first()
        )

    def _topics(self, names):
        topics = []
        for name in names:
            topic = self._find_topic(name)
            if topic is None:
                topic = Topic(
                    name=name, slug=slugify(name) or name, locale=self.parent.locale
                )
                with _named_errors("topics", f"topic {name[:40]!r}"):
                    topic.full_clean()
                topic.save()
            topics.append(topic)
        return topics

    def _save(self, term: ParsedTerm, page):
        is_new = page is None
        if is_new:
            page = GlossaryTermPage(slug=term.slug, live=False)
        else:
            page = page.get_latest_revision_as_object()
        page.title = term.title
        page.definition = term.definition
        page.origin = paragraphs_html(term.origin)
        page.mechanism = paragraphs_html(term.mechanism)
        page.further_sections = further_sections_with(
            term.definition_rest, page.further_sections
        )
        # Explicit positions: rows with equal (empty) sort_order come back from
        # PostgreSQL in any order.
        page.synonyms = [
            GlossaryTermSynonym(name=name, sort_order=position)
            for position, name in enumerate(term.synonyms)
        ]
        page.sources = [
            GlossaryTermSource(**source, sort_order=position)
            for position, source in enumerate(term.sources)
        ]
        page.topics = self._topics(term.topics)
        # Page.save() validates the page itself; its child rows are checked here.
        for key, label, rows in (
            ("synonyms", "synonym", page.synonyms.all()),
            ("sources", "source", page.sources.all()),
        ):
            for number, row in enumerate(rows, start=1):
                with _named_errors(key, f"{label} {number}"):
                    row.full_clean(exclude=["page"])
        if is_new:
            self.parent.add_child(instance=page)
        revision = page.save_revision()
        if self.publish and not self.dry_run:
            revision.publish()
        page.refresh_from_db(fields=["live"])
        return page


@contextmanager
def _named_errors(key: str, label: str):
    """Re-raise a row's ValidationError under ``key``, each message led by ``label``."""
    try:
        yield
    except ValidationError as error:
        raise ValidationError(
            {key: [f"{label}: {message}" for message in error_messages(error)]}
        ) from None


def error_messages(error: ValidationError) -> list[str]:
    """Each message of ``error``, led by its field name when it has one."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        message if name == NON_FIELD_ERRORS else f"{name}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def validation_problems(error: ValidationError, term: ParsedTerm) -> list:
    """One problem per field, on the line of the front matter key it came from."""
    if not hasattr(error, "error_dict"):
        return [ImportProblem(term.path, term.title_line, " ".join(error.messages))]
    return [
        ImportProblem(term.path, term.line_of(name), message)
        for name, messages in error.message_dict.items()
        for message in (
            messages
            if name in (NON_FIELD_ERRORS, "synonyms", "sources", "topics")
            else [f"{name}: {text}" for text in messages]
        )
    ]


def import_terms(
    parsed: list[ParsedTerm], writer: TermWriter, on_progress=None, *, reraise=False
):
    """Write each term; return (outcomes, problems). A failure never stops the rest.

    ``reraise`` lets an unexpected exception (a bug) through, with its traceback.
    """
    outcomes, problems = [], []
    with invalidation_suspended():
        for done, term in enumerate(parsed, start=1):
            try:
                outcomes.append(writer.write(term))
            except GlossaryImportError as error:
                problems.extend(error.problems)
            except Exception as error:
                if reraise:
                    raise
                problems.append(unexpected_problem(term.path, error))
            if on_progress:
                on_progress(done, len(parsed))
    return outcomes, problems


def duplicate_problems(parsed: list[ParsedTerm]) -> tuple[list, list[ImportProblem]]:
    """Keep the first file of each title or slug; report the later ones."""
    kept, problems = [], []
    seen: dict[tuple[str, str], ParsedTerm] = {}
    for term in parsed:
        keys = [("title", term.title.casefold()), ("slug", term.slug)]
        first = seen.get(keys[0]) or seen.get(keys[1])
        if first is not None:
            problems.append(
                ImportProblem(
                    term.path,
                    term.title_line,
                    f"duplicate title '{term.title}' in this run "
                    f"(first in {first.path}:{first.title_line})",
                )
            )
            continue
        seen.update(dict.fromkeys(keys, term))
        kept.append(term)
    return kept, problems
