import pytest

from glossary.models import GlossaryTermPage, GlossaryTermSynonym

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
