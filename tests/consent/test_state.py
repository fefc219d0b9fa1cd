"""The rules deciding whether a visitor is asked again (same as head.js)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consent.cleaning import matching_names
from consent.state import (
    ACCEPTED,
    DAY_MS,
    DECLINED,
    UNDECIDED,
    category_state,
    consent_states,
    parse_times,
)

NOW = 1_800_000_000_000
VERSION = "2026-11-01T09:00:00.000000+00:00"
CHANGED = NOW - 400 * 24 * 60 * 60 * 1000  # declarations older than any decision


def state(stored, days_ago, version=VERSION, changed=CHANGED):
    decided = NOW - days_ago * DAY_MS if days_ago is not None else None
    return category_state(stored, decided, version, changed, NOW)


def test_a_fresh_acceptance_of_the_current_version_holds():
    assert state(VERSION, 10) is ACCEPTED


def test_an_acceptance_expires_after_twelve_months():
    assert state(VERSION, 364) is ACCEPTED
    assert state(VERSION, 366) is UNDECIDED


def test_a_refusal_expires_after_six_months():
    assert state("-1", 180) is DECLINED
    assert state("-1", 184) is UNDECIDED


def test_a_newly_declared_cookie_asks_again_those_who_accepted():
    assert state(VERSION, 1, version="2026-11-20T09:00:00+00:00") is UNDECIDED


def test_a_newly_declared_cookie_asks_again_those_who_declined():
    assert state("-1", 10, changed=NOW - 5 * DAY_MS) is UNDECIDED


def test_a_choice_without_a_decision_time_is_asked_again():
    assert state(VERSION, None) is UNDECIDED


def test_a_decision_time_in_the_future_is_not_trusted():
    assert state(VERSION, -30) is UNDECIDED


def test_unreadable_decision_times_are_dropped():
    assert parse_times("analytics=12|marketing=soon|x=1=2|y=-5|z=" + "9" * 40) == {
        "analytics": 12
    }


# Characters str.isdigit() accepts but int() refuses (², ³, ¹) or reads as a
# number (٣, ۳, ߃, ०): none of them is a decision time.
NON_ASCII_DIGITS = "²³¹٣۳߃०٠"


@pytest.mark.parametrize("digit", NON_ASCII_DIGITS)
def test_decision_times_are_ascii_digits_only(digit):
    raw = f"analytics=17{digit}|marketing=12|~texts={digit}|x={digit * 3}"

    assert parse_times(raw) == {"marketing": 12}


@given(st.text(st.sampled_from("0123456789" + NON_ASCII_DIGITS), max_size=16))
def test_a_decision_time_is_read_only_when_every_character_is_an_ascii_digit(value):
    readable = value.isascii() and value.isdigit() and len(value) <= 15

    assert parse_times(f"analytics={value}") == (
        {"analytics": int(value)} if readable else {}
    )


# Any text, lone surrogates included: the cookies reach the parser as str.
any_text = st.text(st.characters() | st.characters(categories=["Cs"]), max_size=300)


@given(any_text, any_text)
def test_any_cookie_text_gives_a_state_per_category_and_no_error(consent, times):
    categories = [
        {"id": "analytics", "required": False, "version": VERSION, "changed": 0},
        {"id": "necessary", "required": True, "version": "", "changed": 0},
    ]
    states = consent_states(consent, times, categories)
    assert set(states) == {"analytics"}
    assert states["analytics"] in (ACCEPTED, DECLINED, UNDECIDED)


@pytest.mark.parametrize(
    ("declared", "present", "matched"),
    [
        ("_ga", ["_ga", "_gat", "x_ga"], ["_ga"]),
        ("_ga_*", ["_ga", "_ga_ABC123", "_ga_", "_gab"], ["_ga_ABC123", "_ga_"]),
        ("a.b*", ["a.bc", "axbc"], ["a.bc"]),
    ],
)
def test_declared_names_match_exactly_or_by_pattern(declared, present, matched):
    assert matching_names(declared, present) == matched
