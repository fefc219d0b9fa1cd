from glossary.review.models import (
    ClinicalReviewTask,
    ClinicalReviewTaskState,
    Reviewer,
    ReviewReminder,
)

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
    "ClinicalReviewTask",
    "ClinicalReviewTaskState",
    "ReviewReminder",
    "Reviewer",
    "GlossaryIndexPage",
    "GlossaryRelatedTerm",
    "GlossaryTermPage",
    "GlossaryTermSource",
    "GlossaryTermSynonym",
    "SourceFields",
    "Topic",
]
