"""Purge the page cache, and the proxy or CDN through Wagtail's frontend cache.

The application cache is purged at once and again when the transaction commits:
a page rendered in between, from data read before the commit, is dropped too.
Proxies and CDNs are told after the commit, so that what they fetch again is new.
"""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from .keys import bump_generation

logger = logging.getLogger(__name__)


def frontend_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(find_urls) -> None:
    """Purge the application cache, then the URLs ``find_urls()`` returns from
    the configured frontend caches (called now, while the changed data is at hand)."""
    bump_generation()
    urls = find_urls() if frontend_cache_configured() else set()

    def after_commit():
        bump_generation()
        if urls:
            logger.info("Purging %d URLs from the frontend cache", len(urls))
            PurgeBatch(urls).purge()

    transaction.on_commit(after_commit)
