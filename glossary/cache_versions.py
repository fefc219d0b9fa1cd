"""A version number kept in the cache, and "now and again after the commit".

Cached data is named after a version: bumping it makes everything stored under the
old one unreachable at once, in every process, without deleting anything. A bump
(or a delete) happens now and again once the transaction commits, so that a
request which read the old rows in between cannot leave them cached. The site's
page cache reuses these (docs/architecture.md).
"""

import uuid

from django.db import transaction


def current_version(cache, key: str) -> str:
    """The version under ``key``, started by the first process that asks."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def bump_version(cache, key: str) -> None:
    cache.set(key, uuid.uuid4().hex, timeout=None)


def now_and_after_commit(change) -> None:
    """Run ``change()`` now, and again when the current transaction commits."""
    change()
    transaction.on_commit(change)
