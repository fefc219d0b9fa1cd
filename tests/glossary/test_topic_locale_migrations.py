"""Topics made before they were translatable get the default locale on migrate."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("glossary", "0005_source_url_and_pmid_rules")]
AFTER = [("glossary", "0008_topic_locale_fields_notnull")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_topics_get_the_default_locale_and_a_key_each(settings):
    settings.LANGUAGE_CODE = "en-gb"
    old_apps = migrate(BEFORE)
    try:
        OldTopic = old_apps.get_model("glossary", "Topic")
        skin = OldTopic.objects.create(name="Skin", slug="skin")
        mood = OldTopic.objects.create(name="Mood", slug="mood")

        new_apps = migrate(AFTER)
        Topic = new_apps.get_model("glossary", "Topic")
        topics = {
            topic.slug: topic
            for topic in Topic.objects.select_related("locale").order_by("pk")
        }
        assert {topic.locale.language_code for topic in topics.values()} == {"en-gb"}
        assert topics["skin"].translation_key != topics["mood"].translation_key
        assert {topics["skin"].pk, topics["mood"].pk} == {skin.pk, mood.pk}

        migrate(BEFORE)
        assert OldTopic.objects.filter(slug="skin").exists()
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
