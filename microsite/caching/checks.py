"""System checks: the page cache's place in MIDDLEWARE.

A hit is answered by ``PageCacheMiddleware`` itself, so middleware placed after
it runs on a hit only when ``PAGE_CACHE_HIT_MIDDLEWARE`` names it. Each one must
be named there or in ``PAGE_CACHE_MISS_ONLY_MIDDLEWARE``: a new middleware whose
work a cached page needs (a header, a cookie clean-up) is otherwise skipped on
every hit without anyone noticing.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from .conf import get_setting

PAGE_CACHE = "microsite.caching.middleware.PageCacheMiddleware"
# Must see every request, cached or not: the HTTPS redirect and HSTS.
BEFORE_THE_CACHE = ("django.middleware.security.SecurityMiddleware",)


@register(Tags.caches)
def check_middleware_order(app_configs, **kwargs):
    order = list(settings.MIDDLEWARE)
    if PAGE_CACHE not in order:
        return []
    after = order[order.index(PAGE_CACHE) + 1 :]
    on_hit = list(get_setting("PAGE_CACHE_HIT_MIDDLEWARE"))
    miss_only = set(get_setting("PAGE_CACHE_MISS_ONLY_MIDDLEWARE"))
    found = []
    unnamed = [m for m in after if m not in on_hit and m not in miss_only]
    if unnamed:
        found.append(
            Warning(
                "Middleware after the page cache is skipped on a cache hit: "
                + ", ".join(unnamed),
                hint="Add it to PAGE_CACHE_HIT_MIDDLEWARE if a cached page needs "
                "it, or to PAGE_CACHE_MISS_ONLY_MIDDLEWARE if it does not.",
                id="site_caching.W001",
            )
        )
    missing = [m for m in on_hit if m not in after]
    if missing:
        found.append(
            Warning(
                "PAGE_CACHE_HIT_MIDDLEWARE names middleware that is not in "
                "MIDDLEWARE after the page cache: " + ", ".join(missing),
                hint="Add it to MIDDLEWARE after "
                f"{PAGE_CACHE}, or remove it from PAGE_CACHE_HIT_MIDDLEWARE.",
                id="site_caching.W002",
            )
        )
    late = [m for m in BEFORE_THE_CACHE if m in after]
    if late:
        found.append(
            Warning(
                "Middleware that must see every request comes after the page "
                "cache: " + ", ".join(late),
                hint=f"Move it above {PAGE_CACHE}.",
                id="site_caching.W003",
            )
        )
    return found
