"""Turn the text of one article file into a `ParsedArticle`, without the database."""

import datetime
import re
from dataclasses import dataclass, field
from html import unescape

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify

from glossary.importer.front_matter import load_front_matter

from .errors import ArticleFileError
from .markdown_blocks import parse_body, plain_text

REQUIRED_KEYS = ("title", "author", "date")
OPTIONAL_KEYS = (
    "slug",
    "intro",
    "topics",
    "reviewer",
    "last_reviewed",
    "sources",
    "related_terms",
    "autolink_glossary",
)
SOURCE_KEYS = ("title", "publisher", "year", "url", "doi", "pmid")
SOURCE_MAX_LENGTHS = {
    "title": 400,
    "publisher": 200,
    "url": 500,
    "doi": 200,
    "pmid": 20,
}
SLUG = re.compile(r"^[-a-z0-9_]+$")
TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


@dataclass
class ParsedArticle:
    title: str
    slug: str
    author: str
    date_published: datetime.date
    intro: str
    body: list[dict]
    topics: list[str] = field(default_factory=list)
    reviewer: str = ""
    last_reviewed: datetime.date | None = None
    sources: list[dict] = field(default_factory=list)
    related_terms: list[str] = field(default_factory=list)
    autolink_glossary: bool = True
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def parse_article(text: str) -> ParsedArticle:
    meta, key_lines, body_text, body_first_line = split_front_matter(text)
    fields = FrontMatter(meta, key_lines)
    title = fields.text("title", max_length=255)
    slug = fields.text("slug", required=False, max_length=255) or slugify(title)
    if not SLUG.match(slug):
        raise ArticleFileError(
            f"The slug {slug!r} may only hold lower-case letters, digits and hyphens.",
            key_lines.get("slug", key_lines.get("title", 1)),
        )
    article = ParsedArticle(
        title=title,
        slug=slug,
        author=fields.text("author", max_length=120),
        date_published=fields.date("date"),
        intro=fields.text("intro", required=False, max_length=400),
        body=[],
        topics=fields.string_list("topics"),
        reviewer=fields.text("reviewer", required=False, max_length=120),
        last_reviewed=fields.date("last_reviewed", required=False),
        sources=fields.sources(),
        related_terms=fields.string_list("related_terms"),
        autolink_glossary=fields.boolean("autolink_glossary", default=True),
        key_lines=key_lines,
    )
    body = parse_body(body_text, body_first_line)
    if not article.intro:
        article.intro, body = intro_from_first_paragraph(body, body_first_line)
    if not body:
        raise ArticleFileError("The article has no body text.", body_first_line)
    article.body = body
    return article


