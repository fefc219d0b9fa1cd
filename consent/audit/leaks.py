"""The leak check: does a request that leaves the site carry what a sensitive
page is about? Pure functions; ``consent.audit.browser`` gathers the requests.

A page is described by its title(s) and path; a request leaks when its URL,
``Referer`` or body holds the title, the slug or the path as it is, in lower
case, percent-encoded (``%20`` or ``+`` for spaces, either hex case) or in
base64 (standard or URL-safe, at any position inside a longer base64 text).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from urllib.parse import quote, quote_plus, unquote, unquote_plus, urlsplit

from .classify import LEAK, VIOLATION, Finding, _bare

# Shorter words would match by chance ("gut" in "gutter").
MIN_LENGTH = 4


@dataclass(frozen=True)
class Needle:
    text: str  # what is looked for
    what: str  # "title “Butyrate”", "slug “butyrate”", "path “/glossary/butyrate/”"
    form: str  # "as is", "percent-encoded", "base64"
    case_sensitive: bool = False


@dataclass(frozen=True)
class Leak:
    where: str  # "URL", "Referer", "body"
    needle: Needle

    @property
    def reason(self) -> str:
        return (
            f"its {self.where} holds the page's {self.needle.what} ({self.needle.form})"
        )


def page_words(titles, url: str) -> list[tuple[str, str]]:
    """``[(kind, text)]``: the titles, the slug and the path of a page."""
    path = unquote(urlsplit(url).path)
    slug = path.rstrip("/").rpartition("/")[2]
    words = [("title", t.strip()) for t in titles if t and t.strip()]
    words += [("slug", slug), ("path", path)]
    seen, unique = set(), []
    for kind, text in words:
        if len(text) >= MIN_LENGTH and text.lower() not in seen:
            seen.add(text.lower())
            unique.append((kind, text))
    return unique


def base64_cores(data: bytes) -> set[str]:
    """What the base64 of any text containing ``data`` contains, whatever the
    position of ``data`` in it: for each of the three alignments, the groups of
    four characters made of ``data``'s bytes only."""
    cores = set()
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + data).decode()
        end = (offset + len(data)) // 3 * 4
        core = encoded[4 if offset else 0 : end]
        if len(core) >= 4:
            cores.add(core)
            cores.add(core.replace("+", "-").replace("/", "_"))
    return cores


def needles_for(titles, url: str) -> list[Needle]:
    needles = []
    for kind, text in page_words(titles, url):
        what = f"{kind} “{text}”"
        forms = {text: "as is", text.lower(): "lower case"}
        for variant in (text, text.lower()):
            forms.setdefault(quote(variant, safe=""), "percent-encoded")
            forms.setdefault(quote(variant, safe="/"), "percent-encoded")
            forms.setdefault(quote_plus(variant, safe=""), "percent-encoded")
        needles += [Needle(form, what, label) for form, label in forms.items()]
        for variant in {text, text.lower()}:
            needles += [
                Needle(core, what, "base64", case_sensitive=True)
                for core in sorted(base64_cores(variant.encode()))
            ]
    return needles


def find_leak(needles, url: str, referer: str = "", body: bytes = b"") -> Leak | None:
    """The first needle found in the request, or None."""
    body_text = (body or b"").decode("utf-8", errors="replace")
    places = [("URL", url), ("Referer", referer or ""), ("body", body_text)]
    for where, text in places:
        # Encoded in part, or twice: compare the decoded text as well.
        lowered = " ".join(
            {text, unquote(text), unquote_plus(text), unquote(unquote(text))}
        ).lower()
        for needle in needles:
            found = (
                needle.text in text
                if needle.case_sensitive
                else needle.text.lower() in lowered
            )
            if found:
                return Leak(where, needle)
    return None


@dataclass(frozen=True)
class SentRequest:
    """A request the browser sent, as the leak check reads it."""

    url: str
    referer: str = ""
    body: bytes = b""


def classify_leaks(sent, titles, page_url: str, site_host: str) -> list[Finding]:
    """A violation per request to another host that carries the page's title,
    slug or path (``sent``: SentRequest values)."""
    needles = needles_for(titles, page_url)
    findings = []
    for request in sent:
        host = (urlsplit(request.url).hostname or "").lower()
        if not host or host == _bare(site_host):
            continue
        leak = find_leak(needles, request.url, request.referer, request.body)
        if leak is not None:
            findings.append(
                Finding(LEAK, request.url, VIOLATION, leak.reason, domain=host)
            )
    return findings
