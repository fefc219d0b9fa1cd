import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from glossary.models import Reviewer
from microsite.articles.models import ArticlePage, Author
from tests.glossary.factories import (
    GlossaryIndexPageFactory,
    GlossaryTermPageFactory,
    ReviewerFactory,
)

from .factories import TopicFactory

pytestmark = pytest.mark.django_db


def article_text(title="Fibre and your gut", body="Fibre feeds bacteria.", **extra):
    front = {"title": title, "author": "Dr Ruth Okafor", "date": "2025-04-02"}
    front.update(extra)
    lines = [f"{key}: {value}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + f"\n---\nAn intro paragraph.\n\n{body}\n"


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue(), err.getvalue(), str(error)
    return True, out.getvalue(), err.getvalue(), ""


def test_imports_a_draft_article_with_its_blocks(write, article_index, author):
    TopicFactory(name="Nutrition")
    path = write(
        "fibre.md",
        article_text(
            topics="[Nutrition]",
            body="## Key takeaways\n\n- Eat fibre.\n\n## Why\n\nBecause.",
        ),
    )

    ok, out, err, summary = run(path)

    assert ok, err
    page = ArticlePage.objects.get(slug="fibre-and-your-gut")
    assert not page.live
    latest = page.get_latest_revision_as_object()
    assert [block.block_type for block in latest.body] == [
        "key_takeaways",
        "heading",
        "paragraph",
    ]
    assert [topic.name for topic in latest.topics.all()] == ["Nutrition"]
    assert latest.intro == "An intro paragraph."
    assert "1 created, 0 updated, 0 skipped, 0 failed." in out


def test_publish_makes_the_article_live(write, article_index, author):
    ok, *_ = run(write("a.md", article_text()), "--publish")

    assert ok
    assert ArticlePage.objects.live().get().title == "Fibre and your gut"


def test_importing_again_skips_existing_articles(write, article_index, author):
    path = write("a.md", article_text())
    run(path, "--publish")
    revisions = Revision.objects.count()

    ok, out, err, _ = run(path, "--publish")

    assert ok
    assert ArticlePage.objects.count() == 1
    assert Revision.objects.count() == revisions
    assert "already exists; use --update" in out
    assert "0 created, 0 updated, 1 skipped, 0 failed." in out


def test_update_replaces_changed_content_and_ignores_unchanged(
    write, article_index, author
):
    path = write("a.md", article_text())
    run(path, "--publish")

    ok, out, *_ = run(path, "--update", "--publish")
    assert "1 skipped" in out

    write("a.md", article_text(body="Fibre feeds many kinds of bacteria."))
    ok, out, *_ = run(path, "--update", "--publish")

    assert ok and "1 updated" in out
    page = ArticlePage.objects.get()
    assert "many kinds" in str(page.body)
    assert page.revisions.count() == 2


def test_update_without_publish_leaves_the_live_version_alone(
    write, article_index, author
):
    path = write("a.md", article_text())
    run(path, "--publish")
    write("a.md", article_text(body="A new draft sentence."))

    run(path, "--update")

    page = ArticlePage.objects.get()
    assert "A new draft sentence." not in str(page.body)
    assert page.has_unpublished_changes


def test_dry_run_reports_but_writes_nothing(write, article_index, author):
    ok, out, *_ = run(write("a.md", article_text()), "--dry-run")

    assert ok
    assert "would create 'fibre-and-your-gut'" in out
    assert "Dry run, nothing saved: 1 created" in out
    assert not ArticlePage.objects.exists()


def test_imported_html_stays_text(write, article_index, author, client):
    path = write(
        "x.md", article_text(title="Safe", body="<script>alert('x')</script> **ok**")
    )
    run(path, "--publish")

    html = client.get("/articles/safe/").content.decode()

    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "<b>ok</b>" in html


def test_a_folder_imports_its_markdown_files(write, article_index, author, tmp_path):
    write("one.md", article_text(title="One"))
    write("two.md", article_text(title="Two"))
    write("notes.txt", "not an article")

    ok, out, *_ = run(tmp_path)

    assert ok
    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == ["one", "two"]


def test_bad_files_fail_with_file_and_line_while_good_files_import(
    write, article_index, author
):
    good = write("good.md", article_text(title="Good"))
    bad = write("bad.md", article_text(title="Bad", date="someday"))

    ok, out, err, summary = run(bad, good)

    assert not ok
    assert f"{bad}:4: 'date' must be a date written YYYY-MM-DD" in err
    assert summary == "1 created, 0 updated, 0 skipped, 1 failed."
    assert ArticlePage.objects.get().title == "Good"


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ({"topics": "[astrology]"}, 5, "No topic called 'astrology'"),
        ({"related_terms": "[no-such-term]"}, 5, "No glossary term with slug"),
    ],
)
def test_names_that_do_not_exist_fail_on_their_line(
    write, article_index, author, extra, line, message
):
    path = write("a.md", article_text(**extra))

    ok, out, err, _ = run(path)

    assert not ok
    assert f"{path}:{line}: {message}" in err
    assert not ArticlePage.objects.exists()


