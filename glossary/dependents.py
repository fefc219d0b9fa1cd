"""What else shows a glossary term, for caches that purge page by page.

Wagtail's reference index already knows the pages that link to a term, feature
it or auto-link it (``AutolinkedTermsField``). A term adds what it alone knows
(``GlossaryTermPage.get_dependent_pages`` and ``get_dependent_urls``):

- the A–Z lists that can show it: the whole list, its letter, its topics, both,
  and the numbered pages of each;
- its neighbours A–Z, and its related terms (they show it back);
- the pages whose text would auto-link its names now: the reference index learns
  them only after the change commits (``refresh_autolinked_terms``), while the
  pages that linked its old names are still in it.
"""

import math

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.models import Page

from .autolink import PhraseMatcher
from .autolink.references import autolinked_fields
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
    """Terms that show ``term`` beside them, and pages that would auto-link it."""
    pages = [neighbour for neighbour in term.get_neighbours() if neighbour]
    pages += term.get_related_terms(saved_links=True)
    if term.live and not term.never_autolink:
        pages += pages_mentioning([term.title, *term.saved_synonym_names])
    return pages


def pages_mentioning(names) -> list:
    """Live pages whose auto-linked text contains one of ``names``."""
    matcher = PhraseMatcher((name, 0) for name in names if name)
    if not len(matcher):
        return []
    found = []
    for field in autolinked_fields():
        candidates = field.model._default_manager.all()
        if issubclass(field.model, Page):
            candidates = candidates.live()
        if field.enabled_by:
            candidates = candidates.filter(**{field.enabled_by: True})
        for page in candidates:
            text = " ".join(strings_in(getattr(page, field.source)))
            if next(matcher.find(text), None) is not None:
                found.append(page)
    return found


def strings_in(data):
    if isinstance(data, StreamValue):
        data = data.get_prep_value()
    if isinstance(data, str):
        yield strip_tags(data)
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from strings_in(value)
