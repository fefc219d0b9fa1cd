"""Which cookie names are strictly necessary, and which declarations are acceptable.

One rule for every path: the admin form, ``save()`` from the shell or an importer,
the system check, the server's cleaner and the browser code. A declared name is a
cookie name token (RFC 6265) or a pattern with ``*`` after a literal prefix
(``_ga_*``); a name in an optional category may not cover a strictly necessary one.
"""

import re
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .conf import settings

MAX_NAME_LENGTH = 100

# RFC 6265 cookie-name: a token, i.e. visible ASCII except separators.
COOKIE_NAME_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")

_registered_names: list[Callable[[], str]] = []


def register_necessary_name(get_name: Callable[[], str]) -> None:
    """Sub-apps add the cookies they set themselves (consent.records: its id)."""
    if get_name not in _registered_names:
        _registered_names.append(get_name)


def necessary_names() -> set[str]:
    """Cookies the site cannot work without, whatever the categories declare."""
    return {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        settings.COOKIE_CONSENT_NAME,
        settings.CONSENT_TIME_COOKIE_NAME,
        *(get_name() for get_name in _registered_names),
    }


def never_deleted(categories) -> list[str]:
    """Names and patterns no cleaner may delete: the necessary names and every
    cookie of a required category (``categories`` as in ``consent.declarations``)."""
    required = {
        cookie["name"]
        for category in categories
        if category["required"]
        for cookie in category["cookies"]
    }
    return sorted(necessary_names() | required)


def covers(pattern: str, other: str) -> bool:
    """Whether some cookie name matches both ``pattern`` and ``other``.

    Either may hold ``*`` (any run of characters): ``s*`` covers ``sessionid``
    and ``sess*``. Time and memory grow with the product of the two lengths.
    """
    # below[j]: whether pattern[i + 1:] and other[j:] can produce the same text.
    below = [False] * len(other) + [True]
    for j in range(len(other) - 1, -1, -1):
        below[j] = other[j] == "*" and below[j + 1]
    for p in reversed(pattern):
        row = [False] * len(other) + [p == "*" and below[-1]]
        for j in range(len(other) - 1, -1, -1):
            if p == "*" or other[j] == "*":
                # The star produces nothing, or the other side's next character.
                row[j] = below[j] or row[j + 1]
            else:
                row[j] = p == other[j] and below[j + 1]
        below = row
    return below[0]


def name_errors(name: str) -> list[str]:
    """What is wrong with a declared name or pattern on its own."""
    if len(name) > MAX_NAME_LENGTH:
        return [
            _("A cookie name has at most %(limit)d characters.")
            % {"limit": MAX_NAME_LENGTH}
        ]
    if not COOKIE_NAME_TOKEN.match(name):
        return [
            _(
                "Use only letters, digits and !#$%&'*+-.^_`|~ in a cookie name: "
                "no spaces, quotes, commas, semicolons, = or accented letters."
            )
        ]
    if name.startswith("*"):
        return [
            _(
                "Start with the literal part of the name, then *: _ga_* is fine; "
                "*, ** and *_ga would cover other sites' and this site's own cookies."
            )
        ]
    return []


def declaration_errors(
    name: str, *, required: bool, others: Iterable[tuple[str, bool, str]]
) -> list[str]:
    """Why ``name`` may not be declared in a (required or optional) category.

    ``others`` are the declarations of the other categories as
    ``(name, required, category name)``.
    """
    errors = name_errors(name)
    if errors:
        return errors
    fixed = necessary_names() if not required else set()
    for necessary in sorted(fixed):
        if necessary == name:
            errors.append(
                _(
                    "“%(name)s” is a strictly necessary cookie and is never deleted: "
                    "declare it in a required category."
                )
                % {"name": name}
            )
        elif covers(name, necessary):
            errors.append(
                _(
                    "“%(name)s” covers “%(necessary)s”, a strictly necessary cookie "
                    "that is never deleted: use a longer prefix."
                )
                % {"name": name, "necessary": necessary}
            )
    for other, other_required, category in others:
        if other_required != required and other not in fixed and covers(name, other):
            errors.append(
                _(
                    "“%(name)s” overlaps “%(other)s” of the category “%(category)s”: "
                    "a cookie cannot be both strictly necessary and optional."
                )
                % {"name": name, "other": other, "category": category}
            )
    return errors
    if not required:
        errors += [
            _(
                "“%(name)s” covers “%(necessary)s”, a strictly necessary cookie that "
                "is never deleted: declare it in a required category, or use a "
                "longer prefix."
            )
            % {"name": name, "necessary": necessary}
            for necessary in sorted(necessary_names())
            if covers(name, necessary)
        ]
    for other, other_required, category in others:
        if other_required != required and covers(name, other):
            errors.append(
                _(
                    "“%(name)s” overlaps “%(other)s” of the category “%(category)s”: "
                    "a cookie cannot be both strictly necessary and optional."
                )
                % {"name": name, "other": other, "category": category}
            )
    return errors


def validate_declared_cookie(name: str, category) -> None:
    """Raise ``ValidationError({"name": [...]})`` unless ``category`` may declare it.

    ``category`` is a CookieGroup in its new state (a form may be changing
    ``is_required`` in the same save); its own stored cookies are not compared.
    """
    from cookie_consent.models import Cookie

    errors = name_errors(name)
    if not errors:
        others = (
            Cookie.objects.exclude(cookiegroup_id=category.pk)
            .filter(cookiegroup__is_required=not category.is_required)
            .values_list("name", "cookiegroup__is_required", "cookiegroup__name")
        )
        errors = declaration_errors(name, required=category.is_required, others=others)
    if errors:
        raise ValidationError({"name": errors})
