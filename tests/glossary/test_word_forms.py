"""The word forms a search asks for: a singular and its plural ask for the same."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.search import word_forms, words_of

regular_nouns = st.from_regex(r"[a-z]{3,12}[bcdfgklmnprtv]", fullmatch=True)


@given(noun=regular_nouns)
def test_a_regular_noun_and_its_plural_ask_for_the_same_forms(noun):
    assert word_forms(noun) == word_forms(noun + "s") == {noun, noun + "s"}


@pytest.mark.parametrize(
    "singular, plural",
    [
        ("probiotic", "probiotics"),
        ("butyrate", "butyrates"),
        ("allergy", "allergies"),
        ("stress", "stresses"),
        ("disease", "diseases"),
        ("flush", "flushes"),
    ],
)
def test_singular_and_plural_share_their_forms(singular, plural):
    assert {singular, plural} <= word_forms(singular) & word_forms(plural)


@pytest.mark.parametrize("word", ["dysbiosis", "lactobacillus", "gas", "gut", "stress"])
def test_singular_words_ending_in_s_are_not_cut_short(word):
    assert not any(len(form) < len(word) for form in word_forms(word))


@given(query=st.text(max_size=200))
def test_any_text_gives_lowercase_words_with_a_letter_or_digit(query):
    for word in words_of(query):
        assert word == word.lower()
        assert word.strip() == word
        assert any(char.isalnum() or char == "_" for char in word)
