from .index import GlossaryIndexPage
from .sources import SourceFields
from .terms import GlossaryTermPage, GlossaryTermSource, GlossaryTermSynonym
from .topics import Topic

__all__ = [
    "GlossaryIndexPage",
    "GlossaryTermPage",
    "GlossaryTermSource",
    "GlossaryTermSynonym",
    "SourceFields",
    "Topic",
]
