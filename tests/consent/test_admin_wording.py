"""The consent screens of the Wagtail admin and the Django admin, in plain words."""

import re

import pytest
from cookie_consent.models import CookieGroup
from django.urls import reverse
from wagtail.models import Site

from consent.models import BannerSettings

pytestmark = pytest.mark.django_db

PACKAGE_WORDS = ["Cookie Group", "Cookie group", "Is required", "Is deletable", "True"]


@pytest.fixture
def operator_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("operator", password="unused")
    user.groups.add(Group.objects.get(name="Site operators"))
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password="unused")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def visible_text(response) -> str:
    """The page's words as a person reads them: no tags, no scripts."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_plain_words(text):
    for words in PACKAGE_WORDS:
        assert words not in text


def banner_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["consent", "bannersettings", site.pk])


@pytest.mark.parametrize("who", ["operator_client", "editor_client"])
def test_the_category_list_speaks_of_cookie_categories_in_words(request, who):
    client = request.getfixturevalue(who)

    text = visible_text(client.get(reverse("consent_categories:index")))

    assert "Cookie categories" in text
    assert re.search(r"Strictly necessary .* Always on", text)
    assert re.search(r"Analytics .* Optional", text)
    assert_plain_words(text)


def test_the_add_button_and_form_speak_of_a_cookie_category(operator_client):
    index = visible_text(operator_client.get(reverse("consent_categories:index")))
    form = visible_text(operator_client.get(reverse("consent_categories:add")))

    assert "Add cookie category" in index
    assert "New: Cookie category" in form
    assert "Always on" in form
    assert "Delete its cookies when a visitor declines" in form
    assert_plain_words(form)


def test_a_saved_categorys_variable_name_is_shown_read_only_with_its_purpose(
    operator_client,
):
    analytics = CookieGroup.objects.get(varname="analytics")

    response = operator_client.get(
        reverse("consent_categories:edit", args=[analytics.pk])
    )

    html = response.content.decode()
    assert 'name="varname"' not in html
    text = visible_text(response)
    assert "Variable name" in text
    assert "analytics" in text
    assert "cannot be changed" in text
    assert "consent cookie" in text
    assert_plain_words(text)


def test_a_new_categorys_variable_name_is_an_input_that_warns_it_is_for_good(
    operator_client,
):
    response = operator_client.get(reverse("consent_categories:add"))

    assert 'name="varname"' in response.content.decode()
    assert "cannot be changed once the category is saved" in visible_text(response)


def test_the_editor_sees_the_category_form_in_plain_words(editor_client):
    analytics = CookieGroup.objects.get(varname="analytics")

    text = visible_text(
        editor_client.get(reverse("consent_categories:edit", args=[analytics.pk]))
    )

    assert "Analytics" in text
    assert_plain_words(text)


BANNER_WORDING = [
    "title",
    "message",
    "accept_label",
    "reject_label",
    "customise_label",
    "save_label",
]
ASKS_AGAIN = "asks every visitor to choose again"


def test_the_banner_fields_say_which_ones_ask_every_visitor_again(operator_client):
    form = operator_client.get(banner_url()).context["form"]

    for name in BANNER_WORDING:
        assert ASKS_AGAIN in form.fields[name].help_text, name
    assert ASKS_AGAIN in form.fields["policy_page"].help_text
    assert "does not ask visitors again" in form.fields["google_consent_mode"].help_text


def test_every_field_that_asks_again_is_one_whose_wording_is_fingerprinted():
    site = Site.objects.get(is_default_site=True)
    banner = BannerSettings.for_site(site)
    texts = banner.texts()

    assert texts == [getattr(banner, name) for name in BANNER_WORDING]


def google_consent_mode_box(response):
    return re.search(
        r'<input[^>]*name="google_consent_mode"[^>]*>', response.content.decode()
    ).group(0)


def test_the_google_consent_mode_box_is_clear_while_the_site_setting_is_off(
    operator_client, settings
):
    settings.CONSENT_GOOGLE_CONSENT_MODE = False
    assert BannerSettings._meta.get_field("google_consent_mode").default is True

    response = operator_client.get(banner_url())

    box = google_consent_mode_box(response)
    assert "checked" not in box
    assert "disabled" in box
    assert "CONSENT_GOOGLE_CONSENT_MODE" in visible_text(response)


def test_the_google_consent_mode_box_shows_the_saved_choice_when_the_setting_is_on(
    operator_client, settings
):
    settings.CONSENT_GOOGLE_CONSENT_MODE = True

    box = google_consent_mode_box(operator_client.get(banner_url()))

    assert "checked" in box
    assert "disabled" not in box


def test_saving_the_banner_while_the_setting_is_off_keeps_the_stored_choice(
    operator_client, settings
):
    settings.CONSENT_GOOGLE_CONSENT_MODE = False
    site = Site.objects.get(is_default_site=True)
    banner = BannerSettings.for_site(site)
    data = {name: getattr(banner, name) for name in BANNER_WORDING}

    response = operator_client.post(banner_url(), data)

    assert response.status_code == 302
    assert BannerSettings.objects.get(site=site).google_consent_mode is True


def test_the_django_admin_lists_cookie_categories_in_words(superuser_client):
    changelist = visible_text(
        superuser_client.get(reverse("admin:consent_cookiecategory_changelist"))
    )
    analytics = CookieGroup.objects.get(varname="analytics")
    change = visible_text(
        superuser_client.get(
            reverse("admin:consent_cookiecategory_change", args=[analytics.pk])
        )
    )

    assert "cookie categories" in changelist.lower()
    assert re.search(r"Analytics .* Optional", changelist)
    assert "Always on" in change
    for text in (changelist, change):
        assert "Cookie Group" not in text
        assert "Is deletable" not in text
