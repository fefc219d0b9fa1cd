import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Reminders sent, so that each review window is reminded once."""

    dependencies = [
        ('glossary', '0013_clinical_review_free_text_removed'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='ReviewReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('due_on', models.DateField()),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.page')),
                ('reviewer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='glossary.reviewer')),
            ],
            options={
                'verbose_name': 'clinical review reminder',
                'constraints': [models.UniqueConstraint(fields=('reviewer', 'page', 'due_on'), name='glossary_one_reminder_per_review_window')],
            },
        ),
    ]
