"""Import glossary terms from Markdown and plain-text files.

``parse`` reads text into ``ParsedTerm`` objects without touching the database,
using ``banner`` (the copied site's trailing cookie banner), ``furniture`` (other
copied navigation lines) and ``definition`` (splitting an over-long definition);
``write`` creates, updates or skips terms; ``files`` finds and reads the files.
"""

from .errors import GlossaryImportError, ImportProblem
from .parse import ParsedTerm, parse_term

__all__ = ["GlossaryImportError", "ImportProblem", "ParsedTerm", "parse_term"]
