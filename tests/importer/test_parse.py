"""Parsing files into terms: pure functions, no database."""

import pytest
from django.test import override_settings

from glossary.importer.errors import GlossaryImportError
from glossary.importer.furniture import furniture_patterns
from glossary.importer.parse import decode, parse_term, title_from_filename

from .conftest import DYSBIOSIS_TXT, MICROBIOME_MD

FURNITURE = furniture_patterns()


def parse(text, name="dysbiosis.txt"):
    return parse_term(text, name, FURNITURE)


def problems_of(text, name="term.txt"):
    with pytest.raises(GlossaryImportError) as caught:
        parse(text, name)
    return [str(problem) for problem in caught.value.problems]


def test_a_plain_text_page_gives_definition_origin_and_mechanism():
    term = parse(DYSBIOSIS_TXT)
    assert term.title == "Dysbiosis"
    assert term.slug == "dysbiosis"
    assert term.definition == (
        "Dysbiosis is an imbalance in the community of microbes that live in the gut."
    )
    assert term.origin == [
        'From the Greek "dys" (bad) and "bios" (life).',
        "The word entered medicine in the early twentieth century.",
    ]
    assert term.mechanism == [
        "Fewer kinds of microbes <script>alert(1)</script> leave room for others."
    ]


def test_markdown_front_matter_gives_title_synonyms_topics_and_sources():
    term = parse(MICROBIOME_MD, "whatever.md")
    assert term.title == "Gut microbiome"
    assert term.slug == "gut-microbiome"
    assert term.synonyms == ["gut flora", "gut microbiota"]
    assert term.topics == ["Digestion"]
    assert term.sources == [
        {"title": "The human gut microbiome", "publisher": "Nature", "year": 2012},
        {
            "title": "https://example.org/microbiome",
            "url": "https://example.org/microbiome",
        },
    ]
    assert term.mechanism == ["They digest fibre & make short-chain fatty acids."]


@pytest.mark.parametrize(
    "heading", ["Origin", "ORIGIN", "origin:", "Origin :", "## Origin", "  Origin  "]
)
def test_section_headings_ignore_case_colon_and_markdown_hashes(heading):
    term = parse(f"A definition.\n{heading}\nWhere from.\nMechanism:\nHow.\n")
    assert term.origin == ["Where from."]
    assert term.mechanism == ["How."]


def test_sections_may_come_in_either_order():
    term = parse("Definition.\n\nMechanism\nHow.\n\nOrigin\nWhere from.\n")
    assert (term.origin, term.mechanism) == (["Where from."], ["How."])


def test_the_title_comes_from_front_matter_first():
    term = parse(
        "---\ntitle: Leaky gut\n---\n# Ignored\nDef.\nOrigin\nO.\nMechanism\nM.\n",
        "x.md",
    )
    assert term.title == "Leaky gut"
    assert term.definition == "Def."


def test_the_title_comes_from_a_hash_first_line_next():
    term = parse("# Leaky gut\nDef.\n\nOrigin\nO.\nMechanism\nM.\n", "other-name.txt")
    assert term.title == "Leaky gut"
    assert term.definition == "Def."


def test_the_title_comes_from_the_file_name_last():
    term = parse(
        "Def.\nOrigin\nO.\nMechanism\nM.\n", "gut-microbiome-mental-health.txt"
    )
    assert term.title == "Gut Microbiome Mental Health"
    assert term.slug == "gut-microbiome-mental-health"
    assert title_from_filename("/a/b/short_chain  fatty-acids.md") == (
        "Short Chain Fatty Acids"
    )


COPIED_PAGE = """\
Skip to content
Home > Glossary > Butyrate
# Butyrate
A short-chain fatty acid made when gut microbes ferment fibre.

Origin
From the Latin butyrum, butter.

Mechanism
It feeds the cells lining the colon.
Share this
Facebook
Twitter

We use cookies to improve your experience
and to analyse traffic. Read our policy.
Accept all
Reject all
Detailed Cookie Preferences
Marketing cookies are used to follow visitors across websites
so that adverts are relevant.
Analytics cookies help us understand how visitors use the site.
Personalization cookies remember your choices.

« Previous term
Next term: Colonocyte »
© 2026 Some Glossary Ltd. All rights reserved.
"""


