"""What changes a category's behaviour needs consent.manage_cookie_categories;
a varname never changes once saved."""

import pytest
from cookie_consent.models import CookieGroup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def operator(django_user_model):
    user = django_user_model.objects.create_user("operator", password="pw")
    user.groups.add(Group.objects.get(name="Site operators"))
    return user


def test_a_categorys_varname_cannot_be_changed_from_the_shell(categories):
    analytics = categories["analytics"]
    analytics.varname = "measurement"

    with pytest.raises(ValidationError) as refused:
        analytics.save()

    assert "varname" in refused.value.message_dict
    assert CookieGroup.objects.filter(varname="analytics").exists()
    assert not CookieGroup.objects.filter(varname="measurement").exists()


def test_a_new_category_chooses_its_varname_and_keeps_saving(categories):
    video = CookieGroup.objects.create(name="Video", varname="video")
    video.name = "Films"

    video.save()

    assert CookieGroup.objects.get(varname="video").name == "Films"


def test_an_editor_sees_the_declared_cookies_read_only_but_their_purpose(
    client, editor, categories
):
    analytics = categories["analytics"]
    client.force_login(editor)

    response = client.get(reverse("consent_categories:edit", args=[analytics.pk]))
    form = response.context["form"]

    assert {"is_required", "is_deletable", "ordering"}.isdisjoint(form.fields)
    assert "varname" not in form.fields  # shown as text, never posted
    rows = form.cookies.forms
    assert len(rows) == analytics.cookie_set.count()
    for row in rows:
        assert "DELETE" not in row.fields
        assert not row.fields["description"].disabled
        assert all(
            row.fields[name].disabled
            for name in ("name", "domain", "path", "storage", "duration", "provider")
        )


def test_an_operator_gets_every_field_an_empty_row_and_delete_boxes(
    client, operator, categories
):
    analytics = categories["analytics"]
    client.force_login(operator)

    response = client.get(reverse("consent_categories:edit", args=[analytics.pk]))
    form = response.context["form"]

    assert {"is_required", "is_deletable", "ordering"} <= set(form.fields)
    assert len(form.cookies.forms) == analytics.cookie_set.count() + 1
    assert all("DELETE" in row.fields for row in form.cookies.forms)
    assert not form.cookies.forms[0].fields["name"].disabled


def test_an_editor_cannot_reorder_categories(client, editor, categories):
    marketing = categories["marketing"]
    before = dict(CookieGroup.objects.values_list("varname", "ordering"))
    client.force_login(editor)

    client.post(
        reverse("consent_categories:reorder", args=[marketing.pk]) + "?position=0"
    )

    assert dict(CookieGroup.objects.values_list("varname", "ordering")) == before


def test_an_operator_reorders_categories(client, operator, categories):
    marketing = categories["marketing"]
    client.force_login(operator)

    client.post(
        reverse("consent_categories:reorder", args=[marketing.pk]) + "?position=0"
    )

    first = CookieGroup.objects.order_by("ordering").first()
    assert first == marketing


@pytest.mark.parametrize(("user", "offered"), [("editor", False), ("operator", True)])
def test_drag_and_drop_is_offered_only_to_whoever_may_reorder(
    client, request, user, offered, categories
):
    client.force_login(request.getfixturevalue(user))

    response = client.get(reverse("consent_categories:index") + "?ordering=ordering")

    reorder = reverse("consent_categories:reorder", args=[999999])
    assert (reorder in response.content.decode()) == offered


def test_an_editor_cannot_add_a_category_by_post(client, editor, categories):
    client.force_login(editor)

    client.post(
        reverse("consent_categories:add"),
        {"name": "Video", "varname": "video", "description": "Films."},
    )

    assert not CookieGroup.objects.filter(varname="video").exists()


def test_categories_are_added_not_copied(categories):
    # Wagtail's copy view would bind the form to the original category.
    with pytest.raises(NoReverseMatch):
        reverse("consent_categories:copy", args=[categories["analytics"].pk])


def test_an_editor_cannot_delete_a_category_by_post(client, editor, categories):
    client.force_login(editor)

    client.post(reverse("consent_categories:delete", args=[categories["analytics"].pk]))

    assert CookieGroup.objects.filter(varname="analytics").exists()


def test_the_gated_script_chooser_lists_nothing_to_an_editor(
    client, editor, categories
):
    from consent.models import GatedScript

    GatedScript.objects.create(
        name="Secret pixel", category=categories["marketing"], code="1;"
    )
    client.force_login(editor)

    for name in ("choose", "choose_results"):
        url = reverse(f"wagtailsnippetchoosers_consent_gatedscript:{name}")
        response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
        assert response.status_code == 403
        assert b"Secret pixel" not in response.content


def django_admin_change(client, category, **changes):
    data = {
        "name": category.name,
        "varname": category.varname,
        "description": category.description,
        "ordering": category.ordering,
        **({"is_deletable": "on"} if category.is_deletable else {}),
        **changes,
    }
    url = reverse("admin:consent_cookiecategory_change", args=[category.pk])
    return client.post(url, data)


def test_django_admin_keeps_a_varname_too(client, django_user_model, categories):
    superuser = django_user_model.objects.create_superuser("root", "r@example.org")
    client.force_login(superuser)

    response = django_admin_change(
        client, categories["analytics"], varname="measurement"
    )

    assert response.status_code == 302
    assert CookieGroup.objects.filter(varname="analytics").exists()


def test_a_staff_editor_cannot_change_what_a_category_does_in_django_admin(
    client, editor, categories
):
    editor.is_staff = True
    editor.save()
    client.force_login(editor)

    response = django_admin_change(client, categories["analytics"], is_required="on")

    assert response.status_code == 302
    assert not CookieGroup.objects.get(varname="analytics").is_required
    add = client.get(reverse("admin:consent_cookiecategory_add"))
    assert add.status_code == 403
