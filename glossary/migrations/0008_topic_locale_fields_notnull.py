import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('glossary', '0007_topic_locale_fields_populate'),
        ('wagtailcore', '0054_initial_locale'),
    ]

    operations = [
        migrations.AlterField(
            model_name='topic',
            name='locale',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
        migrations.AlterField(
            model_name='topic',
            name='translation_key',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name='topic',
            unique_together={('locale', 'name'), ('locale', 'slug'), ('translation_key', 'locale')},
        ),
    ]
