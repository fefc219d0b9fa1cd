"""The parser never fails with anything but the importer's own error."""

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.importer.errors import GlossaryImportError
from glossary.importer.furniture import furniture_patterns
from glossary.importer.parse import decode, parse_term

FURNITURE = furniture_patterns()

lines = st.sampled_from(
    [
        "---",
        "title: Gut",
        "title: [unclosed",
        "synonyms: [a, b]",
        "sources:\n  - year: 3000\n    title: x",
        "topics: 7",
        "- a",
        "Origin",
        "mechanism:",
        "## Origin",
        "# Title",
        "#",
        "Share this",
        "we use cookies and more",
        "",
        "A definition sentence.",
        "\t",
        "&amp; <script>",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "!!python/object:os.system",
        "key: !!binary AAAA",
        "*alias",
        "&anchor x",
    ]
)
documents = st.lists(st.one_of(lines, st.text(max_size=30)), max_size=25).map("\n".join)
names = st.sampled_from(["term.md", "term.txt", "a b.MD", ".txt", "--.md", "é.txt"])


def parses_or_reports(text, name):
    try:
        term = parse_term(text, name, FURNITURE)
    except GlossaryImportError as error:
        assert error.problems
        assert all(str(problem).startswith(name) for problem in error.problems)
        return
    assert term.title and term.slug and term.definition
    assert term.origin and term.mechanism


@settings(max_examples=300, deadline=None)
@given(documents, names)
def test_structured_looking_text_parses_or_raises_the_importers_error(text, name):
    parses_or_reports(text, name)


@settings(max_examples=300, deadline=None)
@given(st.text(), names)
def test_arbitrary_text_parses_or_raises_the_importers_error(text, name):
    parses_or_reports(text, name)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_raise_the_importers_error(data):
    try:
        decode(data, "file.txt")
    except GlossaryImportError as error:
        assert str(error).startswith("file.txt:")
