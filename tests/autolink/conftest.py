import pytest
from django.core.cache import cache
from wagtail.models import Page

from glossary.autolink import build_linker
from glossary.models import GlossaryIndexPage, GlossaryTermPage, GlossaryTermSynonym

SECTION = "<p>Written for the tests.</p>"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached term data and no cached version."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def linker():
    """A linker built from plain rows, without the database."""
    return build_linker(
        [
            (
                1,
                "/glossary/gut-microbiome/",
                "The microbes in the gut.",
                [
                    "gut microbiome",
                    "gut flora",
                ],
            ),
            (
                2,
                "/glossary/gut-microbiome-mental-health/",
                "Gut and mood.",
                [
                    "gut microbiome mental health",
                ],
            ),
            (3, "/glossary/gut-skin-axis/", "Gut and skin.", ["gut\u2013skin axis"]),
            (4, "/glossary/dysbiosis/", 'An "imbalance" <b>& more</b>', ["dysbiosis"]),
            (5, "/glossary/cafe-au-lait/", "Pale brown spots.", ["café au lait"]),
            (6, "/glossary/e-coli/", "A gut bacterium.", ["E. coli"]),
            (7, "/glossary/crohns-disease/", "A bowel disease.", ["Crohn's disease"]),
        ]
    )


@pytest.fixture
def glossary_index(site_root):
    index = GlossaryIndexPage(title="Glossary", slug="glossary")
    site_root.add_child(instance=index)
    return index


@pytest.fixture
def make_term(glossary_index):
    """Create and publish a term through a revision, as an editor would."""

    def make(title, definition=None, synonyms=(), never_autolink=False, slug=None):
        term = GlossaryTermPage(
            title=title,
            slug=slug or title.lower().replace(" ", "-").replace("'", ""),
            definition=definition or f"What {title} means.",
            origin=SECTION,
            mechanism=SECTION,
            never_autolink=never_autolink,
        )
        for name in synonyms:
            term.synonyms.add(GlossaryTermSynonym(name=name))
        glossary_index.add_child(instance=term)
        term.save_revision().publish()
        return term

    return make


@pytest.fixture
def article(site_root):
    """Any page that is not a term, standing in for an article."""
    return site_root.add_child(instance=Page(title="An article", slug="an-article"))
