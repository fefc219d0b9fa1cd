"""Answer the lookups every page view repeats from the cache or in one query.

Rendering a page that is not in the page cache, Wagtail looks up the request's
site with a query, walks the URL with one or two queries per level, checks view
restrictions with two more and reads each site setting with one: 11 of the 19
queries of a term page. None of these answers changes between two edits, so:

- the site for a host and port, and each cached site setting, are kept in the
  Django cache (shared by all workers) and forgotten when they are saved;
- the route is found with one query for every page on the URL's path (by
  ``url_path``) and one for the page itself;
- a page outside every private section (``glossary.privacy``, cached) skips
  Wagtail's restriction check.

The answers are handed to Wagtail through the attributes it already keeps them in
on the request (``_wagtail_site``, ``_wagtail_route_for_request``, each setting's
cache attribute). Wagtail has no hook for this; what this module is not sure of
(translated sites, custom ``route()`` methods, aliases, private sections) it leaves
to Wagtail's own lookups, which give the same answers with more queries.
"""

from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from glossary import privacy

from .conf import get_setting

SITES_KEY = "site_caching:sites"
# Hosts remembered; beyond this (a flood of made-up Host headers) they are not.
SITES_LIMIT = 100


class CachedLookupsMiddleware:
    """Give Wagtail the site, route and site settings of a page view, cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        serves_a_page = view_func is wagtail_views.serve
        if not (serves_a_page or getattr(view_func, "cached_lookups", False)):
            return None
        site = site_for_request(request)
        if site is None:
            return None
        for model in cached_setting_models():
            setattr(
                request,
                model.get_cache_attr_name(),
                SimpleLazyObject(partial(setting_for_site, model, site, request)),
            )
        if serves_a_page and request.method in ("GET", "HEAD"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            route = find_route(request, site, path)
            if route is not None:
                request._wagtail_route_for_request = route
        return None


def cached_lookups(view):
    """Mark a public view that renders the site's layout: it gets the cached site
    and site settings too (Wagtail's page view always does)."""
    view.cached_lookups = True
    return view


# The site


def _cache():
    return caches[get_setting("PAGE_CACHE_ALIAS")]


def site_for_request(request):
    """Wagtail's site for the request's host and port, from the cache."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host = f"{request._get_raw_host()}:{request.get_port()}"
    known = _cache().get(SITES_KEY) or {}
    if host in known:
        request._wagtail_site = known[host]
        return known[host]
    site = Site.find_for_request(request)
    if site is not None:
        # Keep the site row only: its root page is content, read when needed.
        site._state.fields_cache.pop("root_page", None)
    if len(known) < SITES_LIMIT:
        _cache().set(SITES_KEY, {**known, host: site}, timeout=None)
    return site


def forget_sites(**kwargs):
    _forget(SITES_KEY)


# Site settings


def cached_setting_models():
    return [apps.get_model(label) for label in get_setting("SITE_CACHED_SETTINGS")]


def _setting_key(model, site_id) -> str:
    return f"site_caching:setting:{model._meta.label_lower}:{site_id}"


def setting_for_site(model, site, request):
    key = _setting_key(model, site.pk)
    instance = _cache().get(key)
    if instance is None:
        instance = model.for_site(site)
        _cache().set(key, instance, timeout=None)
    # As Wagtail's for_request() does, for the settings' page URLs.
    instance._request = request
    return instance


def forget_setting(sender, instance, **kwargs):
    _forget(_setting_key(sender, instance.site_id))


def _forget(key):
    # Again after the commit: a request that read the old row in between must not
    # leave it cached.
    _cache().delete(key)
    transaction.on_commit(lambda: _cache().delete(key))


# The route


def find_route(request, site, path: str) -> RouteResult | None:
    """The route to ``path`` on ``site`` in two queries, or None to ask Wagtail."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None  # Wagtail routes through the page's translation.
    root_path = _root_path(site)
    if root_path is None:
        return None
    components = [component for component in path.split("/") if component]
    url_paths = [root_path]
    for component in components:
        url_paths.append(f"{url_paths[-1]}{component}/")
    chain = list(Page.objects.filter(url_path__in=url_paths).order_by("depth"))
    if [page.url_path for page in chain] != url_paths:
        return None  # Not a page, or not a plain chain of pages: Wagtail decides.
    if not _passes_down(chain[:-1], components):
        return None
    page = chain[-1].specific
    if len(chain) > 1:
        page._cached_parent_obj = chain[-2]  # as Page.route does
    if not _may_be_restricted(chain):
        page.get_view_restrictions = PageViewRestriction.objects.none
    try:
        # The last step of Wagtail's walk: the page's own route() with nothing
        # left of the path (a routable page picks its sub-page view for "/").
        return page.route(request, [])
    except Http404:
        return None


def _root_path(site):
    for root in Site.get_site_root_paths():  # cached by Wagtail
        if root.site_id == site.pk:
            return root.root_path
    return None


def _passes_down(ancestors, components) -> bool:
    """Whether each of ``ancestors`` would hand the rest of the path to its child,
    as Wagtail's ``Page.route`` does; a routable page only when none of its own
    sub-page routes matches the rest."""
    for depth, page in enumerate(ancestors):
        model = page.specific_class
        if model is None:
            return False
        if model.route is Page.route:
            continue
        if model.route is not RoutablePageMixin.route:
            return False
        remaining = "".join(f"{component}/" for component in components[depth:])
        try:
            model.get_resolver().resolve(f"/{remaining}")
        except Http404:
            continue
        return False
    return True


def _may_be_restricted(chain) -> bool:
    """Whether a view restriction can apply to the last page of ``chain``."""
    if not privacy.restricted_paths():
        return False
    # Wagtail checks the restrictions of the pages aliases point to, and of the
    # ancestors above the site's root page, which the chain does not show.
    if chain[0].depth > 2 or any(page.alias_of_id for page in chain):
        return True
    return privacy.is_restricted(chain[-1].path)
