import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('glossary', '0005_source_url_and_pmid_rules'),
        # Not the latest: the Locale table exists since 0053 on every supported Wagtail.
        ('wagtailcore', '0054_initial_locale'),
    ]

    operations = [
        migrations.AddField(
            model_name='topic',
            name='locale',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale'),
        ),
        migrations.AddField(
            model_name='topic',
            name='translation_key',
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AlterField(
            model_name='topic',
            name='name',
            field=models.CharField(help_text="Shown as a filter and on each term, e.g. 'Mental health'.", max_length=80),
        ),
        migrations.AlterField(
            model_name='topic',
            name='slug',
            field=models.SlugField(help_text='Used in web addresses, e.g. /glossary/?topic=mental-health.', max_length=80),
        ),
    ]
