"""How many decisions one client may post per minute (CONSENT_DECISIONS_PER_MINUTE).

Counted in django-cookie-consent's cache, which must be shared by every worker,
under a keyed hash of the client's address: no address is stored anywhere.
"""

import time

from django.core.cache import caches
from django.utils.crypto import salted_hmac

from .conf import settings

WINDOW_SECONDS = 60


def client_address(request) -> str:
    """REMOTE_ADDR, or behind CONSENT_NUM_PROXIES proxies the address the outermost
    one saw: each proxy appends the address it was called from to X-Forwarded-For,
    and entries further left are whatever the client chose to send."""
    proxies = settings.CONSENT_NUM_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").strip()
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request) -> str:
    return salted_hmac("consent.rate_limit", client_address(request)).hexdigest()[:32]


def seconds_until_next_decision(request) -> int:
    """0 when this decision is within the client's limit (and counts it), else
    the seconds until the client may decide again."""
    limit = settings.CONSENT_DECISIONS_PER_MINUTE
    if not limit:
        return 0
    now = time.time()
    key = f"consent:decisions:{client_key(request)}:{int(now // WINDOW_SECONDS)}"
    cache = caches[settings.COOKIE_CONSENT_CACHE_BACKEND]
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, count := 1, timeout=WINDOW_SECONDS)
    if count <= limit:
        return 0
    return WINDOW_SECONDS - int(now % WINDOW_SECONDS)
