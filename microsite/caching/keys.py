"""Cache keys for pages: host, path and normalised query, under a generation.

Every key embeds the current *generation*, a number kept in the cache. Purging the
application cache is bumping it: every page stored before becomes unreachable at
once and expires on its own after ``PAGE_CACHE_SECONDS``. That is always correct,
whatever a change touches (auto-links in articles, related terms, A–Z variants,
the sitemap, the feeds), at the price of a cold cache after each publish. Proxies
and CDNs cannot share the number, so they get a targeted list of URLs instead
(``purge.py``).
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.core.cache import caches

from glossary.cache_versions import bump_version, current_version

from .conf import get_setting

GENERATION_KEY = "pagecache:generation"
# "v2": pages stored with the headers of the security middleware (the cache sits
# outside it since then). A new format gets a new name: what an older release
# stored is never replayed after an upgrade, and expires on its own.
PAGE_KEY = "pagecache:v2:page:{generation}:{digest}"


def page_cache():
    return caches[get_setting("PAGE_CACHE_ALIAS")]


def current_generation() -> str:
    return current_version(page_cache(), GENERATION_KEY)


def bump_generation() -> None:
    bump_version(page_cache(), GENERATION_KEY)


def normalised_query(query_string: str) -> str:
    """The query string sorted by name, without parameters that never change a page.

    ``?b=2&a=1&utm_source=x`` and ``?a=1&b=2`` name the same page.
    """
    ignored = set(get_setting("PAGE_CACHE_IGNORED_PARAMETERS"))
    pairs = parse_qsl(query_string, keep_blank_values=True)
    kept = sorted(
        ((name, value) for name, value in pairs if name not in ignored),
        key=lambda pair: pair[0],
    )
    return urlencode(kept)


def page_key(request) -> str:
    """The cache key of this request's page: scheme, host, path and query.

    Cookies are not part of it: every anonymous visitor gets the same bytes.
    """
    location = "{scheme}://{host}{path}?{query}".format(
        scheme=request.scheme,
        host=request.get_host().lower(),
        path=request.path,
        query=normalised_query(request.META.get("QUERY_STRING", "")),
    )
    digest = hashlib.sha256(location.encode()).hexdigest()
    return PAGE_KEY.format(generation=current_generation(), digest=digest)
