"""Crafted category-form POSTs: hostile values for every key the form and its
declared-cookie rows read, from each role that may open the form."""

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .consent_forms import category_form

pytestmark = pytest.mark.django_db

BEHAVIOUR_KEYS = ["is_required", "is_deletable", "ordering", "varname"]
ROW_KEYS = ["id", "cookiegroup", "name", "domain", "path", "storage"]
ROW_KEYS += ["duration", "provider", "description", "DELETE"]
MANAGEMENT_KEYS = ["cookies-TOTAL_FORMS", "cookies-INITIAL_FORMS"]

hostile_text = st.one_of(
    st.sampled_from(["on", "off", "", "0", "1", "-1", "²", "١٢", "9" * 30, "*"]),
    st.sampled_from(["sessionid", "csrftoken", "cookie_consent", "necessary"]),
    st.integers(-(2**63), 2**63).map(str),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.text(max_size=1).map(lambda c: c * 8192),
)
keys = st.sampled_from(
    BEHAVIOUR_KEYS
    + MANAGEMENT_KEYS
    + [f"cookies-{row}-{key}" for row in range(4) for key in ROW_KEYS]
)
crafted = st.dictionaries(keys, hostile_text | st.just("{other_cookie}"), max_size=6)


def behaviour(category):
    """Everything an Editor may not change, for every category and cookie."""
    return (
        list(
            CookieGroup.objects.order_by("pk").values_list(
                "pk", "varname", "is_required", "is_deletable", "ordering"
            )
        ),
        list(
            Cookie.objects.order_by("pk").values_list(
                "pk", "cookiegroup", "name", "domain", "path", "details__storage"
            )
        ),
        list(
            Cookie.objects.exclude(cookiegroup=category)
            .order_by("pk")
            .values_list("pk", "description", "details__duration")
        ),
    )


def varnames():
    return sorted(CookieGroup.objects.values_list("pk", "varname"))


def post_crafted(client, changes):
    analytics = CookieGroup.objects.get(varname="analytics")
    form = category_form(analytics)
    other_cookie = Cookie.objects.exclude(cookiegroup=analytics).first().pk
    data = form.data | {
        key: value.replace("{other_cookie}", str(other_cookie))
        for key, value in changes.items()
    }
    return analytics, client.post(form.url, data)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(changes=crafted)
def test_no_post_lets_an_editor_change_what_a_category_does(client, editor, changes):
    client.force_login(editor)
    with transaction.atomic():
        analytics = CookieGroup.objects.get(varname="analytics")
        before = behaviour(analytics)

        _, response = post_crafted(client, changes)

        assert response.status_code in (200, 302)
        assert behaviour(analytics) == before
        transaction.set_rollback(True)


@pytest.mark.parametrize("role", ["Site operator", "superuser"])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(changes=crafted)
# Every stored row posted as a new one: it used to hit the unique constraint (500).
@example(changes={"cookies-INITIAL_FORMS": "0"})
def test_no_post_renames_a_category_or_reaches_another_categorys_cookies(
    client, user_in_role, role, changes
):
    client.force_login(user_in_role(role))
    with transaction.atomic():
        analytics = CookieGroup.objects.get(varname="analytics")
        names_before = varnames()
        others_before = behaviour(analytics)[2]

        _, response = post_crafted(client, changes)

        assert response.status_code in (200, 302)
        assert varnames() == names_before
        assert behaviour(analytics)[2] == others_before
        transaction.set_rollback(True)
