import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microsite.articles.importer import (
    ArticleFileError,
    inline_html,
    parse_article,
    parse_body,
)

GOOD_ARTICLE = """\
---
title: Fibre and your gut bacteria
author: Dr Ruth Okafor
date: 2025-04-02
topics: [nutrition, Digestion]
sources:
  - title: From dietary fiber to host physiology
    publisher: Cell
    year: 2016
    doi: 10.1016/j.cell.2016.05.041
---
Most gut bacteria live in the **colon**, where they ferment fibre.

## Key takeaways

- Fibre feeds gut bacteria.
- They make *short-chain fatty acids*.

## How fermentation works

1. Fibre reaches the colon.
2. Bacteria break it down.

> Eat a variety of plants.
> — British Dietetic Association

::: disclaimer Not medical advice
Talk to your GP before changing your diet.
:::
"""


def test_good_article_parses_into_fields_and_body_blocks():
    article = parse_article(GOOD_ARTICLE)

    assert article.title == "Fibre and your gut bacteria"
    assert article.slug == "fibre-and-your-gut-bacteria"
    assert article.author == "Dr Ruth Okafor"
    assert article.date_published == datetime.date(2025, 4, 2)
    assert article.topics == ["nutrition", "Digestion"]
    assert (
        article.intro
        == "Most gut bacteria live in the colon, where they ferment fibre."
    )
    assert article.sources[0]["doi"] == "10.1016/j.cell.2016.05.041"
    assert article.sources[0]["year"] == 2016
    assert [block["type"] for block in article.body] == [
        "key_takeaways",
        "heading",
        "numbered_list",
        "quote",
        "callout",
    ]


def test_key_takeaways_heading_with_a_list_becomes_one_takeaways_block():
    blocks = parse_body("## Key takeaways\n\n- One.\n- Two *points*.\n")

    assert blocks == [
        {
            "type": "key_takeaways",
            "value": {"title": "Key takeaways", "points": ["One.", "Two points."]},
        }
    ]


def test_quote_keeps_its_attribution_apart():
    [quote] = parse_body("> Eat more plants.\n> — NHS")

    assert quote["value"] == {"text": "Eat more plants.", "attribution": "NHS"}


def test_callout_has_kind_title_and_rich_text():
    [callout] = parse_body("::: warning Check first\nAsk a *pharmacist*.\n:::")

    assert callout["value"] == {
        "kind": "warning",
        "title": "Check first",
        "text": "<p>Ask a <i>pharmacist</i>.</p>",
    }


def test_list_items_continue_on_indented_lines():
    [block] = parse_body("- first line\n  carries on\n- second")

    assert block["value"] == ["first line carries on", "second"]


def test_html_in_the_text_is_escaped_not_kept():
    [paragraph] = parse_body("<script>alert('x')</script> & more")

    assert paragraph["value"] == (
        "<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; more</p>"
    )


def test_links_become_anchors_only_for_safe_addresses():
    assert inline_html("[NHS](https://www.nhs.uk/)") == (
        '<a href="https://www.nhs.uk/">NHS</a>'
    )
    assert inline_html("[x](javascript:alert(1))") == "[x](javascript:alert(1))"


def test_link_address_cannot_break_out_of_the_attribute():
    html = inline_html('[x](https://a.example/"onmouseover=alert(1))')

    assert 'href="https://a.example/&quot;onmouseover=alert(1"' in html


def test_slug_and_intro_can_be_set_in_front_matter():
    text = GOOD_ARTICLE.replace(
        "date: 2025-04-02", "date: 2025-04-02\nslug: fibre\nintro: A short intro."
    )

    article = parse_article(text)

    assert (article.slug, article.intro) == ("fibre", "A short intro.")
    assert article.body[0]["type"] == "paragraph"


HEAD = "---\ntitle: T\nauthor: A\ndate: 2025-01-01\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: x\n", 1, "must start with front matter"),
        ("---\ntitle: x\n", 1, "front matter is not closed"),
        ("---\ntitle: [x\n---\nIntro.\n\nBody.", 2, "not valid YAML"),
        ("---\n- a list\n---\nIntro.\n\nBody.", 2, "must be 'key: value' lines"),
        ("---\ntitle: T\nauthor: A\n---\nIntro.\n\nBody.", 1, "needs a 'date:'"),
        (
            "---\ntitle: T\nautor: A\ndate: 2025-01-01\n---\nIntro.\n\nBody.",
            3,
            "'autor'",
        ),
        ("---\ntitle: T\nauthor: A\ndate: soon\n---\nIntro.\n\nBody.", 4, "YYYY-MM-DD"),
        (f"{HEAD}slug: Bad Slug\n---\nIntro.\n\nB.", 5, "lower-case letters"),
        (
            "---\ntitle: T\nauthor: A\ndate: 2025-01-01\ntopics: 3\n---\nIntro.\n\nB.",
            5,
            "list",
        ),
        (f"{HEAD}intro: I.\n---\n", 7, "no body"),
        ("---\ntitle: T\nauthor: A\ndate: 2025-01-01\n---\n## Only", 6, "intro"),
    ],
)
def test_front_matter_errors_name_the_line(text, line, message):
    with pytest.raises(ArticleFileError) as caught:
        parse_article(text)

    assert caught.value.line == line
    assert message in caught.value.message


