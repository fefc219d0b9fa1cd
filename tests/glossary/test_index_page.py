import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def group_headings(response) -> list[str]:
    return re.findall(
        r'class="glossary-group__letter"[^>]*>([^<]+)<', main_html(response)
    )


def term_titles(response) -> list[str]:
    return re.findall(
        r'class="glossary-term-list__title"[^>]*>([^<]+)<', main_html(response)
    )


@pytest.fixture
def alphabet(make_term, make_topic):
    skin = make_topic("Skin")
    mood = make_topic("Mood", slug="mood")
    return {
        "acne": make_term("Acne", topics=[skin]),
        "akkermansia": make_term("akkermansia"),
        "butyrate": make_term("Butyrate", topics=[mood]),
        "serotonin": make_term("Serotonin", topics=[mood], synonyms=["5-HT"]),
        "draft": make_term("Bile acids", live=False),
        "number": make_term("5-HTP"),
        "skin": skin,
        "mood": mood,
    }


def test_index_lists_live_terms_grouped_by_first_letter(client, alphabet):
    response = client.get("/glossary/")
    assert response.status_code == 200
    assert group_headings(response) == ["A", "B", "S", "#"]
    assert term_titles(response) == [
        "Acne",
        "akkermansia",
        "Butyrate",
        "Serotonin",
        "5-HTP",
    ]


def test_index_shows_its_intro_and_a_glossary_search_box(client, alphabet):
    html = main_html(client.get("/glossary/"))
    assert "Plain explanations of the words used about gut health." in html
    assert 'role="search" action="/glossary/#results"' in html
    assert 'name="q"' in html


def test_letter_bar_links_letters_with_terms_and_disables_the_rest(client, alphabet):
    html = main_html(client.get("/glossary/"))
    assert '<a href="/glossary/?letter=a#results">A</a>' in html
    assert '<a href="/glossary/?letter=other#results">#</a>' in html
    assert '<span aria-disabled="true">C</span>' in html
    # A draft does not make its letter available.
    assert '<span aria-disabled="true">Z</span>' in html
    assert "?letter=c" not in html


def test_choosing_a_letter_lists_only_terms_filed_under_it(client, alphabet):
    response = client.get("/glossary/?letter=a")
    assert response.status_code == 200
    assert term_titles(response) == ["Acne", "akkermansia"]
    assert (
        '<a href="/glossary/?letter=a#results" aria-current="page">A</a>'
        in main_html(response)
    )


def test_hash_group_lists_terms_starting_with_digits_or_symbols(client, alphabet):
    response = client.get("/glossary/?letter=other")
    assert term_titles(response) == ["5-HTP"]


def test_topic_filter_lists_only_terms_with_that_topic(client, alphabet):
    response = client.get("/glossary/?topic=mood")
    assert response.status_code == 200
    assert term_titles(response) == ["Butyrate", "Serotonin"]
    html = main_html(response)
    assert (
        '<a href="/glossary/?topic=mood#results" aria-current="page">Mood</a>' in html
    )
    # Letters follow the topic: no Mood term starts with A.
    assert '<span aria-disabled="true">A</span>' in html
    assert '<a href="/glossary/?letter=s&amp;topic=mood#results">S</a>' in html


def test_letter_and_topic_combine(client, alphabet):
    response = client.get("/glossary/?topic=mood&letter=s")
    assert term_titles(response) == ["Serotonin"]


def test_another_topic_starts_from_its_whole_alphabet(client, alphabet):
    html = main_html(client.get("/glossary/?topic=mood&letter=s"))
    # Skin has no term under S: keeping the letter would lead to an empty page.
    assert '<a href="/glossary/?topic=skin#results">Skin</a>' in html
    assert '<a href="/glossary/?letter=s#results">All topics</a>' in html


def test_a_letter_with_no_terms_under_the_topic_says_which_topic(client, alphabet):
    response = client.get("/glossary/?topic=mood&letter=a")
    assert response.status_code == 404
    assert "No terms under the topic “Mood” start with “A” yet." in (
        response.content.decode()
    )


def test_search_finds_terms_by_title_definition_and_synonym(client, alphabet):
    assert term_titles(client.get("/glossary/?q=butyrate")) == ["Butyrate"]
    # "5-HT" is Serotonin's synonym: it comes first, above 5-HTP, which only
    # starts with it.
    assert term_titles(client.get("/glossary/?q=5-HT"))[0] == "Serotonin"
    response = client.get("/glossary/?q=explanation+of+acne")
    assert "Acne" in term_titles(response)


def test_search_with_no_match_says_so_kindly(client, alphabet):
    response = client.get("/glossary/?q=zebrafish")
    assert response.status_code == 200
    assert "No terms match “zebrafish”" in main_html(response)


def test_empty_search_shows_the_full_list(client, alphabet):
    response = client.get("/glossary/?q=+++")
    assert response.status_code == 200
    assert len(term_titles(response)) == 5


@override_settings(GLOSSARY_TERMS_PER_PAGE=2)
def test_long_lists_are_paginated_with_links_that_keep_the_filters(client, alphabet):
    first = client.get("/glossary/")
    assert term_titles(first) == ["Acne", "akkermansia"]
    assert 'href="/glossary/?page=2#results" rel="next"' in main_html(first)

    last = client.get("/glossary/?page=3")
    assert term_titles(last) == ["5-HTP"]
    assert 'href="/glossary/?page=2#results" rel="prev"' in main_html(last)

    mood = client.get("/glossary/?topic=mood")
    assert "?page=" not in main_html(mood)
    assert term_titles(mood) == ["Butyrate", "Serotonin"]


def test_filtered_pages_ask_search_engines_not_to_index_them(client, alphabet):
    assert 'name="robots"' not in client.get("/glossary/").content.decode()
    assert (
        'content="noindex, follow"'
        in client.get("/glossary/?letter=a").content.decode()
    )


def test_index_of_an_empty_glossary_says_it_is_empty(client, glossary_index):
    response = client.get("/glossary/")
    assert response.status_code == 200
    assert "There are no terms in this glossary yet." in main_html(response)


@override_settings(GLOSSARY_TERMS_PER_PAGE=1)
def test_search_results_are_paginated_with_links_that_keep_the_query(client, alphabet):
    first = client.get("/glossary/", {"q": "explanation"})
    assert len(term_titles(first)) == 1
    assert 'href="/glossary/?page=2&amp;q=explanation#results" rel="next"' in main_html(
        first
    )
    second = client.get("/glossary/", {"q": "explanation", "page": "2"})
    assert second.status_code == 200
    assert term_titles(second) != term_titles(first)


def test_an_empty_page_parameter_means_the_first_page(client, alphabet):
    response = client.get("/glossary/?page=")
    assert response.status_code == 200
    assert term_titles(response)[0] == "Acne"


def test_accented_titles_sort_among_their_letter_on_the_index_and_term_pages(
    client, make_term
):
    make_term("Estrogen")
    epithelium = make_term("Épithélium")
    make_term("enzyme")

    assert term_titles(client.get("/glossary/?letter=e")) == [
        "enzyme",
        "Épithélium",
        "Estrogen",
    ]
    html = client.get(epithelium.url).content.decode()
    assert (
        'rel="prev"><span class="glossary-pager__label">Previous term</span> enzyme'
        in html
    )
    assert (
        'rel="next"><span class="glossary-pager__label">Next term</span> Estrogen'
        in html
    )
