"""The Editors and Site operators groups the data migration creates."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from wagtail.models import Site

from glossary.models import GlossaryTermPage
from microsite.home.models import HomePage

from .conftest import member_of

pytestmark = pytest.mark.django_db

EDITING = {
    "topic snippets": ("wagtailsnippets_glossary_topic:list", []),
    "author snippets": ("wagtailsnippets_articles_author:list", []),
    "new topic": ("wagtailsnippets_glossary_topic:add", []),
    "cookie categories": ("consent_categories:index", []),
    "banner texts": ("wagtailsettings:edit", ["consent", "bannersettings", "site"]),
    "images": ("wagtailimages:index", []),
    "documents": ("wagtaildocs:index", []),
}
OPERATING = {
    "gated scripts": ("wagtailsnippets_consent_gatedscript:list", []),
    "new gated script": ("wagtailsnippets_consent_gatedscript:add", []),
    "consent records": ("consent_records:report", []),
    "consent report": ("consent_records:dashboard", []),
}


def status_of(client, user, urls) -> dict[str, int]:
    client.force_login(user)
    site_id = Site.objects.get(is_default_site=True).pk
    return {
        name: client.get(
            reverse(url, args=[site_id if a == "site" else a for a in args])
        ).status_code
        for name, (url, args) in urls.items()
    }


def refused(status: int) -> bool:
    # Wagtail answers a missing permission with a redirect to the dashboard.
    return status in (302, 403)


def test_the_migration_creates_both_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Site operators",
    }


def test_an_editor_can_edit_and_publish_pages(client, editor, demo_content):
    term = GlossaryTermPage.objects.get(slug="butyrate")
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[term.pk]))

    assert response.status_code == 200
    permissions = term.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert HomePage.objects.get().permissions_for_user(editor).can_add_subpage()


def test_an_editor_reaches_snippets_consent_texts_and_media(
    client, editor, demo_content
):
    assert status_of(client, editor, EDITING) == dict.fromkeys(EDITING, 200)


def test_an_editor_is_refused_gated_scripts_and_proof_of_consent(
    client, editor, demo_content
):
    statuses = status_of(client, editor, OPERATING)

    assert {name: refused(s) for name, s in statuses.items()} == dict.fromkeys(
        OPERATING, True
    )


def test_an_editor_cannot_manage_gated_scripts_or_see_records(editor):
    assert not editor.has_perm("consent.manage_gated_scripts")
    assert not editor.has_perm("consent_records.view_consentrecord")
    assert not editor.has_perm("cookie_consent.delete_cookiegroup")


def test_a_site_operator_reaches_everything_an_editor_does_and_consent_operations(
    client, site_operator, demo_content
):
    urls = EDITING | OPERATING

    assert status_of(client, site_operator, urls) == dict.fromkeys(urls, 200)


def test_a_site_operator_can_publish_pages(site_operator, demo_content):
    home = HomePage.objects.get()

    assert home.permissions_for_user(site_operator).can_publish()


def test_an_admin_user_in_no_group_reaches_none_of_it(client, demo_content):
    nobody = member_of("Moderators", "moderator")

    statuses = status_of(client, nobody, OPERATING)

    assert all(refused(s) for s in statuses.values())


def test_running_the_group_migration_again_changes_nothing():
    migration = importlib.import_module(
        "microsite.security.migrations.0001_editor_and_operator_groups"
    )
    state_apps = MigrationLoader(connection).project_state().apps
    before = {
        g.name: (
            set(g.permissions.values_list("codename", flat=True)),
            g.page_permissions.count(),
            g.collection_permissions.count(),
        )
        for g in Group.objects.all()
    }

    migration.create_groups(state_apps, schema_editor=None)

    after = {
        g.name: (
            set(g.permissions.values_list("codename", flat=True)),
            g.page_permissions.count(),
            g.collection_permissions.count(),
        )
        for g in Group.objects.all()
    }
    assert after == before
    assert "manage_gated_scripts" in after["Site operators"][0]
    assert "manage_gated_scripts" not in after["Editors"][0]


def test_site_operators_may_change_what_categories_do_and_editors_may_not(
    editor, site_operator
):
    assert site_operator.has_perm("consent.manage_cookie_categories")
    assert not editor.has_perm("consent.manage_cookie_categories")


def test_the_group_editor_offers_the_category_permission(client, superuser):
    client.force_login(superuser)
    editors = Group.objects.get(name="Editors")

    response = client.get(reverse("wagtailusers_groups:edit", args=[editors.pk]))

    assert "Can change what cookie categories do" in response.content.decode()
