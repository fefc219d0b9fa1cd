"""The two admin groups: Editors (content) and Site operators (content and consent).

What each may do is in docs/security.md. Django creates permissions after all
migrations have run (post_migrate), so on a fresh database they do not exist yet
when this runs: create them first, for every app whose permissions are granted.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
SITE_OPERATORS = "Site operators"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
    "wagtaildocs": [
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    ],
}
EDITOR_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "glossary": ["add_topic", "change_topic", "delete_topic", "view_topic"],
    "articles": ["add_author", "change_author", "delete_author", "view_author"],
    # Category names and descriptions, and the banner's texts.
    "cookie_consent": ["change_cookiegroup", "view_cookiegroup"],
    "consent": ["change_bannersettings"],
}
OPERATOR_PERMISSIONS = {
    "cookie_consent": [
        "add_cookiegroup",
        "delete_cookiegroup",
        "add_cookie",
        "change_cookie",
        "delete_cookie",
        "view_cookie",
    ],
    "consent": [
        "manage_gated_scripts",
        "add_cookiedetails",
        "change_cookiedetails",
        "delete_cookiedetails",
        "view_cookiedetails",
    ],
    "consent_records": ["view_consentrecord"],
}
APPS_WITH_PERMISSIONS = [
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "glossary",
    "articles",
    "cookie_consent",
    "consent",
    "consent_records",
]


def create_missing_permissions(apps):
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        # create_permissions skips app configs without models_module, which
        # the migration state's app configs never have.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permissions(apps, by_app):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codenames in by_app.items():
        for codename in codenames:
            found.append(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
    return found


def grant(apps, group, by_app):
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    group.permissions.add(*permissions(apps, by_app))

    root_page = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission
        )

    root_collection = Collection.objects.get(depth=1)
    for permission in permissions(apps, COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    create_missing_permissions(apps)

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    grant(apps, editors, EDITOR_PERMISSIONS)

    operators, _ = Group.objects.get_or_create(name=SITE_OPERATORS)
    grant(apps, operators, EDITOR_PERMISSIONS)
    grant(apps, operators, OPERATOR_PERMISSIONS)


def remove_site_operators(apps, schema_editor):
    # Editors is Wagtail's own group (wagtailcore 0002): it stays.
    apps.get_model("auth", "Group").objects.filter(name=SITE_OPERATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("cookie_consent", "0004_cookie_natural_key"),
        ("consent", "0004_protect_gated_script_category"),
        ("consent_records", "0001_initial"),
        ("glossary", "0001_initial"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_site_operators)]
