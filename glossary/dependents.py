"""What else shows a glossary term, for caches that purge page by page.

Wagtail's reference index already knows the pages that link to a term or
feature it, and those that auto-link it (``AutolinkedTermsField``). A term adds
what it alone knows (``GlossaryTermPage.get_dependent_pages`` and
``get_dependent_urls``):

- the A–Z lists that can show it: the whole list, its letter, its topics, both,
  and the numbered pages of each;
- its neighbours A–Z, and its related terms (they show it back).

Pages that start or stop auto-linking a term once a change commits are announced
by ``glossary.signals.autolinks_changed``.
"""

import math

from .conf import get_setting
from .letters import letter_to_param


def a_to_z_urls(term) -> list[str]:
    """The URLs of the A–Z pages that can list ``term``, one page more than
    each list has now: a term that left shortens it."""
    from .models import GlossaryIndexPage, GlossaryTermPage

    glossary = term.get_parent().specific_deferred
    base = glossary.get_full_url() if isinstance(glossary, GlossaryIndexPage) else None
    if not base:
        return []
    terms = GlossaryTermPage.objects.published().in_glossary(glossary)
    selections = {"": terms}
    letter = letter_to_param(term.first_letter) if term.first_letter else None
    if letter:
        selections[f"letter={letter}"] = terms.filter(first_letter=term.first_letter)
    for slug in term.topics.values_list("slug", flat=True):
        selections[f"topic={slug}"] = terms.filter(topics__slug=slug)
        if letter:
            selections[f"letter={letter}&topic={slug}"] = terms.filter(
                topics__slug=slug, first_letter=term.first_letter
            )
    per_page = get_setting("GLOSSARY_TERMS_PER_PAGE")
    urls = []
    for query, selection in selections.items():
        urls.append(base + (f"?{query}" if query else ""))
        joiner = f"?{query}&" if query else "?"
        last = math.ceil(selection.count() / per_page) + 1
        urls += [f"{base}{joiner}page={number}" for number in range(2, last + 1)]
    return urls


def pages_showing(term) -> list:
    """The terms that show ``term`` beside them: its neighbours A–Z and its
    related terms."""
    pages = [neighbour for neighbour in term.get_neighbours() if neighbour]
    return pages + list(term.get_related_terms(saved_links=True))
