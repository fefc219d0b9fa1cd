import datetime

import factory
import wagtail_factories
from django.utils.text import slugify

from glossary.models import Topic
from microsite.articles.models import ArticleIndexPage, ArticlePage, Author


def sample_body():
    return [
        ("paragraph", "<p>Fibre feeds the bacteria that live in the colon.</p>"),
        ("heading", "What the research shows"),
        (
            "key_takeaways",
            {
                "title": "Key takeaways",
                "points": [
                    "Most gut bacteria live in the colon.",
                    "They ferment fibre into short-chain fatty acids.",
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "disclaimer",
                "title": "Not medical advice",
                "text": "<p>Talk to your GP before changing your diet.</p>",
            },
        ),
    ]


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Alex Writer {n}")
    role = "Science writer"
    bio = "Alex writes about digestion and the research behind it."


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Articles"
    slug = "articles"


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"How fibre feeds gut bacteria, part {n}")
    intro = "Why the bacteria in your colon depend on what you eat."
    body = factory.LazyFunction(sample_body)
    author = factory.SubFactory(AuthorFactory)
    date_published = datetime.date(2025, 3, 1)

    @factory.post_generation
    def topics(page, create, extracted, **kwargs):
        if extracted:
            page.topics.set(extracted)
            if create:
                page.save()
