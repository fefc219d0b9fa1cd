"""Pages scraped from the old site import whole, without their cookie banner.

Each file in ``scraped/`` is shaped like a real page of the old site: a definition,
Origin, Mechanism, navigation and share lines, then the old cookie-preferences
banner, worded differently on each page. Every word of the content must reach
the term; no line of the banner may.
"""

import re
import shutil
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

from glossary.models import GlossaryTermPage

pytestmark = pytest.mark.django_db

SCRAPED = Path(__file__).parent / "scraped"
# Per page: its title, how many banner lines end it, and the navigation and
# footer lines the old site wrapped around the content.
PAGES = {
    "butyrate.txt": (
        "Butyrate",
        5,
        ["Skip to content", "Home > Glossary > Butyrate", "Share this page"]
        + ["Back to top"],
    ),
    "leaky-gut.txt": ("Leaky gut", 5, ["Back to top"]),
    "short-chain-fatty-acids.txt": (
        "Short-chain fatty acids",
        8,
        ["Previous term", "Next term: Symbiosis »"],
    ),
    "zonulin.txt": (
        "Zonulin",
        6,
        ["Share this:", "Facebook", "Email"]
        + ["© 2024 Gut Health Library. All rights reserved."],
    ),
}
SECTION_HEADINGS = {"Origin", "Mechanism"}


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


def page_parts(name: str) -> tuple[list[str], list[str]]:
    """The content lines and the banner lines of a scraped page."""
    _, banner_count, furniture = PAGES[name]
    lines = [
        line.strip()
        for line in (SCRAPED / name).read_text(encoding="utf-8").splitlines()
    ]
    kept = [line for line in lines if line and line not in furniture]
    content, banner = kept[:-banner_count], kept[-banner_count:]
    return [line for line in content if line not in SECTION_HEADINGS], banner


def term_text(term: GlossaryTermPage) -> str:
    """Everything a reader of the term sees, as plain text."""
    further = " ".join(str(block.value) for block in term.further_sections)
    html = " ".join([term.title, term.definition, term.origin, term.mechanism, further])
    return unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


@pytest.fixture
def scraped_folder(tmp_path):
    folder = tmp_path / "scraped"
    shutil.copytree(SCRAPED, folder)
    return folder


@pytest.fixture
def imported(scraped_folder, run_import):
    result = run_import(scraped_folder)
    assert result.status == 0, result.err
    return result


@pytest.mark.parametrize("name", PAGES)
def test_a_scraped_page_keeps_every_word_and_drops_its_whole_banner(
    name, scraped_folder, run_import
):
    title, banner_count, _ = PAGES[name]
    content, banner = page_parts(name)

    result = run_import(scraped_folder / name)

    assert result.status == 0, result.err
    text = term_text(GlossaryTermPage.objects.get(title=title))
    assert not words(" ".join(content)) - words(text), "words lost"
    flat = " ".join(text.split())
    for line in banner:
        assert " ".join(line.replace("\u00a0", " ").split()) not in flat
    assert "cookie" not in flat.casefold()
    (line,) = result.out.splitlines()[:1]
    assert line.startswith(f"{scraped_folder / name}: created '{title}' (")
    assert f"dropped {banner_count} banner lines" in line


def test_the_summary_counts_the_dropped_banner_lines(imported):
    total = sum(count for _, count, _ in PAGES.values())
    assert (
        "Summary: 4 created, 0 updated, 0 skipped, 0 failed. "
        f"Dropped {total} cookie banner lines from 4 files. "
        "Split 1 long definition (see the warnings)."
    ) in imported.out


def test_a_long_definition_keeps_its_lead_and_the_rest_opens_a_section(
    scraped_folder, run_import
):
    imported = run_import(scraped_folder / "butyrate.txt")
    term = GlossaryTermPage.objects.get(title="Butyrate")
    assert len(term.definition) <= 600
    assert term.definition.endswith("as well as a fuel.")
    heading, paragraph = term.further_sections
    assert (heading.block_type, heading.value) == ("heading", "In more detail")
    assert paragraph.block_type == "paragraph"
    assert str(paragraph.value).startswith("<p>Levels in stool fall")
    assert (
        f"{scraped_folder / 'butyrate.txt'}:4: warning: the definition has 745 "
        "characters, over the limit of 600"
    ) in imported.err
    assert "long definition split: the rest opens 'In more detail'" in imported.out


def test_importing_again_replaces_the_opening_section_and_keeps_an_editors(
    scraped_folder, run_import
):
    run_import(scraped_folder / "butyrate.txt")
    term = GlossaryTermPage.objects.get(title="Butyrate")
    term.further_sections.append(("heading", "What the research shows"))
    term.save_revision()

    result = run_import(scraped_folder / "butyrate.txt", "--update")

    assert result.status == 0, result.err
    latest = GlossaryTermPage.objects.get(title="Butyrate")
    latest = latest.get_latest_revision_as_object()
    assert [block.block_type for block in latest.further_sections] == [
        "heading",
        "paragraph",
        "heading",
    ]
    assert latest.further_sections[2].value == "What the research shows"


def test_the_rest_of_a_long_definition_shows_on_the_published_term(
    scraped_folder, run_import, client
):
    result = run_import(scraped_folder / "butyrate.txt", "--publish")
    assert result.status == 0, result.err

    response = client.get(GlossaryTermPage.objects.get().url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "In more detail" in html
    assert "Levels in stool fall when people eat little fibre" in html
