"""What the Content-Security-Policy allows beyond the settings' fixed directives.

Public pages are cached and identical for every visitor, so inline code is allowed
by hash (computed once from the bytes the templates render), never by a
per-response nonce. Gated scripts' hosts come from the admin and are cached until
``consent.signals.declarations_changed`` fires.
"""

import base64
import hashlib
import re
from functools import lru_cache
from urllib.parse import urlsplit

from django.core.cache import caches
from django.template.loader import render_to_string

from consent.conf import settings
from consent.models import GatedScript
from consent.templatetags.consent_tags import head_script

SCRIPT_ORIGINS_CACHE_KEY = "site_security:script_origins"
# A CSP source must be a bare origin: nothing a crafted URL could smuggle in.
ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$")
STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def sha256_source(text: str) -> str:
    """The CSP source expression allowing an inline element with this content."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@lru_cache(maxsize=1)
def inline_script_hashes() -> tuple[str, ...]:
    """The consent head script, exactly as ``{% consent_head_script %}`` inlines it."""
    return (sha256_source(head_script()),)


@lru_cache(maxsize=1)
def inline_style_hashes() -> tuple[str, ...]:
    """The 500 page's own ``<style>``: it must render with no static files."""
    page = render_to_string("500.html")
    return tuple(sha256_source(css) for css in STYLE_ELEMENT.findall(page))


def origin_of(url: str) -> str | None:
    parts = urlsplit(url.strip())
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    return origin if ORIGIN.match(origin) else None


def load_script_origins() -> list[str]:
    sources = GatedScript.objects.live().exclude(src="").values_list("src", flat=True)
    return sorted({o for o in map(origin_of, sources) if o})


def _cache():
    return caches[settings.COOKIE_CONSENT_CACHE_BACKEND]


def gated_script_origins() -> list[str]:
    """Origins of the enabled gated scripts' external addresses, cached."""
    return _cache().get_or_set(
        SCRIPT_ORIGINS_CACHE_KEY, load_script_origins, timeout=None
    )


def forget_script_origins(**kwargs):
    _cache().delete(SCRIPT_ORIGINS_CACHE_KEY)


def public_additions() -> dict[str, list[str]]:
    """Sources added to the settings' public policy on every response."""
    additions = {
        "script-src": [*inline_script_hashes(), *gated_script_origins()],
        "style-src": list(inline_style_hashes()),
    }
    # An empty list would turn into a directive that allows nothing at all.
    return {directive: sources for directive, sources in additions.items() if sources}
