"""Give every existing topic the default locale and a translation key of its own.

Step two of Wagtail's "Adding TranslatableMixin to an existing model"; written out
rather than ``BootstrapTranslatableModel`` so that a database without topics needs
no locale, and one whose default locale row is missing gets it created.
"""

import uuid

from django.conf import settings
from django.db import migrations


def default_locale(apps):
    from wagtail.coreutils import get_supported_content_language_variant

    Locale = apps.get_model("wagtailcore", "Locale")
    language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    return locale


def populate(apps, schema_editor):
    Topic = apps.get_model("glossary", "Topic")
    untranslated = Topic.objects.filter(locale__isnull=True)
    if not untranslated.exists():
        return
    locale = default_locale(apps)
    for topic in untranslated.only("pk"):
        Topic.objects.filter(pk=topic.pk).update(
            locale=locale, translation_key=uuid.uuid4()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0006_topic_locale_fields"),
    ]

    operations = [
        migrations.RunPython(populate, migrations.RunPython.noop),
    ]