def test_a_missing_file_is_reported_not_crashed(article_index, tmp_path):
    ok, out, err, summary = run(tmp_path / "missing.md")

    assert not ok
    assert f"{tmp_path}/missing.md: no such file or directory" in err
    assert "1 failed" in summary


def test_a_file_that_is_not_utf8_is_reported(write, article_index, tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))

    ok, out, err, _ = run(path)

    assert not ok
    assert "not UTF-8 text" in err


def test_slug_taken_by_another_page_type_fails_clearly(write, article_index, author):
    from wagtail.models import Page

    article_index.add_child(instance=Page(title="Other", slug="fibre-and-your-gut"))

    ok, out, err, _ = run(write("a.md", article_text()))

    assert not ok
    assert "taken by a page that is not an article" in err


def test_unknown_parent_stops_before_reading_files(write, article_index, author):
    ok, out, err, summary = run(write("a.md", article_text()), "--parent", "/news/")

    assert not ok
    assert summary == "No article index page at '/news/'."


def test_reviewer_by_name_is_linked(write, article_index, author):
    ReviewerFactory(name="Priya Shah")

    run(write("a.md", article_text(reviewer="Priya Shah")), "--publish")

    article = ArticlePage.objects.get()
    assert article.clinical_reviewer.name == "Priya Shah"
    # The review covers what was imported: no "changes not yet reviewed".
    assert article.reviewed_revision == article.live_revision
    assert not article.has_unreviewed_changes


def test_a_missing_author_is_created_and_reported(write, article_index, author):
    path = write("a.md", article_text(author="Tom Adeyemi"))

    ok, out, err, _ = run(path)

    assert ok, err
    created = Author.objects.get(name="Tom Adeyemi")
    created.full_clean()
    assert ArticlePage.objects.get().get_latest_revision_as_object().author == created
    assert (
        f"{path}: created 'fibre-and-your-gut' (draft); created author 'Tom Adeyemi' "
        "with no bio yet: add one under Authors"
    ) in out
    assert "1 created, 0 updated, 0 skipped, 0 failed." in out


def test_an_existing_author_is_reused_whatever_the_case(write, article_index, author):
    path = write("a.md", article_text(author="dr RUTH okafor"))

    ok, out, err, _ = run(path)

    assert ok, err
    assert Author.objects.get() == author
    assert ArticlePage.objects.get().author == author
    assert "created author" not in out


def test_a_dry_run_says_it_would_create_the_author_and_creates_nothing(
    write, article_index, author
):
    path = write("a.md", article_text(author="Tom Adeyemi"))

    ok, out, err, _ = run(path, "--dry-run")

    assert ok, err
    assert "would create author 'Tom Adeyemi'" in out
    assert not Author.objects.filter(name="Tom Adeyemi").exists()


def test_a_skipped_article_creates_no_author(write, article_index, author):
    run(write("a.md", article_text()))
    path = write("b.md", article_text(author="Tom Adeyemi"))

    ok, out, err, _ = run(path)

    assert ok, err
    assert "already exists" in out
    assert not Author.objects.filter(name="Tom Adeyemi").exists()


def test_a_missing_reviewer_is_not_invented(write, article_index, author):
    path = write("a.md", article_text(reviewer="Dr Nobody Known"))

    ok, out, err, _ = run(path)

    assert not ok
    assert f"{path}:5: No clinical reviewer called 'Dr Nobody Known'" in err
    assert not Reviewer.objects.filter(name="Dr Nobody Known").exists()


def test_imported_sources_and_related_terms_keep_the_files_order(
    write, article_index, author
):
    # Rows with no position come back from PostgreSQL in any order, so a re-import
    # saw "changes" that were not there and the page listed its sources shuffled.
    glossary = GlossaryIndexPageFactory(parent=article_index.get_parent())
    for slug in ("probiotics", "dysbiosis", "butyrate"):
        GlossaryTermPageFactory(parent=glossary, title=slug.title(), slug=slug)
    sources = ", ".join(f"{{title: Study {n}, year: 20{n}0}}" for n in (2, 1, 3))
    text = article_text(related_terms="[probiotics, dysbiosis, butyrate]")
    text = text.replace("---\nAn intro", f"sources: [{sources}]\n---\nAn intro")

    ok, _, err, _ = run(write("a.md", text), "--publish")

    assert ok, err
    page = ArticlePage.objects.get()
    for rows in (page.sources, page.get_latest_revision_as_object().sources):
        assert [(s.sort_order, s.title) for s in rows.all()] == [
            (0, "Study 2"),
            (1, "Study 1"),
            (2, "Study 3"),
        ]
    assert [
        (link.sort_order, link.term.slug) for link in page.related_term_links.all()
    ] == [(0, "probiotics"), (1, "dysbiosis"), (2, "butyrate")]
