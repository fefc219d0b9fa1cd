from .index import GlossaryIndexPage
from .sources import SourceFields
from .terms import (
    GlossaryRelatedTerm,
    GlossaryTermPage,
    GlossaryTermSource,
    GlossaryTermSynonym,
)
from .topics import Topic

__all__ = [
    "GlossaryIndexPage",
    "GlossaryRelatedTerm",
    "GlossaryTermPage",
    "GlossaryTermSource",
    "GlossaryTermSynonym",
    "SourceFields",
    "Topic",
]
