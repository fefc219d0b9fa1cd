"""import_glossary end to end: files in, terms out, clear reports."""

from pathlib import Path

import pytest

from glossary.models import GlossaryTermPage, Topic

from .conftest import DYSBIOSIS_TXT, MICROBIOME_MD

pytestmark = pytest.mark.django_db

VALID = "Def {n}.\n\nOrigin\nWhere from {n}.\n\nMechanism\nHow {n}.\n"


def terms():
    return GlossaryTermPage.objects.order_by("title")


def test_a_txt_file_becomes_a_draft_term_with_escaped_paragraphs(
    write_file, run_import
):
    result = run_import(write_file("dysbiosis.txt", DYSBIOSIS_TXT))
    assert result.status == 0, result.err
    term = terms().get()
    assert (term.title, term.slug, term.live) == ("Dysbiosis", "dysbiosis", False)
    assert term.origin == (
        "<p>From the Greek &quot;dys&quot; (bad) and &quot;bios&quot; (life).</p>"
        "<p>The word entered medicine in the early twentieth century.</p>"
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in term.mechanism
    assert "<script>" not in term.mechanism
    assert "created 'Dysbiosis' (saved as a draft)" in result.out
    assert "Summary: 1 created, 0 updated, 0 skipped, 0 failed." in result.out


def test_an_md_file_brings_synonyms_topics_and_sources_and_can_be_published(
    write_file, run_import
):
    Topic.objects.create(name="Skin", slug="skin")
    text = MICROBIOME_MD.replace("topics: [Digestion]", "topics: [Digestion, skin]")
    result = run_import(write_file("microbiome.md", text), "--publish")
    assert result.status == 0, result.err
    term = terms().get()
    assert term.live
    assert term.synonym_names == ["gut flora", "gut microbiota"]
    assert sorted(term.topic_names) == ["Digestion", "Skin"]
    assert [(s.title, s.year, s.url) for s in term.sources.all()] == [
        ("The human gut microbiome", 2012, ""),
        ("https://example.org/microbiome", None, "https://example.org/microbiome"),
    ]
    assert term.mechanism == (
        "<p>They digest fibre &amp; make short-chain fatty acids.</p>"
    )
    assert "created topic 'Digestion'" in result.out
    assert Topic.objects.count() == 2


def test_a_directory_imports_its_md_and_txt_files_only(
    tmp_path, write_file, run_import
):
    write_file("dysbiosis.txt", DYSBIOSIS_TXT)
    write_file("microbiome.md", MICROBIOME_MD)
    write_file("notes.rst", VALID.format(n=1))
    result = run_import(tmp_path)
    assert result.status == 0, result.err
    assert [term.title for term in terms()] == ["Dysbiosis", "Gut microbiome"]


def test_importing_the_same_file_again_skips_it(write_file, run_import):
    path = write_file("dysbiosis.txt", DYSBIOSIS_TXT)
    run_import(path)
    result = run_import(path)
    assert result.status == 0
    assert terms().count() == 1
    assert "skipped 'Dysbiosis' (exists; use --update to replace it)" in result.out
    assert "0 created, 0 updated, 1 skipped, 0 failed." in result.out


def test_update_replaces_the_term_with_the_same_slug(write_file, run_import):
    run_import(write_file("dysbiosis.txt", DYSBIOSIS_TXT), "--publish")
    changed = DYSBIOSIS_TXT.replace("Fewer kinds", "A narrower range")
    result = run_import(write_file("dysbiosis.txt", changed), "--update", "--publish")
    assert result.status == 0, result.err
    term = terms().get()
    assert term.mechanism.startswith("<p>A narrower range")
    assert "1 updated" in result.out


def test_dry_run_reports_and_writes_nothing(write_file, run_import):
    result = run_import(write_file("microbiome.md", MICROBIOME_MD), "--dry-run")
    assert result.status == 0, result.err
    assert (
        "created 'Gut microbiome' (dry run, nothing written; would create topic "
        "'Digestion')"
    ) in result.out
    assert "Dry run, nothing written. Would have: 1 created" in result.out
    assert terms().count() == 0
    assert Topic.objects.count() == 0


def test_dry_run_still_reports_bad_files_and_fails(write_file, run_import):
    result = run_import(write_file("empty.txt", ""), "--dry-run")
    assert result.status == 1
    assert "empty.txt:1: the file is empty" in result.err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", "", "empty.txt:1: the file is empty"),
        ("nodef.txt", "Origin\nO.\nMechanism\nM.\n", "nodef.txt:1: no definition"),
        ("noorigin.txt", "D.\n\nMechanism\nM.\n", "noorigin.txt:4: missing 'Origin'"),
        ("nomech.txt", "D.\nOrigin\nO.\n", "nomech.txt:3: missing 'Mechanism'"),
        ("latin1.txt", b"D.\nOrigin\nCaf\xe9\n", "latin1.txt:3: not UTF-8 text"),
        ("bad.md", "---\ntitle: [x\n---\nD.\n", "bad.md:2: bad YAML front matter"),
    ],
)
def test_a_bad_file_fails_with_file_and_line_while_good_files_import(
    write_file, run_import, name, content, message
):
    good = write_file("dysbiosis.txt", DYSBIOSIS_TXT)
    bad = write_file(name, content)
    result = run_import(bad, good)
    assert result.status == 1
    assert f"{Path(bad).parent}/{message}" in result.err
    assert "Traceback" not in result.err
    assert "1 file(s) failed; the others were imported" in result.err
    assert "Summary: 1 created, 0 updated, 0 skipped, 1 failed." in result.out
    assert [term.title for term in terms()] == ["Dysbiosis"]


