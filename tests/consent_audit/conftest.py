import io

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture
def demo_site(live_server):
    """The demo site (categories, demo scripts, pages) served by live_server.

    live_server tests flush the database, so the demo is built again for each
    test; caches outlive the flush and are cleared.
    """
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    cache.clear()
    yield live_server.url
    cache.clear()
