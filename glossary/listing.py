"""What one request to a glossary index shows: filters read from the query string.

The index understands four parameters, which combine:

- ``?letter=b``: terms filed under B (``?letter=other`` for digits and symbols);
- ``?topic=skin``: terms tagged with the topic whose slug is ``skin``;
- ``?q=flora``: search the terms the letter and topic select, by relevance;
- ``?page=2``: the second page of whatever the other parameters select.

Bad values never raise: the listing carries an HTTP status and a message instead.
"""

import unicodedata
from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext, ngettext

from glossary.a_to_z import for_glossary
from glossary.conf import get_setting
from glossary.letters import GROUPS, OTHER, letter_to_param, param_to_letter
from glossary.models import GlossaryTermPage, Topic
from glossary.models.querysets import LISTING_FIELDS
from glossary.search import ranked_search


@dataclass(frozen=True)
class FilterLink:
    label: str
    href: str
    is_current: bool = False
    is_available: bool = True


@dataclass
class TermListing:
    base_url: str
    query: str = ""
    letter: str | None = None
    topic: Topic | None = None
    letters: list[FilterLink] = field(default_factory=list)
    topics: list[FilterLink] = field(default_factory=list)
    page: object = None
    groups: list[tuple[str, list]] = field(default_factory=list)
    previous_url: str = ""
    next_url: str = ""
    status: int = 200
    message: str = ""
    max_query_length: int = field(
        default_factory=lambda: get_setting("GLOSSARY_SEARCH_MAX_LENGTH")
    )

    @property
    def terms(self) -> list:
        return list(self.page.object_list) if self.page else []

    @property
    def is_search(self) -> bool:
        return bool(self.query)

    @property
    def is_filtered(self) -> bool:
        return bool(self.query or self.letter or self.topic)

    @property
    def scope(self) -> str:
        """Where the letter and topic narrow the list: "in Mood, letter S"."""
        if self.topic and self.letter:
            return gettext("in %(topic)s, letter %(letter)s") % {
                "topic": self.topic.name,
                "letter": self.letter,
            }
        if self.topic:
            return gettext("in %(topic)s") % {"topic": self.topic.name}
        if self.letter:
            return gettext("under letter %(letter)s") % {"letter": self.letter}
        return ""

    @property
    def hidden_filters(self) -> dict[str, str]:
        """The letter and topic a new search from this listing keeps."""
        return {
            key: value
            for key, value in self._params().items()
            if key in ("letter", "topic") and value
        }

    @property
    def search_all_url(self) -> str:
        """The same search over every term of the glossary."""
        return self.url(letter=None, topic=None)

    def url(self, **params) -> str:
        """This listing's address with ``params`` changed (None drops one).

        The search is kept: letter links, topic links and pages search too.
        """
        current = self._params()
        current.update(params)
        query = {key: value for key, value in current.items() if value}
        return f"{self.base_url}?{urlencode(query)}" if query else self.base_url

    def _params(self) -> dict:
        return {
            "letter": letter_to_param(self.letter) if self.letter else None,
            "topic": self.topic.slug if self.topic else None,
            "page": None,
            "q": self.query or None,
        }


class ListingError(Exception):
    def __init__(self, message: str, status: int = 404):
        super().__init__(message)
        self.message = message
        self.status = status


def build_listing(glossary, request) -> TermListing:
    """Read the request's filters and select one page of this glossary's terms.

    The order, letters, topics and counts come from the glossary's A–Z kept in
    memory (``glossary.a_to_z``), the page of terms shown from the database by id.
    """
    params = request.GET
    listing = TermListing(base_url=glossary.get_url(request) or "")
    a_to_z = for_glossary(glossary)
    topics = [Topic(pk=pk, name=name, slug=slug) for pk, name, slug in a_to_z.topics]
    in_use = None
    try:
        listing.query = _read_query(params)
        listing.topic = _read_topic(params, topics)
        topic_id = listing.topic.pk if listing.topic else None
        in_use = a_to_z.listing(topic_id)[1]
        listing.letter = _read_letter(params, in_use, listing.topic)
        if listing.query:
            published = GlossaryTermPage.objects.published().in_glossary(glossary)
            terms = published.with_topic(listing.topic) if listing.topic else published
            _select_page(listing, terms, params)
        else:
            _select_page(listing, a_to_z.listing(topic_id, listing.letter)[0], params)
    except ListingError as error:
        listing.status = error.status
        listing.message = error.message
    if in_use is None:
        in_use = a_to_z.listing()[1]
    listing.letters = _letter_links(listing, in_use)
    listing.topics = _topic_links(listing, topics)
    return listing


