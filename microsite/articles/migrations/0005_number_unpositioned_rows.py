from django.db import migrations

from glossary.migration_helpers import number_unpositioned_rows


def number_rows(apps, schema_editor):
    for name in ("ArticleSource", "ArticleRelatedTerm"):
        number_unpositioned_rows(apps.get_model("articles", name))


class Migration(migrations.Migration):
    """Imported sources and related terms had no positions: store their order."""

    dependencies = [("articles", "0004_glossary_autolinks")]

    operations = [migrations.RunPython(number_rows, migrations.RunPython.noop)]
