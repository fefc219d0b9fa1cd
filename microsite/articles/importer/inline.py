"""Inline Markdown in article text: **bold**, *italic* or _italic_, [links](…).

A left-to-right scanner in linear time: a regular expression with lazy spans
(``\\*\\*(.+?)\\*\\*``) rescans the rest of the line from every opener that has no
closer, which took a minute on a 90 KB paragraph. Here each opener finds its closer
with one ``str.find`` or one binary search in the closers found beforehand, and an
opener that fails tells the scanner that the openers up to its candidate closer
fail too. No span crosses a line break, so each line is scanned on its own.
"""

import bisect
import functools
import re
from html import escape
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.http import url_has_allowed_host_and_scheme

from glossary.models.validation import web_url_validator

OPENER = re.compile(r"[\[*_]")
WORD = re.compile(r"\w")
HREF_END = re.compile(r"[)\s]")
STAR_CLOSER = re.compile(r"(?<=[^*\s])\*(?![\w*])")
UNDERSCORE_CLOSER = re.compile(r"(?<=[^_\s])_(?!\w)")
# Percent-encoded slashes and backslashes: some browsers decode them in a path.
ENCODED_SLASH = re.compile(r"%(2f|5c)", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def is_safe_href(href: str) -> bool:
    """Whether a link address may become an ``href``: a web URL or a site path.

    Absolute addresses must pass Django's ``URLValidator`` for http and https.
    Site paths must start with one ``/`` and pass Django's
    ``url_has_allowed_host_and_scheme`` with no allowed host, so that neither a
    scheme nor a host can hide in them (``/\\evil.example`` reads as
    ``//evil.example`` in browsers); backslashes and encoded slashes are refused
    anywhere in them. ``mailto:`` addresses are allowed.
    """
    if href.lower().startswith(("http://", "https://")):
        try:
            web_url_validator(href)
        except ValidationError:
            return False
        return True
    if href.lower().startswith("mailto:"):
        return len(href) > len("mailto:") and href.isprintable()
    return (
        href.startswith("/")
        and not href.startswith("//")
        and "\\" not in href
        and not ENCODED_SLASH.search(href)
        and href.isprintable()
        and url_has_allowed_host_and_scheme(href, allowed_hosts=set())
    )


class Span(NamedTuple):
    """A piece of inline markup: its kind, the text inside and its source."""

    kind: str  # "link", "bold" or "italic"
    inner: str
    source: str
    href: str = ""


def inline_html(text: str) -> str:
    """Escape text and turn the inline Markdown we support into rich-text HTML."""
    if not OPENER.search(text):
        return escape(text, quote=False)
    return "\n".join(
        "".join(_piece_html(piece) for piece in scan(line)) for line in text.split("\n")
    )


def plain_text(text: str) -> str:
    """The text with inline Markdown markers removed, for plain-text fields."""
    if not OPENER.search(text):
        return text.strip()
    return "\n".join(
        "".join(_piece_text(piece) for piece in scan(line)) for line in text.split("\n")
    ).strip()


def _piece_html(piece) -> str:
    if isinstance(piece, str):
        return escape(piece, quote=False)
    if piece.kind == "link":
        if not is_safe_href(piece.href):
            return escape(piece.source, quote=False)
        return f'<a href="{escape(piece.href)}">{inline_html(piece.inner)}</a>'
    tag = "b" if piece.kind == "bold" else "i"
    return f"<{tag}>{inline_html(piece.inner)}</{tag}>"


def _piece_text(piece) -> str:
    if isinstance(piece, str):
        return piece
    if piece.kind == "link":
        return piece.inner
    return plain_text(piece.inner)


def scan(line: str) -> list:
    """The line as plain strings and ``Span``s, left to right."""
    return _LineScanner(line).pieces()


class _LineScanner:
    def __init__(self, line: str):
        self.line = line
        self.closers = {}  # marker → positions of the closers, found when needed
        self.links_fail_before = -1  # every '[' before this index is no link
        self.href_end = (-1, -1)  # the last search for an address's end, and where
        self.bold_fails_from = len(line)  # no '**' from here on closes a bold

    def pieces(self) -> list:
        line, pieces, done, position = self.line, [], 0, 0
        while match := OPENER.search(line, position):
            start = match.start()
            span = self.span_at(start)
            if span is None:
                position = start + 1
                continue
            if start > done:
                pieces.append(line[done:start])
            pieces.append(span)
            done = position = start + len(span.source)
        if done < len(line):
            pieces.append(line[done:])
        return pieces

    def span_at(self, start: int) -> Span | None:
        char = self.line[start]
        if char == "[":
            return self.link_at(start)
        if char == "*":
            return self.bold_at(start) or self.emphasis_at(start, "*")
        return self.emphasis_at(start, "_")

    def link_at(self, start: int) -> Span | None:
        """``[text](address)``: text without ']', an address without ')' or spaces."""
        if start < self.links_fail_before:
            return None
        line = self.line
        close = line.find("]", start)
        if close < 0:
            self.links_fail_before = len(line)
            return None
        end = self.address_end(close + 2) if line.startswith("(", close + 1) else -1
        if close == start + 1 or end in (-1, close + 2) or line[end] != ")":
            # The openers up to this ']' would meet it too, and fail alike.
            self.links_fail_before = close
            return None
        return Span(
            "link",
            line[start + 1 : close],
            line[start : end + 1],
            line[close + 2 : end],
        )

    def address_end(self, start: int) -> int:
        """Where the address from ``start`` ends (a ')' or a space), or -1."""
        searched_from, found = self.href_end
        if not searched_from <= start <= found:
            match = HREF_END.search(self.line, start)
            found = match.start() if match else len(self.line)
            self.href_end = (start, found)
        return -1 if found == len(self.line) else found

    def bold_at(self, start: int) -> Span | None:
        if not self.line.startswith("**", start) or start >= self.bold_fails_from:
            return None
        close = self.line.find("**", start + 3)
        if close < 0:
            self.bold_fails_from = start
            return None
        return Span("bold", self.line[start + 2 : close], self.line[start : close + 2])

    def emphasis_at(self, start: int, marker: str) -> Span | None:
        line = self.line
        before = line[start - 1] if start else ""
        after = line[start + 1 : start + 2]
        if WORD.match(before) or (marker == "*" and before == "*"):
            return None
        if not after or after == marker or after.isspace():
            return None
        closers = self.closers.get(marker)
        if closers is None:
            pattern = STAR_CLOSER if marker == "*" else UNDERSCORE_CLOSER
            closers = self.closers[marker] = [
                match.start() for match in pattern.finditer(line)
            ]
        # As the old ``x(?:.*?y)?`` did: a closer after two or more characters
        # first, a closer right after one character only when there is none.
        index = bisect.bisect_right(closers, start + 2)
        if index < len(closers):
            close = closers[index]
        elif closers and closers[-1] == start + 2:
            close = start + 2
        else:
            return None
        return Span("italic", line[start + 1 : close], line[start : close + 1])
