"""In Chromium: declining never expires a strictly necessary cookie, whatever a
category declares (rows written past validation, as an older release could)."""

from importlib import import_module

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.conf import settings

from .browser import BANNER, banner_button, consent_choices, cookies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NECESSARY = ["sessionid", "csrftoken", "cookie_consent_time"]


@pytest.fixture
def signed_in_session():
    """The key of a stored session: the server itself keeps its cookie."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session["seen"] = True
    session.create()
    return session.session_key


@pytest.mark.parametrize("declared", ["*", "sessionid", "c*"])
def test_declining_a_category_that_declares_everything_keeps_the_necessary_cookies(
    page, context, site_url, signed_in_session, declared
):
    analytics = CookieGroup.objects.get(varname="analytics")
    Cookie.objects.bulk_create([Cookie(cookiegroup=analytics, name=declared)])
    # Readable by scripts, so that only the script's own rule can spare them.
    context.add_cookies(
        [
            {"name": "sessionid", "value": signed_in_session, "url": site_url},
            {"name": "csrftoken", "value": "a" * 32, "url": site_url},
            {"name": "_ga", "value": "GA1.1.1", "url": site_url},
        ]
    )
    page.goto(site_url + "/")

    banner_button(page, "Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.reload()

    kept = cookies(context)
    assert set(consent_choices(context).values()) == {"-1"}
    assert kept["sessionid"] == signed_in_session
    assert kept["csrftoken"]
    assert kept["cookie_consent_time"]
    assert "_ga" not in kept
    assert page.errors == []
