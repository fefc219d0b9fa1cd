from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .querysets import TopicQuerySet
from .validation import RefusesNullCharacters


class Topic(RefusesNullCharacters, TranslatableMixin, index.Indexed, models.Model):
    """A subject that groups terms and articles, such as "Mental health" or "Skin".

    Translatable with Wagtail's i18n: each locale has its own copy, linked to the
    others by ``translation_key``. A translated term may still be tagged with the
    source locale's topics (wagtail-localize copies many-to-many values as they
    are), so readers see topics through ``TopicQuerySet.localized_to``.
    """

    name = models.CharField(
        max_length=80,
        help_text=_("Shown as a filter and on each term, e.g. 'Mental health'."),
    )
    slug = models.SlugField(
        max_length=80,
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
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [
            ("translation_key", "locale"),
            ("locale", "slug"),
            ("locale", "name"),
        ]

    def __str__(self):
        return self.name
