"""The consent admin's own permissions hold on every supported Wagtail.

Wagtail 8.0 reads them from its policy registry, 7.4 from the viewsets
(consent.compat): either way, the ordinary snippet and model permissions an
editors' group holds are not enough to touch gated scripts or to change what a
category does.
"""

import pytest
from cookie_consent.models import CookieGroup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from consent.models import GatedScript

pytestmark = pytest.mark.django_db

ORDINARY_PERMISSIONS = [
    "access_admin",
    "add_gatedscript",
    "change_gatedscript",
    "delete_gatedscript",
    "view_gatedscript",
    "add_cookiegroup",
    "change_cookiegroup",
    "delete_cookiegroup",
]
AJAX = {"x-requested-with": "XMLHttpRequest"}


def user_with(django_user_model, username, codenames):
    group = Group.objects.create(name=f"{username}s")
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model):
    return user_with(django_user_model, "editor", ORDINARY_PERMISSIONS)


@pytest.fixture
def operator(django_user_model):
    return user_with(
        django_user_model,
        "operator",
        [*ORDINARY_PERMISSIONS, "manage_gated_scripts", "manage_cookie_categories"],
    )


@pytest.fixture
def secret_script():
    return GatedScript.objects.create(
        name="Secret pixel",
        category=CookieGroup.objects.get(varname="marketing"),
        code="1;",
    )


@pytest.mark.parametrize("view", ["list", "add"])
def test_an_editor_cannot_open_the_gated_script_screens(
    client, editor, secret_script, view
):
    client.force_login(editor)

    response = client.get(reverse(f"wagtailsnippets_consent_gatedscript:{view}"))

    assert response.status_code in (302, 403)
    assert b"Secret pixel" not in response.content


@pytest.mark.parametrize("view", ["choose", "choose_results"])
def test_the_gated_script_chooser_shows_an_editor_nothing(
    client, editor, secret_script, view
):
    client.force_login(editor)

    url = reverse(f"wagtailsnippetchoosers_consent_gatedscript:{view}")
    response = client.get(url, headers=AJAX)

    assert response.status_code == 403
    assert b"Secret pixel" not in response.content


@pytest.mark.parametrize("view", ["choose", "choose_results"])
def test_the_gated_script_chooser_lists_scripts_to_an_operator(
    client, operator, secret_script, view
):
    client.force_login(operator)

    url = reverse(f"wagtailsnippetchoosers_consent_gatedscript:{view}")
    response = client.get(url, headers=AJAX)

    assert response.status_code == 200
    assert b"Secret pixel" in response.content


def test_an_editor_rewords_a_category_but_cannot_add_reorder_or_delete_one(
    client, editor
):
    marketing = CookieGroup.objects.get(varname="marketing")
    before = dict(CookieGroup.objects.values_list("varname", "ordering"))
    client.force_login(editor)

    edit = client.get(reverse("consent_categories:edit", args=[marketing.pk]))
    index = client.get(reverse("consent_categories:index") + "?ordering=ordering")
    client.post(
        reverse("consent_categories:add"),
        {"name": "Video", "varname": "video", "description": "Films."},
    )
    client.post(
        reverse("consent_categories:reorder", args=[marketing.pk]) + "?position=0"
    )
    client.post(reverse("consent_categories:delete", args=[marketing.pk]))

    assert edit.status_code == 200
    assert "is_required" not in edit.context["form"].fields
    reorder = reverse("consent_categories:reorder", args=[999999])
    assert reorder not in index.content.decode()
    assert not CookieGroup.objects.filter(varname="video").exists()
    assert dict(CookieGroup.objects.values_list("varname", "ordering")) == before


def test_an_operator_may_change_what_a_category_does(client, operator):
    marketing = CookieGroup.objects.get(varname="marketing")
    client.force_login(operator)

    edit = client.get(reverse("consent_categories:edit", args=[marketing.pk]))
    index = client.get(reverse("consent_categories:index") + "?ordering=ordering")
    client.post(
        reverse("consent_categories:reorder", args=[marketing.pk]) + "?position=0"
    )

    assert "is_required" in edit.context["form"].fields
    assert (
        reverse("consent_categories:reorder", args=[999999]) in index.content.decode()
    )
    assert CookieGroup.objects.order_by("ordering").first() == marketing


def test_only_operators_count_as_users_who_may_change_gated_scripts(editor, operator):
    from consent.policies import gated_script_policy

    for action in ("add", "change", "delete", "choose"):
        assert gated_script_policy.user_has_permission(operator, action)
        assert not gated_script_policy.user_has_permission(editor, action)
    assert list(gated_script_policy.users_with_permission("change")) == [operator]
