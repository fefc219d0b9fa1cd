import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from microsite.home.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE

# Measured: 7 on SQLite, 8 on PostgreSQL, whatever the number of pages: Wagtail's
# site lookup, the private sections (Wagtail's public()), the full-text search,
# the word-start search, then the pages shown and one query per kind of page
# among them, and the site footer setting.
SEARCH_QUERY_BUDGET = 8


def result_titles(response) -> list[str]:
    return [result["title"] for result in response.context["results"]]


def test_search_finds_a_term_by_its_title(client, demo_content):
    response = client.get("/search/", {"q": "estrobolome"})

    assert response.status_code == 200
    assert result_titles(response)[0] == "Estrobolome"


def test_search_finds_a_term_by_a_synonym_only_it_has(client, demo_content):
    response = client.get("/search/", {"q": "oestrobolome"})

    assert result_titles(response) == ["Estrobolome"]


def test_search_result_shows_title_page_type_and_definition(
    client, demo_content, butyrate
):
    html = client.get("/search/", {"q": "butyric acid"}).content.decode()

    assert f'<a href="{butyrate.url}">Butyrate</a>' in html
    assert "Glossary term" in html
    assert butyrate.definition in html


def test_search_leaves_out_unpublished_pages(client, butyrate):
    butyrate.unpublish()

    response = client.get("/search/", {"q": "butanoate"})

    assert result_titles(response) == []
    assert "0 results" in response.content.decode()


def test_search_leaves_out_private_pages_until_they_are_public_again(client, butyrate):
    assert result_titles(client.get("/search/", {"q": "butanoate"})) == ["Butyrate"]
    restriction = PageViewRestriction.objects.create(
        page=butyrate.get_parent(),
        restriction_type=PageViewRestriction.PASSWORD,
        password="letmein",
    )

    assert result_titles(client.get("/search/", {"q": "butanoate"})) == []

    restriction.delete()
    assert result_titles(client.get("/search/", {"q": "butanoate"})) == ["Butyrate"]


def test_empty_search_shows_the_form_with_a_hint(client, demo_content):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<input id="search-q" type="search" name="q"' in html
    assert "Type a word or phrase" in html
    assert response.context["results"] == []


def test_overlong_search_is_refused_with_400_and_a_clear_message(client, demo_content):
    response = client.get("/search/", {"q": "x" * (MAX_QUERY_LENGTH + 1)})

    assert response.status_code == 400
    assert f"{MAX_QUERY_LENGTH} characters or fewer" in response.content.decode()


def test_search_of_exactly_the_maximum_length_is_accepted(client, demo_content):
    response = client.get("/search/", {"q": "gut " * (MAX_QUERY_LENGTH // 4)})

    assert response.status_code == 200


@pytest.mark.parametrize("page", ["abc", "-1", "0", "9999", "1.5", ""])
def test_bad_page_numbers_fall_back_to_a_real_page(client, demo_content, page):
    response = client.get("/search/", {"q": "gut", "page": page})

    assert response.status_code == 200
    assert response.context["results"]


def test_search_results_are_paginated(client, demo_content):
    first = client.get("/search/", {"q": "gut"})
    second = client.get("/search/", {"q": "gut", "page": "2"})

    assert len(result_titles(first)) == RESULTS_PER_PAGE
    assert second.context["page_obj"].number == 2
    assert not set(result_titles(first)) & set(result_titles(second))
    assert 'href="?q=gut&amp;page=2" rel="next"' in first.content.decode()


def test_search_only_answers_get(client, demo_content):
    assert client.post("/search/", {"q": "gut"}).status_code == 405


def test_search_stays_within_its_query_budget(
    client, demo_content, django_assert_max_num_queries
):
    client.get("/search/", {"q": "gut"})
    with django_assert_max_num_queries(SEARCH_QUERY_BUDGET):
        response = client.get("/search/", {"q": "gut"})
    assert response.context is not None, "served from a cache, not rendered"
    assert len(response.context["results"]) == RESULTS_PER_PAGE


def test_search_pages_ask_search_engines_not_to_index_them(client, demo_content):
    html = client.get("/search/", {"q": "gut"}).content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_search_finds_a_synonym_as_soon_as_an_editor_publishes_it(client, butyrate):
    from glossary.models import GlossaryTermSynonym

    butyrate.synonyms.add(GlossaryTermSynonym(name="tributyrin"))
    butyrate.save_revision().publish()

    response = client.get("/search/", {"q": "tributyrin"})

    assert result_titles(response) == ["Butyrate"]


def test_search_finds_the_home_page_by_words_in_its_introduction(client, demo_content):
    response = client.get("/search/", {"q": "headlines"})

    assert result_titles(response) == ["Gut Health Explained"]
    assert response.context["results"][0]["kind"] == "Home page"


@pytest.mark.parametrize("query", ['"', 'gut"brain', "\x00gut", '"""', "NOT", "*"])
def test_search_syntax_characters_never_break_the_page(client, demo_content, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


def test_a_query_of_symbols_only_shows_the_hint(client, demo_content):
    response = client.get("/search/", {"q": '" "'})

    assert "Type a word or phrase" in response.content.decode()


def test_quotes_around_words_still_find_the_term(client, demo_content):
    response = client.get("/search/", {"q": '"leaky gut"'})

    assert result_titles(response) == ["Intestinal permeability"]


@settings(
    max_examples=40,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(max_size=MAX_QUERY_LENGTH))
def test_any_text_of_allowed_length_gets_a_search_page_not_an_error(
    client, demo_content, query
):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


# What readers type: a singular or a plural, the start of a word, a synonym.


def test_singular_and_plural_find_the_same_pages(client, demo_content):
    singular = result_titles(client.get("/search/", {"q": "probiotic"}))
    plural = result_titles(client.get("/search/", {"q": "probiotics"}))

    assert set(singular) == set(plural)
    assert {"Probiotics", "Postbiotics", "Psychobiotics"} <= set(plural)


def test_the_start_of_a_word_finds_the_term(client, demo_content):
    assert result_titles(client.get("/search/", {"q": "butyrat"}))[0] == "Butyrate"


@pytest.mark.parametrize(
    "query, first",
    [
        ("probiotics", "Probiotics"),
        ("probiotic", "Probiotics"),
        ("Postbiotics", "Postbiotics"),
        ("leaky gut", "Intestinal permeability"),
        ("butyric acid", "Butyrate"),
        ("short-chain fatty acid", "Short-chain fatty acids"),
    ],
)
def test_an_exact_title_or_synonym_ranks_first(client, demo_content, query, first):
    assert result_titles(client.get("/search/", {"q": query}))[0] == first
