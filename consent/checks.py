"""System checks: declared cookies stored past validation (``update()``, raw SQL,
an older release) that break the rules of ``consent.cookie_names``; a cache that
other processes cannot see."""

from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Error, Warning
from django.db import DatabaseError
from django.utils.module_loading import import_string

from .conf import settings
from .cookie_names import declaration_errors, name_errors


def check_declared_cookies(app_configs, databases=None, **kwargs):
    """A Warning per bad row, naming it by id and name.

    A Warning, not an Error: an Error would stop ``migrate`` and ``runserver``,
    and the cleaner never deletes a necessary cookie anyway.
    """
    from cookie_consent.models import Cookie

    try:
        rows = list(
            Cookie.objects.order_by("pk").values_list(
                "pk",
                "name",
                "cookiegroup__is_required",
                "cookiegroup__name",
            )
        )
    except DatabaseError:
        # No tables yet (before the first migrate): nothing is declared.
        return []
    # Each conflict is reported on the optional row: that is the one to change.
    required_rows = [
        (name, True, category)
        for _, name, required, category in rows
        if required and not name_errors(name)
    ]
    messages = []
    for pk, name, required, category in rows:
        others = [] if required else required_rows
        errors = declaration_errors(name, required=required, others=others)
        if errors:
            messages.append(
                Warning(
                    f"Declared cookie #{pk} {name!r} of the category {category!r}: "
                    f"{errors[0]}",
                    hint="Rename or delete it under Cookie consent › Categories.",
                    obj=f"cookie_consent.Cookie #{pk}",
                    id="consent.W001",
                )
            )
    return messages


def is_per_process(alias: str) -> bool:
    """Whether each process keeps its own copy of this cache (locmem)."""
    try:
        backend = import_string(settings.CACHES[alias].get("BACKEND", ""))
    except ImportError:
        return False  # Django's own cache check reports a backend that is not there
    return issubclass(backend, LocMemCache)


def check_shared_cache(app_configs=None, **kwargs):
    """The declarations, banner texts and decision counts live in
    ``COOKIE_CONSENT_CACHE_BACKEND``: every process must see the same one."""
    alias = settings.COOKIE_CONSENT_CACHE_BACKEND
    if alias not in settings.CACHES:
        return [
            Error(
                f"COOKIE_CONSENT_CACHE_BACKEND names the cache {alias!r}, which is "
                "not in CACHES.",
                hint=f"Add {alias!r} to CACHES, or set COOKIE_CONSENT_CACHE_BACKEND "
                "to an alias that is there (the default is 'default').",
                id="consent.E010",
            )
        ]
    # One development process: its own cache is the only one.
    if settings.DEBUG or not is_per_process(alias):
        return []
    return [
        Warning(
            f"The cache {alias!r} is kept per process (LocMemCache), but it holds "
            "the cookie categories, declared cookies, gated scripts and banner "
            "texts every page embeds, and the decision limit's counts: after an "
            "edit, other worker processes would go on showing the old ones, and "
            "each would count decisions on its own.",
            hint="Point COOKIE_CONSENT_CACHE_BACKEND at a cache every process "
            "shares (Redis, Memcached, the database or file cache), or silence "
            "consent.W010 if the site runs in a single process.",
            id="consent.W010",
        )
    ]


# Policies that send a page's full address to other hosts.
LEAKY_REFERRER_POLICIES = {"unsafe-url", "no-referrer-when-downgrade"}


def check_referrer_policy(app_configs=None, **kwargs):
    """Sensitive pages say ``same-origin`` in their own markup; every other page
    follows ``SECURE_REFERRER_POLICY``, which must not hand addresses to other
    hosts either (a page's address names what the reader reads)."""
    policy = getattr(settings, "SECURE_REFERRER_POLICY", None)
    values = (
        {v.strip().lower() for v in policy.split(",")}
        if isinstance(policy, str)
        else {str(v).strip().lower() for v in policy or ()}
    )
    if not values & LEAKY_REFERRER_POLICIES:
        return []
    return [
        Warning(
            f"SECURE_REFERRER_POLICY {policy!r} sends the address of every page "
            "to the other hosts it loads from and links to.",
            hint="Use 'strict-origin-when-cross-origin' (the browsers' default) "
            "or 'same-origin'.",
            id="consent.W020",
        )
    ]
