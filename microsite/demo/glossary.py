"""Demo content: glossary topics and terms, built through the models.

The words live in `microsite.demo.glossary_terms` as plain data; this module only
turns them into pages. Terms are looked up by slug and updated in place, and a new
revision is published only when the stored content differs from the data, so running
`load_demo` again creates nothing.
"""

from django.utils.html import escape
from wagtail.models import Locale

from glossary.models import (
    GlossaryIndexPage,
    GlossaryTermPage,
    GlossaryTermSource,
    GlossaryTermSynonym,
    Topic,
)
from microsite.demo import reviewers, site
from microsite.demo.glossary_terms import FEATURED_ON_HOME, TERMS, TOPICS

SOURCE_FIELDS = ("title", "publisher", "year", "url", "doi", "pmid")
PAGE_FIELDS = (
    "title",
    "definition",
    "origin",
    "mechanism",
)


def build(stdout):
    reviewers.ensure_reviewers()
    topics = ensure_topics()
    index = GlossaryIndexPage.objects.get(slug="glossary")
    pages = {entry["slug"]: ensure_term_exists(index, entry) for entry in TERMS}
    published = 0
    for entry in TERMS:
        published += update_term(pages[entry["slug"]], entry, topics, pages)
    site.feature_on_home(FEATURED_ON_HOME)
    stdout.write(
        f"Glossary: {len(topics)} topics, {len(TERMS)} terms "
        f"({published} published or updated)."
    )


def ensure_topics() -> dict[str, Topic]:
    topics = {}
    for entry in TOPICS:
        # The demo is written in the default language; a translated topic with
        # the same slug belongs to another locale.
        topic, created = Topic.objects.get_or_create(
            slug=entry["slug"],
            locale=Locale.get_default(),
            defaults={"name": entry["name"], "description": entry["description"]},
        )
        if not created and (topic.name, topic.description) != (
            entry["name"],
            entry["description"],
        ):
            topic.name = entry["name"]
            topic.description = entry["description"]
            topic.save()
        topics[topic.slug] = topic
    return topics


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def page_fields(entry: dict) -> dict:
    return {
        "title": entry["title"],
        "definition": entry["definition"],
        "origin": paragraphs(entry["origin"]),
        "mechanism": paragraphs(entry["mechanism"]),
    }


def ensure_term_exists(index: GlossaryIndexPage, entry: dict) -> GlossaryTermPage:
    """The term's page, created as a draft-less unpublished page when missing.

    Related terms need every page to exist first, so publishing waits for
    `update_term`: a new term then gets exactly one revision.
    """
    page = GlossaryTermPage.objects.child_of(index).filter(slug=entry["slug"]).first()
    if page is None:
        page = index.add_child(
            instance=GlossaryTermPage(
                slug=entry["slug"], live=False, **page_fields(entry)
            )
        )
    return page


def stored_state(page: GlossaryTermPage) -> dict:
    return {
        **{name: getattr(page, name) for name in PAGE_FIELDS},
        "synonyms": [s.name for s in page.synonyms.all()],
        "topics": sorted(t.slug for t in page.topics.all()),
        "related": [term.slug for term in page.related_terms],
        "sources": [
            tuple(getattr(s, f) for f in SOURCE_FIELDS) for s in page.sources.all()
        ],
    }


def wanted_state(entry: dict) -> dict:
    return {
        **page_fields(entry),
        "synonyms": list(entry["synonyms"]),
        "topics": sorted(entry["topics"]),
        "related": list(entry["related"]),
        "sources": [
            tuple(source.get(f, "" if f != "year" else None) for f in SOURCE_FIELDS)
            for source in entry["sources"]
        ],
    }


def update_term(page, entry, topics, pages) -> int:
    if (
        page.live
        and page.latest_revision_id
        and stored_state(page) == wanted_state(entry)
    ):
        record_review(page, entry)
        return 0
    for name, value in page_fields(entry).items():
        setattr(page, name, value)
    # Explicit positions: rows with equal sort_order come back in any order on
    # PostgreSQL, which would make an unchanged term look edited on the next run.
    page.synonyms = [
        GlossaryTermSynonym(name=name, sort_order=position)
        for position, name in enumerate(entry["synonyms"])
    ]
    page.sources = [
        GlossaryTermSource(
            sort_order=position,
            **{f: source[f] for f in SOURCE_FIELDS if f in source},
        )
        for position, source in enumerate(entry["sources"])
    ]
    page.topics = [topics[slug] for slug in entry["topics"]]
    set_related_terms(page, [pages[slug] for slug in entry["related"]])
    page.save_revision().publish()
    record_review(page, entry)
    return 1


def record_review(page: GlossaryTermPage, entry: dict) -> None:
    """The demo's review of the term, stamped as the "Clinical review" task does."""
    reviewer = reviewers.by_name(entry["reviewer"])
    if (page.clinical_reviewer_id, page.last_reviewed) == (
        reviewer.pk,
        entry["last_reviewed"],
    ):
        return
    page.record_review(
        reviewer,
        reviewed_on=entry["last_reviewed"],
        revision=page.get_latest_revision(),
    )


def set_related_terms(page: GlossaryTermPage, related: list[GlossaryTermPage]):
    # The plugin's setter stores them as ordered links (GlossaryRelatedTerm).
    page.related_terms = related
