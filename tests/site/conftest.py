import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from glossary.models import GlossaryTermPage
from microsite.demo import glossary, site
from microsite.home.models import HomePage


def build_site_content():
    out = io.StringIO()
    site.build(out)
    glossary.build(out)


@pytest.fixture(scope="module")
def site_content_once(django_db_setup, django_db_blocker):
    """Build the site's demo content once per module, rolled back at its end.

    Publishing 20 pages takes seconds; read-only tests share one build. Each test
    still runs in its own savepoint (the `db` fixture) inside this transaction.
    """
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            build_site_content()
            yield
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def demo_content(site_content_once, db):
    """The site's demo content: home page, glossary index, topics and terms."""


@pytest.fixture
def home_page(demo_content) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def butyrate(demo_content) -> GlossaryTermPage:
    return GlossaryTermPage.objects.get(slug="butyrate")


@pytest.fixture
def live_demo(transactional_db, live_server):
    """The full demo on a live server (its database is flushed between tests)."""
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    return live_server
