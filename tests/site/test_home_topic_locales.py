"""A translated home page lists the topics of its own locale's terms."""

import pytest
from wagtail.models import Locale, Page

from glossary.models import Topic
from microsite.home.models import HomePage
from tests.glossary.factories import GlossaryIndexPageFactory, GlossaryTermPageFactory
from tests.glossary.i18n.conftest import LANGUAGES, translate, translate_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def i18n(settings):
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES


def add_term(home, title, topic):
    glossary = GlossaryIndexPageFactory(parent=home)
    term = GlossaryTermPageFactory.build(title=title)
    term.topics = [topic]
    glossary.add_child(instance=term)


def test_a_german_home_page_lists_the_topics_of_german_terms(rf, site_root):
    german = Locale.objects.get_or_create(language_code="de")[0]
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home", slug="home-page", heading="Welcome")
    )
    german_home = translate(home, german)
    skin = Topic.objects.create(name="Skin", slug="skin")
    haut = translate_topic(skin, german, "Haut", "haut")
    add_term(home, "Eczema", skin)
    add_term(german_home, "Ekzem", haut)

    def topics(page):
        return list(page.get_context(rf.get("/"))["topics"])

    assert topics(home) == [skin]
    assert topics(german_home) == [haut]
