import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from glossary.models import GlossaryIndexPage, GlossaryTermPage, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryIndexPage

    title = "Glossary"
    slug = "glossary"
    intro = "<p>Plain explanations of the words used about gut health.</p>"


class GlossaryTermPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryTermPage

    title = factory.Sequence(lambda n: f"Term {n:05d}")
    definition = factory.LazyAttribute(
        lambda term: f"A short explanation of {term.title.lower()} for readers."
    )
    origin = "<p>The word was first used in a microbiology paper.</p>"
    mechanism = "<p>It works through signals passed between gut cells.</p>"
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)
