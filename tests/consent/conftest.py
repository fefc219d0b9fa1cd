import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.core.cache import cache

from consent.defaults import create_default_categories
from consent.models import CookieDetails


@pytest.fixture
def categories(db):
    """The default categories, as the data migration creates them.

    live_server tests flush the database, so they are created again here; the
    caches are cleared because they outlive the flush.
    """
    cache.clear()
    create_default_categories(CookieGroup, Cookie, CookieDetails)
    yield {g.varname: g for g in CookieGroup.objects.all()}
    cache.clear()


@pytest.fixture
def site_pages(categories):
    """Home page at / and glossary index at /glossary/, with the demo scripts."""
    from io import StringIO

    from microsite.demo import consent as consent_demo
    from microsite.demo import site as site_demo

    site_demo.build(StringIO())
    consent_demo.build(StringIO())
    cache.clear()
    return ["/", "/glossary/"]
