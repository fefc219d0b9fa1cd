"""Purge the page cache, and the proxy or CDN through Wagtail's frontend cache.

The application cache is purged at once and again when the transaction commits:
a page rendered in between, from data read before the commit, is dropped too.
Proxies and CDNs are told after the commit, so that what they fetch again is new,
and once per URL: the URLs of every change in a transaction (a subtree
unpublished page by page, a delete that unpublishes first) go out in one batch.
"""

import logging
import threading

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from glossary.cache_versions import now_and_after_commit

from .keys import bump_generation

logger = logging.getLogger(__name__)

# URLs waiting for the commit, per thread (each thread has its own connection).
# A rolled-back change leaves its URLs to the next purge: one purge too many.
_waiting = threading.local()


def frontend_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(find_urls) -> None:
    """Purge the application cache, then the URLs ``find_urls()`` returns from
    the configured frontend caches (called now, while the changed data is at hand)."""
    now_and_after_commit(bump_generation)
    collect(find_urls)
    transaction.on_commit(send_waiting_urls)


def collect(find_urls) -> None:
    """Work out now which URLs the frontend caches will purge with the next
    ``purge()``: a move is seen from where the page was, before it moves."""
    if frontend_cache_configured():
        waiting_urls().update(find_urls())


def waiting_urls() -> set[str]:
    if not hasattr(_waiting, "urls"):
        _waiting.urls = set()
    return _waiting.urls


def send_waiting_urls() -> None:
    # The first change's callback sends them all; the others find nothing left.
    urls, _waiting.urls = waiting_urls(), set()
    if urls:
        logger.info("Purging %d URLs from the frontend cache", len(urls))
        PurgeBatch(urls).purge()
