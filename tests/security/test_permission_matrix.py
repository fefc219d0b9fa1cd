"""Every admin URL the plugins add, for every role: the table in permission_matrix."""

from pathlib import Path

import pytest
from cookie_consent.models import CookieGroup
from django.urls import URLResolver, get_resolver, reverse
from wagtail.models import Locale, Site

from consent.models import BannerSettings, GatedScript
from consent.wordings import BannerWording, CategoryWording
from glossary.models import Reviewer, Topic
from microsite.articles.models import Author

from .permission_matrix import (
    ABSENT,
    ADMIN_URLS,
    ALLOWED,
    LOGIN,
    REFUSED,
    ROLES,
    field_table,
    url_table,
)

pytestmark = pytest.mark.django_db

SECURITY_DOC = Path(__file__).parents[2] / "docs" / "security.md"


def term_in_review():
    """A term waiting for clinical review: its page and its task state."""
    from django.contrib.auth.models import User

    from tests.glossary.factories import (
        GlossaryIndexPageFactory,
        GlossaryTermPageFactory,
    )

    home = Site.objects.get(is_default_site=True).root_page
    glossary = GlossaryIndexPageFactory(parent=home)
    term = GlossaryTermPageFactory(parent=glossary, title="Butyrate")
    term.save_revision()
    requester = User.objects.create_user("requester")
    state = term.get_workflow().start(term, requester)
    return term.pk, state.current_task_state.pk


@pytest.fixture
def targets():
    """The primary key each URL names, by the name the table gives its object."""
    analytics = CookieGroup.objects.get(varname="analytics")
    site = Site.objects.get(is_default_site=True)
    BannerSettings.for_site(site).save()
    return {
        "category": analytics.pk,
        "script": GatedScript.objects.create(
            name="Counter", category=analytics, code="window.counted = 1;"
        ).pk,
        "topic": Topic.objects.create(name="Skin", slug="skin").pk,
        "author": Author.objects.create(name="Dr Hannah Price", bio="Dietitian.").pk,
        "reviewer": Reviewer.objects.create(name="Dr Ana Ruiz", credentials="MD").pk,
        "review": term_in_review(),
        "banner": site.pk,
        "category wording": CategoryWording.objects.get_or_create(
            category=analytics,
            locale=Locale.get_default(),
            defaults={"name": analytics.name},
        )[0].pk,
        # Saving the banner settings writes their default-language wording.
        "banner wording": BannerWording.objects.get(
            site=BannerSettings.for_site(site).site, locale=Locale.get_default()
        ).pk,
    }


def address(url, targets):
    if url.url_name == "wagtailsettings:edit":
        args = ["consent", "bannersettings", targets[url.target]]
    elif url.url_name == "wagtailadmin_pages:workflow_action":
        page_id, task_state_id = targets[url.target]
        args = [page_id, "approve", task_state_id]
    else:
        args = [targets[url.target]] if url.target else []
    query = url.query.format(**targets)
    return reverse(url.url_name, args=args) + (f"?{query}" if query else "")


def outcome(response, admin_home, login) -> str:
    if response.status_code == 200:
        return ALLOWED
    if response.status_code == 404:
        return ABSENT
    if response.status_code == 302 and response["Location"].startswith(login):
        return LOGIN
    if response.status_code == 302 and response["Location"] == admin_home:
        return REFUSED
    return f"{response.status_code} {response.get('Location', '')}"


@pytest.mark.parametrize(
    "url", ADMIN_URLS, ids=[f"{u.area}: {u.view}" for u in ADMIN_URLS]
)
def test_each_role_gets_what_the_table_says(client, url, targets, user_in_role):
    answers = {}
    for role in ROLES:
        client.logout()
        if user_in_role(role):
            client.force_login(user_in_role(role))
        send = client.post if url.method == "POST" else client.get
        response = send(address(url, targets))
        answers[role] = outcome(
            response, reverse("wagtailadmin_home"), reverse("wagtailadmin_login")
        )

    assert answers == dict(zip(ROLES, url.expected, strict=True))


def test_the_chooser_refuses_an_editor_with_403_when_asked_by_xhr(
    client, editor, targets
):
    client.force_login(editor)
    chooser = reverse("wagtailsnippetchoosers_consent_gatedscript:choose")

    response = client.get(chooser, headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code == 403
    assert b"Counter" not in response.content


def test_docs_show_the_same_tables():
    doc = SECURITY_DOC.read_text()

    assert url_table() in doc
    assert field_table() in doc


# The admin areas of the plugins (and the articles' authors): every URL Wagtail
# registers for them must be in the table, so a new snippet or view cannot arrive
# without its row (the wording snippets' choosers answered a POST with a 500).
PLUGIN_URL_PREFIXES = (
    "wagtailsnippets_consent_",
    "wagtailsnippetchoosers_consent_",
    "wagtailsnippets_glossary_",
    "wagtailsnippetchoosers_glossary_",
    "wagtailsnippets_articles_",
    "wagtailsnippetchoosers_articles_",
    "consent_categories:",
    "consent_records:",
    "glossary_review:",
)


def registered_url_names(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from registered_url_names(pattern, namespace)
        elif pattern.name:
            yield prefix + pattern.name


def test_the_table_has_every_admin_url_the_plugins_register():
    registered = {
        name
        for name in registered_url_names(get_resolver())
        if name.startswith(PLUGIN_URL_PREFIXES)
    }
    assert registered - {url.url_name for url in ADMIN_URLS} == set()
