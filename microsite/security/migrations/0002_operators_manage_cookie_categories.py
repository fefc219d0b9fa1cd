"""Site operators may change what cookie categories do (consent 0006).

Editors keep rewording categories; see docs/security.md. As in 0001, the
permission is created first: Django creates permissions only after all migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SITE_OPERATORS = "Site operators"


def manage_cookie_categories(apps):
    app_config = apps.get_app_config("consent")
    # create_permissions skips app configs without models_module, which the
    # migration state's app configs never have.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="consent", codename="manage_cookie_categories"
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    operators, _ = Group.objects.get_or_create(name=SITE_OPERATORS)
    operators.permissions.add(manage_cookie_categories(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for operators in Group.objects.filter(name=SITE_OPERATORS):
        operators.permissions.remove(manage_cookie_categories(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("site_security", "0001_editor_and_operator_groups"),
        ("consent", "0006_cookie_category_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
