"""Pure classification of what a browser holds against the declared cookies.

Nothing here touches the database or a browser: the declarations come in as
:class:`Declaration` values (see :mod:`consent.audit.declared`) and what was found
comes in as plain dicts and strings, so every rule is unit-tested on its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from consent.cleaning import name_pattern

# The three moments the audit looks at.
BEFORE = "before"
REJECT = "reject"
ACCEPT = "accept"
PHASE_TITLES = {
    BEFORE: "Before any choice",
    REJECT: "After Reject all",
    ACCEPT: "After Accept all",
}

# Verdicts of one finding.
OK = "ok"
VIOLATION = "violation"
INFO = "info"

COOKIE = "cookie"
LOCAL = "local"
SESSION = "session"
REQUEST = "request"
LEAK = "leak"  # a request that carries a sensitive page's title, slug or path
STORAGE_LABELS = {LOCAL: "localStorage", SESSION: "sessionStorage"}


@dataclass(frozen=True)
class Declaration:
    """One declared cookie or storage key of a category."""

    name: str  # may end in (or contain) ``*``: ``_ga_*``
    category: str  # the category's varname
    required: bool = False  # the category is strictly necessary
    storage: str = COOKIE  # cookie, local or session
    domain: str = ""  # empty: the site's own host (and its parent domains)

    def covers_name(self, name: str) -> bool:
        return bool(name_pattern(self.name).match(name))


@dataclass(frozen=True)
class Finding:
    """Something seen in the browser, with the audit's verdict on it."""

    kind: str  # cookie, local, session, request
    name: str  # cookie name, storage key, or host of a request
    verdict: str  # ok, violation, info
    reason: str
    domain: str = ""  # cookie domain, or the host a request went to
    category: str | None = None  # the category whose declaration covers it

    def as_dict(self) -> dict:
        return asdict(self)


def _bare(domain: str) -> str:
    return (domain or "").strip().lstrip(".").lower()


def domain_covers(declared: str, cookie_domain: str, site_host: str) -> bool:
    """Whether a declaration's domain covers a cookie stored for ``cookie_domain``.

    An empty declared domain means the site itself: a host-only cookie of the
    site, or one set for a parent domain of it (``.example.org`` seen from
    ``www.example.org``, as analytics scripts do). A declared domain covers itself
    and its subdomains. A cookie of an unrelated host (a third party's) is covered
    only by a declaration naming that host's domain.
    """
    found = _bare(cookie_domain) or _bare(site_host)
    site = _bare(site_host)
    if declared.strip():
        wanted = _bare(declared)
        return found == wanted or found.endswith("." + wanted)
    return found == site or site.endswith("." + found)


def _allowed(phase: str, declaration: Declaration) -> bool:
    """Before a choice and after Reject all, only strictly necessary ones."""
    return phase == ACCEPT or declaration.required


def _verdict(phase, kind, name, domain, matches) -> Finding:
    allowed = [d for d in matches if _allowed(phase, d)]
    if allowed:
        category = allowed[0].category
        reason = (
            "strictly necessary"
            if allowed[0].required
            else f"declared in category {category!r}"
        )
        return Finding(kind, name, OK, reason, domain, category)
    if matches:
        category = matches[0].category
        when = "before any choice" if phase == BEFORE else "after Reject all"
        return Finding(
            kind,
            name,
            VIOLATION,
            f"declared in category {category!r} but present {when}",
            domain,
            category,
        )
    return Finding(kind, name, VIOLATION, "not declared in any category", domain)


def classify_cookies(found, declarations, site_host: str, phase: str) -> list[Finding]:
    """A verdict for each cookie found (Playwright's cookie dicts, or names).

    Before any choice and after Reject all only cookies declared in a strictly
    necessary category are allowed; after Accept all any declared cookie is.
    """
    findings = []
    for cookie in found:
        if isinstance(cookie, str):
            cookie = {"name": cookie, "domain": ""}
        name, domain = cookie["name"], cookie.get("domain") or ""
        matches = [
            d
            for d in declarations
            if d.storage == COOKIE
            and d.covers_name(name)
            and domain_covers(d.domain, domain, site_host)
        ]
        findings.append(_verdict(phase, COOKIE, name, _bare(domain), matches))
    return sorted(findings, key=lambda f: (f.verdict != VIOLATION, f.name, f.domain))


def classify_storage(found: dict, declarations, phase: str) -> list[Finding]:
    """A verdict for each key of ``{"local": [...], "session": [...]}``."""
    findings = []
    for storage in (LOCAL, SESSION):
        for key in found.get(storage, ()):
            matches = [
                d for d in declarations if d.storage == storage and d.covers_name(key)
            ]
            findings.append(_verdict(phase, storage, key, "", matches))
    return sorted(findings, key=lambda f: (f.verdict != VIOLATION, f.kind, f.name))


def classify_requests(urls, site_host: str, phase: str) -> list[Finding]:
    """One finding per other host the page sent requests to.

    Before any choice and after Reject all a request to another host is a
    violation (it tells a third party about the visit); after Accept all it is
    listed for information.
    """
    site = _bare(site_host)
    hosts: dict[str, tuple[str, int]] = {}
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "ws", "wss") or not parts.hostname:
            continue
        host = parts.hostname.lower()
        if host == site:
            continue
        first, count = hosts.get(host, (url, 0))
        hosts[host] = (first, count + 1)
    verdict = INFO if phase == ACCEPT else VIOLATION
    return [
        Finding(
            REQUEST,
            host,
            verdict,
            f"{count} request(s) to another host, first {first}",
            domain=host,
        )
        for host, (first, count) in sorted(hosts.items())
    ]
