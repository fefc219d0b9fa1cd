"""The visitor's consent reference, shown on the cookie settings page.

The core keeps no reference itself: a sub-app that records decisions registers how
to read it (``consent.records``: the id in its HttpOnly ``consent_id`` cookie).
"""

from collections.abc import Callable

from django.http import HttpRequest

_readers: list[Callable[[HttpRequest], object]] = []


def register_reference_reader(read: Callable[[HttpRequest], object]) -> None:
    if read not in _readers:
        _readers.append(read)


def references_kept() -> bool:
    """Whether any sub-app keeps a reference (else the page does not mention one)."""
    return bool(_readers)


def consent_reference(request: HttpRequest) -> str:
    """The first reference a registered reader finds in the request, else ""."""
    for read in _readers:
        if reference := read(request):
            return str(reference)
    return ""
