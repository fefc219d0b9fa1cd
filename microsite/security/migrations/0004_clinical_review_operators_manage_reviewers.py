"""Site operators manage the clinical reviewers (glossary 0010).

A Reviewer record links a reviewer to an admin account, which with membership
of "Clinical reviewers" lets that account approve clinical reviews: it is an
operator's decision, not an Editor's. Editors see the reviewers on the pages, in
the report and the dashboard, not in the snippet. See docs/security.md.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SITE_OPERATORS = "Site operators"
ACTIONS = ["add", "change", "delete", "view"]


def permissions(apps):
    app_config = apps.get_app_config("glossary")
    # create_permissions skips app configs without models_module, which the
    # migration state's app configs never have.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="glossary",
        codename__in=[f"{action}_reviewer" for action in ACTIONS],
    )


def grant(apps, schema_editor):
    operators, _ = apps.get_model("auth", "Group").objects.get_or_create(
        name=SITE_OPERATORS
    )
    operators.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SITE_OPERATORS):
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("site_security", "0003_editors_translate_consent_wording"),
        ("glossary", "0011_clinical_review"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
