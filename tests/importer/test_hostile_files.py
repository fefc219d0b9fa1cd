"""import_glossary against hostile files: one line per failure, nothing half-written.

Every bad value fails the file with ``path:line: message`` (exit status 1), never
a traceback; the other files still import; a dry run reports the same failures.
"""

import pytest

from glossary.models import GlossaryTermPage, GlossaryTermSource, Topic

pytestmark = pytest.mark.django_db

BODY = "The definition.\n\nOrigin\nWhere from.\n\nMechanism\nHow it works.\n"


def term_md(front_matter: str, title="Hostile") -> str:
    return f"---\ntitle: {title}\n{front_matter}\n---\n{BODY}"


def state():
    """Everything an import writes."""
    return (
        sorted(GlossaryTermPage.objects.values_list("slug", flat=True)),
        sorted(Topic.objects.values_list("name", flat=True)),
        GlossaryTermSource.objects.count(),
    )


BAD_FRONT_MATTER = {
    "javascript_url": ("sources:\n  - title: x\n    url: javascript:alert(1)", 3),
    "data_url": ("sources:\n  - title: x\n    url: 'data:text/html,<b>'", 3),
    "long_pmid": ("sources:\n  - title: x\n    pmid: '" + "1" * 21 + "'", 3),
    "letter_pmid": ("sources:\n  - title: x\n    pmid: 12ab", 3),
    "long_topic": ("topics: [" + "t" * 81 + "]", 3),
    "nul_escape_in_topic": ('topics: ["Skin\\0"]', 3),
    "nul_escape_in_synonym": ('synonyms: ["gut\\0flora"]', 3),
    "long_doi": ("sources:\n  - title: x\n    doi: '" + "d" * 201 + "'", 3),
}


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry_run"])
@pytest.mark.parametrize("name", BAD_FRONT_MATTER)
def test_a_value_the_admin_would_refuse_fails_its_file_alone(
    name, dry_run, write_file, run_import
):
    front_matter, line = BAD_FRONT_MATTER[name]
    bad = write_file("bad.md", term_md(front_matter))
    good = write_file("good.txt", "# Fine\n" + BODY)
    before = state()

    result = run_import(bad, good, *(["--dry-run"] if dry_run else []))

    assert result.status == 1
    failures = [line for line in result.err.splitlines() if "bad.md" in line]
    assert failures
    assert all(failure.startswith(f"{bad}:{line}: ") for failure in failures)
    assert "Traceback" not in result.err + result.out
    assert f"{good}: created 'Fine'" in result.out
    after = state()
    if dry_run:
        assert after == before
    else:
        assert after == (["fine"], [], 0)


def test_a_nul_byte_in_a_file_fails_it_with_its_line(write_file, run_import):
    path = write_file("nul.txt", b"# Nul\nThe definition\x00.\n")
    result = run_import(path)
    assert result.status == 1
    assert f"{path}:2: holds a NUL character" in result.err
    assert state() == ([], [], 0)


def test_a_failing_file_leaves_no_topic_it_would_have_created(write_file, run_import):
    front_matter = "topics: [New topic]\nsources:\n  - title: x\n    url: 'data:,x'"
    result = run_import(write_file("bad.md", term_md(front_matter)))
    assert result.status == 1
    assert state() == ([], [], 0)


def test_the_dry_run_reports_exactly_what_the_import_then_reports(
    write_file, run_import
):
    for name, (front_matter, _) in BAD_FRONT_MATTER.items():
        write_file(f"{name}.md", term_md(front_matter, title=name))
    folder = write_file("fine.txt", "# Fine\n" + BODY).parent

    dry = run_import(folder, "--dry-run")
    real = run_import(folder)

    assert (
        dry.err.splitlines()[: len(BAD_FRONT_MATTER)]
        == (real.err.splitlines()[: len(BAD_FRONT_MATTER)])
    )
    assert "0 skipped, 8 failed." in dry.out and "0 skipped, 8 failed." in real.out


def test_a_file_over_the_size_limit_is_refused_unread(write_file, run_import, settings):
    settings.GLOSSARY_IMPORT_MAX_FILE_BYTES = 100
    path = write_file("big.txt", "# Big\n" + BODY + "x" * 100)
    result = run_import(path)
    assert result.status == 1
    assert f"{path}: larger than 100 bytes (GLOSSARY_IMPORT_MAX_FILE_BYTES)" in (
        result.err
    )
    assert state() == ([], [], 0)


def test_a_link_in_the_folder_to_a_file_outside_it_is_not_followed(
    tmp_path, run_import
):
    outside = tmp_path / "secret.txt"
    outside.write_text("# Secret\n" + BODY)
    folder = tmp_path / "terms"
    folder.mkdir()
    (folder / "fine.txt").write_text("# Fine\n" + BODY)
    (folder / "link.txt").symlink_to(outside)
    (folder / "up.md").symlink_to(tmp_path)

    result = run_import(folder)

    assert result.status == 1
    assert f"{folder}/link.txt: a link to a file outside the folder" in result.err
    assert f"{folder}/up.md: a link to a file outside the folder" in result.err
    assert state() == (["fine"], [], 0)


def test_a_link_inside_the_folder_is_read(tmp_path, run_import):
    (tmp_path / "fine.text").write_text("# Fine\n" + BODY)
    (tmp_path / "fine.md").symlink_to(tmp_path / "fine.text")
    result = run_import(tmp_path)
    assert result.status == 0, result.err
    assert state() == (["fine"], [], 0)


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ("topics: " + "[" * 5000 + "]" * 5000, "nested more than 8 levels deep"),
        ("title: Twice\ntitle: Again", "the key 'title' is given twice"),
        ("synonyms: &a [x]\ntopics: *a", "anchors and aliases"),
    ],
)
def test_front_matter_yaml_is_plain_shallow_and_says_each_key_once(
    front_matter, message, write_file, run_import
):
    path = write_file("yaml.md", f"---\n{front_matter}\n---\n{BODY}")
    result = run_import(path)
    assert result.status == 1
    assert message in result.err
    assert result.err.count(str(path)) == 1
    assert state() == ([], [], 0)
