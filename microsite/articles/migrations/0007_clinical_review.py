import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The review stamp on articles; the Author reviewer stays until 0007."""

    dependencies = [
        ('articles', '0006_sensitive_pages'),
        ('glossary', '0011_clinical_review'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='articlepage',
            name='clinical_reviewer',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='glossary.reviewer', verbose_name='medically reviewed by'),
        ),
        migrations.AddField(
            model_name='articlepage',
            name='has_unreviewed_changes',
            field=models.BooleanField(default=False, editable=False, verbose_name='changes not yet reviewed'),
        ),
        migrations.AddField(
            model_name='articlepage',
            name='reviewed_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision'),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='last_reviewed',
            field=models.DateField(blank=True, editable=False, help_text='Set when a clinical reviewer approves the page.', null=True, verbose_name='last reviewed'),
        ),
    ]
