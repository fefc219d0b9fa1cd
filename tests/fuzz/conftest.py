import io

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, settings

from microsite.demo import articles, consent, glossary, site

# Few examples and no deadline: the suite runs on a loaded 2-core machine. Each
# example makes real requests through the whole middleware stack.
settings.register_profile(
    "fuzz",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The whole demo (pages, glossary, articles, consent), rolled back at the end."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            for step in (site, glossary, articles, consent):
                step.build(io.StringIO())
            yield
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def demo(demo_once, db):
    """The demo site; each test runs in its own savepoint."""
