"""Split a definition that is too long for the field at a sentence boundary.

The lead sentences that fit become the definition; the rest is returned so that
it can open a further section. Nothing is dropped: the two parts joined by a
space give back the text.
"""

import re

# Abbreviations after which a full stop does not end the sentence.
ABBREVIATIONS = frozenset(
    {
        *("e.g", "i.e", "etc", "cf", "vs", "approx", "ca", "incl", "resp", "al"),
        *("dr", "mr", "mrs", "ms", "prof", "st", "fig", "figs", "no", "nos", "vol"),
        *("sp", "spp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep"),
        *("sept", "oct", "nov", "dec"),
    }
)
# A full stop, question or exclamation mark (and any closing quotes or brackets),
# then spaces, then what may start a sentence.
BOUNDARY = re.compile(r"""[.!?]["'”’)\]]*(\s+)(?=["'“‘(\[]?[A-Z0-9À-Ý])""")


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence of ``text`` except the last."""
    ends = []
    for match in BOUNDARY.finditer(text):
        if not _after_abbreviation(text, match.start()):
            ends.append(match.start(1))
    return ends


def _after_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = text[: dot + 1].rsplit(None, 1)[-1].lstrip("(\"'“‘[").rstrip(".")
    # "e.g.", "Dr.", an initial ("J. Smith") or letters with stops ("U.S.").
    return (
        word.casefold() in ABBREVIATIONS
        or (len(word) == 1 and word.isalpha())
        or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))
    )


def split_definition(text: str, limit: int) -> tuple[str, str] | None:
    """``(lead, rest)`` with ``lead`` at most ``limit`` characters, or None.

    ``lead`` is the longest run of whole sentences that fits; when even the first
    sentence is too long, it is cut after the last whole word that fits: the lead
    ends with "…" and the rest starts with it. None when no word boundary fits.
    """
    if len(text) <= limit:
        return text, ""
    fitting = [end for end in sentence_ends(text) if end <= limit]
    if fitting:
        end = fitting[-1]
        return text[:end].rstrip(), text[end:].strip()
    cut = text.rfind(" ", 0, limit)  # the "…" takes the place of the space
    if cut <= 0:
        return None
    return text[:cut].rstrip() + "…", "…" + text[cut:].strip()
