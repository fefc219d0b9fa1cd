"""Wagtail's preview shows the page without the visitor cookie banner."""

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_pages):
    return Page.objects.get(url_path="/home/").specific


def test_the_preview_shows_no_banner_and_asks_nothing(home):
    html = home.make_preview_request().content.decode()

    assert 'id="consent-banner"' not in html
    assert 'id="consent-dialog"' not in html
    assert '"preview": true' in html


def test_the_live_page_still_shows_the_banner(client, home):
    html = client.get("/").content.decode()

    assert 'id="consent-banner"' in html
    assert '"preview": false' in html
