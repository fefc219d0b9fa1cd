"""Today's texts become the default locale's wording, losing nothing.

Each category's name and description, each declared cookie's purpose and each
site's banner texts (with their texts revision and fingerprint, so no visitor is
asked again) are copied into default-locale rows; every gated script gets a
translation key and the default locale.
"""

import uuid

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant

BANNER_TEXTS = (
    "title",
    "message",
    "accept_label",
    "reject_label",
    "customise_label",
    "save_label",
    "texts_revision",
    "texts_hash",
)


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=code)[0]


def forwards(apps, schema_editor):
    locale = default_locale(apps)
    CookieGroup = apps.get_model("cookie_consent", "CookieGroup")
    CategoryWording = apps.get_model("consent", "CategoryWording")
    CookiePurpose = apps.get_model("consent", "CookiePurpose")
    BannerSettings = apps.get_model("consent", "BannerSettings")
    BannerWording = apps.get_model("consent", "BannerWording")
    GatedScript = apps.get_model("consent", "GatedScript")

    for group in CookieGroup.objects.all():
        wording = CategoryWording.objects.create(
            category=group,
            locale=locale,
            translation_key=uuid.uuid4(),
            name=group.name,
            description=group.description,
        )
        for order, cookie in enumerate(group.cookie_set.order_by("name", "pk")):
            CookiePurpose.objects.create(
                wording=wording,
                cookie=cookie,
                locale=locale,
                translation_key=uuid.uuid4(),
                sort_order=order,
                purpose=cookie.description,
            )
    for banner in BannerSettings.objects.all():
        BannerWording.objects.create(
            site_id=banner.site_id,
            locale=locale,
            translation_key=uuid.uuid4(),
            **{name: getattr(banner, name) for name in BANNER_TEXTS},
        )
    for script in GatedScript.objects.filter(translation_key__isnull=True):
        script.translation_key = uuid.uuid4()
        script.locale = locale
        # update_fields: the script's updated_at (its version) stays as it was.
        script.save(update_fields=["translation_key", "locale"])


def backwards(apps, schema_editor):
    # The texts are still on the categories, cookies and banner settings.
    apps.get_model("consent", "CategoryWording").objects.all().delete()
    apps.get_model("consent", "BannerWording").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0009_translatable_wordings"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
