"""Every admin URL the plugins add, for every role: the table in permission_matrix."""

from pathlib import Path

import pytest
from cookie_consent.models import CookieGroup
from django.urls import reverse
from wagtail.models import Site

from consent.models import GatedScript
from glossary.models import Topic
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


@pytest.fixture
def targets():
    """The primary key each URL names, by the name the table gives its object."""
    analytics = CookieGroup.objects.get(varname="analytics")
    return {
        "category": analytics.pk,
        "script": GatedScript.objects.create(
            name="Counter", category=analytics, code="window.counted = 1;"
        ).pk,
        "topic": Topic.objects.create(name="Skin", slug="skin").pk,
        "author": Author.objects.create(name="Dr Hannah Price", bio="Dietitian.").pk,
        "banner": Site.objects.get(is_default_site=True).pk,
    }


def address(url, targets):
    if url.url_name == "wagtailsettings:edit":
        args = ["consent", "bannersettings", targets[url.target]]
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
