"""The plugins install on Wagtail 7.4 LTS as on 8.0 (docs: "Supported versions")."""

from pathlib import Path

import pytest
import wagtail
from cookie_consent.models import CookieGroup
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader

from consent.compat import VIEWSETS_CARRY_POLICIES
from consent.models import CookieCategory, GatedScript
from consent.policies import category_policy, gated_script_policy

PLUGIN_APPS = ["glossary", "consent", "consent_records"]
# The last wagtailcore migration Wagtail 7.4 ships; 8.0 adds 0098_apitoken.
LAST_WAGTAILCORE_MIGRATION_IN_7_4 = 97
ON_WAGTAIL_8 = wagtail.VERSION >= (8, 0)


def plugin_migration_files():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app, name), migration in loader.disk_migrations.items():
        if app in PLUGIN_APPS:
            module = __import__(migration.__module__, fromlist=["_"])
            yield f"{app}.{name}", Path(module.__file__)


def test_no_plugin_migration_needs_a_wagtailcore_migration_newer_than_7_4():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    too_new = {
        f"{app}.{leaf}": sorted(
            name
            for dep_app, name in graph.forwards_plan((app, leaf))
            if dep_app == "wagtailcore"
            and int(name[:4]) > LAST_WAGTAILCORE_MIGRATION_IN_7_4
        )
        for app in PLUGIN_APPS
        for _, leaf in graph.leaf_nodes(app)
    }
    assert {node: names for node, names in too_new.items() if names} == {}


def test_no_plugin_migration_names_wagtail_8s_page_model_setting():
    # Wagtail 7.4 has no WAGTAIL_PAGE_MODEL: settings.WAGTAIL_PAGE_MODEL raises there.
    # makemigrations on 8.0 writes it for any foreign key to Page: replace it with
    # 'wagtailcore.page' (notes in docs/consent.md, "Supported versions").
    offenders = [
        name
        for name, path in plugin_migration_files()
        if "WAGTAIL_PAGE_MODEL" in path.read_text()
    ]
    assert offenders == []


@pytest.mark.django_db
def test_the_plugin_models_need_no_new_migration_on_this_wagtail(capsys):
    # Run on 7.4 and 8.0: fields Wagtail defines (StreamField, RichTextField...)
    # must describe themselves the same on both.
    call_command("makemigrations", *PLUGIN_APPS, check=True, dry_run=True)

    assert "No changes detected" in capsys.readouterr().out


def test_plugin_migrations_are_found():
    names = [name for name, _ in plugin_migration_files()]
    assert "glossary.0001_initial" in names
    assert "consent.0001_initial" in names


def test_the_consent_policies_reach_the_admin_the_way_this_wagtail_offers():
    """Wagtail 8.0 has a policy registry; on 7.4 the viewsets carry the policies."""
    from consent.choosers import GatedScriptChooserViewSet
    from consent.viewsets import CategoryViewSet, GatedScriptViewSet

    assert VIEWSETS_CARRY_POLICIES is not ON_WAGTAIL_8
    if ON_WAGTAIL_8:
        from wagtail.permissions import policy_registry

        assert policy_registry.get_by_type(GatedScript) is gated_script_policy
        assert policy_registry.get_by_type(CookieGroup) is category_policy
        assert policy_registry.get_by_type(CookieCategory) is category_policy
        # Setting one on a viewset is deprecated in 8.0 (RemovedInWagtail90Warning).
        assert "permission_policy" not in vars(CategoryViewSet)
        assert "permission_policy" not in vars(GatedScriptViewSet)
    else:
        assert CategoryViewSet.permission_policy is category_policy
        assert GatedScriptViewSet.permission_policy is gated_script_policy
        assert GatedScriptChooserViewSet.permission_policy is gated_script_policy
