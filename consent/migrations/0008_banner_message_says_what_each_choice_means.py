"""The default banner message says what each choice means and mentions advertising.

Sites still showing the old default get the new one; a message an operator wrote is
left alone. The new wording starts a new texts revision, so visitors who agreed to
the old one (which never said that "Accept all" allows advertising) are asked again.
"""

from django.db import migrations, models

import consent.models
from consent.fingerprint import texts_fingerprint

OLD_MESSAGE = (
    "We use strictly necessary cookies to make this site work. With your "
    "permission we would also like to measure how the site is used and "
    "remember your preferences. Nothing optional is set until you choose."
)
NEW_MESSAGE = (
    "We use strictly necessary cookies to make this site work. “Accept all” also "
    "allows analytics, personalisation and marketing (advertising) cookies. "
    "“Reject all” keeps only the necessary ones. “Customise” lets you choose each "
    "category."
)


def live_policy_text(page_id):
    # The fingerprint covers the policy page's own text fields, which only the
    # page's real (specific) model knows.
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first() if page_id else None
    return consent.models.policy_text(page)


def fingerprint(banner):
    texts = [
        banner.title,
        banner.message,
        banner.accept_label,
        banner.reject_label,
        banner.customise_label,
        banner.save_label,
    ]
    return texts_fingerprint(*texts, live_policy_text(banner.policy_page_id))


def replace_old_default(apps, schema_editor, old, new):
    BannerSettings = apps.get_model("consent", "BannerSettings")
    for banner in BannerSettings.objects.filter(message=old):
        banner.message = new
        banner.texts_revision += 1
        banner.texts_hash = fingerprint(banner)
        banner.save(update_fields=["message", "texts_revision", "texts_hash"])


def forwards(apps, schema_editor):
    replace_old_default(apps, schema_editor, OLD_MESSAGE, NEW_MESSAGE)


def backwards(apps, schema_editor):
    replace_old_default(apps, schema_editor, NEW_MESSAGE, OLD_MESSAGE)


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0007_plain_admin_wording"),
    ]

    operations = [
        migrations.AlterField(
            model_name="bannersettings",
            name="message",
            field=models.TextField(
                default=NEW_MESSAGE,
                help_text="Saving new wording asks every visitor to choose again.",
                verbose_name="message",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
