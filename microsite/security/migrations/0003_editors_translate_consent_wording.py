"""Editors translate the banner's and the categories' wording (consent 0009).

What visitors read is an Editor's work in every language, as it is in the default
one; deleting a language's wording (its readers then see the default language's)
stays with Site operators. See docs/security.md. As in 0002, the permissions are
created first: Django creates permissions only after all migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
SITE_OPERATORS = "Site operators"
MODELS = ["categorywording", "bannerwording"]
EDITOR_ACTIONS = ["add", "change", "view"]
OPERATOR_ACTIONS = ["delete"]


def permissions(apps, actions):
    app_config = apps.get_app_config("consent")
    # create_permissions skips app configs without models_module, which the
    # migration state's app configs never have.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="consent",
        codename__in=[f"{action}_{model}" for action in actions for model in MODELS],
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    operators, _ = Group.objects.get_or_create(name=SITE_OPERATORS)
    editors.permissions.add(*permissions(apps, EDITOR_ACTIONS))
    operators.permissions.add(*permissions(apps, EDITOR_ACTIONS + OPERATOR_ACTIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    every = permissions(apps, EDITOR_ACTIONS + OPERATOR_ACTIONS)
    for group in Group.objects.filter(name__in=[EDITORS, SITE_OPERATORS]):
        group.permissions.remove(*every)


class Migration(migrations.Migration):
    dependencies = [
        ("site_security", "0002_operators_manage_cookie_categories"),
        ("consent", "0009_translatable_wordings"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
