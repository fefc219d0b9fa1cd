"""A definition over the field's 600 characters keeps its lead sentences.

The rest is kept for a further section and a warning names the file: no text is
lost, and the limit stays the model's rule.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.importer.definition import sentence_ends, split_definition
from glossary.importer.errors import GlossaryImportError
from glossary.importer.furniture import furniture_patterns
from glossary.importer.parse import MAX_DEFINITION_LENGTH, parse_term

FURNITURE = furniture_patterns()
SECTIONS = "\n\nOrigin\nWhere from.\n\nMechanism\nHow.\n"


def sentences_of(text):
    ends = [0, *sentence_ends(text), len(text)]
    return [text[a:b].strip() for a, b in zip(ends, ends[1:], strict=False)]


@pytest.mark.parametrize(
    "text, sentences",
    [
        (
            "Fibre feeds microbes, e.g. Bifidobacterium. Most adults eat too little.",
            [
                "Fibre feeds microbes, e.g. Bifidobacterium.",
                "Most adults eat too little.",
            ],
        ),
        (
            "It is a prebiotic, i.e. Food for microbes. It is found in oats.",
            ["It is a prebiotic, i.e. Food for microbes.", "It is found in oats."],
        ),
        (
            "Stool pH falls to 5.5 after a high-fibre meal. Adults need 30 g a day.",
            [
                "Stool pH falls to 5.5 after a high-fibre meal.",
                "Adults need 30 g a day.",
            ],
        ),
        (
            "Dr. Fasano named it. It was described by A. Fasano et al. In 2000 it "
            "was new.",
            [
                "Dr. Fasano named it.",
                "It was described by A. Fasano et al. In 2000 it was new.",
            ],
        ),
        (
            "The U.S. Food and Drug Administration regulates it. “Is it safe?” "
            "Mostly. (Ask a doctor.) Then decide.",
            [
                "The U.S. Food and Drug Administration regulates it.",
                "“Is it safe?”",
                "Mostly.",
                "(Ask a doctor.)",
                "Then decide.",
            ],
        ),
    ],
    ids=["e.g.", "i.e.", "decimals", "titles-initials-et-al", "quotes-brackets"],
)
def test_sentences_end_at_full_stops_not_after_abbreviations_or_decimals(
    text, sentences
):
    assert sentences_of(text) == sentences


LONG_DEFINITION = (
    "Butyrate is a short-chain fatty acid that gut bacteria make when they "
    "ferment dietary fibre, e.g. the resistant starch in cooled potatoes. "
    "It is the main source of energy for the cells lining the colon, which take "
    "up about 70% of it. Butyrate also helps keep the gut barrier tight and "
    "calms inflammation, i.e. it is a messenger as well as a fuel. Levels fall "
    "when people eat little fibre or take broad-spectrum antibiotics, and they "
    "are often lower in people with inflammatory bowel disease. Most of it is "
    "made by a small group of bacteria, such as Faecalibacterium prausnitzii and "
    "Roseburia species, which live only where there is no oxygen at all."
)


def test_a_long_definition_keeps_its_lead_sentences_and_the_rest_for_later():
    assert len(LONG_DEFINITION) > MAX_DEFINITION_LENGTH
    term = parse_term("# Butyrate\n" + LONG_DEFINITION + SECTIONS, "b.txt", FURNITURE)
    assert term.definition == LONG_DEFINITION[: len(term.definition)]
    assert term.definition.endswith("people with inflammatory bowel disease.")
    assert term.definition_rest.startswith("Most of it is made by")
    assert f"{term.definition} {term.definition_rest}" == LONG_DEFINITION
    (warning,) = term.warnings
    assert str(warning).startswith(
        f"b.txt:2: warning: the definition has {len(LONG_DEFINITION)} characters, "
        "over the limit of 600"
    )


def test_a_definition_within_the_limit_is_left_whole():
    text = "x " * 298 + "end."  # 600 characters
    term = parse_term(text + SECTIONS, "t.txt", FURNITURE)
    assert (term.definition, term.definition_rest, term.warnings) == (text, "", [])


def test_a_first_sentence_over_the_limit_is_cut_between_words_with_an_ellipsis():
    text = "word " * 150 + "end."
    lead, rest = split_definition(text, 600)
    assert len(lead) <= 600
    assert lead.endswith("word…")
    assert rest.startswith("…word")
    assert (lead[:-1] + " " + rest[1:]).split() == text.split()


def test_an_overlong_page_definition_from_a_file_no_longer_fails():
    term = parse_term("x " * 400 + "end." + SECTIONS, "term.txt", FURNITURE)
    assert len(term.definition) <= MAX_DEFINITION_LENGTH
    assert term.definition_rest


def test_one_word_over_the_limit_is_still_reported():
    with pytest.raises(GlossaryImportError) as caught:
        parse_term("x" * 601 + SECTIONS, "term.txt", FURNITURE)
    assert str(caught.value).startswith(
        "term.txt:1: the definition has 601 characters and no break between words"
    )


words = st.text(alphabet="abcdefghij", min_size=1, max_size=12)
sentence = st.lists(words, min_size=1, max_size=30).map(
    lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + "."
)
ABBREVIATED = st.sampled_from(["e.g. Oats", "i.e. Fibre", "3.5 g", "Dr. Ng", "U.S."])


@settings(max_examples=300, deadline=None)
@given(st.lists(sentence | ABBREVIATED, min_size=1, max_size=60))
def test_splitting_loses_no_text_and_keeps_within_the_limit(parts):
    text = " ".join(parts)
    split = split_definition(text, MAX_DEFINITION_LENGTH)
    if split is None:
        assert " " not in text[:MAX_DEFINITION_LENGTH]
        return
    lead, rest = split
    assert len(lead) <= MAX_DEFINITION_LENGTH
    if lead.endswith("…"):
        assert (lead[:-1] + " " + rest[1:]).split() == text.split()
    else:
        assert " ".join(part for part in (lead, rest) if part) == text
        assert not rest or lead.endswith(".")
