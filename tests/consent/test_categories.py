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


def test_every_category_has_a_description_and_declared_cookies():
    for group in CookieGroup.objects.all():
        assert len(group.description) > 40
        assert group.cookie_set.exists()


def test_declared_cookies_carry_purpose_duration_and_provider():
    ga = Cookie.objects.get(name="_ga_*")
    assert ga.cookiegroup.varname == "analytics"
    assert ga.description and ga.details.duration == "2 years"
    assert ga.details.provider == "Google Analytics"


def test_personalisation_declares_a_local_storage_key():
    key = Cookie.objects.get(cookiegroup__varname="personalization")
    assert key.details.storage == "local"


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
