"""Turn the text of one file into a ``ParsedTerm``: pure functions, no database.

Two shapes are understood (see docs/autolink-and-import.md):

* Markdown (``.md``) with optional YAML front matter between ``---`` lines;
* plain text (``.txt``) copied from a glossary web page.

After the front matter both share one body format: an optional ``# Title`` line,
the definition paragraph, then an ``Origin`` and a ``Mechanism`` section, each
started by a line holding just that word. Anything that raises while parsing is
turned into ``GlossaryImportError`` naming the file and line.
"""

import functools
import re
from dataclasses import dataclass, field
from pathlib import PurePath

import yaml
from django.utils.text import slugify

from .banner import find_trailing_banner
from .definition import split_definition
from .errors import GlossaryImportError, ImportProblem
from .front_matter import load_front_matter
from .furniture import is_furniture

SECTIONS = ("origin", "mechanism")
SECTION_RE = re.compile(r"^\s*(?:#{1,6}\s*)?(origin|mechanism)\s*:?\s*$", re.I)
TITLE_RE = re.compile(r"#\s+(\S.*)", re.DOTALL)
FRONT_MATTER_FENCE = "---"
FRONT_MATTER_KEYS = ("title", "slug", "synonyms", "topics", "sources")
SOURCE_KEYS = ("title", "url", "publisher", "year", "doi", "pmid")
MAX_TITLE_LENGTH = 255
MAX_DEFINITION_LENGTH = 600
MAX_SYNONYM_LENGTH = 200


