"""The request's Wagtail site, remembered per host and port across requests.

Wagtail looks the site up with a query on every request (``Site.find_for_request``,
about 1.3 ms: the query matches host and port with a CASE expression). The answer
changes only when a Site is saved or deleted, so each host's site row is kept in
the Django cache, shared by every worker, and forgotten on those changes (now and
again after the commit). A miss asks Wagtail.

Each process also keeps the hosts it last read, under the version they were read
with: a request then reads one small version key, and gets a new ``Site`` built
from the row (never an object another request touched). A change gives the
version a new value, so every process reads the hosts again.
"""

from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

from glossary.cache_versions import bump_version, current_version, now_and_after_commit

from .keys import bump_generation, page_cache

# Field values per host. (Until 2026-12 "site_caching:sites" held Site objects:
# a new format gets a new name, so an upgrade never reads the old one.)
SITES_KEY = "site_caching:site-rows"
VERSION_KEY = "site_caching:site-rows:version"
# Hosts remembered; beyond this (a flood of made-up Host headers) they are not.
SITES_LIMIT = 100

# (version, {host: site row or None}) last read by this process.
_kept = (None, {})


class CachedSiteMiddleware:
    """Hand Wagtail the request's site from the cache, before any view asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # CommonMiddleware, further out, has checked the host against
        # ALLOWED_HOSTS. (A page cache hit never gets here: it brings its site.)
        host = f"{split_domain_port(request.get_host())[0]}:{request.get_port()}"
        known = known_hosts()
        if host in known:
            remember_site(request, known[host])
        elif len(known) < SITES_LIMIT:
            site = Site.find_for_request(request)
            page_cache().set(SITES_KEY, {**known, host: row_of(site)}, timeout=None)
            bump_version(page_cache(), VERSION_KEY)
        return self.get_response(request)


def known_hosts() -> dict:
    global _kept
    version = current_version(page_cache(), VERSION_KEY)
    kept_version, known = _kept
    if version != kept_version:
        known = page_cache().get(SITES_KEY) or {}
        _kept = (version, known)
    return known


def remember_site(request, row) -> None:
    """Hand Wagtail a new Site built from ``row`` as the request's site."""
    # Wagtail keeps the site it found on the request under this name and reads it
    # from there (Site.find_for_request); it has no public setter.
    request._wagtail_site = Site(**row) if row is not None else None


def site_row(request):
    """The row of the site the request was answered for (a page cache hit
    stores it with the page)."""
    return row_of(Site.find_for_request(request))


def row_of(site):
    """The site's own row: its root page is content, read when needed."""
    if site is None:
        return None
    return {f.attname: getattr(site, f.attname) for f in Site._meta.concrete_fields}


def forget_sites(**kwargs):
    def forget():
        # Deleted first: a process that reads the new version must not find the
        # old hosts still cached and keep them under it.
        page_cache().delete(SITES_KEY)
        bump_version(page_cache(), VERSION_KEY)
        # Cached pages hold their site's row, and show its name and addresses.
        bump_generation()

    now_and_after_commit(forget)


def register_site_handlers():
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"site_caching.{name}")
