import django.db.models.deletion
import glossary.models.validation
import modelsearch.index
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """Clinical review: reviewers, the workflow task and the review stamp on terms.

    The free-text reviewer stays until 0011 has turned it into Reviewer records.
    """

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('glossary', '0010_sensitive_pages'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='glossarytermpage',
            name='has_unreviewed_changes',
            field=models.BooleanField(default=False, editable=False, verbose_name='changes not yet reviewed'),
        ),
        migrations.AddField(
            model_name='glossarytermpage',
            name='reviewed_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision'),
        ),
        migrations.AlterField(
            model_name='glossarytermpage',
            name='last_reviewed',
            field=models.DateField(blank=True, editable=False, help_text='Set when a clinical reviewer approves the page.', null=True, verbose_name='last reviewed'),
        ),
        migrations.CreateModel(
            name='ClinicalReviewTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'Clinical review task',
                'verbose_name_plural': 'Clinical review tasks',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.CreateModel(
            name='Reviewer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text="As readers should see it, e.g. 'Dr Ana Ruiz'.", max_length=200, verbose_name='name')),
                ('credentials', models.CharField(blank=True, help_text="Qualifications and speciality, e.g. 'MD, gastroenterologist'.", max_length=200, verbose_name='credentials')),
                ('registration_body', models.CharField(blank=True, help_text="Optional: the body they are registered with, e.g. 'GMC'.", max_length=200, verbose_name='registration body')),
                ('registration_number', models.CharField(blank=True, max_length=60, verbose_name='registration number')),
                ('bio', models.TextField(blank=True, help_text='Two or three sentences about their background.', max_length=1000, verbose_name='short bio')),
                ('conflicts_of_interest', models.TextField(blank=True, help_text='Funding, employment or shares that touch what they review.', max_length=2000, verbose_name='declared conflicts of interest')),
                ('user', models.OneToOneField(blank=True, help_text="The admin account this reviewer signs in with. Only a linked member of the 'Clinical reviewers' group can approve a clinical review.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='clinical_reviewer', to=settings.AUTH_USER_MODEL, verbose_name='Wagtail user')),
            ],
            options={
                'verbose_name': 'clinical reviewer',
                'verbose_name_plural': 'clinical reviewers',
                'ordering': ['name', 'pk'],
            },
            bases=(glossary.models.validation.RefusesNullCharacters, modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='ClinicalReviewTaskState',
            fields=[
                ('taskstate_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.taskstate')),
                ('reviewer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='reviews', to='glossary.reviewer')),
            ],
            options={
                'verbose_name': 'Clinical review task state',
                'verbose_name_plural': 'Clinical review task states',
            },
            bases=('wagtailcore.taskstate',),
        ),
        migrations.AddField(
            model_name='glossarytermpage',
            name='clinical_reviewer',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='glossary.reviewer', verbose_name='medically reviewed by'),
        ),
    ]