@dataclass
class ParsedTerm:
    path: str
    title: str
    slug: str
    definition: str
    origin: list[str]
    mechanism: list[str]
    synonyms: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    title_line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)
    # The part of a long definition that did not fit, to open a further section.
    definition_rest: str = ""
    # Lines of the copied site's cookie banner dropped from the end of the file.
    banner_lines: int = 0
    warnings: list[ImportProblem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The line of a front matter key, or of the title."""
        return self.key_lines.get(key, self.title_line)


@dataclass
class _Block:
    """A paragraph: consecutive non-blank lines, or a single section heading."""

    line: int
    lines: list[str]
    section: str | None = None

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a file (a byte-order mark is dropped), or a clear error.

    Text holding a NUL character is refused too: no field can store it.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GlossaryImportError.single(
            path, line, "not UTF-8 text; save the file as UTF-8"
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise GlossaryImportError.single(
            path, line, "holds a NUL character (a binary file?); it was not imported"
        )
    return text


def parse_term(text: str, path: str, furniture: list[re.Pattern]) -> ParsedTerm:
    """Parse one file's text; ``path`` names it in errors and gives its format."""
    if not text.strip():
        raise GlossaryImportError.single(path, 1, "the file is empty")
    lines = text.splitlines()
    meta, body_start, key_lines = {}, 0, {}
    if PurePath(path).suffix.lower() == ".md":
        meta, body_start, key_lines = _front_matter(lines, path)
    banner = find_trailing_banner(lines, body_start, furniture)
    body_end = banner.start if banner else len(lines)
    blocks = _blocks(lines, body_start, body_end, furniture)
    title, title_line, blocks = _title(meta, blocks, path)
    definition, origin, mechanism = _sections(blocks, path, len(lines))
    slug = meta.get("slug") or slugify(title, allow_unicode=True)
    problems = _check_lengths(path, title, title_line, slug)
    definition_line = blocks[0].line if blocks else 1
    definition, rest, warnings = _fitted_definition(
        definition, path, definition_line, problems
    )
    if problems:
        raise GlossaryImportError(problems)
    return ParsedTerm(
        path=path,
        title=title,
        slug=slug,
        definition=definition,
        origin=origin,
        mechanism=mechanism,
        synonyms=meta.get("synonyms", []),
        topics=meta.get("topics", []),
        sources=meta.get("sources", []),
        title_line=title_line,
        key_lines=key_lines,
        definition_rest=rest,
        banner_lines=banner.line_count if banner else 0,
        warnings=warnings,
    )


def title_from_filename(path: str) -> str:
    """``gut-microbiome-mental-health.txt`` → ``Gut Microbiome Mental Health``."""
    words = re.split(r"[-_\s]+", PurePath(path).stem)
    return " ".join(word[:1].upper() + word[1:] for word in words if word)


def _front_matter(lines: list[str], path: str) -> tuple[dict, int, dict]:
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, 0, {}
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER_FENCE:
            source = "\n".join(lines[1:index])
            fields = _front_matter_fields(source, path)
            return fields, index + 1, _key_lines(source)
    raise GlossaryImportError.single(
        path, 1, "front matter opened with '---' is never closed by another '---'"
    )


def _front_matter_fields(source: str, path: str) -> dict:
    try:
        data = load_front_matter(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(error, "problem", None) or "cannot be read"
        raise GlossaryImportError.single(
            path, line, f"bad YAML front matter: {problem}"
        ) from None
    except (RecursionError, ValueError, OverflowError) as error:
        raise GlossaryImportError.single(
            path, 2, f"bad YAML front matter: {error.__class__.__name__}"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GlossaryImportError.single(
            path, 2, "front matter must be 'key: value' lines"
        )
    return _checked_fields(data, path, _key_lines(source))


def _key_lines(source: str) -> dict:
    """Line number (in the file) of each top-level front matter key."""
    found = {}
    for offset, line in enumerate(source.splitlines()):
        match = re.match(r"^([^\s:#][^:]*):", line)
        if match:
            found.setdefault(match.group(1).strip(), offset + 2)
    return found


def _checked_fields(data: dict, path: str, key_lines: dict) -> dict:
    problems = []

    def problem(key, message):
        problems.append(ImportProblem(path, key_lines.get(str(key), 2), message))

    fields = {}
    for key, value in data.items():
        if key not in FRONT_MATTER_KEYS:
            expected = ", ".join(FRONT_MATTER_KEYS)
            problem(key, f"unknown front matter key {key!r} (expected {expected})")
        elif key in ("title", "slug"):
            if not isinstance(value, str) or not value.strip():
                problem(key, f"'{key}' must be non-empty text")
            else:
                fields[key] = value.strip()
        elif key == "sources":
            fields[key] = _sources(value, functools.partial(problem, key))
        else:
            fields[key] = _text_list(key, value, functools.partial(problem, key))
    slug = fields.get("slug")
    if slug is not None and slugify(slug, allow_unicode=True) != slug:
        problem("slug", f"'slug' {slug!r} may hold only lowercase letters, digits, -")
    if problems:
        raise GlossaryImportError(problems)
    return fields


def _text_list(key, value, problem) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(item, str | int | float) and str(item).strip() for item in value
    ):
        problem(f"'{key}' must be a list of names")
        return []
    names = [str(item).strip() for item in value]
    if key == "synonyms" and any(len(name) > MAX_SYNONYM_LENGTH for name in names):
        problem(f"a synonym is longer than {MAX_SYNONYM_LENGTH} characters")
    return names


def _sources(value, problem) -> list[dict]:
    if not isinstance(value, list):
        problem("'sources' must be a list of URLs or of title/url/… entries")
        return []
    sources = []
    for item in value:
        if isinstance(item, str) and item.strip():
            text = item.strip()
            is_url = text.startswith(("http://", "https://"))
            sources.append({"title": text, "url": text if is_url else ""})
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            unknown = set(map(str, item)) - set(SOURCE_KEYS)
            if unknown:
                problem(f"unknown source field(s): {', '.join(sorted(unknown))}")
            source = _source_fields(item, problem)
            if source is not None:
                sources.append(source)
        else:
            problem("each source must be a URL or have a 'title'")
    return sources


def _source_fields(item: dict, problem) -> dict | None:
    year = item.get("year")
    if year is not None and not (isinstance(year, int) and 1800 <= year <= 2100):
        problem(f"source year {year!r} must be a year such as 2021")
        return None
    source = {"year": year} if year is not None else {}
    for key in ("title", "url", "publisher", "doi", "pmid"):
        value = item.get(key)
        if value is None:
            continue
        if not isinstance(value, str | int):
            problem(f"source {key} must be text")
            return None
        source[key] = str(value).strip()
    return source


def _blocks(lines: list[str], start: int, end: int, furniture) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    in_furniture = False
    for index in range(start, end):
        line, number = lines[index], index + 1
        if not line.strip():
            current, in_furniture = None, False
            continue
        section = SECTION_RE.match(line)
        if section:
            blocks.append(_Block(number, [line], section.group(1).lower()))
            current, in_furniture = None, False
            continue
        # A line of furniture is dropped with the wrapped lines that continue it
        # (they start in lower case), and it ends the paragraph it interrupts.
        continues = line.lstrip()[:1].islower()
        if (in_furniture and continues) or is_furniture(line, furniture):
            current, in_furniture = None, True
            continue
        in_furniture = False
        if current is None:
            current = _Block(number, [])
            blocks.append(current)
        current.lines.append(line)
    return blocks


def _title(meta: dict, blocks: list[_Block], path: str):
    if blocks and blocks[0].section is None:
        heading = _title_heading(blocks[0].lines[0])
        if heading:
            first = blocks[0]
            rest = _Block(first.line + 1, first.lines[1:]) if first.lines[1:] else None
            blocks = ([rest] if rest else []) + blocks[1:]
            return meta.get("title") or heading, first.line, blocks
    if meta.get("title"):
        return meta["title"], 1, blocks
    title = title_from_filename(path)
    if not title:
        raise GlossaryImportError.single(
            path, 1, "no title: add 'title:' front matter or a '# Title' first line"
        )
    return title, 1, blocks


def _title_heading(line: str) -> str | None:
    r"""The text of a ``# Title`` line without closing ``#``s, or None.

    Trimmed with str methods: a lazy regular expression such as
    ``(\S.*?)\s*#*\s*$`` takes cubic time on a line of spaces.
    """
    match = TITLE_RE.match(line)
    if match is None:
        return None
    text = match.group(1)
    return text[0] + text[1:].rstrip().rstrip("#").rstrip()


def _sections(blocks: list[_Block], path: str, line_count: int):
    """Split the body into definition, Origin and Mechanism, or report why not."""
    problems: list[ImportProblem] = []
    definition, blocks = _definition(blocks, path, line_count, problems)
    content, heading_lines = _section_paragraphs(blocks, path, problems)
    for name in SECTIONS:
        label = name.title()
        if name not in content:
            message = (
                f"missing '{label}' section: add a line saying just '{label}' "
                "followed by its text"
            )
            problems.append(ImportProblem(path, line_count, message))
        elif not content[name]:
            message = f"the '{label}' section is empty"
            problems.append(ImportProblem(path, heading_lines[name], message))
    if problems:
        raise GlossaryImportError(problems)
    return definition, content["origin"], content["mechanism"]


def _definition(blocks, path, line_count, problems):
    """The first paragraph, and the blocks after it."""
    if not blocks or blocks[0].section is not None:
        line = blocks[0].line if blocks else line_count
        message = (
            "no definition: the first paragraph must say what the term means, "
            "before 'Origin' and 'Mechanism'"
        )
        problems.append(ImportProblem(path, line, message))
        return "", blocks
    rest = blocks[1:]
    if rest and rest[0].section is None:
        message = (
            "only one paragraph may come before the first section; put this text "
            "under 'Origin' or 'Mechanism', or join it to the definition"
        )
        problems.append(ImportProblem(path, rest[0].line, message))
    return blocks[0].text, rest


def _section_paragraphs(blocks, path, problems):
    """Paragraphs under each section heading, and the line of each heading."""
    content: dict[str, list[str]] = {}
    heading_lines: dict[str, int] = {}
    current = None
    for block in blocks:
        if block.section is None:
            if current:
                content[current].append(block.text)
            continue
        current = block.section
        if current in content:
            message = (
                f"a second '{current.title()}' section "
                f"(the first is on line {heading_lines[current]})"
            )
            problems.append(ImportProblem(path, block.line, message))
        content.setdefault(current, [])
        heading_lines.setdefault(current, block.line)
    return content, heading_lines


def _check_lengths(path, title, title_line, slug):
    problems = []
    if len(title) > MAX_TITLE_LENGTH:
        problems.append(
            ImportProblem(
                path,
                title_line,
                f"the title is longer than {MAX_TITLE_LENGTH} characters",
            )
        )
    if not slug:
        problems.append(
            ImportProblem(
                path,
                title_line,
                "the title gives an empty slug: add 'slug:' front matter",
            )
        )
    return problems


def _fitted_definition(definition, path, line, problems):
    """The definition within the field's limit, the rest of it, and any warning.

    The limit stays the model's rule; a longer definition keeps its lead
    sentences and the rest opens a further section, so no text is lost.
    """
    if len(definition) <= MAX_DEFINITION_LENGTH:
        return definition, "", []
    split = split_definition(definition, MAX_DEFINITION_LENGTH)
    if split is None:
        problems.append(
            ImportProblem(
                path,
                line,
                f"the definition has {len(definition)} characters and no break "
                f"between words within the limit of {MAX_DEFINITION_LENGTH}: "
                "shorten it, or move detail into 'Origin' or 'Mechanism'",
            )
        )
        return definition, "", []
    lead, rest = split
    warning = ImportProblem(
        path,
        line,
        f"warning: the definition has {len(definition)} characters, over the "
        f"limit of {MAX_DEFINITION_LENGTH}; its first {len(lead)} characters are "
        f"the definition and the other {len(rest)} open a further section: "
        "check the split in the admin",
    )
    return lead, rest, [warning]
