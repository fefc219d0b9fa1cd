"""Both import commands on hostile files: a line per failure, no half-written file.

Each example writes one file and runs the real command on it (database included):
it either imports or fails with lines naming the file, and a failed file changes
nothing. Messy real-world text is mixed in with the hostile bytes.
"""

import io
import itertools

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.models import GlossaryTermPage, GlossaryTermSource, Topic
from microsite.articles.models import ArticlePage, ArticleSource, Author
from tests.articles.conftest import article_index, home_page  # noqa: F401
from tests.glossary.conftest import glossary_index  # noqa: F401

pytestmark = pytest.mark.django_db

PIECES = [
    "---",
    "title: Gut “flora”",
    "title: A\ntitle: B",
    'title: "Nul\\0"',
    "slug: gut-flora",
    "author: Dr Ruth Okafor",
    "date: 2025-04-02",
    "date: 2025-02-30",
    "topics: [" + "t" * 90 + "]",
    "topics: " + "[" * 200 + "]" * 200,
    "synonyms: &a [x]\nsources: *a",
    "sources:\n  - title: x\n    url: javascript:alert(1)",
    "sources:\n  - title: x\n    url: ' data:,x'",
    "sources:\n  - title: x\n    pmid: '" + "9" * 25 + "'",
    "sources:\n  - title: x\n    pmid: ²³",
    "sources:\n  - title: x\n    doi: '10.1/" + "d" * 300 + "'",
    "# Title",
    "## Heading",
    "Origin",
    "Mechanism",
    "A definition sentence.",
    "Messy&nbsp;text with a footnote[1] and – dashes…",
    "[x](/\\evil.example) [y](//evil.example) [z](/ok/)",
    "**bold *both** italic*",
    "- a list item",
    "::: note Careful",
    ":::",
    "x" * 8192,
]
pieces = st.sampled_from(PIECES) | st.text(max_size=30)
files = st.tuples(
    st.lists(pieces, max_size=12).map("\n".join),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([b"", b"\xef\xbb\xbf"]),  # with and without a byte-order mark
    st.sampled_from([b"", b"\x00", b"\xff\xfe", b"\x93smart quotes\x94"]),
).map(lambda parts: parts[2] + parts[0].replace("\n", parts[1]).encode() + parts[3])

names = itertools.count()


def run(command, *args) -> tuple[bool, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *map(str, args), stdout=out, stderr=err)
    except CommandError:
        return False, out.getvalue(), err.getvalue()
    return True, out.getvalue(), err.getvalue()


def glossary_state():
    return (
        GlossaryTermPage.objects.count(),
        Topic.objects.count(),
        GlossaryTermSource.objects.count(),
    )


def article_state():
    return ArticlePage.objects.count(), ArticleSource.objects.count()


def assert_reported_cleanly(ok, out, err, path):
    assert "Traceback" not in out + err
    assert "unexpected" not in err, err
    if not ok:
        reports = [line for line in err.splitlines() if not line.startswith("…")]
        assert reports, out
        assert all(line.startswith(f"{path}:") for line in reports), err


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(data=files, suffix=st.sampled_from([".md", ".txt"]))
def test_import_glossary_imports_a_file_or_fails_it_cleanly(
    data,
    suffix,
    tmp_path,
    glossary_index,  # noqa: F811
):
    path = tmp_path / f"term-{next(names)}{suffix}"
    path.write_bytes(data)
    before = glossary_state()

    ok, out, err = run("import_glossary", path, "--update")

    assert_reported_cleanly(ok, out, err, path)
    if not ok:
        assert glossary_state() == before


@FUZZ
@given(data=files)
def test_import_articles_imports_a_file_or_fails_it_cleanly(
    data,
    tmp_path,
    article_index,  # noqa: F811
):
    Author.objects.get_or_create(name="Dr Ruth Okafor", defaults={"bio": "A bio."})
    path = tmp_path / f"article-{next(names)}.md"
    path.write_bytes(data)
    before = article_state()

    ok, out, err = run("import_articles", path, "--update")

    assert_reported_cleanly(ok, out, err, path)
    if not ok:
        assert article_state() == before
