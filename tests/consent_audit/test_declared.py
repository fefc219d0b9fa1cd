"""The declarations the audit checks against come from the database."""

import asyncio
import threading

import pytest
from cookie_consent.models import Cookie, CookieGroup

from consent.audit import Declaration
from consent.audit.browser import event_loop_running
from consent.audit.declared import load_declarations
from consent.defaults import create_default_categories
from consent.models import CookieDetails


@pytest.mark.django_db
def test_declarations_are_read_from_the_categories_and_their_cookies():
    create_default_categories(CookieGroup, Cookie, CookieDetails)
    analytics = CookieGroup.objects.get(varname="analytics")
    Cookie.objects.create(cookiegroup=analytics, name="_gid", domain=".example.org")
    visits = Cookie.objects.create(cookiegroup=analytics, name="visits_*")
    CookieDetails.objects.create(cookie=visits, storage="session")
    prefs = Cookie.objects.create(
        cookiegroup=CookieGroup.objects.get(varname="personalization"), name="prefs"
    )
    CookieDetails.objects.create(cookie=prefs, storage="local")

    declarations, has_optional = load_declarations()

    assert has_optional is True
    assert Declaration("csrftoken", "necessary", required=True) in declarations
    assert Declaration("prefs", "personalization", storage="local") in declarations
    assert Declaration("_gid", "analytics", domain=".example.org") in declarations
    assert Declaration("visits_*", "analytics", storage="session") in declarations
    assert len(declarations) == Cookie.objects.count()


@pytest.mark.django_db
def test_a_site_with_only_strictly_necessary_cookies_has_nothing_optional():
    CookieGroup.objects.all().delete()
    necessary = CookieGroup.objects.create(
        varname="necessary", name="Necessary", is_required=True
    )
    Cookie.objects.create(cookiegroup=necessary, name="csrftoken")

    declarations, has_optional = load_declarations()

    assert declarations == [Declaration("csrftoken", "necessary", required=True)]
    assert has_optional is False


def test_an_event_loop_is_detected_only_while_one_runs_in_this_thread():
    # A new thread: this one may run Playwright's loop for the browser fixture.
    async def inside():
        return event_loop_running()

    seen = {}

    def check():
        seen["plain thread"] = event_loop_running()
        seen["inside asyncio.run"] = asyncio.run(inside())

    thread = threading.Thread(target=check)
    thread.start()
    thread.join()

    assert seen == {"plain thread": False, "inside asyncio.run": True}
