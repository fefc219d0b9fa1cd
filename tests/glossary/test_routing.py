"""A glossary routes to its terms itself: one query, its name handed to the term."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


def test_a_term_is_found_with_one_query_and_shows_its_glossary(client, make_term):
    term = make_term("Butyrate")
    client.get(term.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(term.url)
    assert response.status_code == 200
    assert response.context["glossary"].specific_class.__name__ == "GlossaryIndexPage"
    assert response.context["glossary"].pk == term.get_parent().pk
    sql = [q["sql"] for q in captured.captured_queries]
    # Found by its slug, as its own type, in one query; no second read of its row
    # as a glossary term, and its glossary is not read again as its parent.
    assert sum("\"slug\" = 'butyrate'" in q for q in sql) == 1, sql
    assert not [q for q in sql if q.endswith(f'"page_ptr_id" = {term.pk} LIMIT 21')]
    parent_reads = [q for q in sql if f'"id" = {term.get_parent().pk} ' in q]
    assert parent_reads == []


def test_drafts_unknown_slugs_and_deeper_paths_are_not_found(client, make_term):
    term = make_term("Butyrate")
    draft = make_term("Acetate")
    draft.unpublish()
    glossary_url = term.get_parent().url
    assert client.get(draft.url).status_code == 404
    assert client.get(glossary_url + "no-such-term/").status_code == 404
    assert client.get(term.url + "deeper/").status_code == 404
    assert client.get(term.url).status_code == 200
