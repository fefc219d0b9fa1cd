from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from glossary.blocks import FurtherSectionsBlock

from .sources import SourceFields

SECTION_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class GlossaryTermPage(Page):
    """One health term: what it means, where it comes from and how it works."""

    definition = models.TextField(
        max_length=600,
        help_text=(
            "One or two plain sentences that say what the term means. Readers see "
            "this first, and it is used in search results and link previews."
        ),
    )
    origin = RichTextField(
        features=SECTION_FEATURES,
        help_text="Where the term comes from: the word itself, who described it, when.",
    )
    mechanism = RichTextField(
        features=SECTION_FEATURES,
        help_text="How it works in the body, in words a curious reader can follow.",
    )
    further_sections = StreamField(
        FurtherSectionsBlock(),
        blank=True,
        help_text="Optional extra sections: headings, paragraphs, lists and callouts.",
    )
    related_terms = ParentalManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="+",
        help_text=(
            "Other terms a reader should look at next. The link shows on both terms."
        ),
    )
    topics = ParentalManyToManyField(
        "glossary.Topic",
        blank=True,
        related_name="terms",
        help_text="Subjects this term belongs to; readers filter the glossary by them.",
    )
    reviewed_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="Reviewer's name and credentials, e.g. 'Dr Ana Ruiz, MD'.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="The date the reviewer last checked this term."
    )
    never_autolink = models.BooleanField(
        default=False,
        verbose_name="never link automatically",
        help_text=(
            "Tick to stop this term being turned into a link inside articles, for "
            "example when the word is too common."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("definition"),
        FieldPanel("origin"),
        FieldPanel("mechanism"),
        FieldPanel("further_sections"),
        InlinePanel(
            "synonyms",
            label="Synonyms",
            heading="Synonyms and other names",
            help_text="Other words readers use for this term, e.g. 'gut flora'.",
        ),
        FieldPanel("related_terms"),
        FieldPanel("topics"),
        InlinePanel("sources", label="Source", heading="Sources"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("reviewed_by"), FieldPanel("last_reviewed")])],
            heading="Medical review",
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("never_autolink")]

    search_fields = Page.search_fields + [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("definition", boost=2),
        index.SearchField("origin"),
        index.SearchField("mechanism"),
        index.RelatedFields("synonyms", [index.SearchField("name", boost=3)]),
        index.FilterField("never_autolink"),
    ]

    api_fields = [
        APIField("definition"),
        APIField("origin"),
        APIField("mechanism"),
        APIField("synonym_names"),
        APIField("related_term_summaries"),
        APIField("topic_names"),
        APIField("last_reviewed"),
    ]

    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types: list[str] = []
    template = "glossary/glossary_term_page.html"

    class Meta:
        verbose_name = "glossary term"

    @property
    def synonym_names(self) -> list[str]:
        return [synonym.name for synonym in self.synonyms.all()]

    @property
    def topic_names(self) -> list[str]:
        return [topic.name for topic in self.topics.all()]

    @property
    def related_term_summaries(self) -> list[dict]:
        return [
            {"id": term.pk, "title": term.title, "url": term.url}
            for term in self.get_related_terms()
        ]

    def get_related_terms(self):
        """Live terms linked from this term or linking to it, A–Z."""
        own = self.related_terms.all().values_list("pk", flat=True)
        return (
            GlossaryTermPage.objects.live()
            .public()
            .filter(models.Q(pk__in=list(own)) | models.Q(related_terms=self.pk))
            .exclude(pk=self.pk)
            .distinct()
            .order_by("title")
        )


class GlossaryTermSynonym(Orderable):
    page = ParentalKey(
        GlossaryTermPage, on_delete=models.CASCADE, related_name="synonyms"
    )
    name = models.CharField(
        max_length=200, help_text="Another name for the term, e.g. 'gut flora'."
    )

    panels = [FieldPanel("name")]

    def __str__(self):
        return self.name


class GlossaryTermSource(Orderable, SourceFields):
    page = ParentalKey(
        GlossaryTermPage, on_delete=models.CASCADE, related_name="sources"
    )

    panels = SourceFields.panels
