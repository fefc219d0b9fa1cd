"""The request's Wagtail site, remembered per host and port across requests.

Wagtail looks the site up with a query on every request (``Site.find_for_request``,
about 1.3 ms: the query matches host and port with a CASE expression). The answer
changes only when a Site is saved or deleted, so it is kept in the Django cache,
shared by every worker, and forgotten on those changes (now and again after the
commit). A miss asks Wagtail.
"""

from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

from glossary.cache_versions import now_and_after_commit

from .keys import page_cache

SITES_KEY = "site_caching:sites"
# Hosts remembered; beyond this (a flood of made-up Host headers) they are not.
SITES_LIMIT = 100


class CachedSiteMiddleware:
    """Hand Wagtail the request's site from the cache, before any view asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # CommonMiddleware, further out, has already refused hosts not allowed.
        host = f"{split_domain_port(request.get_host())[0]}:{request.get_port()}"
        known = page_cache().get(SITES_KEY) or {}
        if host in known:
            # Wagtail keeps the site it found on the request under this name and
            # reads it from there (Site.find_for_request); it has no public setter.
            request._wagtail_site = known[host]
        elif len(known) < SITES_LIMIT:
            site = Site.find_for_request(request)
            page_cache().set(SITES_KEY, {**known, host: row_only(site)}, timeout=None)
        return self.get_response(request)


def row_only(site):
    """A copy of the site's own row: its root page is content, read when needed."""
    if site is None:
        return None
    return Site(
        **{f.attname: getattr(site, f.attname) for f in Site._meta.concrete_fields}
    )


def forget_sites(**kwargs):
    now_and_after_commit(lambda: page_cache().delete(SITES_KEY))


def register_site_handlers():
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"site_caching.{name}")
