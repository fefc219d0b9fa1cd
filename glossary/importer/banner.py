"""Find the cookie banner that pages copied from another site carry at their end.

A copied page often ends with the old site's cookie notice: an intro sentence, a
heading, one line per category (marketing, analytics, personalisation…) and
buttons, worded differently on every page. Matching those lines one by one misses
any wording nobody foresaw, so the whole trailing block is found by its shape:

* going back from the end of the page, past navigation and footer lines, collect
  the run of short lines (a section heading, a long paragraph or the 40th line
  stops it);
* in that run, the banner starts at a line that starts with a capital and speaks
  of cookies, consent or privacy as a website does ("We use cookies…", "Your
  privacy matters", a heading such as "Cookie settings");
* from there to the end, at least two lines talk about cookies, consent, their
  categories or buttons, and at most one line says something else (short lines
  such as buttons aside; a line starting in lower case continues the one above).

The earliest such opening line wins.

A paragraph of the term that mentions marketing, analytics, a patient's consent
or biscuits never opens a banner, and a single line about cookies is never a
banner, so content stays.
"""

import re
from dataclasses import dataclass

from .furniture import is_furniture

# Longer lines are paragraphs of content: they end the search.
MAX_BANNER_LINE = 400
# No cookie notice runs longer; the search looks no further back.
MAX_BANNER_LINES = 40
HEADING_MAX_LENGTH = 60

SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
SECTION_HEADING = re.compile(r"^\s*#|^\s*(origin|mechanism)\s*:?\s*$", re.I)
# Words of a cookie notice and of its categories and buttons.
BANNER_WORDS = re.compile(
    r"\b(cookies?|consent\w*|privacy|preferences?|settings|choices|analytics?"
    r"|analytical|statistics|performance|marketing|advertis\w*|adverts?|ads"
    r"|personali[sz]\w*|tailor\w*|necessary|essential|functional|tracking"
    r"|trackers?|third[- ]part\w*|accept\w*|reject\w*|decline|opt[- ]?(in|out)"
    r"|partners?|visit\w*|site|website|brows\w*|remembers?)\b",
    re.I,
)
# How a website speaks of cookies, consent or privacy, unlike a paragraph about
# biscuits or a patient's consent.
OPENING = re.compile(
    r"\bcookies?\b.*\b(our|this (web)?site|website|browser|device|computer"
    r"|your experience|preferences?|settings|choices|accept\w*|reject\w*|policy"
    r"|technologies)\b"
    r"|\b(our|this (web)?site|website|browser|device|computer|your experience"
    r"|use|uses|set|sets|stores?|accept\w*|reject\w*|third[- ]part\w*)\b.*\bcookies?\b"
    r"|\byour privacy\b"
    r"|\b(privacy|consent|cookie) (policy|settings|preferences|choices|centre|center"
    r"|manager|notice)\b"
    r"|\bmanage (your )?(consent|cookies|privacy)\b",
    re.I,
)
HEADING_WORDS = re.compile(r"\b(cookies?|consent|privacy)\b", re.I)
# Short lines such as buttons ("Accept all", "Always active").
LABEL_MAX_LENGTH = 40


@dataclass(frozen=True)
class Banner:
    start: int  # index of its first line
    end: int  # index after its last line (footer lines may follow)
    line_count: int  # its non-blank lines


def plain(line: str) -> str:
    """The line with any kind of space as one space and straight quotes."""
    return SPACES.sub(" ", line.translate(QUOTES)).strip()


def find_trailing_banner(lines: list[str], start: int, furniture) -> Banner | None:
    """The cookie banner ending ``lines`` (searched from ``start``), or None."""
    end = len(lines)
    while end > start and _is_footer(lines[end - 1], furniture):
        end -= 1
    # Going back over the run of short lines, count what each suffix holds, so
    # that each possible opening line is judged in constant time.
    talking = others = count = 0
    found = None
    index = end
    while index > start:
        text = plain(lines[index - 1])
        if SECTION_HEADING.match(text) or len(text) > MAX_BANNER_LINE:
            break
        index -= 1
        if not text:
            continue
        count += 1
        if count > MAX_BANNER_LINES:
            break
        if text[0].islower():
            continue  # the rest of the line above
        if BANNER_WORDS.search(text):
            talking += 1
        elif len(text) > LABEL_MAX_LENGTH:
            others += 1
            if others > 1:
                break
        if talking >= 2 and _opens_banner(text):
            found = Banner(index, end, count)
    return found


def _is_footer(line: str, furniture) -> bool:
    """Blank, or navigation and footer text that says nothing about cookies."""
    text = plain(line)
    return not text or (is_furniture(text, furniture) and not BANNER_WORDS.search(text))


def _opens_banner(text: str) -> bool:
    """A line that starts like a sentence and speaks of cookies as a website does."""
    if text[0].islower():
        return False
    return bool(OPENING.search(text)) or (
        _is_heading(text) and bool(HEADING_WORDS.search(text))
    )


def _is_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX_LENGTH and not re.search(r"[.!?]$", text)
