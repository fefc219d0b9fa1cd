"""The linkable terms, built once per change of the glossary and cached.

The term data lives in the Django cache under a version number; each process keeps
the linker it built for the current version. A render therefore costs one cache
read (the version), and the database is read again only after a change bumps it.

Each locale has its own term data and linker (a German article links German
terms only); one version number covers them all, so a change rebuilds each
locale's linker the next time a page in that locale needs it.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.urls import NoReverseMatch
from wagtail.models import Page

from glossary.cache_versions import bump_version, current_version, now_and_after_commit
from glossary.conf import get_setting
from glossary.page_urls import PageUrls

from .html import LinkTarget, TermLinker
from .phrases import PhraseMatcher

VERSION_KEY = "glossary:autolink:version"
DATA_KEY = "glossary:autolink:terms:{version}:{locale_id}"

# Locale id → (version, linker) of this process, each replaced as one tuple so
# threads never see a version paired with another version's linker.
_current: dict = {}
_suspended = {"depth": 0}


def _cache():
    return caches[get_setting("GLOSSARY_AUTOLINK_CACHE")]


def _data_timeout():
    return get_setting("GLOSSARY_AUTOLINK_CACHE_TIMEOUT")


def linkable_terms(locale_id=None):
    """Rows of ``(term id, url, definition, [title, synonym, …])``.

    Live, public terms that editors have not excluded from linking, in the locale
    ``locale_id`` (every locale when None).
    """
    from glossary.models import GlossaryTermPage, GlossaryTermSynonym

    terms = (
        GlossaryTermPage.objects.live()
        .public()
        .filter(never_autolink=False)
        .order_by("pk")
    )
    if locale_id is not None:
        terms = terms.filter(locale_id=locale_id)
    synonyms: dict[int, list[str]] = {}
    for page_id, name in GlossaryTermSynonym.objects.filter(
        page__in=terms.values("pk")
    ).values_list("page_id", "name"):
        synonyms.setdefault(page_id, []).append(name)

    rows = []
    for term_id, title, url in _term_urls(terms):
        if url:
            rows.append(
                (term_id, url, title[1], [title[0], *synonyms.get(term_id, [])])
            )
    return rows


def _term_urls(terms):
    """Yield ``(id, (title, definition), url)`` for each term, as Page.url would.

    Building 10,000 page objects and reversing 10,000 URLs takes seconds; when the
    term model keeps Wagtail's own URL rules, the same URLs are computed from
    ``url_path`` (``glossary.page_urls``).
    """
    from glossary.models import GlossaryTermPage

    urls = PageUrls()
    custom_urls = GlossaryTermPage.get_url_parts is not Page.get_url_parts
    if custom_urls:
        cache_object = _SiteRootPathsHolder()
        for term in terms.only("id", "title", "url_path", "definition"):
            url = _page_url(term, cache_object, urls.several_sites)
            yield term.pk, (term.title, term.definition), url
        return
    try:
        urls.prefix(None)
    except NoReverseMatch:
        return
    for term_id, title, definition, url_path in terms.values_list(
        "pk", "title", "definition", "url_path"
    ):
        yield term_id, (title, definition), urls.url(url_path)


class _SiteRootPathsHolder:
    """Lets Wagtail cache the site root paths for the duration of one build."""


def _page_url(page, cache_object, several_sites):
    parts = page.get_url_parts(request=cache_object)
    if parts is None or parts[2] is None:
        return None
    _site_id, root_url, path = parts
    return root_url + path if several_sites else path


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


def get_linker(locale_id=None) -> TermLinker:
    """The linker for the current glossary in the locale ``locale_id`` (every
    locale when None): one cache read when nothing changed."""
    cache = _cache()
    version = current_version(cache, VERSION_KEY)
    built_version, built_linker = _current.get(locale_id, (None, None))
    if built_version == version and built_linker is not None:
        return built_linker
    data_key = DATA_KEY.format(version=version, locale_id=locale_id or "all")
    rows = cache.get(data_key)
    if rows is None:
        rows = linkable_terms(locale_id)
        cache.set(data_key, rows, timeout=_data_timeout())
    linker = build_linker(rows)
    _current[locale_id] = (version, linker)
    return linker


def built_linkers() -> dict:
    """Locale id → (version, linker) built by this process (size reports)."""
    return dict(_current)


def invalidate_linker() -> None:
    """Start a new version of the term data; every process rebuilds on next use.

    Bumped now for this process, and again after the transaction commits so that
    no process keeps data it read before the change was visible.
    """
    if _suspended["depth"]:
        return
    now_and_after_commit(_bump)
    # After the bump, so that the pages are linked with the new glossary.
    transaction.on_commit(_refresh_references)


def bump_glossary_version() -> None:
    """A new version for a change that auto-linking ignores but the glossary's
    lists show (a topic renamed or deleted: ``glossary.a_to_z``): now, and again
    after the commit, with no refresh of the auto-linked pages' references."""
    if _suspended["depth"]:
        return
    now_and_after_commit(_bump)


@contextmanager
def invalidation_suspended():
    """Bulk changes (imports, generated terms) invalidate once, at the end."""
    _suspended["depth"] += 1
    try:
        yield
    finally:
        _suspended["depth"] -= 1
        invalidate_linker()


def _refresh_references():
    from .references import refresh_autolinked_terms

    refresh_autolinked_terms()


def _bump():
    bump_version(_cache(), VERSION_KEY)
