"""Strictly necessary cookies are never deleted, whatever a category declares.

Declarations are checked wherever a cookie is saved (admin, shell, importers); a
row that got past the check anyway (written with ``update()`` or
``bulk_create()``) is reported by ``manage.py check`` and still cannot make the
server delete a session, a CSRF token or the consent cookies.
"""

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.core.checks import Warning as CheckWarning
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from consent import checks, cookie_names
from consent.cleaning import matching_names, names_to_delete

from .test_admin import category_post_data, existing_rows

pytestmark = pytest.mark.django_db

FIXED_NECESSARY = [
    "sessionid",
    "csrftoken",
    "django_language",
    "cookie_consent",
    "cookie_consent_time",
    "consent_id",
]

REFUSED_EVERYWHERE = [
    "*",
    "**",
    "*foo",
    "*_ga",
    "",
    "a b",
    "a;b",
    "a,b",
    "a=b",
    '"quoted"',
    "tab\tname",
    "nul\x00",
    "café",
    "x" * (cookie_names.MAX_NAME_LENGTH + 1),
]

REFUSED_IN_OPTIONAL = [*FIXED_NECESSARY, "s*", "csrf*", "cookie_consent*", "con*"]

ACCEPTED_IN_OPTIONAL = ["_ga", "_ga_*", "_fbp", "demo_analytics_visits", "x*"]


def declare(category, name):
    return Cookie.objects.create(cookiegroup=category, name=name)


def force(category, name):
    """A row written past every check, as an old release or a raw SQL fix could."""
    Cookie.objects.bulk_create([Cookie(cookiegroup=category, name=name)])


@pytest.fixture
def analytics(categories):
    return categories["analytics"]


@pytest.fixture
def necessary(categories):
    return categories["necessary"]


# Declaring, whatever the path: save() runs the same rule as the admin form.


@pytest.mark.parametrize("name", REFUSED_EVERYWHERE)
def test_a_name_that_is_not_a_cookie_name_or_has_no_literal_prefix_is_refused(
    analytics, necessary, name
):
    declared = Cookie.objects.count()
    for category in (analytics, necessary):
        with pytest.raises(ValidationError) as refusal:
            declare(category, name)
        assert "name" in refusal.value.message_dict
    # Counted, not looked up: PostgreSQL refuses a NUL in a query.
    assert Cookie.objects.count() == declared


@pytest.mark.parametrize("name", REFUSED_IN_OPTIONAL)
def test_an_optional_category_cannot_declare_or_cover_a_necessary_cookie(
    analytics, name
):
    with pytest.raises(ValidationError) as refusal:
        declare(analytics, name)
    assert "strictly necessary" in " ".join(refusal.value.message_dict["name"])
    assert not Cookie.objects.filter(cookiegroup=analytics, name=name).exists()


@pytest.mark.parametrize("name", ACCEPTED_IN_OPTIONAL)
def test_ordinary_names_and_prefixed_patterns_are_accepted(analytics, name):
    Cookie.objects.filter(name=name).delete()
    assert declare(analytics, name).pk


def test_a_required_category_may_declare_the_necessary_cookies(categories):
    video = CookieGroup.objects.create(varname="video", is_required=True)
    assert declare(video, "sessionid").pk


def test_a_cookie_declared_as_necessary_is_protected_from_optional_patterns(
    analytics, necessary
):
    declare(necessary, "site_region")
    with pytest.raises(ValidationError):
        declare(analytics, "site_*")


def test_a_necessary_cookie_cannot_be_declared_under_an_optional_pattern(
    necessary,
):
    # analytics declares _ga_*: a necessary _ga_login would be deleted with it.
    with pytest.raises(ValidationError) as refusal:
        declare(necessary, "_ga_login")
    assert "_ga_*" in " ".join(refusal.value.message_dict["name"])


def test_renaming_a_cookie_to_a_necessary_name_is_refused(analytics):
    ga = analytics.cookie_set.get(name="_ga")
    ga.name = "sessionid"
    with pytest.raises(ValidationError):
        ga.save()
    assert analytics.cookie_set.filter(name="_ga").exists()


# The admin form: the same rule, as errors next to the field.


def test_an_editor_sees_why_a_declared_name_is_refused(admin_client, analytics):
    rows = [*existing_rows(analytics), {"name": "*", "storage": "cookie"}]
    rows[-1].update(cookiegroup=analytics.pk, path="/", domain="", description="")
    response = admin_client.post(
        reverse("consent_categories:edit", args=[analytics.pk]),
        category_post_data(analytics, rows),
    )
    assert response.status_code == 200
    assert "Start with the literal part of the name" in response.content.decode()
    assert not analytics.cookie_set.filter(name="*").exists()


# An empty row is the form's spare row, left blank: not a declaration.
@pytest.mark.parametrize(
    "name", [*(n for n in REFUSED_EVERYWHERE if n), *REFUSED_IN_OPTIONAL]
)
def test_the_admin_form_refuses_each_bad_name_with_a_message_and_stores_nothing(
    admin_client, analytics, name
):
    rows = [*existing_rows(analytics), {"name": name, "storage": "cookie"}]
    rows[-1].update(cookiegroup=analytics.pk, path="/", domain="", description="")
    declared = Cookie.objects.count()

    response = admin_client.post(
        reverse("consent_categories:edit", args=[analytics.pk]),
        category_post_data(analytics, rows),
    )

    assert response.status_code == 200
    assert response.context["form"].cookies.forms[-1].errors["name"]
    assert Cookie.objects.count() == declared


