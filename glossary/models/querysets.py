"""Queries for glossary terms, kept next to the model they belong to."""

from django.db import models
from django.db.models import Case, When
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from glossary.letters import OTHER

# What the A–Z list and search results show for each term; everything else
# (origin, mechanism, further sections…) stays in the database.
LISTING_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "definition",
    "first_letter",
)


class GlossaryTermQuerySet(PageQuerySet):
    def published(self):
        """Terms anyone may read: live and outside any private section."""
        return self.live().public()

    def in_glossary(self, glossary):
        """Terms filed under one glossary index page."""
        return self.child_of(glossary)

    def for_listing(self):
        """Only the columns a list of terms needs, with topics in one extra query."""
        return self.only(*LISTING_FIELDS).prefetch_related(self.listing_topics())

    def listing_topics(self) -> models.Prefetch:
        """The topics a list of terms shows, for ``prefetch_related_objects`` on
        terms loaded another way (search results)."""
        return models.Prefetch(
            "topics", queryset=self._topic_model().objects.only("name", "slug")
        )

    def alphabetical(self):
        """A–Z by title, ignoring case."""
        return self.order_by("sort_title", "pk")

    def in_letter_order(self):
        """A–Z by letter group, "#" last, then by title: the order of the index."""
        others_last = Case(When(first_letter=OTHER, then=1), default=0)
        return self.order_by(others_last, "first_letter", "sort_title", "pk")

    def starting_with(self, letter: str):
        """Terms filed under ``letter`` ("A"–"Z" or "#")."""
        return self.filter(first_letter=letter)

    def with_topic(self, topic):
        """Terms tagged with ``topic``, as a filter search results accept too.

        Search backends cannot filter on a many-to-many field, nor on a page
        subclass's ``id`` (Django reads it as ``page_ptr_id``, which Elasticsearch
        and OpenSearch skip): match the tagged terms' tree ``path`` instead, a
        filter field of every page. One SQL query on the database backends.
        """
        tagged = self.model.objects.filter(topics=topic).values("path")
        return self.filter(path__in=tagged)

    def letters_in_use(self) -> set[str]:
        """The letters at least one term files under, in one aggregate query."""
        return set(self.order_by().values_list("first_letter", flat=True).distinct())

    def _topic_model(self):
        return self.model._meta.get_field("topics").related_model


GlossaryTermManager = PageManager.from_queryset(GlossaryTermQuerySet)


class TopicQuerySet(models.QuerySet):
    def used_by(self, terms):
        """Topics given to at least one of ``terms`` (a term queryset)."""
        return self.filter(terms__in=terms.values("pk")).distinct()

    def localized(self, topics, locale_id) -> list:
        """``topics`` as their translations in the locale ``locale_id``, where
        translated; the others stay as they are. No query when all are in it."""
        topics = list(topics)
        foreign = {t.translation_key for t in topics if t.locale_id != locale_id}
        if not foreign:
            return topics
        translations = {
            topic.translation_key: topic
            for topic in self.filter(translation_key__in=foreign, locale_id=locale_id)
        }
        return [translations.get(topic.translation_key, topic) for topic in topics]
