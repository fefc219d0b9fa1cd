import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from glossary.letters import first_letter
from glossary.models import GlossaryIndexPage, GlossaryTermPage, Reviewer, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryIndexPage

    title = "Glossary"
    slug = "glossary"
    intro = "<p>Plain explanations of the words used about gut health.</p>"


class GlossaryTermPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryTermPage

    title = factory.Sequence(lambda n: f"Term {n:05d}")
    definition = factory.LazyAttribute(
        lambda term: f"A short explanation of {term.title.lower()} for readers."
    )
    origin = "<p>The word was first used in a microbiology paper.</p>"
    mechanism = "<p>It works through signals passed between gut cells.</p>"
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)


def bulk_add_terms(parent, titles, topic=None, topic_every=3):
    """Add live terms under ``parent`` fast, for scale tests.

    Writes the rows directly (no revisions, one bulk search-index update): a few
    hundred terms take seconds instead of a minute. Every ``topic_every``-th term
    gets ``topic``.
    """
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(GlossaryTermPage)
    now = timezone.now()
    pages = []
    for offset, title in enumerate(titles, start=parent.numchild + 1):
        slug = slugify(title)
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(parent.path, parent.depth + 1, offset),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                locale_id=parent.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages)
    terms = []
    for page in pages:
        term = GlossaryTermPageFactory.build(page_ptr=page, title=page.title)
        term.__dict__.update(page.__dict__)
        term.first_letter = first_letter(page.title)
        term.save_base(raw=True)
        terms.append(term)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    get_search_backend().add_bulk(GlossaryTermPage, terms)
    if topic is not None:
        Through = GlossaryTermPage.topics.through
        Through.objects.bulk_create(
            Through(glossarytermpage_id=term.pk, topic_id=topic.pk)
            for term in terms[::topic_every]
        )
    refresh_planner_statistics()
    return terms


def refresh_planner_statistics():
    """Do what PostgreSQL's autovacuum does within a minute of a bulk import.

    Rows inserted inside the test's transaction are invisible to autovacuum, so
    the planner still believes the tables hold a handful of rows and nests loops
    of sequential scans: the letter query of a 500-term glossary then runs for
    half an hour. ANALYZE inside the transaction counts the new rows.
    """
    if connection.vendor != "postgresql":
        return
    tables = [
        Page._meta.db_table,
        GlossaryTermPage._meta.db_table,
        GlossaryTermPage.topics.through._meta.db_table,
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


class ReviewerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reviewer

    name = factory.Sequence(lambda n: f"Dr Reviewer {n}")
    credentials = "MD"
