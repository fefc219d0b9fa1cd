from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .querysets import TopicQuerySet
from .validation import RefusesNullCharacters


class Topic(RefusesNullCharacters, index.Indexed, models.Model):
    """A subject that groups terms and articles, such as "Mental health" or "Skin"."""

    name = models.CharField(
        max_length=80,
        unique=True,
        help_text=_("Shown as a filter and on each term, e.g. 'Mental health'."),
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_("Used in web addresses, e.g. /glossary/?topic=mental-health."),
    )
    description = models.TextField(
        blank=True,
        help_text=_("Optional one-sentence summary of what the topic covers."),
    )

    objects = TopicQuerySet.as_manager()

    panels = [
        FieldPanel("name", heading=_("Name")),
        FieldPanel("slug", heading=_("Slug")),
        FieldPanel("description", heading=_("Description")),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