def _read_query(params) -> str:
    # Control characters and double quotes mean nothing in a glossary search, and
    # SQLite's full-text backend puts each query in unescaped double quotes, where
    # either one is a syntax error: read them as spaces.
    query = "".join(
        " " if char == '"' or unicodedata.category(char)[0] == "C" else char
        for char in params.get("q", "")
    )
    query = " ".join(query.split())
    limit = get_setting("GLOSSARY_SEARCH_MAX_LENGTH")
    if len(query) > limit:
        raise ListingError(
            gettext(
                "Your search is %(length)s characters long. Please shorten it to "
                "%(limit)s characters or fewer."
            )
            % {"length": len(query), "limit": limit},
            status=400,
        )
    return query


def _read_topic(params, topics) -> Topic | None:
    slug = params.get("topic", "").strip()
    if not slug:
        return None
    for topic in topics:
        if topic.slug == slug:
            return topic
    raise ListingError(
        gettext("This glossary has no terms under the topic “%(topic)s”.")
        % {"topic": slug}
    )


def _read_letter(params, in_use, topic=None) -> str | None:
    value = params.get("letter", "")
    if not value.strip():
        return None
    letter = param_to_letter(value)
    if letter is None:
        raise ListingError(
            gettext(
                "“%(value)s” is not a letter we can list. Choose a letter from A to "
                "Z, or “#” for terms that start with a number or symbol."
            )
            % {"value": value[:20]}
        )
    if letter not in in_use:
        if topic:
            message = gettext(
                "No terms under the topic “%(topic)s” start with “%(letter)s” yet."
            ) % {"topic": topic.name, "letter": letter}
        else:
            message = gettext(
                "No terms in this glossary start with “%(letter)s” yet."
            ) % {"letter": letter}
        raise ListingError(message)
    return letter


def _letter_links(listing, in_use) -> list[FilterLink]:
    return [
        FilterLink(
            label=letter,
            href=listing.url(letter=letter_to_param(letter)),
            is_current=letter == listing.letter,
            is_available=letter in in_use,
        )
        for letter in GROUPS
    ]


def _topic_links(listing, topics) -> list[FilterLink]:
    # Another topic starts from its whole A–Z: the chosen letter may have no terms
    # there, and a link should never lead to an empty page. "All topics" has every
    # letter the topic had, so it keeps the letter.
    every = FilterLink(
        gettext("All topics"), listing.url(topic=None), listing.topic is None
    )
    return [every] + [
        FilterLink(
            topic.name,
            listing.url(topic=topic.slug, letter=None),
            topic == listing.topic,
        )
        for topic in topics
    ]


def _select_page(listing, terms, params) -> None:
    """One page of ``terms``: a queryset to search, or term ids in the order shown."""
    if listing.query:
        if listing.letter:
            terms = terms.starting_with(listing.letter)
        selected = ranked_search(
            terms.only(*LISTING_FIELDS), listing.query, load=_with_topics
        )
    else:
        selected = terms
    paginator = Paginator(selected, get_setting("GLOSSARY_TERMS_PER_PAGE"))
    number = params.get("page", "").strip() or "1"
    try:
        listing.page = paginator.page(number)
    except InvalidPage:
        raise ListingError(
            ngettext(
                "There is no page “%(number)s” here: the list has %(count)s page.",
                "There is no page “%(number)s” here: the list has %(count)s pages.",
                paginator.num_pages,
            )
            % {"number": number[:20], "count": paginator.num_pages}
        ) from None
    if not listing.query:
        listing.page.object_list = _load(listing.page.object_list)
    if listing.page.has_previous():
        previous = listing.page.previous_page_number()
        listing.previous_url = listing.url(page=previous if previous > 1 else None)
    if listing.page.has_next():
        listing.next_url = listing.url(page=listing.page.next_page_number())
    if not listing.query:
        listing.groups = [
            (letter, list(group))
            for letter, group in groupby(listing.page.object_list, _group_of)
        ]


def _load(ids) -> list:
    """The terms ``ids`` names, in that order, as a list shows them: one query,
    and one for their topics."""
    ids = list(ids)
    terms = GlossaryTermPage.objects.live().filter(pk__in=ids).for_listing()
    by_id = {term.pk: term for term in terms}
    return [by_id[pk] for pk in ids if pk in by_id]


def _with_topics(terms: list) -> list:
    prefetch_related_objects(terms, GlossaryTermPage.objects.listing_topics())
    return terms


def _group_of(term) -> str:
    return term.first_letter or OTHER
