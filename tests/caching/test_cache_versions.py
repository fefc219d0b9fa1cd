"""Caches emptied at a change are emptied again when it commits."""

import pytest
from cookie_consent.models import CookieGroup
from django.core.cache import caches

from consent import declarations
from consent.conf import settings as consent_settings
from microsite.caching.keys import current_generation

pytestmark = pytest.mark.django_db


def test_consent_declarations_read_during_the_change_are_dropped_at_the_commit(
    django_capture_on_commit_callbacks,
):
    cache = caches[consent_settings.COOKIE_CONSENT_CACHE_BACKEND]
    analytics = CookieGroup.objects.get(varname="analytics")

    with django_capture_on_commit_callbacks(execute=True):
        analytics.description = "Counting visits."
        analytics.save()
        # A page view in another process, before the commit, caches what it read.
        cache.set(consent_settings.CONSENT_CACHE_KEY, {"stale": True}, None)

    assert "stale" not in declarations.current()


def test_a_page_rendered_during_a_change_is_dropped_at_the_commit(
    django_capture_on_commit_callbacks, make_term
):
    term = make_term("Butyrate", publish=True)

    with django_capture_on_commit_callbacks(execute=True):
        term.save_revision().publish()
        during = current_generation()

    assert current_generation() != during
