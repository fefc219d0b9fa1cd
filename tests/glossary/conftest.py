"""Fixtures for glossary tests; other test packages may import them too."""

import pytest

from glossary.models import (
    GlossaryRelatedTerm,
    GlossaryTermSource,
    GlossaryTermSynonym,
)

from .factories import GlossaryIndexPageFactory, GlossaryTermPageFactory, TopicFactory


@pytest.fixture
def glossary_index(site_root):
    """A published glossary at /glossary/."""
    return GlossaryIndexPageFactory(parent=site_root)


@pytest.fixture
def make_topic(db):
    def make(name, slug=None, **fields):
        if slug:
            fields["slug"] = slug
        return TopicFactory(name=name, **fields)

    return make


@pytest.fixture
def make_term(glossary_index):
    """Create a published term in ``glossary_index`` (or ``parent``).

    ``synonyms`` are names, ``topics`` Topic objects, ``related`` other terms this
    one links to, ``sources`` dicts of source fields. ``publish=True`` publishes
    through a revision, as the admin does; otherwise the page is simply saved live.
    """

    def make(
        title,
        definition=None,
        synonyms=(),
        never_autolink=False,
        slug=None,
        *,
        topics=(),
        related=(),
        sources=(),
        parent=None,
        publish=False,
        **fields,
    ):
        if definition:
            fields["definition"] = definition
        if slug:
            fields["slug"] = slug
        term = GlossaryTermPageFactory.build(
            title=title, never_autolink=never_autolink, **fields
        )
        term.synonyms = [GlossaryTermSynonym(name=name) for name in synonyms]
        term.related_term_links = [GlossaryRelatedTerm(term=other) for other in related]
        term.sources = [GlossaryTermSource(**source) for source in sources]
        term.topics = list(topics)
        (parent or glossary_index).add_child(instance=term)
        if publish:
            term.save_revision().publish()
        return term

    return make
