"""Import articles from Markdown files with YAML front matter.

`parse_article` is pure (text in, `ParsedArticle` out, `ArticleFileError` with a
line number on bad input); `ArticleImporter` resolves names against the database
and writes pages.
"""

from .errors import ArticleFileError
from .inline import inline_html, plain_text
from .markdown_blocks import parse_body
from .parse import ParsedArticle, parse_article
from .save import ArticleImporter, ImportOutcome

__all__ = [
    "ArticleFileError",
    "ArticleImporter",
    "ImportOutcome",
    "ParsedArticle",
    "inline_html",
    "parse_article",
    "parse_body",
    "plain_text",
]
