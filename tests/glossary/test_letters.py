import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.letters import (
    GROUPS,
    first_letter,
    letter_to_param,
    param_to_letter,
    sort_key,
)


@pytest.mark.parametrize(
    ("title", "letter"),
    [
        ("Gut microbiome", "G"),
        ("dysbiosis", "D"),
        ("“Leaky gut”", "L"),
        ("(Short-chain) fatty acids", "S"),
        ("Épithélium", "E"),
        ("5-HT", "#"),
        ("β-glucan", "#"),
        ("", "#"),
        ("   ", "#"),
    ],
)
def test_titles_file_under_their_first_letter_or_hash(title, letter):
    assert first_letter(title) == letter


@given(st.text())
def test_every_title_files_under_exactly_one_known_group(title):
    assert first_letter(title) in GROUPS


@given(st.sampled_from(GROUPS))
def test_letter_parameters_round_trip(letter):
    assert param_to_letter(letter_to_param(letter)) == letter


@pytest.mark.parametrize("param", ["", "ab", "ä", "1", "%", "letter", "aa"])
def test_values_that_are_not_a_group_are_rejected(param):
    assert param_to_letter(param) is None


def test_upper_and_lower_case_letters_are_the_same_group():
    for letter in string.ascii_lowercase:
        assert param_to_letter(letter) == param_to_letter(letter.upper())


def test_titles_sort_ignoring_case_accents_and_leading_punctuation():
    titles = ["Estrogen", "“Leaky gut”", "épithélium", "Enzyme", "leptin", "ÉCHINACEA"]
    assert sorted(titles, key=sort_key) == [
        "ÉCHINACEA",
        "Enzyme",
        "épithélium",
        "Estrogen",
        "“Leaky gut”",
        "leptin",
    ]


@given(st.text(max_size=300))
def test_every_title_has_a_sort_key_that_fits_its_column(title):
    key = sort_key(title)
    assert len(key) <= 255
    assert key == sort_key(key)
