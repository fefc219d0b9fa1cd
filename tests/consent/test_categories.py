import pytest
from cookie_consent.models import Cookie, CookieGroup

from consent import declarations

pytestmark = pytest.mark.django_db


def test_migration_creates_the_four_categories_in_order():
    assert list(CookieGroup.objects.values_list("varname", flat=True)) == [
        "necessary",
        "analytics",
        "personalization",
        "marketing",
    ]


def test_only_the_necessary_category_is_required_and_kept():
    necessary = CookieGroup.objects.get(varname="necessary")
    assert necessary.is_required and not necessary.is_deletable
    assert not CookieGroup.objects.filter(is_required=True).exclude(pk=necessary.pk)


def test_every_category_has_a_description():
    for group in CookieGroup.objects.all():
        assert len(group.description) > 40


def test_a_fresh_install_declares_no_third_party_cookie_as_an_example():
    # Another site's cookie policy must not list this site's tools (_ga, _fbp…).
    assert Cookie.objects.filter(cookiegroup__is_required=True).exists()
    assert not Cookie.objects.filter(cookiegroup__is_required=False).exists()
    assert not Cookie.objects.exclude(details__provider="This website").exists()


def test_the_plugins_own_cookies_carry_purpose_duration_and_provider():
    consent = Cookie.objects.get(name="cookie_consent")
    assert consent.cookiegroup.varname == "necessary"
    assert consent.description and consent.details.duration == "1 year"
    assert consent.details.provider == "This website"


def test_running_the_defaults_again_keeps_what_a_site_declared(categories):
    from consent.defaults import create_default_categories
    from consent.models import CookieDetails

    create_default_categories(CookieGroup, Cookie, CookieDetails)

    assert Cookie.objects.filter(name="_ga").exists()


def test_necessary_category_declares_the_consent_cookies_themselves():
    names = set(
        Cookie.objects.filter(cookiegroup__varname="necessary").values_list(
            "name", flat=True
        )
    )
    assert {"sessionid", "csrftoken", "cookie_consent", "cookie_consent_time"} <= names


def test_declaring_a_cookie_changes_the_category_version(categories):
    before = declarations.current()
    analytics = categories["analytics"]
    Cookie.objects.create(cookiegroup=analytics, name="_gid")
    after = declarations.current()
    version = {c["id"]: c["version"] for c in after["categories"]}
    assert (
        version["analytics"]
        > {c["id"]: c["version"] for c in before["categories"]}["analytics"]
    )


def test_renaming_a_declared_cookie_changes_the_category_version(categories):
    cookie = Cookie.objects.get(name="_fbp")
    old = cookie.created
    cookie.name = "_fbc"
    cookie.save()
    cookie.refresh_from_db()
    assert cookie.created > old
