import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Site

from consent.models import BannerSettings, GatedScript
from consent.signals import declarations_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def user_with(django_user_model, username, codenames):
    group = Group.objects.create(name=f"{username} group")
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(group)
    return user


EDITOR_PERMISSIONS = [
    "access_admin",
    "add_gatedscript",
    "change_gatedscript",
    "delete_gatedscript",
    "add_cookiegroup",
    "change_cookiegroup",
]


@pytest.fixture
def editor(django_user_model):
    """A plain editor: admin access and the ordinary snippet permissions."""
    return user_with(django_user_model, "editor", EDITOR_PERMISSIONS)


@pytest.fixture
def operator(django_user_model):
    return user_with(
        django_user_model, "operator", [*EDITOR_PERMISSIONS, "manage_gated_scripts"]
    )


def category_post_data(group, cookies, **changes):
    data = {
        "name": group.name,
        "varname": group.varname,
        "description": group.description,
        "is_deletable": "on",
        "ordering": group.ordering,
        "cookies-TOTAL_FORMS": len(cookies),
        "cookies-INITIAL_FORMS": sum(1 for c in cookies if c.get("id")),
        "cookies-MIN_NUM_FORMS": 0,
        "cookies-MAX_NUM_FORMS": 1000,
    }
    for i, cookie in enumerate(cookies):
        for key, value in cookie.items():
            data[f"cookies-{i}-{key}"] = value
    data.update(changes)
    return data


def existing_rows(group):
    return [
        {
            "id": c.pk,
            "cookiegroup": group.pk,
            "name": c.name,
            "domain": c.domain,
            "path": c.path,
            "description": c.description,
            "storage": c.details.storage,
            "duration": c.details.duration,
            "provider": c.details.provider,
        }
        for c in group.cookie_set.all()
    ]


def test_cookie_consent_menu_lists_categories_scripts_and_banner(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert "Cookie consent" in html
    assert reverse("consent_categories:index") in html
    assert reverse("wagtailsnippets_consent_gatedscript:list") in html
    assert "Cookie banner" in html


def test_category_list_and_edit_screens_load(admin_client, categories):
    analytics = CookieGroup.objects.get(varname="analytics")
    assert admin_client.get(reverse("consent_categories:index")).status_code == 200
    response = admin_client.get(reverse("consent_categories:edit", args=[analytics.pk]))
    assert response.status_code == 200
    assert "_ga_*" in response.content.decode()


def test_a_declared_cookies_path_is_a_one_line_field(admin_client, categories):
    analytics = CookieGroup.objects.get(varname="analytics")
    assert analytics.cookie_set.exists()

    response = admin_client.get(reverse("consent_categories:edit", args=[analytics.pk]))

    assert b'<input type="text" name="cookies-0-path"' in response.content
    assert b'<textarea name="cookies-0-path"' not in response.content


def test_editing_a_category_saves_its_text_and_a_new_declared_cookie(admin_client):
    analytics = CookieGroup.objects.get(varname="analytics")
    rows = [
        *existing_rows(analytics),
        {
            "cookiegroup": analytics.pk,
            "name": "_gid",
            "domain": "",
            "path": "/",
            "description": "Counts visits in one day.",
            "storage": "cookie",
            "duration": "1 day",
            "provider": "Google Analytics",
        },
    ]
    data = category_post_data(analytics, rows, name="Measurement")
    response = admin_client.post(
        reverse("consent_categories:edit", args=[analytics.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    analytics.refresh_from_db()
    assert analytics.name == "Measurement"
    gid = Cookie.objects.get(cookiegroup=analytics, name="_gid")
    assert gid.details.duration == "1 day"


def test_adding_a_category_through_the_admin(admin_client):
    data = category_post_data(
        CookieGroup(name="Video", varname="video", description="Embedded films."),
        [],
    )
    response = admin_client.post(reverse("consent_categories:add"), data)
    assert response.status_code == 302
    assert CookieGroup.objects.filter(varname="video").exists()


def test_banner_texts_are_a_site_setting(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["consent", "bannersettings", site.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "title": "Your cookie choices",
            "message": "Pick what we may store.",
            "accept_label": "Accept all",
            "reject_label": "Reject all",
            "customise_label": "Customise",
            "save_label": "Save choices",
        },
    )
    assert response.status_code == 302
    assert BannerSettings.for_site(site).title == "Your cookie choices"


def gated_script_data():
    analytics = CookieGroup.objects.get(varname="analytics")
    return {
        "name": "Counter",
        "category": analytics.pk,
        "src": "",
        "code": "window.counted = true;",
        "placement": "body",
        "enabled": "on",
    }


def test_plain_editors_cannot_create_gated_scripts(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_consent_gatedscript:add")
    assert client.get(url).status_code in (302, 403)
    client.post(url, gated_script_data())
    assert not GatedScript.objects.exists()


def test_plain_editors_cannot_edit_gated_scripts(client, editor):
    script = GatedScript.objects.create(
        name="Pixel", category=CookieGroup.objects.get(varname="marketing"), code="1;"
    )
    client.force_login(editor)
    url = reverse("wagtailsnippets_consent_gatedscript:edit", args=[script.pk])
    client.post(url, {**gated_script_data(), "code": "steal();"})
    script.refresh_from_db()
    assert script.code == "1;"


def test_operators_with_the_dedicated_permission_create_gated_scripts(client, operator):
    client.force_login(operator)
    url = reverse("wagtailsnippets_consent_gatedscript:add")
    assert client.get(url).status_code == 200
    response = client.post(url, gated_script_data())
    assert response.status_code == 302
    assert GatedScript.objects.get().code == "window.counted = true;"


def test_a_gated_script_needs_either_an_address_or_code(admin_client):
    url = reverse("wagtailsnippets_consent_gatedscript:add")
    response = admin_client.post(url, {**gated_script_data(), "code": ""})
    assert response.status_code == 200
    assert not GatedScript.objects.exists()


def test_changes_to_declarations_send_the_signal(categories):
    received = []

    def listener(sender, instance, **kwargs):
        received.append(sender.__name__)

    declarations_changed.connect(listener)
    try:
        Cookie.objects.create(cookiegroup=categories["marketing"], name="_uetsid")
        GatedScript.objects.create(
            name="Pixel", category=categories["marketing"], code="1;"
        )
        categories["analytics"].save()
        BannerSettings.for_site(Site.objects.get(is_default_site=True)).save()
    finally:
        declarations_changed.disconnect(listener)
    assert {"Cookie", "GatedScript", "CookieGroup", "BannerSettings"} <= set(received)


def test_a_category_with_gated_scripts_cannot_be_deleted(categories):
    from django.db.models import ProtectedError

    GatedScript.objects.create(
        name="Pixel", category=categories["marketing"], code="1;"
    )
    with pytest.raises(ProtectedError):
        categories["marketing"].delete()
