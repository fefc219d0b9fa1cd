from django.db import migrations

from consent.defaults import create_default_categories


def forwards(apps, schema_editor):
    # Until 0.1.0 this also declared one site's example cookies (_ga, _fbp…);
    # databases migrated then keep them, fresh installs get none.
    create_default_categories(
        apps.get_model("cookie_consent", "CookieGroup"),
        apps.get_model("cookie_consent", "Cookie"),
        apps.get_model("consent", "CookieDetails"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0001_initial"),
        ("cookie_consent", "0004_cookie_natural_key"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
