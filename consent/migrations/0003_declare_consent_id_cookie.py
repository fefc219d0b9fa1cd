from django.db import migrations

from consent.defaults import create_default_categories


def forwards(apps, schema_editor):
    # Idempotent: adds only the cookies declared since 0002 (consent_id).
    create_default_categories(
        apps.get_model("cookie_consent", "CookieGroup"),
        apps.get_model("cookie_consent", "Cookie"),
        apps.get_model("consent", "CookieDetails"),
    )


class Migration(migrations.Migration):
    dependencies = [("consent", "0002_default_categories")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
