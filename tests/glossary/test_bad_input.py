import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(make_term, make_topic):
    make_term("Acne", topics=[make_topic("Skin")])
    make_term("Butyrate")


def message(response) -> str:
    html = response.content.decode()
    start = html.index('class="glossary-message"')
    return html[start : html.index("</p>", start)]


@pytest.mark.parametrize("letter", ["ab", "ä", "%3Cscript%3E", "1"])
def test_a_letter_that_is_not_a_group_is_not_found(client, terms, letter):
    response = client.get(f"/glossary/?letter={letter}")
    assert response.status_code == 404
    assert "is not a letter we can list" in message(response)


def test_a_letter_with_no_terms_is_not_found_with_a_message(client, terms):
    response = client.get("/glossary/?letter=z")
    assert response.status_code == 404
    assert "No terms in this glossary start with “Z” yet." in message(response)


def test_an_unknown_topic_is_not_found_with_a_message(client, terms):
    response = client.get("/glossary/?topic=astrology")
    assert response.status_code == 404
    assert "no terms under the topic “astrology”" in message(response)


def test_an_overlong_search_is_a_bad_request_with_a_message(client, terms):
    response = client.get("/glossary/", {"q": "flora " * 40})
    assert response.status_code == 400
    assert "Please shorten it to 200 characters or fewer." in message(response)


def test_a_search_of_exactly_the_limit_is_accepted(client, terms):
    assert client.get("/glossary/", {"q": "a" * 200}).status_code == 200


@pytest.mark.parametrize("number", ["abc", "0", "-1", "99", "1.5", "9" * 30])
def test_a_page_number_that_does_not_exist_is_not_found(client, terms, number):
    response = client.get("/glossary/", {"page": number})
    assert response.status_code == 404
    assert "the list has 1 page." in message(response)


def test_error_pages_still_offer_the_letter_bar_and_a_way_back(client, terms):
    html = client.get("/glossary/?letter=zz").content.decode()
    assert '<a href="/glossary/?letter=a#results">A</a>' in html
    assert "See every term from A to Z" in html


def test_user_input_is_escaped_in_messages(client, terms):
    html = client.get("/glossary/", {"topic": "<b>bold</b>"}).content.decode()
    assert "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    param=st.sampled_from(["letter", "topic", "q", "page"]),
    value=st.text(max_size=250),
)
def test_no_query_string_value_makes_the_index_fail(client, terms, param, value):
    response = client.get("/glossary/", {param: value})
    assert response.status_code in (200, 400, 404)
    if response.status_code != 200:
        assert 'class="glossary-message" role="alert"' in response.content.decode()


@pytest.mark.parametrize(
    "query", ['"', "'", "*", "a AND", "OR", "NEAR(", "-", "^", ":", "(", "\x00", "%"]
)
def test_search_syntax_characters_are_searched_for_not_obeyed(client, terms, query):
    response = client.get("/glossary/", {"q": query})
    assert response.status_code == 200
