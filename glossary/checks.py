"""System checks: the caches the glossary shares between processes."""

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Error, Warning
from django.utils.module_loading import import_string

from .conf import get_setting

# Written when an editor publishes or changes privacy, read by every process.
SHARED_CACHE_SETTINGS = {
    "GLOSSARY_AUTOLINK_CACHE": "the auto-link terms",
}


def is_per_process(alias: str) -> bool:
    """Whether each process keeps its own copy of this cache (locmem)."""
    try:
        backend = import_string(settings.CACHES[alias].get("BACKEND", ""))
    except ImportError:
        return False  # Django's own cache check reports a backend that is not there
    return issubclass(backend, LocMemCache)


def check_shared_caches(app_configs=None, **kwargs):
    """An Error for a cache alias that does not exist; a Warning when a
    per-process cache would keep other workers on stale glossary data."""
    messages = []
    per_alias = {}
    for name, holds in SHARED_CACHE_SETTINGS.items():
        alias = get_setting(name)
        if alias not in settings.CACHES:
            messages.append(
                Error(
                    f"{name} names the cache {alias!r}, which is not in CACHES.",
                    hint=f"Add {alias!r} to CACHES, or set {name} to an alias "
                    "that is there (the default is 'default').",
                    id="glossary.E010",
                )
            )
        else:
            per_alias.setdefault(alias, []).append((name, holds))
    if settings.DEBUG:
        return messages  # one development process: its own cache is the only one
    for alias, uses in per_alias.items():
        if not is_per_process(alias):
            continue
        names = " and ".join(name for name, _ in uses)
        messages.append(
            Warning(
                f"The cache {alias!r} is kept per process (LocMemCache), but it holds "
                f"{' and '.join(holds for _, holds in uses)}, which an edit in one "
                "process changes: other worker processes would go on using stale "
                "data.",
                hint=f"Point {names} at a cache every process shares (Redis, "
                "Memcached, the database or file cache), or silence glossary.W010 "
                "if the site runs in a single process.",
                id="glossary.W010",
            )
        )
    return messages