def split_front_matter(text: str) -> tuple[dict, dict[str, int], str, int]:
    """Split '---' YAML front matter from the Markdown body.

    Returns the metadata, the line of each top-level key, the body text and the
    line number the body starts on.
    """
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ArticleFileError(
            "The file must start with front matter between two '---' lines.", 1
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise ArticleFileError(
            "The front matter is not closed: add a '---' line after it.", 1
        )
    try:
        meta = load_front_matter("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "it cannot be read"
        raise ArticleFileError(
            f"The front matter is not valid YAML: {problem}.", line
        ) from None
    except (RecursionError, OverflowError) as error:
        raise ArticleFileError(
            f"The front matter cannot be read ({error.__class__.__name__}).", 2
        ) from None
    except ValueError as error:
        # YAML reads 2026-13-45 as a date and fails with ValueError, not YAMLError.
        raise ArticleFileError(
            f"The front matter holds an impossible value: {error}.", 2
        ) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleFileError("The front matter must be 'key: value' lines.", 2)
    key_lines = {}
    for number, line in enumerate(lines[1:end], start=2):
        match = TOP_LEVEL_KEY.match(line)
        if match:
            key_lines.setdefault(match.group(1), number)
    return meta, key_lines, "\n".join(lines[end + 1 :]), end + 2


def intro_from_first_paragraph(body: list[dict], first_line: int):
    if not body or body[0]["type"] != "paragraph":
        raise ArticleFileError(
            "Add an 'intro:' to the front matter or start the body with a paragraph.",
            first_line,
        )
    text = re.sub(r"<[^>]+>", "", body[0]["value"])
    intro = unescape(text).strip()
    if len(intro) > 400:
        raise ArticleFileError(
            "The first paragraph is too long to be the intro (400 characters at "
            "most): add a shorter 'intro:' to the front matter.",
            first_line,
        )
    return intro, body[1:]


class FrontMatter:
    """Typed access to front-matter values, with errors that name key and line."""

    def __init__(self, meta: dict, key_lines: dict[str, int]):
        self.meta = meta
        self.key_lines = key_lines
        for key in meta:
            if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
                known = ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS)
                raise self.error(
                    key, f"Unknown front matter key {key!r} (known: {known})."
                )
        for key in REQUIRED_KEYS:
            if meta.get(key) in (None, ""):
                raise ArticleFileError(f"The front matter needs a '{key}:'.", 1)

    def error(self, key: str, message: str) -> ArticleFileError:
        return ArticleFileError(message, self.key_lines.get(key, 1))

    def text(self, key: str, required: bool = True, max_length: int = 255) -> str:
        value = self.meta.get(key)
        if value is None:
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.error(key, f"'{key}' must be text.")
        value = str(value).strip()
        if required and not value:
            raise self.error(key, f"'{key}' must not be empty.")
        if len(value) > max_length:
            raise self.error(key, f"'{key}' is longer than {max_length} characters.")
        return plain_text(value) if key in ("title", "intro") else value

    def date(self, key: str, required: bool = True) -> datetime.date | None:
        value = self.meta.get(key)
        if value is None and not required:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise self.error(
                key, f"'{key}' must be a date written YYYY-MM-DD, not {value!r}."
            ) from None

    def string_list(self, key: str) -> list[str]:
        value = self.meta.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            raise self.error(key, f"'{key}' must be a list of names.")
        return [item.strip() for item in value]

    def boolean(self, key: str, default: bool) -> bool:
        value = self.meta.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"'{key}' must be true or false.")
        return value

    def sources(self) -> list[dict]:
        value = self.meta.get("sources")
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error("sources", "'sources' must be a list of sources.")
        return [self.source(number, item) for number, item in enumerate(value, 1)]

    def source(self, number: int, item) -> dict:
        where = f"Source {number}"
        if not isinstance(item, dict):
            raise self.error("sources", f"{where} must have 'title:' and other keys.")
        unknown = set(item) - set(SOURCE_KEYS)
        if unknown:
            raise self.error(
                "sources",
                f"{where} has unknown keys {', '.join(sorted(map(str, unknown)))} "
                f"(known: {', '.join(SOURCE_KEYS)}).",
            )
        source = {key: str(item.get(key) or "").strip() for key in SOURCE_KEYS}
        if not source["title"]:
            raise self.error("sources", f"{where} needs a 'title:'.")
        for key, limit in SOURCE_MAX_LENGTHS.items():
            if len(source[key]) > limit:
                raise self.error(
                    "sources", f"{where}: '{key}' is longer than {limit} characters."
                )
        year = item.get("year")
        if year is not None and (not isinstance(year, int) or not 1800 <= year <= 2100):
            raise self.error("sources", f"{where}: 'year' must be a year like 2021.")
        source["year"] = year
        if source["url"]:
            try:
                URLValidator(schemes=["http", "https"])(source["url"])
            except ValidationError:
                raise self.error(
                    "sources", f"{where}: 'url' must start with https:// or http://."
                ) from None
        pmid = source["pmid"]
        if pmid and not (pmid.isascii() and pmid.isdigit()):
            raise self.error("sources", f"{where}: 'pmid' must be digits only.")
        return source
