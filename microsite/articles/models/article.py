import datetime

from django import forms
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from consent.sensitivity import SensitivePageMixin
from glossary.autolink.references import AutolinkedTermsField
from glossary.models import GlossaryTermPage, SourceFields
from glossary.models.validation import RefusesNullCharacters
from glossary.review.models import ClinicalReviewMixin
from glossary.review.panels import ClinicalReviewPanel
from microsite.articles.blocks import ArticleBodyBlock


class ArticlePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Live, public articles, newest first, with what a listing card shows."""
        return (
            self.live()
            .public()
            .select_related("author", "hero_image", "clinical_reviewer")
            .prefetch_related("topics", "hero_image__renditions")
            .order_by("-date_published", "-pk")
        )

    def about(self, topic):
        return self.filter(topics=topic)


class ArticlePage(RefusesNullCharacters, SensitivePageMixin, ClinicalReviewMixin, Page):
    """An explanatory article with an author, key takeaways and its sources."""

    # Changing any of these sends a reviewed article back to clinical review.
    clinical_review_fields = ("body", "sources")

    intro = models.TextField(
        max_length=400,
        help_text=(
            "One or two sentences that say what the article covers. Shown under "
            "the title, in listings, in the feed and in search results."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Optional wide image shown above the article, at least 1600 px wide. "
            "Give the image a description: it is used as alt text."
        ),
    )
    body = StreamField(
        ArticleBodyBlock(),
        help_text=(
            "The article: headings, paragraphs, lists, key takeaways, callouts "
            "(including the medical disclaimer), quotes and images."
        ),
    )
    author = models.ForeignKey(
        "articles.Author",
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Who wrote the article. Their bio appears at the end.",
    )
    date_published = models.DateField(
        "publication date",
        default=datetime.date.today,
        help_text="Shown on the article; listings and the feed sort by it.",
    )
    topics = ParentalManyToManyField(
        "glossary.Topic",
        blank=True,
        related_name="articles",
        help_text="Subjects the article belongs to; readers filter articles by them.",
    )
    autolink_glossary = models.BooleanField(
        "link glossary terms automatically",
        default=True,
        help_text=(
            "Turn glossary terms in the body into links to their definitions. "
            "Untick if the links get in the way in this article."
        ),
    )
    # Counted as references to the terms (a term's "Referenced N times", Usage).
    glossary_autolinks = AutolinkedTermsField(
        source="body", enabled_by="autolink_glossary"
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("date_published"),
            ],
            heading="Authorship",
        ),
        ClinicalReviewPanel(),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("sources", label="Source", heading="Sources"),
        InlinePanel(
            "related_article_links",
            label="Related article",
            heading="Related articles",
            max_num=6,
        ),
        InlinePanel(
            "related_term_links",
            label="Related glossary term",
            heading="Related glossary terms",
            max_num=12,
        ),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("autolink_glossary"),
        FieldPanel("sensitive"),
    ]
    # The health-data shield (consent.sensitivity): an article is about health.
    sensitive_by_default = True
    sensitive_path_name = "article"

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        # The start of a word finds an article by its intro too (site and admin search).
        index.AutocompleteField("intro"),
        index.SearchField("body"),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date_published"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("date_published"),
        APIField("hero_image"),
        APIField(
            "hero_image_wide",
            serializer=ImageRenditionField("fill-1200x630", source="hero_image"),
        ),
        APIField("body"),
        APIField("author_summary"),
        APIField("reviewer_summary"),
        APIField("last_reviewed"),
        APIField("topic_names"),
        APIField("source_summaries"),
        APIField("autolink_glossary"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types: list[str] = []
    template = "pages/article_page.html"

    class Meta:
        verbose_name = "article"

    @property
    def date_modified(self) -> datetime.date:
        changed = self.last_published_at or self.latest_revision_created_at
        return changed.date() if changed else self.date_published

    @property
    def author_summary(self) -> dict | None:
        if not self.author_id:
            return None
        return {"name": self.author.name, "role": self.author.role}

    @property
    def reviewer_summary(self) -> dict | None:
        reviewer = self.clinical_reviewer
        if reviewer is None:
            return None
        return {"name": reviewer.name, "role": reviewer.credentials}

    @cached_property
    def topic_list(self) -> list:
        """The article's topics, fetched once per page render."""
        return list(self.topics.all())

    @cached_property
    def source_list(self) -> list:
        """The article's sources in the editor's order, fetched once per render."""
        return list(self.sources.all())

    @property
    def topic_names(self) -> list[str]:
        return [topic.name for topic in self.topic_list]

    @property
    def source_summaries(self) -> list[dict]:
        return [
            {
                "title": source.title,
                "publisher": source.publisher,
                "year": source.year,
                "link": source.link,
            }
            for source in self.source_list
        ]

    def get_related_articles(self) -> list["ArticlePage"]:
        """Live related articles, in the order the editor chose them.

        Read through the in-memory links so that a preview shows unsaved choices.
        """
        ids = [link.article_id for link in self.related_article_links.all()]
        return _live_in_order(ArticlePage, ids)

    def get_related_terms(self) -> list[GlossaryTermPage]:
        ids = [link.term_id for link in self.related_term_links.all()]
        return _live_in_order(GlossaryTermPage, ids)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.get_related_articles()
        context["related_terms"] = self.get_related_terms()
        context["sources"] = self.source_list
        context["index_url"] = self.get_parent().get_url(request)
        return context


def _live_in_order(page_model, ids: list[int]) -> list:
    if not ids:
        return []
    pages = page_model.objects.live().public().in_bulk(ids)
    return [pages[pk] for pk in ids if pk in pages]


class ArticleSource(Orderable, SourceFields):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="sources")

    panels = SourceFields.panels


class ArticleRelatedArticle(Orderable):
    page = ParentalKey(
        ArticlePage, on_delete=models.CASCADE, related_name="related_article_links"
    )
    article = models.ForeignKey(
        ArticlePage,
        on_delete=models.CASCADE,
        related_name="related_from",
        help_text="Another article a reader of this one would find useful.",
    )

    panels = [PageChooserPanel("article", "articles.ArticlePage")]


class ArticleRelatedTerm(Orderable):
    page = ParentalKey(
        ArticlePage, on_delete=models.CASCADE, related_name="related_term_links"
    )
    term = models.ForeignKey(
        "glossary.GlossaryTermPage",
        on_delete=models.CASCADE,
        related_name="featured_in_articles",
        help_text="A glossary term explained further in, or needed for, this article.",
    )

    panels = [PageChooserPanel("term", "glossary.GlossaryTermPage")]
