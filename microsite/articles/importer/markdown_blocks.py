"""A small Markdown-block parser: the subset articles need, as StreamField data.

Supported: `##`/`###` headings, paragraphs, `-`/`*` and `1.` lists, `> ` quotes,
`::: kind Title` … `:::` callouts, and a "Key takeaways" heading followed by a list.
Inline: **bold**, *italic*, [links](https://…), read by ``inline``. Everything else
is text and is HTML-escaped.
"""

import re

from .errors import ArticleFileError
from .inline import inline_html, plain_text

# The text is cut from the rest of the line with str methods: a regular expression
# such as ``\s*(.*?)\s*#*\s*$`` takes cubic time on a line of spaces.
HEADING = re.compile(r"(#{1,6})(.*)\Z", re.DOTALL)
BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
NUMBERED = re.compile(r"^\s{0,3}\d{1,3}[.)]\s+(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
CALLOUT_KINDS = ("note", "tip", "warning", "disclaimer")
KEY_TAKEAWAYS = "key takeaways"


def parse_body(text: str, first_line: int = 1) -> list[dict]:
    """Parse Markdown into raw StreamField data (`[{"type": …, "value": …}]`)."""
    return _BodyParser(text.splitlines(), first_line).parse()


class _BodyParser:
    def __init__(self, lines: list[str], first_line: int):
        self.lines = lines
        self.first_line = first_line
        self.index = 0
        self.blocks: list[dict] = []

    def error(self, message, index=None):
        at = self.index if index is None else index
        return ArticleFileError(message, self.first_line + at)

    def current(self) -> str:
        return self.lines[self.index]

    def at_end(self) -> bool:
        return self.index >= len(self.lines)

    def add(self, block_type, value):
        self.blocks.append({"type": block_type, "value": value})

    def parse(self) -> list[dict]:
        while not self.at_end():
            line = self.current()
            stripped = line.strip()
            if not stripped:
                self.index += 1
            elif FENCE.match(line):
                raise self.error("Code blocks are not supported in articles.")
            elif stripped.startswith("!["):
                raise self.error(
                    "Images are not imported: add them in the Wagtail editor."
                )
            elif stripped.startswith("#"):
                self.parse_heading()
            elif BULLET.match(line) or NUMBERED.match(line):
                block_type, items = self.read_list()
                self.add(block_type, items)
            elif stripped.startswith(">"):
                self.parse_quote()
            elif stripped.startswith(":::"):
                self.parse_callout()
            else:
                self.add("paragraph", f"<p>{inline_html(self.read_paragraph())}</p>")
        return self.blocks

    def starts_block(self, line: str) -> bool:
        stripped = line.strip()
        return (
            not stripped
            or stripped.startswith(("#", ">", ":::", "!["))
            or bool(BULLET.match(line) or NUMBERED.match(line) or FENCE.match(line))
        )

    def read_paragraph(self) -> str:
        words = []
        while not self.at_end() and (
            not words or not self.starts_block(self.current())
        ):
            words.append(self.current().strip())
            self.index += 1
        return " ".join(words)

    def parse_heading(self):
        level, rest = HEADING.match(self.current().strip()).groups()
        text = rest.rstrip().rstrip("#").strip()
        if len(level) == 1:
            raise self.error(
                "Put the title in the front matter ('title:') and start sections "
                "with '##'."
            )
        if len(level) > 3:
            raise self.error("Only '##' and '###' headings are supported.")
        if not text:
            raise self.error("This heading has no text.")
        heading_index = self.index
        self.index += 1
        if plain_text(text).lower().rstrip(":") != KEY_TAKEAWAYS:
            self.add("heading", plain_text(text))
            return
        self.skip_blank_lines()
        if self.at_end() or not (
            BULLET.match(self.current()) or NUMBERED.match(self.current())
        ):
            raise self.error(
                "A 'Key takeaways' heading must be followed by a list.", heading_index
            )
        _, points = self.read_list()
        self.add("key_takeaways", {"title": plain_text(text), "points": points})

    def skip_blank_lines(self):
        while not self.at_end() and not self.current().strip():
            self.index += 1

    def read_list(self) -> tuple[str, list[str]]:
        pattern = BULLET if BULLET.match(self.current()) else NUMBERED
        block_type = "bulleted_list" if pattern is BULLET else "numbered_list"
        items: list[str] = []
        while not self.at_end():
            line = self.current()
            indented = line.startswith((" ", "\t")) and line.strip() and items
            marker = pattern.match(line)
            if indented and (
                BULLET.match(line.strip()) or NUMBERED.match(line.strip())
            ):
                raise self.error("Nested lists are not supported.")
            if marker:
                items.append(marker.group(1).strip())
            elif indented:
                items[-1] = f"{items[-1]} {line.strip()}"
            else:
                break
            self.index += 1
        if any(not item for item in items):
            raise self.error("A list item is empty.", self.index - 1)
        return block_type, [plain_text(item) for item in items]

    def parse_quote(self):
        lines = []
        while not self.at_end() and self.current().strip().startswith(">"):
            lines.append(self.current().strip()[1:].strip())
            self.index += 1
        attribution = ""
        if len(lines) > 1 and lines[-1].startswith(("—", "--", "-- ")):
            attribution = plain_text(lines.pop().lstrip("—-").strip())
        text = "\n".join(line for line in lines)
        if not text.strip():
            raise self.error("This quote is empty.", self.index - 1)
        self.add("quote", {"text": plain_text(text), "attribution": attribution})

    def parse_callout(self):
        opening = self.index
        words = self.current().strip()[3:].split(maxsplit=1)
        if not words or words[0].lower() not in CALLOUT_KINDS:
            raise self.error(
                "A callout starts with '::: kind', where kind is one of: "
                + ", ".join(CALLOUT_KINDS)
                + "."
            )
        kind = words[0].lower()
        title = plain_text(words[1]) if len(words) > 1 else ""
        self.index += 1
        paragraphs, current = [], []
        while not self.at_end() and self.current().strip() != ":::":
            if self.current().strip():
                current.append(self.current().strip())
            elif current:
                paragraphs.append(" ".join(current))
                current = []
            self.index += 1
        if self.at_end():
            raise self.error("This callout is not closed: add a ':::' line.", opening)
        if current:
            paragraphs.append(" ".join(current))
        if not paragraphs:
            raise self.error("This callout has no text.", opening)
        self.index += 1
        text = "".join(f"<p>{inline_html(p)}</p>" for p in paragraphs)
        self.add("callout", {"kind": kind, "title": title, "text": text})
