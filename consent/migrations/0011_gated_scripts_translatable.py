"""Every gated script now has a translation key and a locale (0010): require them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0010_wordings_from_current_texts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="gatedscript",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="gatedscript",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="gatedscript",
            unique_together={("translation_key", "locale")},
        ),
    ]
