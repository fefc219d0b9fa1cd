"""Inline Markdown: the same output as the old regular expression, in linear time."""

import re
import time
from html import escape

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from microsite.articles.importer.inline import inline_html, is_safe_href, plain_text
from microsite.articles.importer.markdown_blocks import parse_body

# The expression the scanner replaced (quadratic on openers without closers), kept
# here as the specification of what inline Markdown means.
OLD_INLINE = re.compile(
    r"\[(?P<text>[^\]\n]+)\]\((?P<href>[^)\s]+)\)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w*])\*(?P<italic>[^*\s](?:.*?[^*\s])?)\*(?![\w*])"
    r"|(?<!\w)_(?P<underscore>[^_\s](?:.*?[^_\s])?)_(?!\w)"
)


def old_inline_html(text: str) -> str:
    parts, position = [], 0
    for match in OLD_INLINE.finditer(text):
        parts.append(escape(text[position : match.start()], quote=False))
        if match["text"] is not None:
            if is_safe_href(match["href"]):
                inner = old_inline_html(match["text"])
                parts.append(f'<a href="{escape(match["href"])}">{inner}</a>')
            else:
                parts.append(escape(match.group(0), quote=False))
        elif match["bold"] is not None:
            parts.append(f"<b>{old_inline_html(match['bold'])}</b>")
        else:
            inner = match["italic"] or match["underscore"]
            parts.append(f"<i>{old_inline_html(inner)}</i>")
        position = match.end()
    parts.append(escape(text[position:], quote=False))
    return "".join(parts)


def old_plain_text(text: str) -> str:
    def replace(match):
        if match["text"] is not None:
            return match["text"]
        return old_plain_text(match["bold"] or match["italic"] or match["underscore"])

    return OLD_INLINE.sub(replace, text).strip()


markdown_text = st.lists(
    st.sampled_from(
        [
            "*",
            "**",
            "_",
            "[",
            "]",
            "(",
            ")",
            "](",
            "a",
            "b c",
            " ",
            "\n",
            "/x",
            "é",
            "[l](/p/)",
            "[l](https://e.example/)",
            "**b**",
            "*i*",
            "_u_",
            "\\",
        ]
    )
    | st.text(max_size=4),
    max_size=30,
).map("".join)


@given(markdown_text)
@example("*a *b* c*")
@example("[a [b](/x/) c](/y/)")
@example("***a***")
@example("_u_*_")
def test_the_scanner_gives_what_the_regular_expression_gave(text):
    assert inline_html(text) == old_inline_html(text)
    assert plain_text(text) == old_plain_text(text)


HOSTILE_LINES = {
    "openers without closers": "*a " * 40_000,
    "brackets without closers": "[" * 120_000,
    "links without addresses": "[a](" * 30_000,
    "underscores": "_a " * 40_000,
    "dense markup": "x *y* [z](/p/) **w** " * 6_000,
}


def parse_seconds(text: str) -> float:
    started = time.perf_counter()
    parse_body(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("name", HOSTILE_LINES)
def test_a_paragraph_ten_times_longer_takes_about_ten_times_longer(name):
    """Linear, not quadratic: quadratic work would take about 100 times longer.

    The old expression took a minute on a 90 KB paragraph; figures for 1 MB are
    in benchmarks/importer_inline.py.
    """
    short = HOSTILE_LINES[name]
    small = min(parse_seconds(short) for _ in range(2))
    large = parse_seconds(short * 10)
    assert large < max(small, 0.01) * 35, (small, large)


def test_a_heading_full_of_spaces_is_read_at_once():
    """``\\s*(.*?)\\s*#*\\s*$`` took 13 s on 1,200 spaces (cubic time)."""
    started = time.perf_counter()
    [heading] = parse_body("## A" + " " * 200_000 + "heading ##")
    assert time.perf_counter() - started < 5
    assert heading == {"type": "heading", "value": "A" + " " * 200_000 + "heading"}


@pytest.mark.parametrize(
    "href",
    [
        "/\\evil.example",
        "//evil.example",
        "\\\\evil.example",
        "/%5Cevil.example",
        "/%2F/evil.example",
        "/\\/evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "\x01javascript:alert(1)",
        "\tjavascript:alert(1)",
        "/path\x00",
        "http://",
        "https://exa mple.org",
        "ftp://example.org/",
    ],
)
def test_an_address_that_could_leave_the_site_or_run_script_is_no_link(href):
    assert not is_safe_href(href)
    assert "<a" not in inline_html(f"[click]({href})")


@pytest.mark.parametrize(
    "href", ["/", "/articles/fibre/", "/a?b=c#d", "https://www.nhs.uk/", "mailto:a@b.c"]
)
def test_site_paths_and_web_addresses_are_links(href):
    assert inline_html(f"[click]({href})") == f'<a href="{escape(href)}">click</a>'
