import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed


class ArticleRssFeed(Feed):
    """The newest articles below one article index page."""

    feed_type = Rss201rev2Feed
    item_count = 20

    def __init__(self, index_page, topic=None):
        super().__init__()
        self.index_page = index_page
        self.topic = topic
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        about = f": {self.topic.name}" if self.topic else ""
        return f"{index_page.title}{about} | {settings.WAGTAIL_SITE_NAME}"

    def link(self, index_page):
        return index_page.get_url(request=self.request) + self.topic_query()

    def feed_url(self, index_page):
        # Django's default, request.path, drops the topic from a topic feed's self link.
        return self.request.path + self.topic_query()

    def topic_query(self) -> str:
        return f"?{urlencode({'topic': self.topic.slug})}" if self.topic else ""

    def description(self, index_page):
        return (
            f"New articles from {settings.WAGTAIL_SITE_NAME}: the gut microbiome "
            "explained, with sources."
        )

    def items(self, index_page):
        articles = index_page.get_articles()
        if self.topic:
            articles = articles.about(self.topic)
        return articles[: self.item_count]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.get_url(request=self.request)

    def item_guid(self, article):
        return article.get_full_url(request=self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, article):
        midnight = datetime.datetime.combine(article.date_published, datetime.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author.name

    def item_categories(self, article):
        return [topic.name for topic in article.topics.all()]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index_page):
        return self.description(index_page)
