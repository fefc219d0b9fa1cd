from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultipleChooserPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from glossary.blocks import FurtherSectionsBlock
from glossary.conf import get_setting
from glossary.forms import GlossaryTermForm
from glossary.letters import first_letter, sort_key
from glossary.review.models import ClinicalReviewMixin
from glossary.review.panels import ClinicalReviewPanel
from glossary.serializers import LinesField
from glossary.structured_data import defined_term

from .querysets import LISTING_FIELDS, GlossaryTermManager
from .sensitivity import sensitive_field
from .sources import SourceFields
from .validation import RefusesNullCharacters

SECTION_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class GlossaryTermPage(RefusesNullCharacters, ClinicalReviewMixin, Page):
    """One health term: what it means, where it comes from and how it works."""

    # Changing any of these sends a reviewed term back to clinical review.
    clinical_review_fields = (
        "definition",
        "origin",
        "mechanism",
        "further_sections",
        "sources",
    )

    definition = models.TextField(
        max_length=600,
        help_text=_(
            "One or two plain sentences that say what the term means. Readers see "
            "this first, and it is used in search results and link previews."
        ),
    )
    origin = RichTextField(
        features=SECTION_FEATURES,
        help_text=_(
            "Where the term comes from: the word itself, who described it, when."
        ),
    )
    mechanism = RichTextField(
        features=SECTION_FEATURES,
        help_text=_("How it works in the body, in words a curious reader can follow."),
    )
    further_sections = StreamField(
        FurtherSectionsBlock(),
        blank=True,
        help_text=_(
            "Optional extra sections: headings, paragraphs, lists and callouts."
        ),
    )
    topics = ParentalManyToManyField(
        "glossary.Topic",
        blank=True,
        related_name="terms",
        help_text=_("Tick the subjects this term belongs to; readers filter by them."),
    )
    never_autolink = models.BooleanField(
        default=False,
        verbose_name=_("never link automatically"),
        help_text=_(
            "Tick to stop this term being turned into a link inside articles, for "
            "example when the word is too common."
        ),
    )
    first_letter = models.CharField(
        max_length=1,
        editable=False,
        db_index=True,
        default="#",
        help_text=_("The A–Z group the term files under; set from the title on save."),
    )

    sort_title = models.CharField(
        max_length=255,
        editable=False,
        db_index=True,
        default="",
        help_text=_("The title as the A–Z sorts it; set from the title on save."),
    )
    synonyms_text = models.TextField(
        blank=True,
        editable=False,
        help_text=_(
            "The synonyms, one a line, copied on save so that search finds them."
        ),
    )
    sensitive = sensitive_field()
    # Read by consent tools (consent.sensitivity): a term names a health topic.
    sensitive_by_default = True
    sensitive_path_name = "term"

    objects = GlossaryTermManager()

    content_panels = [
        # TitleFieldPanel, as in Page.content_panels: the slug follows the title.
        TitleFieldPanel(
            "title",
            heading=_("Term"),
            help_text=_("The term as readers know it, e.g. 'Gut microbiome'."),
        ),
        FieldPanel("definition", heading=_("Definition")),
        FieldPanel("origin", heading=_("Origin")),
        FieldPanel("mechanism", heading=_("Mechanism")),
        FieldPanel("further_sections", heading=_("Further sections")),
    ]
    connections_panels = [
        InlinePanel(
            "synonyms",
            label=_("Synonym"),
            heading=_("Synonyms and other names"),
            help_text=_(
                "Other words readers use for this term, e.g. 'gut flora'. They are "
                "searchable and shown under the definition."
            ),
        ),
        MultipleChooserPanel(
            "related_term_links",
            chooser_field_name="term",
            label=_("Related term"),
            heading=_("Related terms"),
            help_text=_(
                "Other terms a reader should look at next. The link shows on both "
                "terms, so add it on one of them only."
            ),
        ),
        FieldPanel("topics", heading=_("Topics"), widget=forms.CheckboxSelectMultiple),
    ]
    evidence_panels = [
        InlinePanel(
            "sources",
            label=_("Source"),
            heading=_("Sources"),
            help_text=_("The papers and guidelines that back up this explanation."),
        ),
        ClinicalReviewPanel(),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("never_autolink"),
        FieldPanel("sensitive"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(connections_panels, heading=_("Names and links")),
            ObjectList(evidence_panels, heading=_("Sources and review")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("title", boost=4),
        index.SearchField("definition", boost=2),
        index.SearchField("origin"),
        index.SearchField("mechanism"),
        # Not RelatedFields("synonyms"): the search index is written on post_save,
        # before the synonyms (child objects) are saved, so it would lag one edit.
        index.SearchField("synonyms_text", boost=3),
        # The start of a word finds these (the site search, the glossary's and the
        # admin's page search, which matches autocomplete fields only).
        index.AutocompleteField("synonyms_text"),
        index.AutocompleteField("definition"),
        index.FilterField("never_autolink"),
        index.FilterField("first_letter"),
    ]

    api_fields = [
        APIField("definition"),
        APIField("origin"),
        APIField("mechanism"),
        # From the column copied on save: no query per term in API listings.
        APIField("synonym_names", serializer=LinesField(source="synonyms_text")),
        APIField("related_term_summaries"),
        APIField("topic_names"),
        APIField("last_reviewed"),
        APIField("reviewer_summary"),
    ]

    base_form_class = GlossaryTermForm
    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types: list[str] = []
    template = "glossary/glossary_term_page.html"

    class Meta:
        verbose_name = _("glossary term")

    def save(self, *args, **kwargs):
        self.first_letter = first_letter(self.title)
        self.sort_title = sort_key(self.title)
        self.synonyms_text = "\n".join(self.synonym_names)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "first_letter", "sort_title"}
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, glossary=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Routed through its glossary, the term is handed it (GlossaryIndexPage.route).
        glossary = glossary or self.get_parent()
        # A preview shows the editor's unsaved synonyms and links, from memory; a
        # published page reads them from the columns and rows saved with it, which
        # costs no query for the synonyms and none extra for the links.
        saved = not getattr(request, "is_preview", False)
        synonyms = self.saved_synonym_names if saved else self.synonym_names
        # Wagtail's privacy query once for both lists of other terms.
        published = GlossaryTermPage.objects.published()
        neighbours = self._saved_neighbours(glossary) if saved else None
        if neighbours is None:
            neighbours = self.get_neighbours(among=published)
        previous_term, next_term = neighbours
        context.update(
            glossary_base_template=get_setting("GLOSSARY_BASE_TEMPLATE"),
            glossary=glossary,
            synonyms=synonyms,
            topics=list(self.topics.all()),
            sources=list(self.sources.all()),
            related_terms=list(
                self.get_related_terms(saved_links=saved, among=published)
            ),
            previous_term=previous_term,
            next_term=next_term,
            json_ld=defined_term(self, request, glossary, synonyms=synonyms),
        )
        return context

    # Reading helpers used by templates, the API and other apps.

    @property
    def synonym_names(self) -> list[str]:
        return [synonym.name for synonym in self.synonyms.all()]

    @property
    def saved_synonym_names(self) -> list[str]:
        """The synonyms as last saved, from the column ``save()`` fills."""
        return self.synonyms_text.splitlines()

    @property
    def reviewer_summary(self) -> dict | None:
        reviewer = self.clinical_reviewer
        if reviewer is None:
            return None
        return {"name": reviewer.name, "credentials": reviewer.credentials}

    @property
    def topic_names(self) -> list[str]:
        return [topic.name for topic in self.topics.all()]

    @property
    def related_term_summaries(self) -> list[dict]:
        return [
            {"id": term.pk, "title": term.title, "url": term.url}
            for term in self.get_related_terms(saved_links=True)
        ]

    @property
    def related_terms(self) -> list["GlossaryTermPage"]:
        """The terms this term links to itself, in the editor's order."""
        return [link.term for link in self.related_term_links.all()]

    @related_terms.setter
    def related_terms(self, terms):
        self.related_term_links = [
            GlossaryRelatedTerm(term=term, sort_order=position)
            for position, term in enumerate(terms)
        ]

    def get_related_terms(self, *, saved_links=False, among=None):
        """Published terms linked from this term or linking to it, A–Z, in its locale.

        Reads this term's own links from memory so that a preview shows unsaved
        changes, or with ``saved_links`` from the database in the same query; the
        links pointing here always come from the database. A translated term's
        links may still point to the source locale's terms (translation copies
        them as they are): links match by ``translation_key``, so they lead to
        the translations in this term's locale. ``among`` is the published terms
        to choose from, when the caller has them already.
        """
        if saved_links:
            targets = GlossaryTermPage.objects.filter(linked_from__page_id=self.pk)
        else:
            own_ids = [link.term_id for link in self.related_term_links.all()]
            targets = Page.objects.filter(pk__in=own_ids)
        keys = targets.order_by().values("translation_key")
        # A term being previewed before its first save has no links to it yet.
        if self.pk is not None:
            # The translation keys of the terms linking here, as one subquery with
            # the targets' (a UNION): the database looks the few keys up in its
            # index. An OR of the two, with a join, read every term of the locale.
            keys = keys.union(
                GlossaryRelatedTerm.objects.filter(
                    term__translation_key=self.translation_key
                )
                .order_by()
                .values("page__translation_key")
            )
        if among is None:
            among = GlossaryTermPage.objects.published()
        return (
            among.filter(locale_id=self.locale_id, translation_key__in=keys)
            .exclude(pk=self.pk)
            .only(*LISTING_FIELDS)
            .alphabetical()
        )

    def get_neighbours(self, among=None):
        """The published terms just before and after this one, A–Z, in its glossary
        (``among``: the published terms, when the caller has them already)."""
        if among is None:
            among = GlossaryTermPage.objects.published()
        siblings = among.sibling_of(self, inclusive=False).only(*LISTING_FIELDS)
        # From the title, not the stored column: a preview may have renamed it.
        key = sort_key(self.title)
        before = models.Q(sort_title__lt=key) | models.Q(
            sort_title=key, pk__lt=self.pk or 0
        )
        # Two simple queries: one query with both as subqueries measured 2.5 times
        # slower to build in Python than these two take to build and run.
        previous = siblings.filter(before).order_by("-sort_title", "-pk").first()
        following = siblings.exclude(before).order_by("sort_title", "pk").first()
        return previous, following

    def _saved_neighbours(self, glossary):
        """``get_neighbours()`` of a published term, from its glossary's A–Z kept
        in memory (``glossary.a_to_z``): one query by id, none at both ends.
        None when the term is not among the published terms there (a private
        term shown to a visitor who may see it)."""
        from glossary.a_to_z import for_glossary

        ids = for_glossary(glossary).neighbours(self.pk)
        if ids is None:
            return None
        wanted = [pk for pk in ids if pk is not None]
        found = {}
        if wanted:
            terms = GlossaryTermPage.objects.live().filter(pk__in=wanted)
            found = {term.pk: term for term in terms.only(*LISTING_FIELDS)}
        return tuple(found.get(pk) for pk in ids)

    # What else shows this term, beyond Wagtail's reference index: read by caches
    # that purge page by page (docs/glossary.md, "Caching in front of the glossary").

    def get_dependent_pages(self):
        """Pages that show this term beside them: its neighbours A–Z and its
        related terms."""
        from glossary.dependents import pages_showing

        return pages_showing(self)

    def get_dependent_urls(self):
        """The URLs of the A–Z lists (letter, topic, numbered pages) that can show
        this term."""
        from glossary.dependents import a_to_z_urls

        return a_to_z_urls(self)


class GlossaryTermSynonym(RefusesNullCharacters, Orderable):
    page = ParentalKey(
        GlossaryTermPage, on_delete=models.CASCADE, related_name="synonyms"
    )
    name = models.CharField(
        max_length=200, help_text=_("Another name for the term, e.g. 'gut flora'.")
    )

    panels = [FieldPanel("name", heading=_("Synonym"))]

    def __str__(self):
        return self.name


class GlossaryRelatedTerm(Orderable):
    """A link from one term to another that a reader should look at next."""

    page = ParentalKey(
        GlossaryTermPage, on_delete=models.CASCADE, related_name="related_term_links"
    )
    term = models.ForeignKey(
        GlossaryTermPage,
        on_delete=models.CASCADE,
        related_name="linked_from",
        verbose_name=_("related term"),
        help_text=_("Choose a glossary term."),
    )

    panels = [PageChooserPanel("term", "glossary.GlossaryTermPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related term")

    def __str__(self):
        return str(self.term)


class GlossaryTermSource(Orderable, SourceFields):
    page = ParentalKey(
        GlossaryTermPage, on_delete=models.CASCADE, related_name="sources"
    )

    panels = SourceFields.panels
