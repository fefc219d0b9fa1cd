import re

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from consent.sensitivity import SensitivePageMixin
from glossary.models import Topic
from microsite.articles.feeds import ArticleAtomFeed, ArticleRssFeed

from .article import ArticlePage

TOPIC_SLUG = re.compile(r"[-\w]{1,80}")


class ListingError(Exception):
    """A reader asked for a listing that does not exist (bad page or topic)."""


class ArticleIndexPage(RoutablePageMixin, SensitivePageMixin, Page):
    """Lists articles newest first, filtered by topic, with RSS and Atom feeds."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome shown above the list of articles.",
    )

    articles_per_page = 10

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("sensitive")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    template = "pages/article_index_page.html"

    class Meta:
        verbose_name = "article index"

    def get_articles(self):
        return ArticlePage.objects.child_of(self).for_listing()

    def get_listed_topics(self):
        """Topics that at least one live article here belongs to."""
        return Topic.objects.filter(
            articles__in=ArticlePage.objects.child_of(self).live().public()
        ).distinct()

    def topic_from_request(self, request) -> Topic | None:
        slug = request.GET.get("topic", "").strip()
        if not slug:
            return None
        # Checked before the query: PostgreSQL rejects text with NUL bytes outright.
        topic = (
            Topic.objects.filter(slug=slug, locale_id=self.locale_id).first()
            if TOPIC_SLUG.fullmatch(slug)
            else None
        )
        if topic is None:
            raise ListingError(f"There is no topic called “{slug[:80]}”.")
        return topic

    def paginate(self, request, articles):
        paginator = Paginator(articles, self.articles_per_page)
        number = request.GET.get("page", "").strip() or "1"
        # ASCII digits only: isdigit() accepts "²", which int() refuses.
        if not (number.isascii() and number.isdigit()):
            raise ListingError("Page numbers are whole numbers, starting from 1.")
        number = number.lstrip("0") or "0"
        try:
            # 20 digits are past any page; past 4,300 int() would refuse them.
            return paginator.page(int(number) if len(number) < 20 else 0)
        except InvalidPage:
            shown = number if len(number) <= 20 else f"{number[:20]}…"
            raise ListingError(
                f"There is no page {shown}: the list has "
                f"{paginator.num_pages} page{'s' if paginator.num_pages != 1 else ''}."
            ) from None

    @path("")
    def article_list(self, request):
        try:
            topic = self.topic_from_request(request)
            articles = self.get_articles()
            if topic:
                articles = articles.about(topic)
            listing = self.paginate(request, articles)
        except ListingError as error:
            response = self.render(
                request, context_overrides={"listing_error": str(error)}
            )
            response.status_code = 404
            return response
        return self.render(
            request,
            context_overrides={
                "articles": listing,
                "current_topic": topic,
                "topics": self.get_listed_topics(),
            },
        )

    @path("feed/")
    def rss_feed(self, request):
        return self.feed_response(request, ArticleRssFeed)

    @path("feed/atom/")
    def atom_feed(self, request):
        return self.feed_response(request, ArticleAtomFeed)

    def feed_response(self, request, feed_class):
        try:
            topic = self.topic_from_request(request)
        except ListingError as error:
            raise Http404(str(error)) from None
        return feed_class(self, topic)(request)

    def get_cached_paths(self):
        """Wagtail's paths of this page a proxy keeps: the list, its topic filters
        and the feeds of each, purged with the page (wagtail.contrib.frontend_cache)."""
        topics = [
            f"?topic={slug}"
            for slug in self.get_listed_topics().values_list("slug", flat=True)
        ]
        return [
            f"{path}{query}"
            for path in ("/", "/feed/", "/feed/atom/")
            for query in ("", *topics)
        ]
