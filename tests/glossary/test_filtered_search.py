"""Searching inside the glossary keeps the letter and topic the reader picked.

Every term's definition says "A short explanation of …", so ``q=explanation``
matches them all and the filters alone decide what is listed.
"""

import pytest
from django.test import override_settings
from wagtail.search.backends.base import BaseSearchQueryCompiler

from glossary.models import GlossaryTermPage

from .factories import bulk_add_terms
from .test_index_page import main_html, term_titles
from .test_query_budget import SEARCH_QUERIES, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(make_term, make_topic):
    mood = make_topic("Mood", slug="mood")
    skin = make_topic("Skin", slug="skin")
    make_term("Serotonin", topics=[mood], synonyms=["happy hormone"])
    make_term("Short-chain fatty acids", topics=[mood])
    make_term("Butyrate", topics=[mood])
    make_term("Sebum", topics=[skin])
    make_term("Acne", topics=[skin])
    make_term("Stomach")
    return {"mood": mood, "skin": skin}


def titles(client, **params) -> set[str]:
    response = client.get("/glossary/", params)
    assert response.status_code == 200
    return set(term_titles(response))


def test_a_search_with_a_topic_lists_only_that_topics_terms(client, terms):
    assert titles(client, q="explanation", topic="mood") == {
        "Serotonin",
        "Short-chain fatty acids",
        "Butyrate",
    }


def test_a_search_with_a_letter_lists_only_terms_under_that_letter(client, terms):
    assert titles(client, q="explanation", letter="s") == {
        "Serotonin",
        "Short-chain fatty acids",
        "Sebum",
        "Stomach",
    }


def test_a_search_with_a_topic_and_a_letter_lists_terms_matching_both(client, terms):
    assert titles(client, q="explanation", topic="mood", letter="s") == {
        "Serotonin",
        "Short-chain fatty acids",
    }


def test_a_term_found_only_by_its_synonym_is_found_under_a_filter(client, terms):
    assert titles(client, q="happy hormone", topic="mood", letter="s") == {"Serotonin"}
    response = client.get("/glossary/", {"q": "happy hormone", "topic": "skin"})
    assert term_titles(response) == []
    assert "No terms in Skin match “happy hormone”." in main_html(response)


def test_filtered_results_keep_relevance_order(client, make_term, make_topic):
    mood = make_topic("Mood", slug="mood")
    make_term(
        "Fibre",
        definition="Plant material that feeds butyrate-making microbes.",
        topics=[mood],
        publish=True,
    )
    make_term("Butyrate", topics=[mood], publish=True)
    response = client.get("/glossary/", {"q": "butyrate", "topic": "mood"})
    assert term_titles(response) == ["Butyrate", "Fibre"]


def test_filtered_results_say_where_they_searched(client, terms):
    html = main_html(
        client.get("/glossary/", {"q": "explanation", "topic": "mood", "letter": "s"})
    )
    assert "2 results for “explanation” in Mood, letter S." in html
    assert (
        '<a href="/glossary/?q=explanation">Search all terms for “explanation”</a>'
        in html
    )
    html = main_html(client.get("/glossary/", {"q": "explanation", "letter": "s"}))
    assert "4 results for “explanation” under letter S." in html
    html = main_html(client.get("/glossary/", {"q": "explanation", "topic": "mood"}))
    assert "3 results for “explanation” in Mood." in html


def test_an_unfiltered_search_offers_no_search_all_link(client, terms):
    html = main_html(client.get("/glossary/", {"q": "explanation"}))
    assert "6 results for “explanation”." in html
    assert "Search all terms" not in html


def test_the_search_all_link_finds_terms_outside_the_filters(client, terms):
    assert "Acne" not in titles(client, q="explanation", topic="mood")
    assert "Acne" in titles(client, q="explanation")


def test_the_search_box_searches_within_the_chosen_topic_and_letter(client, terms):
    html = main_html(client.get("/glossary/", {"topic": "mood", "letter": "s"}))
    form = html[html.index('role="search"') : html.index("</form>")]
    assert '<input type="hidden" name="letter" value="s">' in form
    assert '<input type="hidden" name="topic" value="mood">' in form
    assert "in Mood, letter S" in form


def test_the_search_box_of_the_full_list_has_no_hidden_filters(client, terms):
    html = main_html(client.get("/glossary/"))
    form = html[html.index('role="search"') : html.index("</form>")]
    assert 'type="hidden"' not in form


