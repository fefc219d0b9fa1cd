"""Topic filters of translated site pages stay inside the page's locale."""

import pytest
from wagtail.models import Locale

from glossary.models import Topic
from tests.glossary.i18n.conftest import LANGUAGES, translate, translate_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def i18n(settings):
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES


@pytest.fixture
def german(db):
    return Locale.objects.get_or_create(language_code="de")[0]


def test_a_german_article_index_reads_a_topic_slug_as_the_german_topic(
    rf, home_page, article_index, german
):
    skin = Topic.objects.create(name="Skin", slug="skin")
    haut = translate_topic(skin, german, "Haut", "skin")
    translate(home_page, german)
    german_index = translate(article_index, german)

    assert german_index.topic_from_request(rf.get("/?topic=skin")) == haut
    assert article_index.topic_from_request(rf.get("/?topic=skin")) == skin
