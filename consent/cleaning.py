"""Which of a visitor's cookies a category's declarations cover."""

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def name_pattern(declared: str) -> re.Pattern:
    """``_ga_*`` matches ``_ga_ABC123``; a name without ``*`` matches itself.

    Each inner part is matched at its first occurrence, in an atomic group: no
    backtracking, so ``a*x*x*x*b`` against a long cookie name stays fast.
    """
    parts = declared.split("*")
    if len(parts) == 1:
        return re.compile(re.escape(declared) + r"\Z")
    head, *inner, tail = parts
    return re.compile(
        re.escape(head)
        + "".join(f"(?>.*?{re.escape(part)})" for part in inner)
        + f".*{re.escape(tail)}\\Z",
        re.DOTALL,
    )


def matching_names(declared: str, present) -> list[str]:
    pattern = name_pattern(declared)
    return [name for name in present if pattern.match(name)]


def is_never_deleted(name: str, never_deleted) -> bool:
    """Whether ``name`` matches one of ``never_deleted`` (names and patterns)."""
    return any(name_pattern(kept).match(name) for kept in never_deleted)


def names_to_delete(declared: str, present, never_deleted) -> list[str]:
    """The names of ``present`` that ``declared`` covers, except those that are
    never deleted: the defence for declarations stored past validation."""
    return [
        name
        for name in matching_names(declared, present)
        if not is_never_deleted(name, never_deleted)
    ]
