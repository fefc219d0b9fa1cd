from django.db import migrations


class Migration(migrations.Migration):
    """Article reviewers now live in Reviewer records (0007)."""

    dependencies = [("articles", "0008_clinical_review_data")]

    operations = [
        migrations.RemoveField(model_name="articlepage", name="reviewer"),
    ]