def test_site_furniture_is_dropped_from_copied_pages():
    term = parse(COPIED_PAGE, "butyrate.txt")
    assert term.title == "Butyrate"
    assert term.definition.startswith("A short-chain fatty acid")
    assert term.origin == ["From the Latin butyrum, butter."]
    assert term.mechanism == ["It feeds the cells lining the colon."]


def test_the_furniture_patterns_can_be_replaced_by_a_setting():
    text = "Def.\nOrigin\nO.\nMechanism\nM.\n\nAdvert: buy probiotics\nShare this\n"
    with override_settings(GLOSSARY_IMPORT_FURNITURE_PATTERNS=[r"^advert:"]):
        term = parse_term(text, "x.txt", furniture_patterns())
    assert term.mechanism == ["M.", "Share this"]


def test_a_byte_order_mark_is_ignored():
    assert decode("\ufeffDef.".encode(), "x.txt") == "Def."


def test_text_that_is_not_utf8_is_reported_with_its_line():
    with pytest.raises(GlossaryImportError) as caught:
        decode("Line one\nCaf\xe9\n".encode("latin-1"), "cafe.txt")
    assert str(caught.value) == "cafe.txt:2: not UTF-8 text; save the file as UTF-8"


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_an_empty_file_is_reported(text):
    assert problems_of(text) == ["term.txt:1: the file is empty"]


def test_a_file_starting_with_a_section_has_no_definition():
    (problem,) = problems_of("\nOrigin\nO.\nMechanism\nM.\n")
    assert problem.startswith("term.txt:2: no definition")


def test_missing_sections_are_each_reported_at_the_end_of_the_file():
    assert problems_of("Def.\n\nMore text.\n") == [
        "term.txt:3: only one paragraph may come before the first section; put this "
        "text under 'Origin' or 'Mechanism', or join it to the definition",
        "term.txt:3: missing 'Origin' section: add a line saying just 'Origin' "
        "followed by its text",
        "term.txt:3: missing 'Mechanism' section: add a line saying just 'Mechanism' "
        "followed by its text",
    ]


def test_an_empty_or_repeated_section_is_reported_at_its_heading():
    assert problems_of("Def.\nOrigin\nMechanism\nM.\nMechanism\nM2.\n") == [
        "term.txt:5: a second 'Mechanism' section (the first is on line 3)",
        "term.txt:2: the 'Origin' section is empty",
    ]


def test_bad_yaml_front_matter_is_reported_at_its_line():
    (problem,) = problems_of("---\ntitle: Gut\nsynonyms: [a, b\n---\nDef.\n", "gut.md")
    assert problem.startswith("gut.md:3: bad YAML front matter")


def test_unknown_or_wrongly_typed_front_matter_keys_are_reported():
    text = (
        "---\ntitle: Gut\ntopic: Skin\nsynonyms: {a: 1}\n---\n"
        "D.\nOrigin\nO.\nMechanism\nM.\n"
    )
    assert problems_of(text, "gut.md") == [
        "gut.md:3: unknown front matter key 'topic' (expected title, slug, synonyms, "
        "topics, sources)",
        "gut.md:4: 'synonyms' must be a list of names",
    ]


def test_front_matter_that_is_never_closed_is_reported():
    (problem,) = problems_of("---\ntitle: Gut\nDef.\n", "gut.md")
    assert problem.startswith("gut.md:1: front matter opened with '---'")


def test_a_definition_over_the_field_limit_that_cannot_be_split_is_reported():
    (problem,) = problems_of("x" * 601 + "\nOrigin\nO.\nMechanism\nM.\n")
    assert problem.startswith("term.txt:1: the definition has 601 characters")
