"""Which sections of the page tree are private, read once per change.

Wagtail's ``PageQuerySet.public()`` reads every ``PageViewRestriction`` row each
time it is called, and a term page calls it for its neighbours and its related
terms. The restricted paths change only when an editor changes a page's privacy
or moves a page, so they are kept in the Django cache (shared by all workers)
and forgotten on those changes.
"""

from django.core.cache import caches
from django.db import transaction
from django.db.models import Q

from glossary.conf import get_setting

CACHE_KEY = "glossary:restricted-paths"


def _cache():
    return caches[get_setting("GLOSSARY_PRIVACY_CACHE")]


def _load() -> tuple[str, ...]:
    from wagtail.models import PageViewRestriction

    paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    return tuple(sorted(set(paths)))


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of the pages that carry a view restriction."""
    return _cache().get_or_set(CACHE_KEY, _load, timeout=None)


def private_q() -> Q:
    """Pages in a private section, as ``PageQuerySet.private_q()`` but cached."""
    query = Q()
    for path in restricted_paths():
        query |= Q(path__startswith=path)
    # Matches nothing when no section is private, as Wagtail's does.
    return query if query else Q(pk__in=[])


def is_restricted(path: str) -> bool:
    """Whether the page at ``path`` or one of its ancestors carries a restriction."""
    return any(path.startswith(restricted) for restricted in restricted_paths())


def forget_restricted_paths(**kwargs) -> None:
    # Again after the commit: a request that read the old rows in between must
    # not leave them cached.
    _cache().delete(CACHE_KEY)
    transaction.on_commit(lambda: _cache().delete(CACHE_KEY))
