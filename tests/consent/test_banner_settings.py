"""Every page shows the banner; reading its settings must never write them.

A write would count as a change of the consent declarations, which purges every
cached page: on a new site the first visitor would empty the page cache.
"""

import pytest
from wagtail.models import Site

from consent.models import BannerSettings
from consent.records.api import texts_fingerprint
from consent.signals import declarations_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def announcements():
    received = []

    def listener(sender, **kwargs):
        received.append(sender)

    declarations_changed.connect(listener)
    yield received
    declarations_changed.disconnect(listener)


def test_a_page_view_on_a_site_without_banner_settings_writes_none(
    client, site_pages, announcements
):
    response = client.get("/")

    assert response.status_code == 200
    assert "Cookies on this site" in response.content.decode()
    assert not BannerSettings.objects.exists()
    assert announcements == []


def test_unsaved_banner_settings_are_what_saving_the_defaults_stores(site_pages):
    site = Site.objects.get(is_default_site=True)
    unsaved = BannerSettings.for_site(site)

    unsaved.save()
    saved = BannerSettings.objects.get(site=site)

    assert (saved.texts_revision, saved.texts_hash) == (1, unsaved.texts_hash)
    assert saved.texts_hash == texts_fingerprint(*saved.texts(), "")
