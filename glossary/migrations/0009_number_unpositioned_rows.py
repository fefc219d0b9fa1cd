from django.db import migrations

from glossary.migration_helpers import number_unpositioned_rows


def number_rows(apps, schema_editor):
    for name in ("GlossaryTermSynonym", "GlossaryTermSource", "GlossaryRelatedTerm"):
        number_unpositioned_rows(apps.get_model("glossary", name))


class Migration(migrations.Migration):
    """Imported synonyms and sources had no positions: store the order they have."""

    dependencies = [("glossary", "0008_topic_locale_fields_notnull")]

    operations = [migrations.RunPython(number_rows, migrations.RunPython.noop)]
