"""The admin's page search finds a term by its synonyms and definition, as the
public search does, not by its title only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user(
        username="editor", email="editor@example.org", password="not-used"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


@pytest.fixture
def butyrate(make_term):
    return make_term(
        "Butyrate",
        definition="A short-chain fatty acid that gut bacteria make from fibre.",
        synonyms=["butyric acid", "butanoate"],
        publish=True,
    )


@pytest.fixture
def permeability(make_term):
    return make_term(
        "Intestinal permeability",
        definition="How easily substances pass through the lining of the gut.",
        synonyms=["leaky gut"],
        publish=True,
    )


def listed_in_explorer(client, parent, query) -> list[str]:
    url = reverse("wagtailadmin_explore", args=[parent.pk])
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["pages"]]


def listed_in_search(client, query) -> list[str]:
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["pages"]]


@pytest.mark.parametrize(
    "query, title",
    [
        ("leaky gut", "Intestinal permeability"),
        ("butyric acid", "Butyrate"),
        ("butano", "Butyrate"),
        ("fibre", "Butyrate"),
        ("lining of the gut", "Intestinal permeability"),
    ],
)
def test_the_admin_page_listing_search_finds_synonyms_and_definitions(
    editor_client, glossary_index, butyrate, permeability, query, title
):
    assert listed_in_explorer(editor_client, glossary_index, query) == [title]
    assert listed_in_search(editor_client, query) == [title]


def test_the_admin_search_still_finds_a_term_by_the_start_of_its_title(
    editor_client, glossary_index, butyrate, permeability
):
    assert listed_in_explorer(editor_client, glossary_index, "intest") == [
        "Intestinal permeability"
    ]
