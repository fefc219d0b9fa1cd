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
