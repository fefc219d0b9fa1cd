"""Insert glossary links into HTML without ever rewriting markup.

The HTML is split into tags and text with one regular expression; only text
outside links, headings, code and other excluded elements is searched, and the
tags themselves pass through byte for byte.
"""

import html
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from django.utils.html import escape

from .phrases import PhraseMatcher

# The alternatives inside the tag pattern start with different characters, so a
# malformed tag fails in linear time instead of backtracking exponentially.
TOKEN_RE = re.compile(
    r"""
    <!--.*?(?:-->|\Z)                                  # comment
    | <(script|style|textarea|title)\b[^>]*>.*?(?:</\1\s*>|\Z)  # raw text element
    | <[!?][^>]*>                                      # doctype, processing instruction
    | </?[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>          # tag, quoted values may hold >
    | </?[a-zA-Z][^>]*>                                # tag with an unclosed quote
    """,
    re.S | re.I | re.X,
)
TAG_NAME_RE = re.compile(r"</?([a-zA-Z][^\s/>]*)")
OPT_OUT_RE = re.compile(r"\sdata-no-autolink\b", re.I)

# Elements whose text is never linked: links (no nesting), headings, code, and
# controls whose text is not prose.
EXCLUDED_ELEMENTS = frozenset(
    [
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "button",
        "select",
        "option",
        "label",
        "svg",
        "math",
        "template",
    ]
)
VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


@dataclass(frozen=True, slots=True)
class LinkTarget:
    term_id: int
    url: str
    definition: str


@dataclass
class LinkState:
    """What one page has linked so far, shared by every tag on the page."""

    linked_term_ids: set = field(default_factory=set)
    excluded_term_ids: frozenset = frozenset()


class TermLinker:
    """Everything needed to link one version of the glossary.

    It remembers its latest results (``memo_size`` of them): the same article
    rendered again by this process is linked at the cost of a dictionary lookup.
    A new glossary version gets a new linker, so the memo never goes stale.
    """

    def __init__(self, phrases: PhraseMatcher, targets: list[LinkTarget], memo_size=64):
        self.phrases = phrases
        self.targets = targets
        self.memo_size = memo_size
        self._memo: OrderedDict = OrderedDict()
        self._memo_lock = threading.Lock()

    def held(self) -> tuple:
        """What this linker holds in memory (for size reports): its phrases, its
        targets and its remembered results."""
        with self._memo_lock:
            return self.phrases, self.targets, list(self._memo.items())

    def link(self, markup: str, state: LinkState) -> tuple[str, int]:
        """Return ``markup`` with terms linked, and how many links were added."""
        if not self.targets:
            return markup, 0
        key = (
            markup,
            frozenset(state.linked_term_ids),
            frozenset(state.excluded_term_ids),
        )
        with self._memo_lock:
            remembered = self._memo.get(key)
            if remembered is not None:
                self._memo.move_to_end(key)
        if remembered is None:
            before = set(state.linked_term_ids)
            remembered = (*self._link(markup, state), state.linked_term_ids - before)
            if self.memo_size:
                with self._memo_lock:
                    self._memo[key] = remembered
                    while len(self._memo) > self.memo_size:
                        self._memo.popitem(last=False)
            return remembered[0], remembered[1]
        linked, count, newly_linked = remembered
        state.linked_term_ids |= newly_linked
        return linked, count

    def _link(self, markup: str, state: LinkState) -> tuple[str, int]:
        pieces = []
        skipping: list[list] = []  # [tag name, nesting depth] of excluded elements
        added = 0
        position = 0
        for token in TOKEN_RE.finditer(markup):
            if token.start() > position:
                text, count = self._link_text(
                    markup[position : token.start()], state, skipping
                )
                pieces.append(text)
                added += count
            pieces.append(token.group())
            _track_exclusions(token.group(), skipping)
            position = token.end()
        if position < len(markup):
            text, count = self._link_text(markup[position:], state, skipping)
            pieces.append(text)
            added += count
        return "".join(pieces), added

    def _link_text(self, raw: str, state: LinkState, skipping) -> tuple[str, int]:
        if skipping:
            return raw, 0
        has_entities = "&" in raw
        text = html.unescape(raw) if has_entities else raw
        pieces = []
        position = 0
        for match in self.phrases.find(text):
            target = self.targets[match.target]
            term_id = target.term_id
            if term_id in state.linked_term_ids or term_id in state.excluded_term_ids:
                continue
            state.linked_term_ids.add(term_id)
            before = text[position : match.start]
            pieces.append(escape(before) if has_entities else before)
            pieces.append(_anchor(target, text[match.start : match.end]))
            position = match.end
        if not pieces:
            return raw, 0
        rest = text[position:]
        pieces.append(escape(rest) if has_entities else rest)
        return "".join(pieces), len(pieces) // 2


def _anchor(target: LinkTarget, text: str) -> str:
    return (
        f'<a href="{escape(target.url)}" class="glossary-term" '
        f'data-definition="{escape(target.definition)}">{escape(text)}</a>'
    )


def _track_exclusions(tag: str, skipping: list) -> None:
    name_match = TAG_NAME_RE.match(tag)
    if name_match is None:
        return
    name = name_match.group(1).lower()
    if tag.startswith("</"):
        if skipping and skipping[-1][0] == name:
            skipping[-1][1] -= 1
            if not skipping[-1][1]:
                skipping.pop()
        return
    if name in VOID_ELEMENTS or tag.endswith("/>"):
        return
    if skipping and skipping[-1][0] == name:
        skipping[-1][1] += 1
    elif name in EXCLUDED_ELEMENTS or OPT_OUT_RE.search(tag):
        skipping.append([name, 1])
