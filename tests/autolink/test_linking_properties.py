"""Whatever the input, linking only ever adds glossary anchors."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.autolink import LinkState

ADDED_ANCHOR_RE = re.compile(r'<a href="[^"]*" class="glossary-term"[^>]*>|</a>')

fragments = st.sampled_from(
    [
        "dysbiosis",
        "gut",
        " ",
        "microbiome",
        "mental health",
        "gut\u2013skin axis",
        "flora",
        "café au lait",
        ".",
        ",",
        "’",
        "<p>",
        "</p>",
        "<em>",
        "</em>",
        "<h2>",
        "</h2>",
        "<code>",
        "<pre>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<",
        ">",
        '"',
        "\n",
    ]
)
markup = st.lists(st.one_of(fragments, st.text(max_size=5)), max_size=40).map("".join)


# The linker fixture is immutable, so sharing it between examples is safe.
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(markup.filter(lambda text: "&" not in text and "</a>" not in text))
def test_removing_the_added_anchors_gives_back_the_input(linker, text):
    html, count = linker.link(text, LinkState())
    assert ADDED_ANCHOR_RE.sub("", html) == text
    assert len(ADDED_ANCHOR_RE.findall(html)) == 2 * count


# The linker fixture is immutable, so sharing it between examples is safe.
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(max_size=200))
def test_any_text_links_without_error_and_each_term_at_most_once(linker, text):
    html, count = linker.link(text, LinkState())
    hrefs = re.findall(r'<a href="([^"]*)" class="glossary-term"', html)
    assert len(hrefs) == count
    assert len(set(hrefs)) == len(hrefs)
