"""Write parsed articles as pages: resolve names, create or update, stay idempotent."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from wagtail.blocks import StreamValue

from glossary.importer.transactions import database_refusal, rolled_back_if
from glossary.importer.write import error_messages
from glossary.models import GlossaryTermPage, Reviewer, Topic
from microsite.articles.models import (
    ArticlePage,
    ArticleRelatedTerm,
    ArticleSource,
    Author,
)

from .errors import ArticleFileError
from .parse import ParsedArticle


@dataclass
class ImportOutcome:
    status: str  # "created", "updated", "unchanged" or "skipped"
    page: ArticlePage | None
    message: str


def canonical_body(body) -> list:
    """StreamField data without block ids, to compare content across saves."""
    if isinstance(body, StreamValue):
        body = body.get_prep_value()
    return _without_ids(body)


def _without_ids(data):
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


class ArticleImporter:
    """Creates or updates `ArticlePage`s below `parent` from `ParsedArticle`s.

    New articles are drafts unless `publish`; existing ones (same slug below the
    parent) are skipped unless `update`. Unchanged content writes nothing, so
    importing twice adds no revision. `dry_run` runs the same import, rolled back.
    """

    def __init__(self, parent, *, publish=False, update=False, dry_run=False):
        self.parent = parent
        self.publish = publish
        self.update = update
        self.dry_run = dry_run
        self.body_block = ArticlePage._meta.get_field("body").stream_block

    def import_article(self, parsed: ParsedArticle) -> ImportOutcome:
        """Write one article in its own transaction; a dry run rolls it back.

        A dry run goes through the same validation and the same saves as a real
        run, so it reports the same failures; only publishing is left out.
        """
        try:
            with rolled_back_if(self.dry_run):
                return self.write(parsed)
        except ValidationError as error:
            raise ArticleFileError(*self.first_problem(error, parsed)) from None
        except DatabaseError as error:
            raise ArticleFileError(database_refusal(error), 1) from None

    def write(self, parsed: ParsedArticle) -> ImportOutcome:
        existing = self.find_existing(parsed)
        if existing is not None and not self.update:
            return ImportOutcome(
                "skipped",
                existing,
                f"'{parsed.slug}' already exists; use --update to replace it.",
            )
        values = self.resolve(parsed)
        if existing is None:
            outcome = self.create(parsed, values)
        else:
            outcome = self.update_existing(existing, parsed, values)
        if values["created_author"]:
            outcome.message += "; " + self.created_author_note(values["author"])
        return outcome

    def created_author_note(self, author: Author) -> str:
        verb = "would create" if self.dry_run else "created"
        return f"{verb} author '{author.name}' with no bio yet: add one under Authors"

    @staticmethod
    def first_problem(error: ValidationError, parsed: ParsedArticle):
        """The message and line of a validation error, led by the field's name."""
        if not hasattr(error, "error_dict"):
            return " ".join(error.messages), 1
        name, messages = next(iter(error.message_dict.items()))
        key = FIELD_KEYS.get(name, name)
        where = "" if name in ("sources", "related_terms") else f"{name}: "
        line = parsed.line_of(key) if key in parsed.key_lines else 1
        return f"{where}{' '.join(messages)}", line

    def validate_rows(self, page: ArticlePage) -> None:
        """Page.save() validates the page itself; its child rows are checked here."""
        for key, label, rows in (
            ("sources", "Source", page.sources.all()),
            ("related_terms", "Related term", page.related_term_links.all()),
        ):
            for number, row in enumerate(rows, start=1):
                try:
                    row.full_clean(exclude=["page"])
                except ValidationError as error:
                    raise ValidationError(
                        {key: [f"{label} {number}: {m}" for m in error_messages(error)]}
                    ) from None

    def resolve(self, parsed: ParsedArticle) -> dict:
        author, created_author = self.author_for(parsed.author)
        return {
            "author": author,
            "created_author": created_author,
            "reviewer": (
                self.find_reviewer(parsed.reviewer, parsed.line_of("reviewer"))
                if parsed.reviewer
                else None
            ),
            "topics": self.find_topics(parsed.topics, parsed.line_of("topics")),
            "terms": self.find_terms(
                parsed.related_terms, parsed.line_of("related_terms")
            ),
        }

    @staticmethod
    def author_for(name: str) -> tuple[Author, bool]:
        """The author of that name in any case, or a new one; and whether it is new.

        A new author has no bio (the author box leaves it out) until an editor
        adds one, as the command's output asks.
        """
        author = Author.objects.filter(name__iexact=name).first()
        if author is not None:
            return author, False
        author = Author(name=name)
        author.full_clean()
        author.save()
        return author, True

    def find_author(self, name: str, line: int) -> Author:
        author = Author.objects.filter(name__iexact=name).first()
        if author is None:
            raise ArticleFileError(
                f"No author called {name!r}: add them under Authors in the "
                "Wagtail admin first.",
                line,
            )
        return author

    def find_reviewer(self, name: str, line: int) -> Reviewer:
        reviewer = Reviewer.objects.filter(name__iexact=name).first()
        if reviewer is None:
            raise ArticleFileError(
                f"No clinical reviewer called {name!r}: add them under Clinical "
                "reviewers in the Wagtail admin first.",
                line,
            )
        return reviewer

    def find_topics(self, names: list[str], line: int) -> list[Topic]:
        topics = []
        for name in names:
            topic = (
                Topic.objects.filter(slug__iexact=name).first()
                or Topic.objects.filter(name__iexact=name).first()
            )
            if topic is None:
                raise ArticleFileError(f"No topic called {name!r}.", line)
            topics.append(topic)
        return topics

    def find_terms(self, slugs: list[str], line: int) -> list[GlossaryTermPage]:
        terms = {t.slug: t for t in GlossaryTermPage.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in terms]
        if missing:
            raise ArticleFileError(
                f"No glossary term with slug {', '.join(map(repr, missing))}.", line
            )
        return [terms[slug] for slug in slugs]

    def find_existing(self, parsed: ParsedArticle) -> ArticlePage | None:
        sibling = self.parent.get_children().filter(slug=parsed.slug).first()
        if sibling is None:
            return None
        if not isinstance(sibling.specific, ArticlePage):
            raise ArticleFileError(
                f"The slug '{parsed.slug}' is taken by a page that is not an article.",
                parsed.line_of("slug") if "slug" in parsed.key_lines else 1,
            )
        return sibling.specific

    def create(self, parsed, values) -> ImportOutcome:
        page = ArticlePage(live=False)
        self.apply(page, parsed, values)
        self.validate_rows(page)
        self.parent.add_child(instance=page)
        revision = page.save_revision()
        if self.dry_run:
            return ImportOutcome("created", None, f"would create '{parsed.slug}'")
        if self.publish:
            revision.publish()
        self.record_review(page, parsed, values, revision)
        state = "published" if self.publish else "draft"
        return ImportOutcome("created", page, f"created '{parsed.slug}' ({state})")

    def update_existing(self, existing, parsed, values) -> ImportOutcome:
        page = existing.get_latest_revision_as_object()
        unchanged = self.fingerprint(page) == self.wanted_fingerprint(parsed, values)
        needs_publishing = self.publish and (
            not existing.live or existing.has_unpublished_changes
        )
        if unchanged and not needs_publishing:
            return ImportOutcome("unchanged", existing, f"'{parsed.slug}' is unchanged")
        revision = existing.get_latest_revision()
        review_changed = self.review_of(page) != self.wanted_review(parsed, values)
        if not unchanged:
            self.apply(page, parsed, values)
            self.validate_rows(page)
            revision = page.save_revision()
        if self.dry_run:
            return ImportOutcome("updated", existing, f"would update '{parsed.slug}'")
        if self.publish:
            revision.publish()
        if review_changed:
            self.record_review(page, parsed, values, revision)
        return ImportOutcome("updated", existing, f"updated '{parsed.slug}'")

    def apply(self, page: ArticlePage, parsed: ParsedArticle, values: dict) -> None:
        page.title = parsed.title
        page.slug = parsed.slug
        page.intro = parsed.intro
        page.body = self.body_block.to_python(parsed.body)
        page.author = values["author"]
        # Kept on the page row, not in revisions: record_review() writes them.
        page.clinical_reviewer = values["reviewer"]
        page.last_reviewed = parsed.last_reviewed
        page.date_published = parsed.date_published
        page.autolink_glossary = parsed.autolink_glossary
        page.topics = values["topics"]
        # Explicit positions: rows with equal (empty) sort_order come back from
        # PostgreSQL in any order.
        page.sources = [
            ArticleSource(**source, sort_order=position)
            for position, source in enumerate(parsed.sources)
        ]
        page.related_term_links = [
            ArticleRelatedTerm(term=term, sort_order=position)
            for position, term in enumerate(values["terms"])
        ]

    @staticmethod
    def record_review(page, parsed, values, revision) -> None:
        """The file's review, as the "Clinical review" task would stamp it.

        The importer is an operator's tool: it may carry existing reviews over.
        """
        if values["reviewer"] is None and parsed.last_reviewed is None:
            return
        page.record_review(
            values["reviewer"], reviewed_on=parsed.last_reviewed, revision=revision
        )

    @staticmethod
    def review_of(page) -> tuple:
        return (page.clinical_reviewer_id, page.last_reviewed)

    @staticmethod
    def wanted_review(parsed, values) -> tuple:
        reviewer = values["reviewer"]
        return (reviewer.pk if reviewer else None, parsed.last_reviewed)

    def fingerprint(self, page: ArticlePage) -> dict:
        return {
            "title": page.title,
            "intro": page.intro,
            "body": canonical_body(page.body),
            "author": page.author_id,
            "reviewer": page.clinical_reviewer_id,
            "last_reviewed": page.last_reviewed,
            "date_published": page.date_published,
            "autolink_glossary": page.autolink_glossary,
            "topics": sorted(topic.pk for topic in page.topics.all()),
            "sources": [
                {key: getattr(source, key) for key in SOURCE_FIELDS}
                for source in page.sources.all()
            ],
            "terms": [link.term_id for link in page.related_term_links.all()],
        }

    def wanted_fingerprint(self, parsed: ParsedArticle, values: dict) -> dict:
        return {
            "title": parsed.title,
            "intro": parsed.intro,
            "body": canonical_body(self.body_block.to_python(parsed.body)),
            "author": values["author"].pk,
            "reviewer": values["reviewer"].pk if values["reviewer"] else None,
            "last_reviewed": parsed.last_reviewed,
            "date_published": parsed.date_published,
            "autolink_glossary": parsed.autolink_glossary,
            "topics": sorted(topic.pk for topic in values["topics"]),
            "sources": [
                {key: source[key] for key in SOURCE_FIELDS} for source in parsed.sources
            ],
            "terms": [term.pk for term in values["terms"]],
        }


SOURCE_FIELDS = ("title", "publisher", "year", "url", "doi", "pmid")
# The front matter key each page field comes from, to name its line in errors.
FIELD_KEYS = {
    "date_published": "date",
    "related_term_links": "related_terms",
    "title": "title",
    "draft_title": "title",
}
