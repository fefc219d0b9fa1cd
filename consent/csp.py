"""What a Content-Security-Policy must allow for the consent plugin to work.

Pages are the same bytes for every visitor (they may be cached), so the plugin's
inline head script is allowed by its hash, never by a per-response nonce. Gated
scripts with an external address need their origin in ``script-src``.

Two ways to use it (docs/consent.md, "Content-Security-Policy"):

- ``ConsentCSPMiddleware`` adds the hashes and the gated scripts' origins to the
  policy header another middleware (django-csp, or the site's own) wrote;
- ``script_hashes()`` can be called from a settings module: it imports no model
  and reads no setting.
"""

import base64
import hashlib
import re
from functools import lru_cache
from urllib.parse import urlsplit

from .inline_code import inline_scripts, inline_styles

__all__ = [
    "ConsentCSPMiddleware",
    "add_consent_sources",
    "gated_script_origins",
    "origin_of",
    "script_hashes",
    "sha256_source",
    "style_hashes",
]

POLICY_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
# A CSP source must be a bare origin: nothing a crafted URL could smuggle in.
ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$")
# Sources that already allow inline code by hash or nonce.
HASH_OR_NONCE = re.compile(r"^'(sha256|sha384|sha512|nonce)-", re.IGNORECASE)


def sha256_source(text: str) -> str:
    """The CSP source expression allowing an inline element with this content."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@lru_cache(maxsize=1)
def script_hashes() -> tuple[str, ...]:
    """``'sha256-…'`` sources of every inline script the plugin renders."""
    return tuple(sha256_source(code) for code in inline_scripts())


@lru_cache(maxsize=1)
def style_hashes() -> tuple[str, ...]:
    """``'sha256-…'`` sources of the plugin's inline styles (none today)."""
    return tuple(sha256_source(css) for css in inline_styles())


def origin_of(url: str) -> str | None:
    """``https://host[:port]`` of an absolute http(s) address, else None."""
    parts = urlsplit(url.strip())
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    return origin if ORIGIN.match(origin) else None


def gated_script_origins() -> list[str]:
    """Origins of the enabled gated scripts' external addresses.

    Read from the cached declarations, which are dropped whenever a gated script
    changes (``consent.signals.declarations_changed``).
    """
    from . import declarations

    sources = (script["src"] for script in declarations.current()["scripts"])
    return sorted({origin for origin in map(origin_of, sources) if origin})


def consent_sources() -> dict[str, list[str]]:
    """Sources to add per directive family, without empty ones."""
    sources = {
        "script": [*script_hashes(), *gated_script_origins()],
        "style": list(style_hashes()),
    }
    return {family: found for family, found in sources.items() if found}


def _allows_inline_wholesale(sources: list[str]) -> bool:
    # A browser ignores 'unsafe-inline' once a hash or nonce is present: adding
    # one would block every other inline script the policy meant to allow.
    lowered = [s.lower() for s in sources]
    return "'unsafe-inline'" in lowered and not any(
        HASH_OR_NONCE.match(s) for s in sources
    )


def _extended(sources: list[str], additions: list[str]) -> list[str] | None:
    """``sources`` with ``additions``, or None when they must stay as they are."""
    if not sources or "'none'" in (s.lower() for s in sources):
        return None
    if _allows_inline_wholesale(sources):
        return None
    return [*sources, *(a for a in additions if a not in sources)]


def _add_to_policy(policy: str, additions: dict[str, list[str]]) -> str:
    directives = {}
    for part in policy.split(";"):
        if not part.strip():
            continue
        name, *sources = part.split()
        # The first of a repeated directive counts, as in browsers.
        directives.setdefault(name.lower(), sources)
    for family, added in additions.items():
        # Without `script-src`, scripts follow `default-src`: copy it, then add.
        base = directives.get(f"{family}-src", directives.get("default-src"))
        if base is not None and (extended := _extended(base, added)):
            directives[f"{family}-src"] = extended
        elem = directives.get(f"{family}-src-elem")
        if elem is not None and (extended := _extended(elem, added)):
            directives[f"{family}-src-elem"] = extended
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def add_consent_sources(response):
    """Add the plugin's sources to the response's policy headers, if any."""
    additions = None
    for header in POLICY_HEADERS:
        if header not in response:
            continue
        additions = consent_sources() if additions is None else additions
        # A header may hold several policies, separated by commas.
        policies = response[header].split(",")
        response[header] = ", ".join(_add_to_policy(p, additions) for p in policies)
    return response


class ConsentCSPMiddleware:
    """Adds the consent plugin's hashes and gated-script origins to the policy.

    Put it *above* the middleware that writes the ``Content-Security-Policy``
    header (``csp.middleware.CSPMiddleware`` with django-csp), so that it sees
    the header on the response's way out. A response without a policy is left
    alone, and so is a policy that allows every inline script through
    ``'unsafe-inline'`` (a hash would switch that off) or that allows no script.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return add_consent_sources(self.get_response(request))
