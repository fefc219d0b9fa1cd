import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("glossary", "0001_initial")]
AFTER = [("glossary", "0004_sort_title")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def make_old_term(apps, title, number, synonyms=()):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    GlossaryTermPage = apps.get_model("glossary", "GlossaryTermPage")
    GlossaryTermSynonym = apps.get_model("glossary", "GlossaryTermSynonym")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="glossary", model="glossarytermpage"
    )
    term = GlossaryTermPage.objects.create(
        title=title,
        draft_title=title,
        slug=f"term-{number}",
        path=f"9999{number:04d}",
        depth=2,
        numchild=0,
        url_path=f"/term-{number}/",
        content_type=content_type,
        locale=Locale.objects.get_or_create(language_code="en-gb")[0],
        translation_key=uuid.uuid4(),
        definition="Written before the migration.",
        origin="<p>Old.</p>",
        mechanism="<p>Old.</p>",
    )
    for name in synonyms:
        GlossaryTermSynonym.objects.create(page=term, name=name)
    return term


def test_migrating_keeps_related_terms_and_fills_the_new_columns():
    old_apps = migrate(BEFORE)
    try:
        zinc = make_old_term(old_apps, "zinc", 1)
        acetate = make_old_term(old_apps, "Acetate", 2)
        fibre = make_old_term(old_apps, "Fibre", 3, synonyms=["roughage", "bulk"])
        Through = old_apps.get_model(
            "glossary", "GlossaryTermPage"
        ).related_terms.through
        for other in (zinc, acetate):
            Through.objects.create(
                from_glossarytermpage_id=fibre.pk, to_glossarytermpage_id=other.pk
            )

        new_apps = migrate(AFTER)
        Term = new_apps.get_model("glossary", "GlossaryTermPage")
        Link = new_apps.get_model("glossary", "GlossaryRelatedTerm")

        links = Link.objects.filter(page_id=fibre.pk).order_by("sort_order")
        assert sorted(link.term_id for link in links) == sorted([zinc.pk, acetate.pk])
        letters = dict(Term.objects.values_list("title", "first_letter"))
        assert letters == {"zinc": "Z", "Acetate": "A", "Fibre": "F"}
        assert Term.objects.get(pk=fibre.pk).synonyms_text == "roughage\nbulk"
        sort_titles = dict(Term.objects.values_list("title", "sort_title"))
        assert sort_titles == {"zinc": "zinc", "Acetate": "acetate", "Fibre": "fibre"}

        back_apps = migrate(BEFORE)
        OldTerm = back_apps.get_model("glossary", "GlossaryTermPage")
        restored = OldTerm.related_terms.through.objects.filter(
            from_glossarytermpage_id=fibre.pk
        ).values_list("to_glossarytermpage_id", flat=True)
        assert sorted(restored) == sorted([zinc.pk, acetate.pk])
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
