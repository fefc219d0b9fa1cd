"""No query string on a listing or search page makes the server fail."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# What a browser can put in a query string, decoded: any character but surrogates.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
numbers_and_more = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "1", "last", "1e9", "NaN", "١", "2.5", " 3 ", "1_0"]),
    # isdigit() accepts these, int() does not: ², ³, ¹, and past 4,300 digits.
    st.sampled_from(["²", "1²", "³", "¹"]),
    st.just("9" * 5000),
    any_text,
)
letters = st.one_of(st.sampled_from(["a", "B", "#", "0-9", "é", "ß", "ǅ"]), any_text)


def params(**strategies):
    """Some of the given parameters, possibly repeated, as a query string."""
    pairs = st.lists(
        st.sampled_from(list(strategies)).flatmap(
            lambda name: st.tuples(st.just(name), strategies[name])
        ),
        max_size=4,
    )
    return pairs.map(urlencode)


def get(path, query):
    return Client().get(f"{path}?{query}")


@settings(settings.get_profile("fuzz"))
@given(
    query=params(
        letter=letters,
        topic=any_text,
        q=any_text,
        page=numbers_and_more,
        other=any_text,
    )
)
def test_the_glossary_index_answers_any_query_string_without_failing(demo, query):
    response = get("/glossary/", query)

    assert response.status_code in (200, 301, 302, 400, 404), query


@settings(settings.get_profile("fuzz"))
@given(query=params(q=any_text, page=numbers_and_more))
def test_site_search_answers_any_query_string_without_failing(demo, query):
    response = get("/search/", query)

    assert response.status_code in (200, 400, 404), query


@settings(settings.get_profile("fuzz"))
@given(query=params(topic=any_text, page=numbers_and_more, other=any_text))
def test_the_article_index_answers_any_query_string_without_failing(demo, query):
    response = get("/articles/", query)

    assert response.status_code in (200, 301, 302, 400, 404), query
