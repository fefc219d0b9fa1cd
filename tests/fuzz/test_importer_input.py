"""Importer files as an attacker could write them: a clear error or safe HTML.

Both importers' parsers exist (``glossary/importer/parse.py``,
``microsite/articles/importer/parse.py``); their own property tests cover the
parsing rules, these cover what reaches a page: no markup beyond what the
importer means to write, no script, no ``javascript:`` link.
"""

from html.parser import HTMLParser

from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossary.importer.errors import GlossaryImportError
from glossary.importer.furniture import furniture_patterns
from glossary.importer.parse import decode, parse_term
from glossary.importer.write import paragraphs_html
from microsite.articles.importer.errors import ArticleFileError
from microsite.articles.importer.inline import inline_html, is_safe_href
from microsite.articles.importer.parse import parse_article

FURNITURE = furniture_patterns()
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](//evil.example/)",
    "[click](data:text/html,<script>alert(1)</script>)",
    '[x](https://ok.example/" onmouseover="alert(1))',
    "[**x**](/ok/)",
    "**<b>**",
    "*<i onclick=alert(1)>*",
    "</p><iframe src=//evil.example>",
    "&lt;script&gt;",
    "{{ 7*7 }} {% load x %}",
]
text_with_hostile_bits = st.lists(
    st.sampled_from(HOSTILE) | st.text(max_size=20), max_size=6
).map(" ".join)


class Markup(HTMLParser):
    """Every element and attribute in a piece of HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def assert_only(html: str, tags: set[str]):
    markup = Markup(html)
    assert set(markup.tags) <= tags, html
    for name, value in markup.attrs:
        assert name == "href", html
        assert is_safe_href(value or ""), html


@settings(max_examples=100, deadline=None)
@given(text_with_hostile_bits)
def test_article_inline_markdown_gives_only_links_bold_and_italic(text):
    assert_only(inline_html(text), {"a", "b", "i"})


@settings(max_examples=60, deadline=None)
@given(st.lists(text_with_hostile_bits, max_size=4))
def test_glossary_paragraphs_are_escaped_text_in_p_elements(paragraphs):
    assert_only(paragraphs_html(paragraphs), {"p"})


front_matter_line = st.sampled_from(
    [
        "title: A title",
        "title: <script>alert(1)</script>",
        "slug: a-title",
        "slug: ../../etc",
        "author: Dr Eleanor Hart",
        "date: 2026-10-06",
        "date: 2026-13-45",
        "topics: [gut, '<b>']",
        "sources:\n  - title: x\n    url: javascript:alert(1)",
        "!!python/object/apply:os.system ['true']",
        "title: &a [*a]",
    ]
)
article_text = st.tuples(
    st.lists(front_matter_line, max_size=6).map("\n".join),
    st.lists(text_with_hostile_bits | st.sampled_from(["## Heading", "- item"])).map(
        "\n\n".join
    ),
).map(lambda parts: f"---\n{parts[0]}\n---\n{parts[1]}")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


@settings(max_examples=100, deadline=None)
@given(article_text | st.text(max_size=200))
@example("---\ndate: 2026-13-45\n---\n")
def test_an_article_file_is_parsed_to_safe_html_or_refused_clearly(text):
    try:
        article = parse_article(text)
    except ArticleFileError as error:
        assert str(error)
        return
    for html in strings_in(article.body):
        markup = Markup(html)
        assert "script" not in markup.tags, html
        assert not any(name.startswith("on") for name, _ in markup.attrs), html
        for name, value in markup.attrs:
            if name == "href":
                assert is_safe_href(value or ""), html
    for source in article.sources:
        url = source.get("url") or ""
        assert not url.lower().startswith(("javascript:", "data:")), url


@settings(max_examples=100, deadline=None)
@given(
    data=st.binary(max_size=200)
    | text_with_hostile_bits.map(lambda t: f"Definition {t}\n\nOrigin\n{t}".encode()),
    name=st.sampled_from(["term.md", "term.txt"]),
)
def test_a_glossary_file_of_any_bytes_is_parsed_or_refused_clearly(data, name):
    try:
        term = parse_term(decode(data, name), name, FURNITURE)
    except GlossaryImportError as error:
        assert all(problem.path == name for problem in error.problems)
        return
    assert_only(paragraphs_html(term.origin + term.mechanism), {"p"})