@pytest.mark.parametrize("name", ["*", "sessionid", "a;b"])
def test_djangos_own_admin_refuses_a_bad_name_with_a_message(
    admin_client, analytics, name
):
    declared = Cookie.objects.count()

    response = admin_client.post(
        reverse("admin:cookie_consent_cookie_add"),
        {"cookiegroup": analytics.pk, "name": name, "path": "/", "domain": ""},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"]
    assert Cookie.objects.count() == declared


def test_an_editor_cannot_declare_the_session_cookie_as_analytics(
    admin_client, analytics
):
    rows = [*existing_rows(analytics), {"name": "sessionid", "storage": "cookie"}]
    rows[-1].update(cookiegroup=analytics.pk, path="/", domain="", description="")
    response = admin_client.post(
        reverse("consent_categories:edit", args=[analytics.pk]),
        category_post_data(analytics, rows),
    )
    assert response.status_code == 200
    assert "strictly necessary" in response.content.decode()
    assert not analytics.cookie_set.filter(name="sessionid").exists()


def test_the_necessary_category_cannot_be_made_optional_while_it_holds_them(
    admin_client, necessary
):
    # The rule follows the category's state in the same form, not the stored one.
    data = category_post_data(necessary, existing_rows(necessary))
    assert "is_required" not in data

    response = admin_client.post(
        reverse("consent_categories:edit", args=[necessary.pk]), data
    )

    assert response.status_code == 200
    assert "strictly necessary" in response.content.decode()
    necessary.refresh_from_db()
    assert necessary.is_required


# Rows that got past the rule: reported, and harmless at run time.


def test_the_system_check_reports_each_bad_row_by_id_and_name(analytics):
    force(analytics, "*")
    force(analytics, "sessionid")
    bad = Cookie.objects.filter(name__in=["*", "sessionid"], cookiegroup=analytics)

    messages = checks.check_declared_cookies(app_configs=None, databases=None)

    assert [type(m) for m in messages] == [CheckWarning, CheckWarning]
    for cookie in bad:
        assert any(
            f"#{cookie.pk}" in m.msg and repr(cookie.name) in m.msg for m in messages
        )
    assert {m.id for m in messages} == {"consent.W001"}


def test_the_demo_declarations_pass_the_system_check(site_pages):
    assert checks.check_declared_cookies(app_configs=None, databases=None) == []


@pytest.mark.parametrize("declared", ["*", "sessionid", "s*", "session*"])
def test_a_signed_in_superuser_keeps_the_session_whatever_is_declared(
    admin_client, analytics, declared
):
    force(analytics, declared)

    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("declared", ["*", "cookie_consent", "c*"])
def test_a_refusal_is_stored_even_when_a_bad_row_covers_the_consent_cookies(
    site_pages, analytics, declared
):
    force(analytics, declared)
    visitor = Client()
    visitor.post("/cookies/accept/", {"all_groups": "1"})

    response = visitor.post("/cookies/decline/", {"all_groups": "1"})

    for name in ("cookie_consent", "cookie_consent_time", "consent_id"):
        assert response.cookies[name]["max-age"] != 0, name
        assert response.cookies[name].value
    assert "analytics=-1" in response.cookies["cookie_consent"].value


@pytest.mark.parametrize("declared", ["sessionid", "csrftoken"])
def test_declining_never_signs_out_whatever_the_declined_category_names(
    admin_client, site_pages, analytics, declared
):
    # django-cookie-consent's decline deletes each declared name of the category.
    force(analytics, declared)
    admin_client.get(reverse("wagtailadmin_home"))

    response = admin_client.post("/cookies/decline/", {"all_groups": "1"})

    assert response.status_code == 302
    assert declared not in response.cookies
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200


def test_declined_cookies_are_still_deleted_next_to_the_bad_row(site_pages, analytics):
    force(analytics, "*")
    visitor = Client()
    visitor.post("/cookies/decline/", {"all_groups": "1"})
    visitor.cookies["_ga"] = "GA1.1.1"

    response = visitor.get("/cookies/")

    assert response.cookies["_ga"]["max-age"] == 0
    assert "cookie_consent" not in response.cookies


def test_the_browser_is_told_which_names_it_must_never_expire(client, site_pages):
    from consent.templatetags.consent_tags import client_config

    assert set(FIXED_NECESSARY) <= set(client_config()["necessary"])


# Any declared text whatsoever: refused, or harmless.

any_declared_name = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="*sc_ion-d\x00é ;=", max_size=20),
    st.sampled_from(FIXED_NECESSARY).flatmap(
        lambda n: st.integers(0, len(n)).map(lambda i: n[:i] + "*")
    ),
    # 8 KB values, built by repetition: generating them character by character
    # is slow.
    st.tuples(st.text(min_size=1, max_size=8), st.integers(1000, 8200)).map(
        lambda part: (part[0] * part[1])[: part[1]]
    ),
)


@settings(max_examples=400, deadline=None)
@given(declared=any_declared_name)
def test_any_declared_name_is_refused_or_covers_no_necessary_one(declared):
    necessary = cookie_names.necessary_names()
    refused = cookie_names.declaration_errors(declared, required=False, others=())
    assert refused or not matching_names(declared, necessary), declared


@settings(max_examples=200, deadline=None)
@given(
    declared=any_declared_name,
    present=st.lists(st.text(max_size=20), max_size=5),
)
def test_the_cleaner_deletes_only_what_it_may(declared, present):
    necessary = cookie_names.necessary_names()
    deleted = names_to_delete(declared, [*present, *necessary], necessary)
    assert not set(deleted) & necessary
    assert set(deleted) <= set(present)
