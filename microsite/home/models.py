from django.apps import apps
from django.core.cache import cache
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from consent.blocks import CookieDeclarationsBlock
from consent.sensitivity import SensitivePageMixin
from glossary.cache_versions import now_and_after_commit
from glossary.models import GlossaryTermPage, Topic

LATEST_ARTICLES = 3


class HomePage(SensitivePageMixin, Page):
    """The front page: an introduction, featured glossary terms, latest articles."""

    heading = models.CharField(
        max_length=120,
        blank=True,
        help_text=(
            "The large heading at the top of the home page, e.g. 'Understand your "
            "gut microbiome'. Leave empty to use the page title."
        ),
    )
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences that tell a new reader what the site offers.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("heading"),
        FieldPanel("intro"),
        InlinePanel("featured_terms", label="Featured term", max_num=8),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("sensitive")]
    search_fields = Page.search_fields + [
        index.SearchField("heading"),
        index.SearchField("intro"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # Not Wagtail's bare Page: it would render without the site's layout.
    subpage_types = [
        "glossary.GlossaryIndexPage",
        "articles.ArticleIndexPage",
        "home.InformationPage",
    ]
    template = "pages/home_page.html"

    def get_featured_terms(self) -> list[GlossaryTermPage]:
        """Live featured terms in the editor's order.

        Read through `featured_terms` so that a preview shows unsaved changes.
        """
        ids = [featured.term_id for featured in self.featured_terms.all()]
        terms = GlossaryTermPage.objects.live().public().in_bulk(ids)
        return [terms[pk] for pk in ids if pk in terms]

    def get_latest_articles(self, limit: int = LATEST_ARTICLES):
        """The newest live articles, or nothing when the articles app has none."""
        try:
            article_model = apps.get_model("articles", "ArticlePage")
        except LookupError:
            return []
        return list(
            article_model.objects.live()
            .public()
            .order_by("-first_published_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_terms"] = self.get_featured_terms()
        context["latest_articles"] = self.get_latest_articles()
        context["topics"] = Topic.objects.filter(
            terms__live=True, terms__locale_id=self.locale_id
        ).distinct()
        return context


class HomePageFeaturedTerm(Orderable):
    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_terms"
    )
    term = models.ForeignKey(
        "glossary.GlossaryTermPage",
        on_delete=models.CASCADE,
        related_name="featured_on_home",
        help_text="A glossary term to show on the home page.",
    )

    panels = [PageChooserPanel("term", "glossary.GlossaryTermPage")]


class InformationPage(SensitivePageMixin, Page):
    """A page of plain information, such as the cookie policy or "About us"."""

    body = StreamField(
        [
            (
                "heading",
                blocks.CharBlock(
                    icon="title",
                    template="components/streamfield/blocks/heading.html",
                    help_text="A section heading, e.g. 'How long we keep choices'.",
                ),
            ),
            (
                "paragraph",
                blocks.RichTextBlock(
                    features=["bold", "italic", "link", "ul", "ol"],
                    icon="pilcrow",
                    template="components/streamfield/blocks/paragraph.html",
                ),
            ),
            ("cookie_declarations", CookieDeclarationsBlock()),
        ],
        help_text=(
            "Headings and paragraphs. On the cookie policy, add 'Cookie "
            "declarations' where the list of every cookie should appear."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("sensitive")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "pages/information_page.html"


@register_setting(icon="doc-full")
class SiteFooter(BaseSiteSetting):
    """Text shown at the foot of every page."""

    disclaimer = models.TextField(
        default=(
            "This site explains research for general education. It is not medical "
            "advice: talk to a qualified health professional about your own health."
        ),
        help_text="The medical disclaimer shown on every page.",
    )

    panels = [FieldPanel("disclaimer")]

    class Meta:
        verbose_name = "site footer"

    @classmethod
    def for_site(cls, site):
        """The site's footer, kept in the cache between requests: every page shows
        it, and it changes only when saved or deleted (which forgets it)."""
        if site is None:
            return super().for_site(site)
        key = FOOTER_KEY.format(site_id=site.pk)
        footer = cache.get(key)
        if footer is None:
            footer = super().for_site(site)
            cache.set(key, footer, timeout=None)
        return footer


FOOTER_KEY = "home:site-footer:{site_id}"


def forget_footer(instance, **kwargs):
    key = FOOTER_KEY.format(site_id=instance.site_id)
    now_and_after_commit(lambda: cache.delete(key))
