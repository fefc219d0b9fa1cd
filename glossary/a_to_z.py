"""A glossary's A–Z, kept in process memory and read again after any change.

The index, its letter and topic pages, and each term's previous and next links
all ask the same questions of a glossary: which terms anyone may read, in what
order, under which letters and topics. Asked of the database on every request,
those questions cost more the bigger the glossary (a count, a DISTINCT over every
term, a sort of every term): 10,000 terms made each page 1.3 to 1.7 times slower
than 100 with the same number of queries (``benchmarks/profile_page.py``).

So each process keeps, per glossary, the ids of its published terms in A–Z
order with their letters, and which of them each topic tags: a few small lists,
built with three queries the first time a page needs them. They are named after
the glossary's version number, the one the auto-link data uses
(``glossary.autolink.terms.VERSION_KEY``), which every change a reader can see
bumps in the shared cache: publishing, unpublishing, saving (a draft too), moving
or deleting a term, a privacy setting, a site, a topic. A request reads that
version once (one small cache read, nothing unpickled) and rebuilds when it
moved; another process's change therefore shows on the next request here too.

Only ids, letters and topic names are kept: the terms a page shows are read from
the database by id (one query for a page of 100), so nothing a reader sees
comes from memory but the order and the counts.
"""

import threading
from dataclasses import dataclass, field

from django.core.cache import caches

from glossary.cache_versions import current_version
from glossary.conf import get_setting
from glossary.letters import GROUPS

# Glossary page id → AToZ of this process; replaced whole, never edited, so
# threads never see half of one.
_memo: dict = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class AToZ:
    """One glossary's published terms, as one version of the glossary had them."""

    version: str
    #: Term ids A–Z (the database's order of ``sort_title``, then id).
    ids: tuple
    #: Term id → the letter it files under ("A"–"Z" or "#").
    letters: dict
    #: Topic id → frozenset of the ids of the terms it tags.
    members: dict
    #: ``(id, name, slug)`` of the topics at least one term has, by name.
    topics: tuple
    #: Term id → its position in ``ids``.
    positions: dict = field(repr=False)
    #: (topic id, letter) → ``listing()``, filled as pages ask.
    listings: dict = field(default_factory=dict, repr=False, compare=False)

    def listing(self, topic_id=None, letter=None) -> tuple[tuple, frozenset]:
        """The ids an index page lists, in its order, and the letters in use
        (of the topic's terms, before the letter narrows them). Worked out once
        per topic and letter, then kept: a page costs no loop over the glossary."""
        key = (topic_id, letter)
        known = self.listings.get(key)
        if known is None:
            ids = self.select(topic_id)
            ordered = tuple(self.in_letter_order(ids, letter))
            known = (ordered, frozenset(self.letters_in(ids)))
            self.listings[key] = known
        return known

    def select(self, topic_id=None) -> list:
        """Ids A–Z, of the terms ``topic_id`` tags when given."""
        if topic_id is None:
            return list(self.ids)
        tagged = self.members.get(topic_id, frozenset())
        return [pk for pk in self.ids if pk in tagged]

    def letters_in(self, ids) -> set:
        return {self.letters[pk] for pk in ids}

    def in_letter_order(self, ids, letter=None) -> list:
        """``ids`` as the index lists them: by letter A–Z, "#" last, then A–Z
        (only ``letter``'s when given)."""
        if letter is not None:
            return [pk for pk in ids if self.letters[pk] == letter]
        groups = {group: [] for group in GROUPS}
        for pk in ids:
            groups.setdefault(self.letters[pk], []).append(pk)
        return [pk for group in groups.values() for pk in group]

    def neighbours(self, term_id):
        """The ids just before and after ``term_id`` A–Z (None at either end),
        or None when the term is not one of these published terms."""
        position = self.positions.get(term_id)
        if position is None:
            return None
        previous = self.ids[position - 1] if position > 0 else None
        following = self.ids[position + 1] if position + 1 < len(self.ids) else None
        return previous, following


def version() -> str:
    """The glossary's version now: one read of the shared cache."""
    from glossary.autolink.terms import VERSION_KEY

    return current_version(caches[get_setting("GLOSSARY_AUTOLINK_CACHE")], VERSION_KEY)


def for_glossary(glossary, at_version: str | None = None) -> AToZ:
    """The A–Z of ``glossary`` (a page) for the current version."""
    at_version = at_version or version()
    known = _memo.get(glossary.pk)
    if known is not None and known.version == at_version:
        return known
    built = _build(glossary, at_version)
    with _lock:
        _memo[glossary.pk] = built
    return built


def clear() -> None:
    """Forget every glossary's A–Z in this process (tests: "another process")."""
    with _lock:
        _memo.clear()


def memo() -> dict:
    """Glossary id → AToZ held by this process now (for size reports)."""
    return dict(_memo)


def _build(glossary, at_version: str) -> AToZ:
    from glossary.models import GlossaryTermPage, Topic

    published = GlossaryTermPage.objects.published().child_of(glossary)
    rows = list(published.alphabetical().values_list("pk", "first_letter"))
    ids = tuple(pk for pk, _ in rows)
    letters = {pk: letter or "#" for pk, letter in rows}
    through = GlossaryTermPage.topics.through
    members: dict = {}
    for topic_id, term_id in through.objects.filter(
        glossarytermpage_id__in=published.values("pk")
    ).values_list("topic_id", "glossarytermpage_id"):
        members.setdefault(topic_id, set()).add(term_id)
    topics = tuple(
        Topic.objects.filter(pk__in=list(members))
        .order_by(*Topic._meta.ordering, "pk")
        .values_list("pk", "name", "slug")
    )
    return AToZ(
        version=at_version,
        ids=ids,
        letters=letters,
        members={topic_id: frozenset(pks) for topic_id, pks in members.items()},
        topics=topics,
        positions={pk: position for position, pk in enumerate(ids)},
    )
