"""What the consent views call to keep proof of a visitor's decision.

    record = record_decision(
        request, response,
        accepted=["analytics"], declined=["marketing"],
        source=ConsentSource.BANNER,
        versions={"analytics": "2026-11-01T09:00:00+00:00", "marketing": "…"},
        texts_hash=texts_fingerprint(banner_text, policy_text),
        texts_revision=3,
    )

It costs one INSERT and no other query.
"""

import re
import uuid
from collections.abc import Iterable, Mapping

from django.http import HttpRequest, HttpResponseBase

from ..fingerprint import texts_fingerprint
from . import conf
from .models import ConsentRecord, ConsentSource, new_consent_id

__all__ = [
    "category_versions",
    "consent_id_from_request",
    "parse_consent_id",
    "record_decision",
    "texts_fingerprint",
]

# The same rule django-cookie-consent applies to a CookieGroup varname.
VARNAME_RE = re.compile(r"^[-_a-zA-Z0-9]+$")
SHA256_HEX_RE = re.compile(r"^[0-9a-f]{64}$")


def parse_consent_id(value: str | None) -> uuid.UUID | None:
    """The id held in a consent id cookie, or None unless it is a canonical UUID4."""
    if not value or len(value) != 36:
        return None
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    if parsed.version != 4 or str(parsed) != value:
        return None
    return parsed


def consent_id_from_request(request: HttpRequest) -> uuid.UUID | None:
    return parse_consent_id(request.COOKIES.get(conf.id_cookie_name()))


def category_versions(cookie_groups: Iterable) -> dict[str, str]:
    """Varname → version of django-cookie-consent CookieGroups, as shown."""
    return {group.varname: group.get_version() for group in cookie_groups}


def _varnames(value: Iterable[str], argument: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(f"{argument} must be a list of category varnames.")
    names = list(dict.fromkeys(value))
    for name in names:
        if not isinstance(name, str) or not VARNAME_RE.match(name):
            raise ValueError(f"{argument} holds {name!r}, which is not a varname.")
    return names


def _checked_versions(versions: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(versions, Mapping):
        raise TypeError("versions must map category varnames to version strings.")
    for name, version in versions.items():
        if not isinstance(name, str) or not VARNAME_RE.match(name):
            raise ValueError(f"versions has {name!r}, which is not a varname.")
        if not isinstance(version, str):
            raise TypeError(f"The version of {name!r} must be a string.")
    return dict(versions)


def record_decision(
    request: HttpRequest,
    response: HttpResponseBase,
    *,
    accepted: Iterable[str],
    declined: Iterable[str],
    source: str,
    versions: Mapping[str, str],
    texts_hash: str = "",
    texts_revision: int = 0,
) -> ConsentRecord | None:
    """Store one decision and (re)set the visitor's consent id cookie on `response`.

    Returns the record, or None when CONSENT_RECORDS_ENABLED is False. Wrong
    arguments are a programming error and raise TypeError or ValueError before
    anything is written.
    """
    if not conf.records_enabled():
        return None
    accepted = _varnames(accepted, "accepted")
    declined = _varnames(declined, "declined")
    if both := set(accepted) & set(declined):
        raise ValueError(f"Categories both accepted and declined: {sorted(both)}.")
    if source not in ConsentSource.values:
        raise ValueError(
            f"source must be one of {ConsentSource.values}, not {source!r}."
        )
    if texts_hash and not SHA256_HEX_RE.match(texts_hash):
        raise ValueError("texts_hash must be a SHA-256 hex digest (texts_fingerprint).")
    if isinstance(texts_revision, bool) or not isinstance(texts_revision, int):
        raise TypeError("texts_revision must be a whole number.")
    if texts_revision < 0:
        raise ValueError("texts_revision cannot be negative.")

    consent_id = consent_id_from_request(request) or new_consent_id()
    record = ConsentRecord.objects.create(
        consent_id=consent_id,
        accepted=accepted,
        declined=declined,
        versions=_checked_versions(versions),
        texts_hash=texts_hash,
        texts_revision=texts_revision,
        source=source,
    )
    response.set_cookie(
        conf.id_cookie_name(), str(consent_id), **conf.id_cookie_options()
    )
    return record
