from django.db import migrations


class Migration(migrations.Migration):
    """The free-text reviewer now lives in Reviewer records (0011)."""

    dependencies = [("glossary", "0012_clinical_review_data")]

    operations = [
        migrations.RemoveField(model_name="glossarytermpage", name="reviewed_by"),
    ]
