"""What the banner tells visitors and where its policy link leads."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from wagtail.models import Site

from consent.models import BannerSettings
from microsite.demo import cookie_policy
from microsite.home.models import InformationPage

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "consent.migrations.0008_banner_message_says_what_each_choice_means"
)


def banner_section(html):
    start = html.index('<section id="consent-banner"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def policy_page(site_pages):
    cookie_policy.build(StringIO())
    return InformationPage.objects.get(slug="cookie-policy")


def test_the_default_banner_says_what_each_choice_means(client, site_pages):
    banner = banner_section(client.get("/").content.decode())

    assert (
        "“Accept all” also allows analytics, personalisation and marketing "
        "(advertising) cookies."
    ) in banner
    assert "“Reject all” keeps only the necessary ones." in banner
    assert "“Customise” lets you choose each category." in banner


def test_without_a_policy_page_the_banner_links_the_cookie_settings_page(
    client, site_pages
):
    banner = banner_section(client.get("/").content.decode())

    assert '<a href="/cookies/" class="consent-policy-link">' in banner


def test_the_banner_and_the_footer_link_the_chosen_policy_page(client, policy_page):
    html = client.get("/").content.decode()

    assert '<a href="/cookie-policy/" class="consent-policy-link">' in (
        banner_section(html)
    )
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/cookie-policy/">Cookie policy</a>' in footer


def test_an_unpublished_policy_page_is_never_linked(client, policy_page):
    policy_page.unpublish()

    banner = banner_section(client.get("/").content.decode())

    assert '<a href="/cookies/" class="consent-policy-link">' in banner


def test_the_demo_policy_page_explains_and_lists_every_cookie(client, policy_page):
    html = client.get("/cookie-policy/").content.decode()

    for heading in [
        "Who we are",
        "What cookies are",
        "Changing or withdrawing your choice",
        "How long we keep your choices",
    ]:
        assert f">{heading}</h2>" in html
    for cookie in ["cookie_consent", "_ga", "reading_preferences", "_fbp"]:
        assert f"<code>{cookie}</code>" in html


def test_building_the_demo_policy_twice_changes_nothing(policy_page):
    banner = BannerSettings.objects.get()
    revisions = policy_page.revisions.count()

    cookie_policy.build(StringIO())

    assert InformationPage.objects.count() == 1
    assert policy_page.revisions.count() == revisions
    assert BannerSettings.objects.get().texts_revision == banner.texts_revision


def test_the_policy_page_type_lives_only_under_the_home_page():
    assert InformationPage.parent_page_types == ["home.HomePage"]
    assert InformationPage.subpage_types == []


def saved_banner(message, policy_page=None):
    site = Site.objects.get(is_default_site=True)
    banner = BannerSettings(site=site, message=message, policy_page=policy_page)
    banner.save()
    return banner


def test_the_migration_gives_a_never_edited_message_the_new_wording(policy_page):
    BannerSettings.objects.all().delete()
    old = saved_banner(migration.OLD_MESSAGE, policy_page)

    migration.forwards(apps, None)

    new = BannerSettings.objects.get()
    assert new.message == migration.NEW_MESSAGE == BannerSettings().message
    # Visitors who agreed to the wording without advertising are asked again.
    assert new.texts_revision == old.texts_revision + 1
    assert new.texts_hash == new.fingerprint()


def test_the_migration_leaves_an_operators_message_alone(site_pages):
    own = saved_banner("We use cookies for statistics and for adverts.")

    migration.forwards(apps, None)

    kept = BannerSettings.objects.get()
    assert kept.message == own.message
    assert (kept.texts_revision, kept.texts_hash) == (1, own.texts_hash)


INFORMATION_PAGE_QUERY_BUDGET = 12


def test_the_policy_page_stays_within_its_query_budget(
    client, policy_page, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False  # measure rendering, not the page cache
    client.get("/cookie-policy/")  # warm per-process caches (site root paths…)
    with django_assert_max_num_queries(INFORMATION_PAGE_QUERY_BUDGET):
        response = client.get("/cookie-policy/")
    assert response.status_code == 200
    assert response.context is not None, "served from a cache, not rendered"
