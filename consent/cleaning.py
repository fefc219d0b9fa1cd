"""Which of a visitor's cookies a category's declarations cover."""

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def name_pattern(declared: str) -> re.Pattern:
    """``_ga_*`` matches ``_ga_ABC123``; a name without ``*`` matches itself."""
    return re.compile(
        "".join(".*" if p == "*" else re.escape(p) for p in re.split(r"(\*)", declared))
        + r"\Z"
    )


def matching_names(declared: str, present) -> list[str]:
    pattern = name_pattern(declared)
    return [name for name in present if pattern.match(name)]
