from django.db import migrations, models

from glossary.letters import sort_key


def store_sort_titles(apps, schema_editor):
    GlossaryTermPage = apps.get_model("glossary", "GlossaryTermPage")
    terms = list(GlossaryTermPage.objects.only("title"))
    for term in terms:
        term.sort_title = sort_key(term.title)
    GlossaryTermPage.objects.bulk_update(terms, ["sort_title"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0003_synonyms_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="glossarytermpage",
            name="sort_title",
            field=models.CharField(
                db_index=True,
                default="",
                editable=False,
                help_text="The title as the A–Z sorts it; set from the title on save.",
                max_length=255,
            ),
        ),
        migrations.RunPython(store_sort_titles, migrations.RunPython.noop),
    ]
