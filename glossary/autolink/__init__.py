"""Automatic links from glossary terms in any HTML to the term's page.

``link_terms(html, page)`` is what the ``{% autolink_terms %}`` tag calls; the
term data is built once per change of the glossary (see ``terms.py``).
"""

from .html import LinkState, LinkTarget, TermLinker
from .phrases import PhraseMatcher
from .terms import (
    build_linker,
    get_linker,
    invalidate_linker,
    invalidation_suspended,
    linkable_terms,
)

__all__ = [
    "LinkState",
    "LinkTarget",
    "PhraseMatcher",
    "TermLinker",
    "build_linker",
    "get_linker",
    "invalidate_linker",
    "invalidation_suspended",
    "link_terms",
    "linkable_terms",
]


def link_terms(markup: str, page=None, state: LinkState | None = None):
    """Link the first occurrence of each term in ``markup``; return (html, count).

    ``page`` is the page being rendered: a term is never linked on its own page,
    and only terms in the page's locale are linked (in every locale without a
    page). Pass the same ``state`` to several calls to link each term once per page.
    """
    if state is None:
        state = LinkState()
    own_id = getattr(page, "pk", None)
    if own_id is not None:
        state.excluded_term_ids = state.excluded_term_ids | {own_id}
    return get_linker(getattr(page, "locale_id", None)).link(markup, state)