def test_a_missing_path_fails_clearly(tmp_path, run_import):
    result = run_import(tmp_path / "nowhere.md")
    assert result.status == 1
    assert f"{tmp_path}/nowhere.md: no such file or directory" in result.err


def test_an_unreadable_file_fails_clearly(write_file, run_import, monkeypatch):
    path = write_file("locked.txt", DYSBIOSIS_TXT)

    original_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return original_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = run_import(path)
    assert result.status == 1
    assert f"{path}: cannot be read: Permission denied" in result.err


def test_duplicate_titles_in_one_run_import_the_first_and_fail_the_rest(
    write_file, run_import
):
    first = write_file("a.txt", "# Dysbiosis\n" + VALID.format(n=1))
    second = write_file("b.md", "---\ntitle: dysbiosis\n---\n" + VALID.format(n=2))
    result = run_import(first, second)
    assert result.status == 1
    assert (
        f"{second}:1: duplicate title 'dysbiosis' in this run (first in {first}:1)"
        in result.err
    )
    assert terms().get().definition == "Def 1."


def test_a_parent_that_is_not_a_glossary_is_an_error(write_file, run_import):
    result = run_import(write_file("a.txt", VALID.format(n=1)), "--parent", "/nope/")
    assert result.status == 1
    assert "no glossary index page at '/nope/'" in result.err


def test_the_parent_can_be_given_as_its_url_path(write_file, run_import):
    result = run_import(
        write_file("a.txt", VALID.format(n=1)), "--parent", "/glossary/"
    )
    assert result.status == 0, result.err
    assert terms().get().url == "/glossary/a/"


def test_long_runs_print_progress(tmp_path, write_file, run_import):
    for n in range(100):
        write_file(f"term-{n:03}.txt", VALID.format(n=n))
    result = run_import(tmp_path, "--dry-run")
    assert "… 100/100 files" in result.err


def test_update_without_publish_leaves_the_live_version_alone(write_file, run_import):
    run_import(write_file("dysbiosis.txt", DYSBIOSIS_TXT), "--publish")
    changed = DYSBIOSIS_TXT.replace("Fewer kinds", "A narrower range")
    result = run_import(write_file("dysbiosis.txt", changed), "--update")
    assert "the live version is unchanged" in result.out
    term = terms().get()
    assert term.mechanism.startswith("<p>Fewer kinds")
    assert term.has_unpublished_changes
    latest = term.get_latest_revision_as_object()
    assert latest.mechanism.startswith("<p>A narrower range")


def test_synonyms_and_sources_are_stored_in_the_files_order(write_file, run_import):
    # Without positions, PostgreSQL returns such rows in any order: sources shuffled
    # on the page and re-imports that found changes that were not there.
    result = run_import(write_file("microbiome.md", MICROBIOME_MD), "--publish")
    assert result.status == 0, result.err
    term = terms().get()
    for page in (term, term.get_latest_revision_as_object()):
        assert [(s.sort_order, s.name) for s in page.synonyms.all()] == [
            (0, "gut flora"),
            (1, "gut microbiota"),
        ]
        assert [s.sort_order for s in page.sources.all()] == [0, 1]
