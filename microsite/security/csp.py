"""What the Content-Security-Policy allows beyond the settings' fixed directives.

Public pages are cached and identical for every visitor, so inline code is allowed
by hash (computed once from the bytes the templates render), never by a
per-response nonce. The consent plugin says what it needs (``consent.csp``: its
head script's hash, the gated scripts' hosts); the site adds its 500 page's style.
"""

import re
from functools import lru_cache

from django.template.loader import render_to_string

from consent.csp import gated_script_origins, script_hashes, sha256_source, style_hashes

STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@lru_cache(maxsize=1)
def inline_style_hashes() -> tuple[str, ...]:
    """The 500 page's own ``<style>``: it must render with no static files."""
    page = render_to_string("500.html")
    return tuple(sha256_source(css) for css in STYLE_ELEMENT.findall(page))


def public_additions() -> dict[str, list[str]]:
    """Sources added to the settings' public policy on every response."""
    additions = {
        "script-src": [*script_hashes(), *gated_script_origins()],
        "style-src": [*style_hashes(), *inline_style_hashes()],
    }
    # An empty list would turn into a directive that allows nothing at all.
    return {directive: sources for directive, sources in additions.items() if sources}
