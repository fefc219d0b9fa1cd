"""Migrations 0009-0011 on a database that already has categories, cookies, banner
settings and gated scripts: every text reaches a default-locale row, and each
existing script gets its own translation key."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("consent", "0008_banner_message_says_what_each_choice_means")]
AFTER = [("consent", "0011_gated_scripts_translatable")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest_migrations():
    """Later tests share the database: leave it with every migration applied
    (migrations after 0011 add columns those tests use)."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_migrations")
def test_existing_texts_and_scripts_survive_the_move_to_wordings(site_root):
    old = migrate(BEFORE)
    CookieGroup = old.get_model("cookie_consent", "CookieGroup")
    group = CookieGroup.objects.create(
        varname="stats", name="Statistics", description="Counts visits."
    )
    cookie = old.get_model("cookie_consent", "Cookie").objects.create(
        cookiegroup=group, name="_count", description="Counts one visit."
    )
    old.get_model("consent", "BannerSettings").objects.create(
        site_id=site_root.get_site().pk,
        title="Our cookies",
        message="A message an operator wrote.",
        texts_revision=7,
        texts_hash="f" * 64,
    )
    GatedScript = old.get_model("consent", "GatedScript")
    for name in ["One", "Two"]:
        GatedScript.objects.create(name=name, category=group, src="https://x.invalid/")

    new = migrate(AFTER)

    Locale = new.get_model("wagtailcore", "Locale")
    default = Locale.objects.get(language_code="en-gb")
    wording = new.get_model("consent", "CategoryWording").objects.get(
        category_id=group.pk
    )
    assert (wording.locale_id, wording.name, wording.description) == (
        default.pk,
        "Statistics",
        "Counts visits.",
    )
    purpose = new.get_model("consent", "CookiePurpose").objects.get(cookie_id=cookie.pk)
    assert (purpose.wording_id, purpose.purpose) == (wording.pk, "Counts one visit.")
    banner = new.get_model("consent", "BannerWording").objects.get()
    assert (banner.title, banner.message, banner.accept_label) == (
        "Our cookies",
        "A message an operator wrote.",
        "Accept all",
    )
    assert (banner.texts_revision, banner.texts_hash) == (7, "f" * 64)
    scripts = new.get_model("consent", "GatedScript").objects.all()
    assert {s.locale_id for s in scripts} == {default.pk}
    assert len({s.translation_key for s in scripts}) == 2
