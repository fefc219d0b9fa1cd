"""A visitor's consent per category, read from the two cookies.

The same rules run in the browser (``static/consent/head.js``): a category is
accepted when the stored version is current and the decision is younger than
CONSENT_ACCEPT_MAX_AGE_DAYS; declined when the refusal is younger than
CONSENT_DECLINE_MAX_AGE_DAYS and no cookie was declared since; otherwise undecided.
Every category is undecided when the visitor decided under an older revision of the
banner and policy texts than the current one.
"""

import re
import time
from collections.abc import Mapping

from cookie_consent.util import dict_to_cookie_str, parse_cookie_str

from .conf import settings

ACCEPTED = True
DECLINED = False
UNDECIDED = None

DAY_MS = 24 * 60 * 60 * 1000

# In the decision-time cookie, next to the categories' times: the revision of the
# texts the visitor last decided every category under. No category varname can
# hold "~". A cookie without it dates from revision 1.
TEXTS_KEY = "~texts"

# ASCII digits only: str.isdigit() also accepts "²", which int() refuses, and
# int() reads "٣" as 3; the browser's parser (head.js) reads neither.
EPOCH_MS_RE = re.compile(r"[0-9]{1,15}", re.ASCII)


def now_ms() -> int:
    return int(time.time() * 1000)


def parse_times(raw: str) -> dict[str, int]:
    """Decision times in epoch milliseconds; anything unreadable is dropped."""
    times = {}
    for varname, value in parse_cookie_str(raw or "").items():
        if EPOCH_MS_RE.fullmatch(value):
            times[varname] = int(value)
    return times


def serialise_times(times: Mapping[str, int]) -> str:
    return dict_to_cookie_str({k: str(v) for k, v in times.items()})


def category_state(
    stored: str | None, decided_at: int | None, version: str, changed_ms: int, now: int
):
    if stored is None or not decided_at or decided_at > now + DAY_MS:
        return UNDECIDED
    age = now - decided_at
    if stored == settings.COOKIE_CONSENT_DECLINE:
        fresh = age < settings.CONSENT_DECLINE_MAX_AGE_DAYS * DAY_MS
        return DECLINED if fresh and decided_at >= changed_ms else UNDECIDED
    if stored >= version and age < settings.CONSENT_ACCEPT_MAX_AGE_DAYS * DAY_MS:
        return ACCEPTED
    return UNDECIDED


def decided_revision(times: Mapping[str, int]) -> int:
    return times.get(TEXTS_KEY) or 1


def consent_states(
    consent_raw: str, times_raw: str, categories, texts_revision: int = 1
) -> dict:
    """``{varname: ACCEPTED | DECLINED | UNDECIDED}`` for optional categories.

    ``categories`` are the declarations of ``consent.declarations``;
    ``texts_revision`` is the current revision of the site's banner texts.
    """
    stored = parse_cookie_str(consent_raw or "")
    times = parse_times(times_raw)
    if decided_revision(times) < texts_revision:
        stored = {}
    now = now_ms()
    return {
        c["id"]: category_state(
            stored.get(c["id"]), times.get(c["id"]), c["version"], c["changed"], now
        )
        for c in categories
        if not c["required"]
    }
