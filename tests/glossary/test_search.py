import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.models import GlossaryTermPage, GlossaryTermSynonym
from glossary.search import ranked_search

from .test_index_page import term_titles

pytestmark = pytest.mark.django_db


def found(query) -> list[str]:
    return [page.title for page in GlossaryTermPage.objects.live().search(query)]


def test_database_search_finds_a_term_by_its_synonym(make_term):
    make_term("Gut microbiota", synonyms=["intestinal flora"], publish=True)
    assert found("intestinal") == ["Gut microbiota"]


def test_search_follows_synonyms_edited_after_publication(make_term):
    term = make_term("Gut microbiota", synonyms=["gut flora"], publish=True)
    term.synonyms = [GlossaryTermSynonym(name="microbial community")]
    term.save_revision().publish()

    assert found("community") == ["Gut microbiota"]
    assert found("flora") == []


def test_search_covers_definition_origin_and_mechanism(make_term):
    make_term(
        "Butyrate",
        definition="A fatty acid made by bacteria.",
        origin="<p>Named after butter.</p>",
        mechanism="<p>Feeds colonocytes lining the colon.</p>",
        publish=True,
    )
    for word in ["bacteria", "butter", "colonocytes"]:
        assert found(word) == ["Butyrate"], word


def test_a_title_match_ranks_above_a_mention_in_the_text(make_term):
    make_term(
        "Fibre",
        definition="Plant material that feeds butyrate-making microbes.",
        publish=True,
    )
    make_term("Butyrate", publish=True)
    assert found("butyrate")[0] == "Butyrate"


# The glossary's own search: what readers type finds the term they mean.

REAL_TERMS = {
    "Probiotics": ["probiotic", "live cultures"],
    "Postbiotics": ["inactivated probiotics"],
    "Prebiotics": [],
    "Butyrate": ["butyric acid", "butanoate"],
    "Short-chain fatty acids": ["SCFAs"],
    "Intestinal permeability": ["leaky gut", "gut permeability"],
    "Gut–brain axis": [],
}
# Each title with its other number, as a reader might type it.
OTHER_NUMBER = {
    "Probiotics": "Probiotic",
    "Postbiotics": "postbiotic",
    "Prebiotics": "prebiotic",
    "Butyrate": "butyrates",
    "Short-chain fatty acids": "short-chain fatty acid",
    "Intestinal permeability": "intestinal permeabilities",
    "Gut–brain axis": "gut–brain axes",
}


@pytest.fixture
def real_terms(make_term):
    for title, synonyms in REAL_TERMS.items():
        make_term(title, synonyms=synonyms, publish=True)


def ranked(query) -> list[str]:
    return [
        term.title for term in ranked_search(GlossaryTermPage.objects.live(), query)
    ]


def test_the_start_of_a_word_finds_the_term(real_terms):
    assert ranked("butyrat")[0] == "Butyrate"
    assert ranked("permea")[0] == "Intestinal permeability"


def test_singular_and_plural_find_the_same_terms(real_terms):
    assert ranked("probiotic")[0] == ranked("probiotics")[0] == "Probiotics"
    assert set(ranked("probiotic")) == set(ranked("probiotics"))


def test_an_exact_title_ranks_above_terms_that_mention_it(real_terms):
    # Postbiotics names probiotics twice, in its synonyms.
    assert ranked("probiotics")[:2] == ["Probiotics", "Postbiotics"]


def test_an_exact_synonym_ranks_first(real_terms):
    assert ranked("leaky gut")[0] == "Intestinal permeability"
    assert ranked("Butyric acids")[0] == "Butyrate"


def test_words_that_no_term_has_find_nothing(real_terms):
    assert ranked("astrology") == []
    assert ranked("*") == []


@settings(
    max_examples=30,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(title=st.sampled_from(sorted(REAL_TERMS)), data=st.data())
def test_a_term_is_found_by_its_title_its_other_number_and_its_first_letters(
    real_terms, title, data
):
    first_word = title.split()[0]
    length = data.draw(st.integers(min_value=4, max_value=len(first_word)))
    prefix = first_word[:length]

    assert ranked(title)[0] == title
    assert ranked(OTHER_NUMBER[title])[0] == title
    assert title in ranked(prefix), prefix


@pytest.mark.parametrize(
    "query, first",
    [
        ("butyrat", "Butyrate"),
        ("butyrates", "Butyrate"),
        ("leaky guts", "Intestinal permeability"),
        ("probiotic", "Probiotics"),
    ],
)
def test_the_glossary_index_search_finds_plurals_and_word_starts(
    client, real_terms, query, first
):
    response = client.get("/glossary/", {"q": query})

    assert response.status_code == 200
    assert term_titles(response)[0] == first
