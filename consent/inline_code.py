"""The code the plugin writes inline into pages, read once from its files.

One home for the tag that inlines it and for the CSP hashes that allow it
(``consent.csp``); importing this module touches no model and no setting.
"""

import re
from functools import lru_cache
from pathlib import Path

HEAD_SCRIPT = Path(__file__).resolve().parent / "static" / "consent" / "head.js"
# Comments on lines of their own: every page would carry them.
COMMENT_LINES = re.compile(r"^[ \t]*(//[^\n]*|/\*.*?\*/)[ \t]*\n", re.M | re.S)


def without_comment_lines(code: str) -> str:
    return COMMENT_LINES.sub("", code)


@lru_cache(maxsize=1)
def head_script() -> str:
    """What ``{% consent_head_script %}`` puts inside its ``<script>``: head.js
    without the comments on lines of their own."""
    return without_comment_lines(HEAD_SCRIPT.read_text(encoding="utf-8"))


def inline_scripts() -> tuple[str, ...]:
    """Every inline script the plugin renders, as the browser hashes it."""
    return (head_script(),)


def inline_styles() -> tuple[str, ...]:
    """Every inline ``<style>`` the plugin renders on public pages: none."""
    return ()