def test_letter_and_topic_links_keep_the_search(client, terms):
    html = main_html(client.get("/glossary/", {"q": "explanation", "topic": "mood"}))
    letter_s = (
        '<a href="/glossary/?letter=s&amp;topic=mood&amp;q=explanation#results">S</a>'
    )
    assert letter_s in html
    assert '<a href="/glossary/?topic=skin&amp;q=explanation#results">Skin</a>' in html
    assert '<a href="/glossary/?q=explanation#results">All topics</a>' in html


@override_settings(GLOSSARY_TERMS_PER_PAGE=1)
def test_filtered_search_results_are_paginated_with_links_keeping_every_filter(
    client, terms
):
    params = {"q": "explanation", "topic": "mood", "letter": "s"}
    kept = "/glossary/?letter=s&amp;topic=mood"
    first = client.get("/glossary/", params)
    assert (
        f'href="{kept}&amp;page=2&amp;q=explanation#results" rel="next"'
        in main_html(first)
    )
    second = client.get("/glossary/", {**params, "page": "2"})
    assert second.status_code == 200
    assert f'href="{kept}&amp;q=explanation#results" rel="prev"' in main_html(second)
    assert {*term_titles(first), *term_titles(second)} == {
        "Serotonin",
        "Short-chain fatty acids",
    }
    assert client.get("/glossary/", {**params, "page": "3"}).status_code == 404


@pytest.mark.parametrize(
    "params, status, message",
    [
        ({"topic": "astrology"}, 404, "no terms under the topic “astrology”"),
        ({"letter": "ab"}, 404, "is not a letter we can list"),
        ({"letter": "z"}, 404, "No terms in this glossary start with “Z” yet."),
        ({"topic": "skin", "letter": "b"}, 404, "start with “B”"),
        ({"q": "flora " * 40, "topic": "astrology"}, 400, "Please shorten it"),
    ],
)
def test_bad_filters_on_a_search_are_reported_not_ignored(
    client, terms, params, status, message
):
    response = client.get("/glossary/", {"q": "explanation", **params})
    assert response.status_code == status
    assert message in main_html(response)


@pytest.mark.parametrize("query", ["\x00", '"', "NEAR(", "a AND"])
def test_search_syntax_under_filters_is_searched_for_not_obeyed(client, terms, query):
    response = client.get("/glossary/", {"q": query, "topic": "mood", "letter": "s"})
    assert response.status_code == 200


class RecordingCompiler(BaseSearchQueryCompiler):
    """Collects the filters a search backend is asked to apply, as (field, lookup)."""

    def _process_lookup(self, field_path, lookup, value):
        return [(field_path[-1].field_name, lookup)]

    def _process_match_none(self):
        return []

    def _connect_filters(self, filters, connector, negated):
        return [lookup for child in filters for lookup in child]


def test_topic_and_letter_reach_every_search_backend_as_filters(terms):
    # Elasticsearch and OpenSearch rebuild the filters from the queryset and
    # silently skip a page subclass's `id` (Django reads it as `page_ptr_id`).
    queryset = (
        GlossaryTermPage.objects.published()
        .with_topic(terms["mood"])
        .starting_with("S")
    )
    compiler = RecordingCompiler(queryset, "explanation")
    compiler.check()
    filters = compiler._get_filters_from_queryset()
    assert ("path", "in") in filters
    assert ("first_letter", "exact") in filters


@override_settings(GLOSSARY_TERMS_PER_PAGE=20, PAGE_CACHE_ENABLED=False)
def test_a_filtered_search_runs_the_same_queries_with_500_terms_as_with_5(
    client, glossary_index, make_topic, django_assert_max_num_queries
):
    mood = make_topic("Mood", slug="mood")
    url = "/glossary/?q=term&topic=mood&letter=a"
    bulk_add_terms(glossary_index, [f"A-term {n:04d}" for n in range(5)], topic=mood)
    few = queries_for(client, url)
    bulk_add_terms(
        glossary_index, [f"A-term {n:04d}" for n in range(5, 500)], topic=mood
    )
    many = queries_for(client, url)
    print("filtered search queries", few, many)
    assert many == few
    assert client.get(url).content.decode().count("A-term 0") >= 20
    with django_assert_max_num_queries(SEARCH_QUERIES):
        client.get(url)
