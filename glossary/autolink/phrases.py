"""Find glossary phrases in plain text: whole words, case-insensitive, longest first.

A phrase and a stretch of text are compared as *keys*: their words (case-folded,
NFC) joined by their separators, where runs of white space become one space, any
dash becomes "-" and any apostrophe becomes "'". So "Gut–skin axis" (en dash) is
found in "the gut-skin axis", but "gut microbiome" is not found in "the gut.
Microbiome", because ". " is a different separator from " ".

The text is scanned word by word and only words that start some phrase are looked
at further, so the cost grows with the length of the text, not with the number of
phrases.
"""

import re
import unicodedata
from dataclasses import dataclass

# Letters, digits and underscore, plus combining marks so that a decomposed "é"
# (e + U+0301) stays inside its word.
WORD_RE = re.compile(
    r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
APOSTROPHES = "'\u2019\u02bc\u2018"
_DASH_RE = re.compile(rf"\s*[{re.escape(DASHES)}]\s*")
_SPACE_RE = re.compile(r"\s+")
_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
# A separator longer than this never joins the words of a glossary phrase.
MAX_SEPARATOR_LENGTH = 8


def fold_word(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def fold_separator(separator: str) -> str:
    separator = _DASH_RE.sub("-", separator)
    separator = _SPACE_RE.sub(" ", separator)
    return separator.translate(_APOSTROPHE_TABLE)


def phrase_key(phrase: str) -> tuple[str, int]:
    """Return the key a phrase is matched by and its number of words.

    A phrase without any word gives ``("", 0)`` and can never match.
    """
    words = list(WORD_RE.finditer(phrase))
    if not words:
        return "", 0
    parts = [fold_word(words[0].group())]
    for previous, word in zip(words, words[1:], strict=False):
        parts.append(fold_separator(phrase[previous.end() : word.start()]))
        parts.append(fold_word(word.group()))
    return "".join(parts), len(words)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    target: int


class PhraseMatcher:
    """Map phrases to targets (any int, e.g. an index into a list of terms).

    ``find`` returns non-overlapping matches, preferring the longest phrase at each
    position; when two phrases share a key, the first one added wins.
    """

    def __init__(self, phrases=()):
        self._targets: dict[str, int] = {}
        self._max_words: dict[str, int] = {}
        for phrase, target in phrases:
            self.add(phrase, target)

    def __len__(self):
        return len(self._targets)

    def add(self, phrase: str, target: int) -> None:
        key, word_count = phrase_key(phrase)
        if not word_count or key in self._targets:
            return
        self._targets[key] = target
        first_word = WORD_RE.match(key).group()
        if self._max_words.get(first_word, 0) < word_count:
            self._max_words[first_word] = word_count

    def find(self, text: str):
        """Yield ``Match`` objects for the phrases in ``text``, left to right."""
        # Lower-casing ASCII keeps every offset, so words are folded in one call.
        if text.isascii():
            folded_text = text.lower()
            folded = WORD_RE.findall(folded_text)
        else:
            folded_text = text
            folded = [fold_word(word) for word in WORD_RE.findall(text)]
        max_words = self._max_words
        starts = [index for index, word in enumerate(folded) if word in max_words]
        if not starts:
            return
        words = list(WORD_RE.finditer(folded_text))
        next_free = 0
        for index in starts:
            if index < next_free:
                continue
            found = self._longest_at(
                text, words, folded, index, max_words[folded[index]]
            )
            if found is None:
                continue
            word_count, target = found
            yield Match(
                words[index].start(), words[index + word_count - 1].end(), target
            )
            next_free = index + word_count

    def _longest_at(self, text, words, folded, index, longest):
        keys = [folded[index]]
        key = keys[0]
        for offset in range(1, min(longest, len(words) - index)):
            before, after = words[index + offset - 1], words[index + offset]
            separator = text[before.end() : after.start()]
            if len(separator) > MAX_SEPARATOR_LENGTH:
                break
            key = key + fold_separator(separator) + folded[index + offset]
            keys.append(key)
        for word_count in range(len(keys), 0, -1):
            target = self._targets.get(keys[word_count - 1])
            if target is not None:
                return word_count, target
        return None
