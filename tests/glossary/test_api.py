import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import bulk_add_terms

pytestmark = pytest.mark.django_db

FIELDS = "definition,origin,mechanism,synonym_names,related_term_summaries,topic_names"


def test_pages_api_returns_the_glossary_fields_of_a_term(client, make_term, make_topic):
    dysbiosis = make_term("Dysbiosis")
    term = make_term(
        "Gut microbiome",
        definition="The microbes living in the gut.",
        origin="<p>Named in the 1980s.</p>",
        mechanism="<p>They ferment fibre.</p>",
        synonyms=["gut flora"],
        topics=[make_topic("Immunity")],
        related=[dysbiosis],
    )
    response = client.get(
        "/api/v2/pages/",
        {"type": "glossary.GlossaryTermPage", "fields": FIELDS, "title": term.title},
    )
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["definition"] == "The microbes living in the gut."
    assert item["origin"] == "<p>Named in the 1980s.</p>"
    assert item["mechanism"] == "<p>They ferment fibre.</p>"
    assert item["synonym_names"] == ["gut flora"]
    assert item["topic_names"] == ["Immunity"]
    assert item["related_term_summaries"] == [
        {"id": dysbiosis.pk, "title": "Dysbiosis", "url": "/glossary/dysbiosis/"}
    ]


def test_pages_api_lists_every_live_term(client, make_term):
    make_term("Acetate")
    make_term("Butyrate")
    make_term("Draft term", live=False)
    response = client.get(
        "/api/v2/pages/", {"type": "glossary.GlossaryTermPage", "fields": FIELDS}
    )
    assert response.json()["meta"]["total_count"] == 2


def test_pages_api_rejects_an_unknown_field_with_a_400(client, make_term):
    make_term("Acetate")
    response = client.get(
        "/api/v2/pages/", {"type": "glossary.GlossaryTermPage", "fields": "secret"}
    )
    assert response.status_code == 400
    assert "secret" in response.json()["message"]


def test_each_term_in_an_api_listing_costs_at_most_four_queries(client, glossary_index):
    """Topics and related terms are read per term; synonyms come from a column."""
    url = f"/api/v2/pages/?type=glossary.GlossaryTermPage&fields={FIELDS}"

    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    bulk_add_terms(glossary_index, [f"Acid {n}" for n in range(5)])
    five = queries_for_listing()
    bulk_add_terms(glossary_index, [f"Base {n}" for n in range(5)])
    ten = queries_for_listing()
    assert (ten - five) / 5 <= 4
