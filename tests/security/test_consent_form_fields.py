"""Every field of the consent forms, for every role: a POST that changes only that
field, read back from the database (the field table in permission_matrix)."""

import pytest
from cookie_consent.models import CookieGroup
from wagtail.models import Page, Site

from .consent_forms import banner_form, category_form, gated_script_form
from .permission_matrix import (
    ALLOWED,
    BANNER,
    CATEGORY,
    COOKIE,
    FORM_FIELDS,
    GATED_SCRIPT,
    ROLES,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_declarations(db):
    """This site's declared cookies (the plugin's migration declares no optional
    one): the "Declared cookie" rows need analytics cookies to change."""
    from microsite.demo.consent import declare_example_cookies

    declare_example_cookies()


def without(data, key):
    return {k: v for k, v in data.items() if k != key}


def another_row(data, category):
    i = data["cookies-TOTAL_FORMS"]
    return data | {
        "cookies-TOTAL_FORMS": i + 1,
        f"cookies-{i}-cookiegroup": category.pk,
        f"cookies-{i}-name": "_gid",
        f"cookies-{i}-domain": "",
        f"cookies-{i}-path": "/",
        f"cookies-{i}-description": "Counts visits in one day.",
        f"cookies-{i}-storage": "cookie",
        f"cookies-{i}-duration": "1 day",
        f"cookies-{i}-provider": "Google Analytics",
    }


CATEGORY_CHANGES = {
    "name": lambda d, c: d | {"name": "Measurement"},
    "description": lambda d, c: d | {"description": "We count visits."},
    "varname": lambda d, c: d | {"varname": "measurement"},
    "is_required": lambda d, c: d | {"is_required": "on"},
    "is_deletable": lambda d, c: without(d, "is_deletable"),
    "ordering": lambda d, c: d | {"ordering": c.ordering + 7},
}
COOKIE_CHANGES = {
    "purpose": lambda d, c: d | {"cookies-0-description": "Counts you."},
    "name": lambda d, c: d | {"cookies-0-name": "_ga_renamed"},
    "domain": lambda d, c: d | {"cookies-0-domain": "example.org"},
    "path": lambda d, c: d | {"cookies-0-path": "/glossary/"},
    "storage": lambda d, c: d | {"cookies-0-storage": "local"},
    "duration": lambda d, c: d | {"cookies-0-duration": "10 years"},
    "provider": lambda d, c: d | {"cookies-0-provider": "Someone else"},
    "a new row": another_row,
    "deleting a row": lambda d, c: d | {"cookies-0-DELETE": "on"},
}
BANNER_CHANGES = {
    "policy_page": lambda d, c: d | {"policy_page": Page.objects.get(depth=2).pk},
    "google_consent_mode": lambda d, c: without(d, "google_consent_mode"),
}
SCRIPT_CHANGES = {
    "name": lambda d, c: d | {"name": "Pixel"},
    "category": lambda d, c: (
        d | {"category": CookieGroup.objects.get(varname="marketing").pk}
    ),
    "placement": lambda d, c: d | {"placement": "head"},
    "src": lambda d, c: d | {"src": "https://stats.example.org/c.js", "code": ""},
    "code": lambda d, c: d | {"code": "window.counted = 2;"},
    "enabled": lambda d, c: without(d, "enabled"),
    "safe_on_sensitive_pages": lambda d, c: d | {"safe_on_sensitive_pages": "on"},
}


def form_and_change(form_name, field):
    analytics = CookieGroup.objects.get(varname="analytics")
    if form_name == CATEGORY:
        return category_form(analytics), CATEGORY_CHANGES[field]
    if form_name == COOKIE:
        return category_form(analytics), COOKIE_CHANGES[field]
    if form_name == BANNER:
        site = Site.objects.get(is_default_site=True)
        change = BANNER_CHANGES.get(field, lambda d, c: d | {field: "New wording"})
        return banner_form(site), change
    if form_name == GATED_SCRIPT:
        return gated_script_form(analytics), SCRIPT_CHANGES[field]
    raise AssertionError(form_name)


CELLS = [
    (form_field, role, expected)
    for form_field in FORM_FIELDS
    for role, expected in zip(ROLES, form_field.expected, strict=True)
]


@pytest.mark.parametrize(
    ("form_field", "role", "expected"),
    CELLS,
    ids=[f"{f.form}: {f.field}: {role}" for f, role, _ in CELLS],
)
def test_a_posted_change_is_saved_only_where_the_table_allows(
    client, form_field, role, expected, user_in_role, settings
):
    # The Google Consent Mode box is locked for everyone while the site-wide
    # setting is off (tests/consent/test_admin_wording.py): the table is for a
    # site that uses it.
    settings.CONSENT_GOOGLE_CONSENT_MODE = True
    form, change = form_and_change(form_field.form, form_field.field)
    category = CookieGroup.objects.get(varname="analytics")
    before = form.read()
    if user_in_role(role):
        client.force_login(user_in_role(role))

    response = client.post(form.url, change(form.data, category))

    assert response.status_code in (200, 302)
    assert (form.read() != before) == (expected == ALLOWED), response.content[:3000]


@pytest.mark.parametrize("role", ["Editor", "Site operator", "superuser"])
def test_the_unchanged_form_saves_and_changes_nothing(client, role, user_in_role):
    analytics = CookieGroup.objects.get(varname="analytics")
    form = category_form(analytics)
    before = form.read()
    client.force_login(user_in_role(role))

    response = client.post(form.url, form.data)

    assert response.status_code == 302
    assert form.read() == before
