import datetime

import pytest
from django.utils import timezone

from consent.records.models import ConsentRecord, new_consent_id

CATEGORIES = ["analytics", "personalization", "marketing"]


@pytest.fixture
def make_record(db):
    """Create a consent record; every field has a plausible default."""

    def make(**fields):
        fields.setdefault("consent_id", new_consent_id())
        fields.setdefault("accepted", [])
        fields.setdefault("declined", [])
        fields.setdefault("source", "banner")
        fields.setdefault("versions", {})
        return ConsentRecord.objects.create(**fields)

    return make


@pytest.fixture
def at():
    """A moment in the site's time zone: at(2026, 11, 3, 14, 30)."""

    def moment(*parts):
        return timezone.make_aware(datetime.datetime(*parts))

    return moment


@pytest.fixture
def cookie_groups(db):
    """The consent categories, whether or not a migration created them already."""
    from cookie_consent.models import CookieGroup

    groups = [
        CookieGroup.objects.get_or_create(
            varname=varname, defaults={"name": varname.title(), "ordering": index}
        )[0]
        for index, varname in enumerate(CATEGORIES, start=1)
    ]
    CookieGroup.objects.get_or_create(
        varname="necessary",
        defaults={"name": "Necessary", "is_required": True, "ordering": 0},
    )
    return groups


def staff_user(username, *permissions):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user(username, password="unused-in-tests")
    for codename in ("wagtailadmin.access_admin", *permissions):
        app_label, name = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )
    return user


@pytest.fixture
def records_officer(db):
    """An admin user allowed to see proof of consent, and nothing more."""
    return staff_user("officer", "consent_records.view_consentrecord")


@pytest.fixture
def editor(db):
    """An admin user without the consent records permission."""
    return staff_user("editor", "wagtailcore.add_page")


@pytest.fixture
def officer_client(client, records_officer):
    client.force_login(records_officer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
