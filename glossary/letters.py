"""The A–Z grouping used by the glossary index: which letter a title files under."""

import string
import unicodedata

LETTERS = tuple(string.ascii_uppercase)
OTHER = "#"
#: Every group in display order: A to Z, then "#" for digits and other characters.
GROUPS = (*LETTERS, OTHER)
#: How the "#" group is written in a web address (``?letter=other``).
OTHER_PARAM = "other"


def first_letter(title: str) -> str:
    """The group a title files under: "A"–"Z", or "#" for anything else.

    Leading punctuation is skipped and accents are dropped, so '"Leaky gut"' files
    under L and "Église" under E; "5-HT" and "β-glucan" file under "#".
    """
    for char in unicodedata.normalize("NFKD", title):
        if char.isalnum():
            upper = char.upper()
            return upper if upper in LETTERS else OTHER
    return OTHER


def sort_key(title: str) -> str:
    """How a title sorts in the A–Z: accents, case and leading punctuation ignored.

    Stored with each term (``GlossaryTermPage.sort_title``) and indexed: the
    database's own ``LOWER()`` leaves accented capitals alone on SQLite, and no
    index can cover it on Wagtail's title column.
    """
    decomposed = unicodedata.normalize("NFKD", title)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    start = next((i for i, char in enumerate(plain) if char.isalnum()), len(plain))
    return plain[start:].casefold()[:255]


def letter_to_param(letter: str) -> str:
    return OTHER_PARAM if letter == OTHER else letter.lower()


def param_to_letter(param: str) -> str | None:
    """The group a ``?letter=`` value names, or None if it names none."""
    value = param.strip()
    if value.lower() == OTHER_PARAM or value == OTHER:
        return OTHER
    if len(value) == 1 and value.upper() in LETTERS:
        return value.upper()
    return None
