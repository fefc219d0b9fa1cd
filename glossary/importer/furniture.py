"""Lines of site furniture that pages copied from other glossaries bring along.

Each pattern is a regular expression searched (case-insensitively) in a stripped
line. A line that matches is dropped, and so are the lines right after it that start in
lower case (the rest of a wrapped sentence, as in a cookie notice). Override the list
with the ``GLOSSARY_IMPORT_FURNITURE_PATTERNS`` setting.
"""

import re

from django.conf import settings

DEFAULT_FURNITURE_PATTERNS = [
    # Cookie banners and preference panels.
    r"^we use cookies\b",
    r"^this (web)?site uses cookies\b",
    r"^(detailed )?cookie (preferences|settings|policy|consent)\b",
    r"^(accept|reject|decline|allow|deny)( all| selected)?( cookies)?$",
    r"^(save|manage|update) (my )?(preferences|settings|choices)$",
    r"^(strictly )?necessary cookies\b",
    r"^(marketing|analytics?|analytical|personali[sz]ation|performance|functional"
    r"|advertising|targeting|statistics) cookies\b",
    # Sharing bars.
    r"^share( this)?( page| article| term| post)?:?$",
    r"^share (on|via|to) ",
    r"^(facebook|twitter|x|linkedin|e-?mail|whatsapp|pinterest|reddit|copy link)$",
    # Navigation, breadcrumbs and footers.
    r"^skip to (main )?content$",
    r"^(home|menu|search|back|back to top|back to (the )?glossary|glossary|a[-–]z)$",
    r"^home\s*[>›»/|]",
    r"^(previous|next)( term| article| page)?\s*[:»›>]",
    r"^(previous|next)( term| article| page)?$",
    r"^[«‹←]\s",
    r"\s[»›→]$",
    r"^(©|\(c\)|copyright\b)",
    r"^all rights reserved\b",
]


def furniture_patterns(patterns=None) -> list[re.Pattern]:
    """Compile ``patterns``, or the setting, or the defaults above."""
    if patterns is None:
        patterns = getattr(
            settings, "GLOSSARY_IMPORT_FURNITURE_PATTERNS", DEFAULT_FURNITURE_PATTERNS
        )
    return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]


def is_furniture(line: str, patterns: list[re.Pattern]) -> bool:
    stripped = line.strip()
    return any(pattern.search(stripped) for pattern in patterns)
