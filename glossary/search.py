"""Search that finds what readers type: plurals, word starts and exact names first.

Wagtail's database backends match whole words only, and SQLite's full-text index
does not stem: "probiotic" missed "probiotics", "butyrat" missed "Butyrate". So a
search here runs two of Wagtail's searches, each one query whatever the number of
pages, for every word of the query in its singular and plural forms:

1. ``search()``, whole words in every ``SearchField``, ranked by the backend
   (PostgreSQL stems the words too; SQLite needs both forms spelled out);
2. ``autocomplete()``, the start of every word in the ``AutocompleteField``s (a
   term's title, synonyms and definition, a page's title, an article's intro).

Pages whose title, or a term's synonym, is what the reader typed come first, then
the full-text matches in the backend's order, then those only word starts found.
This ordering is the hand-written part: neither database backend can rank an
exact name above a page that repeats the word more often (SQLite ignores field
boosts other than the title's).
"""

import re
from collections.abc import Callable, Sequence

from django.db.models import BooleanField, ExpressionWrapper, Q
from wagtail.search.query import And, Or, PlainText

# A search reads at most this many pages; nobody pages through more.
MAX_RESULTS = 500

_HAS_LETTER_OR_DIGIT = re.compile(r"\w")
_SIBILANT_PLURAL = re.compile(r"(s|x|z|ch|sh)es$")


def words_of(query: str) -> list[str]:
    """The query's words, lowercased; symbols alone are not words and match nothing."""
    return [word for word in query.lower().split() if _HAS_LETTER_OR_DIGIT.search(word)]


def singulars(word: str) -> set[str]:
    """What ``word`` may be the plural of, by the regular English rules.

    "acids" → "acid", "allergies" → "allergy", "stresses" → "stress" (and
    "stresse": a spare spelling costs nothing and covers "diseases" → "disease").
    Words ending in -ss, -us and -is ("stress", "bacillus", "dysbiosis") are
    singular already.
    """
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return set()
    if word.endswith("ies") and len(word) > 4:
        return {word[:-3] + "y"}
    if _SIBILANT_PLURAL.search(word):
        return {word[:-2], word[:-1]}
    return {word[:-1]}


def plural(word: str) -> str:
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def word_forms(word: str) -> set[str]:
    """The word, what it may be the plural of, and their plurals."""
    bases = singulars(word) or {word}
    return {word, *bases, *(plural(base) for base in bases)}


def phrase_forms(words: list[str]) -> set[str]:
    """The query with its last word in either number: "leaky guts", "leaky gut"."""
    *leading, last = words
    return {" ".join([*leading, form]) for form in word_forms(last)}


def any_form_of_each_word(words: list[str]):
    """A Wagtail search query: every word, in any of its forms."""
    return And(
        [
            Or([PlainText(form, operator="and") for form in sorted(word_forms(word))])
            for word in words
        ]
    )


def exact_name_q(words: list[str]) -> Q:
    """Pages titled as the query, or glossary terms with it as a synonym.

    Valid on any page queryset: a term's primary key is its page's.
    """
    from glossary.models import GlossaryTermSynonym

    title_q = Q()
    synonym_q = Q()
    for name in phrase_forms(words):
        title_q |= Q(title__iexact=name)
        synonym_q |= Q(name__iexact=name)
    synonym_pages = GlossaryTermSynonym.objects.filter(synonym_q).values("page_id")
    return title_q | Q(pk__in=synonym_pages)


def ranked_search(pages, query: str, *, load: Callable = list) -> "RankedResults":
    """``pages`` matching ``query``, best first, as a sequence a Paginator pages.

    ``pages`` is the queryset to search in, with the columns a result needs
    (``only()``) but no ``prefetch_related`` or ``specific()``: both searches load
    every match. ``load`` turns the list of pages on one page of results into what
    the template shows (prefetches, specific pages), in the same order.
    """
    words = words_of(query)
    if not words:
        return RankedResults([], load)
    # Whether a result is an exact name is read with the results, at no extra query.
    matches = pages.order_by().annotate(
        is_exact_name=ExpressionWrapper(exact_name_q(words), BooleanField())
    )
    search_query = any_form_of_each_word(words)
    full_text = matches.search(search_query)[:MAX_RESULTS]
    word_starts = matches.autocomplete(search_query)[:MAX_RESULTS]
    found = {}
    for page in [*full_text, *word_starts]:
        found.setdefault(page.pk, page)
    # A stable sort: exact names first, each group in the order the backends gave.
    ranked = sorted(found.values(), key=lambda page: not page.is_exact_name)
    return RankedResults(ranked[:MAX_RESULTS], load)


class RankedResults(Sequence):
    """Matching pages in rank order; a slice is ``load``-ed, a page of results."""

    def __init__(self, pages: list, load: Callable = list):
        self.pages = pages
        self.load = load

    def __len__(self) -> int:
        return len(self.pages)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.load(self.pages[index])
        return self.pages[index]
