"""import_articles against hostile files: one line per failure, nothing half-written.

Every bad value fails its file with ``path:line: message`` and exit status 1, never
a traceback; the other files still import; a dry run reports the same failures.
"""

import pytest
from django.core.management import CommandError, call_command

from microsite.articles.models import ArticlePage, ArticleSource

pytestmark = pytest.mark.django_db

GOOD = (
    "---\ntitle: Fine\nauthor: Dr Ruth Okafor\ndate: 2025-04-02\n---\nIntro.\n\nBody.\n"
)


def article(extra_front_matter="", body="Body text."):
    return (
        "---\ntitle: Hostile\nauthor: Dr Ruth Okafor\ndate: 2025-04-02\n"
        f"{extra_front_matter}---\nAn intro.\n\n{body}\n"
    )


def run(*args) -> tuple[bool, str]:
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue() + err.getvalue() + str(error)
    return True, out.getvalue() + err.getvalue()


def state():
    return (
        sorted(ArticlePage.objects.values_list("slug", flat=True)),
        ArticleSource.objects.count(),
    )


BAD_FILES = {
    "nul_escape_in_title": (article().replace("Hostile", '"Hos\\0tile"'), 2),
    "nul_byte": (article(body="Body\x00text."), 8),
    "deep_yaml": (article("topics: " + "[" * 3000 + "]" * 3000 + "\n"), 5),
    "duplicate_key": (article("title: Again\n"), 5),
    "data_source": (article("sources:\n  - title: x\n    url: 'data:,x'\n"), 5),
}


@pytest.fixture
def hostile_folder(tmp_path, author, article_index):
    for name, (text, _) in BAD_FILES.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    (tmp_path / "fine.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry_run"])
def test_each_bad_file_fails_alone_with_one_line(hostile_folder, dry_run, settings):
    ok, output = run(hostile_folder, *(["--dry-run"] if dry_run else []))

    assert not ok
    assert "Traceback" not in output and "unexpected" not in output
    for name, (_, line) in BAD_FILES.items():
        [report] = [row for row in output.splitlines() if f"/{name}.md:" in row]
        assert report.startswith(f"{hostile_folder}/{name}.md:{line}: "), report
    assert "1 created, 0 updated, 0 skipped, 5 failed." in output
    assert state() == ([] if dry_run else ["fine"], 0)


def test_the_dry_run_reports_exactly_what_the_import_then_reports(hostile_folder):
    def failures(output):
        return sorted(
            row for row in output.splitlines() if ".md:" in row and "fine" not in row
        )

    _, dry = run(hostile_folder, "--dry-run")
    _, real = run(hostile_folder)

    assert failures(dry) == failures(real)
    assert len(failures(real)) == len(BAD_FILES)


@pytest.mark.parametrize(
    "pmid, url, line",
    [
        ("1" * 21, "", 5),
        ("", "javascript:alert(1)", 5),
        ("", "https://ok.example/\x00", 8),
    ],
)
def test_a_source_the_admin_would_refuse_is_refused(
    write, article_index, author, pmid, url, line
):
    source = f"sources:\n  - title: x\n    pmid: '{pmid}'\n    url: \"{url}\"\n"
    ok, output = run(write("a.md", article(source.replace("\x00", "\\0"))))
    assert not ok
    assert f"a.md:{line}: " in output
    assert state() == ([], 0)


def test_a_site_path_with_a_backslash_is_text_not_a_link(write, article_index, author):
    body = "[a](/\\evil.example) [b](/%5Cevil.example) [c](/ok/)"
    ok, output = run(write("a.md", article(body=body)))
    assert ok, output
    html = str(ArticlePage.objects.get().get_latest_revision_as_object().body)
    assert 'href="/ok/"' in html
    assert html.count("href=") == 1


def test_a_file_over_the_size_limit_is_refused_unread(
    write, article_index, author, settings
):
    settings.GLOSSARY_IMPORT_MAX_FILE_BYTES = 50
    path = write("a.md", article())
    ok, output = run(path)
    assert not ok
    assert f"{path}: larger than 50 bytes" in output
    assert state() == ([], 0)


def test_a_link_in_the_folder_to_a_file_outside_it_is_not_followed(
    tmp_path, article_index, author
):
    folder = tmp_path / "articles"
    folder.mkdir()
    (tmp_path / "outside.md").write_text(GOOD)
    (folder / "link.md").symlink_to(tmp_path / "outside.md")
    ok, output = run(folder)
    assert not ok
    assert f"{folder}/link.md: a link to a file outside the folder" in output
    assert state() == ([], 0)
