"""The linkable terms, built once per change of the glossary and cached.

The term data lives in the Django cache under a version number; each process keeps
the linker it built for the current version. A render therefore costs one cache
read (the version), and the database is read again only after a change bumps it.
"""

import uuid
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from .html import LinkTarget, TermLinker
from .phrases import PhraseMatcher

VERSION_KEY = "glossary:autolink:version"
DATA_KEY = "glossary:autolink:terms:{version}"

_memo: dict = {"version": None, "linker": None}
_suspended = {"depth": 0}


def _cache():
    return caches[getattr(settings, "GLOSSARY_AUTOLINK_CACHE", "default")]


def _data_timeout():
    return getattr(settings, "GLOSSARY_AUTOLINK_CACHE_TIMEOUT", 24 * 60 * 60)


def linkable_terms():
    """Rows of ``(term id, url, definition, [title, synonym, …])``.

    Live, public terms that editors have not excluded from linking.
    """
    from glossary.models import GlossaryTermPage, GlossaryTermSynonym

    terms = (
        GlossaryTermPage.objects.live()
        .public()
        .filter(never_autolink=False)
        .only("id", "title", "url_path", "definition")
        .order_by("pk")
    )
    synonyms: dict[int, list[str]] = {}
    for page_id, name in GlossaryTermSynonym.objects.filter(
        page__in=terms.values("pk")
    ).values_list("page_id", "name"):
        synonyms.setdefault(page_id, []).append(name)

    url_cache = _UrlCache()
    rows = []
    for term in terms:
        url = url_cache.url_for(term)
        if url:
            names = [term.title, *synonyms.get(term.pk, [])]
            rows.append((term.pk, url, term.definition, names))
    return rows


class _UrlCache:
    """Holds Wagtail's site root paths for the duration of one build."""

    def url_for(self, page):
        parts = page.get_url_parts(request=self)
        if parts is None or parts[2] is None:
            return None
        site_count = len(
            {root.site_id for root in self._wagtail_cached_site_root_paths}
        )
        site_id, root_url, path = parts
        return path if site_count == 1 else root_url + path


def build_linker(rows) -> TermLinker:
    """Build the linker from ``linkable_terms()`` rows.

    When two phrases fold to the same key, a title beats a synonym, and otherwise
    the term added first wins; the longest phrase at a position always wins.
    """
    targets = [
        LinkTarget(term_id, url, definition) for term_id, url, definition, _ in rows
    ]
    titles = [(names[0], index) for index, (*_, names) in enumerate(rows)]
    synonyms = [
        (name, index) for index, (*_, names) in enumerate(rows) for name in names[1:]
    ]
    memo_size = getattr(settings, "GLOSSARY_AUTOLINK_MEMO_SIZE", 64)
    return TermLinker(PhraseMatcher(titles + synonyms), targets, memo_size)


def get_linker() -> TermLinker:
    """The linker for the current glossary: one cache read when nothing changed."""
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    if _memo["version"] == version and _memo["linker"] is not None:
        return _memo["linker"]
    data_key = DATA_KEY.format(version=version)
    rows = cache.get(data_key)
    if rows is None:
        rows = linkable_terms()
        cache.set(data_key, rows, timeout=_data_timeout())
    linker = build_linker(rows)
    _memo.update(version=version, linker=linker)
    return linker


def invalidate_linker() -> None:
    """Start a new version of the term data; every process rebuilds on next use.

    Bumped now for this process, and again after the transaction commits so that
    no process keeps data it read before the change was visible.
    """
    if _suspended["depth"]:
        return
    _bump()
    transaction.on_commit(_bump)


@contextmanager
def invalidation_suspended():
    """Bulk changes (imports, generated terms) invalidate once, at the end."""
    _suspended["depth"] += 1
    try:
        yield
    finally:
        _suspended["depth"] -= 1
        invalidate_linker()


def _bump():
    _cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