SOURCE_ERRORS = [
    ("sources: yes", "must be a list"),
    ("sources: [just a string]", "must have 'title:'"),
    ("sources:\n  - publisher: Cell", "needs a 'title:'"),
    ("sources:\n  - title: T\n    journal: Cell", "unknown keys journal"),
    ("sources:\n  - title: T\n    year: recent", "'year' must be a year"),
    ("sources:\n  - title: T\n    url: ftp://x.org/a", "'url' must start"),
    ("sources:\n  - title: T\n    pmid: PM123", "digits only"),
    ("sources:\n  - title: T\n    pmid: '²³'", "digits only"),
]


@pytest.mark.parametrize(("yaml_text", "message"), SOURCE_ERRORS)
def test_bad_sources_are_reported_on_the_sources_line(yaml_text, message):
    text = (
        f"---\ntitle: T\nauthor: A\ndate: 2025-01-01\n{yaml_text}\n---\nIntro.\n\nBody."
    )

    with pytest.raises(ArticleFileError) as caught:
        parse_article(text)

    assert caught.value.line == 5
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Intro.\n\n# Title", 3, "title in the front matter"),
        ("Intro.\n\n#### Deep", 3, "Only '##' and '###'"),
        ("Intro.\n\n## Key takeaways\n\nNot a list.", 3, "followed by a list"),
        ("Intro.\n\n```\ncode\n```", 3, "Code blocks"),
        ("Intro.\n\n![chart](chart.png)", 3, "Images are not imported"),
        ("Intro.\n\n- item\n  - nested", 4, "Nested lists"),
        ("Intro.\n\n::: sidebar\nText\n:::", 3, "one of: note, tip"),
        ("Intro.\n\n::: note\nNever closed", 3, "not closed"),
        ("Intro.\n\n::: note\n:::", 3, "no text"),
    ],
)
def test_body_errors_name_the_line_in_the_file(body, line, message):
    with pytest.raises(ArticleFileError) as caught:
        parse_body(body, first_line=1)

    assert caught.value.line == line
    assert message in caught.value.message


@given(st.text(max_size=300))
def test_any_text_parses_or_fails_with_an_article_error(text):
    try:
        blocks = parse_body(text)
    except ArticleFileError as error:
        assert error.line >= 1
        return
    for block in blocks:
        if block["type"] == "paragraph":
            assert "<script" not in block["value"].lower()


@given(st.text(alphabet=st.characters(blacklist_characters="*_[]"), max_size=100))
def test_inline_text_without_markup_comes_back_escaped(text):
    from html import escape

    assert inline_html(text) == escape(text, quote=False)


def test_the_example_in_the_docs_parses():
    from pathlib import Path

    docs = (Path(__file__).parents[2] / "docs" / "articles.md").read_text()
    example = docs.split("```markdown\n", 1)[1].split("\n```\n", 1)[0]

    article = parse_article(example)

    assert article.slug == "fibre-and-gut-bacteria"
    assert article.related_terms == ["butyrate", "dysbiosis"]
    assert [block["type"] for block in article.body] == [
        "paragraph",
        "key_takeaways",
        "heading",
        "paragraph",
        "numbered_list",
        "quote",
        "callout",
    ]


YAML_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
)
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["title", "year", "url", "x"]), children)
    ),
    max_leaves=6,
)


@given(
    st.dictionaries(
        st.sampled_from(
            ["title", "author", "date", "slug", "topics", "sources", "intro", "oops"]
        ),
        YAML_VALUES,
    )
)
def test_any_front_matter_parses_or_fails_with_an_article_error(front_matter):
    import yaml

    text = f"---\n{yaml.safe_dump(front_matter)}---\nIntro.\n\nBody.\n"
    try:
        article = parse_article(text)
    except ArticleFileError as error:
        assert error.line >= 1
    else:
        assert article.title and article.author
