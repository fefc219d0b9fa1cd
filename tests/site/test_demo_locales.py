"""A translated topic shares its slug with the original, in another locale: the demo
loader and generate_glossary keep to their own locale (they used get_or_create by
slug alone, which then found two topics and stopped)."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from glossary.management.commands.generate_glossary import TOPIC_SLUG
from glossary.models import GlossaryIndexPage, Topic
from microsite.demo.articles.people import TOPICS as ARTICLE_TOPICS
from microsite.demo.glossary_terms import TOPICS as GLOSSARY_TOPICS

pytestmark = pytest.mark.django_db


@pytest.fixture
def german():
    return Locale.objects.get_or_create(language_code="de")[0]


def german_copy(slug, german):
    return Topic.objects.create(slug=slug, name=f"{slug} (de)", locale=german)


def test_loading_the_demo_keeps_to_the_default_locale(german):
    # A German translation of a topic of each demo, before the demo loads again.
    german_copy(GLOSSARY_TOPICS[0]["slug"], german)
    german_copy(next(iter(ARTICLE_TOPICS)), german)

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    default = Locale.get_default()
    for slug in (GLOSSARY_TOPICS[0]["slug"], next(iter(ARTICLE_TOPICS))):
        assert Topic.objects.filter(slug=slug, locale=default).count() == 1
        assert Topic.objects.get(slug=slug, locale=german).name == f"{slug} (de)"


def test_generate_glossary_keeps_to_the_index_locale(german):
    call_command("load_demo", stdout=io.StringIO())
    german_copy(TOPIC_SLUG, german)

    call_command("generate_glossary", "--terms", "3", stdout=io.StringIO())
    call_command("generate_glossary", "--remove", stdout=io.StringIO())

    assert Topic.objects.get(slug=TOPIC_SLUG, locale=german)
    index = GlossaryIndexPage.objects.get()
    assert not Topic.objects.filter(slug=TOPIC_SLUG, locale=index.locale).exists()
