import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from glossary.models import GlossaryTermPage

pytestmark = pytest.mark.django_db


def term_form(**overrides):
    fields = {
        "title": "Butyrate",
        "slug": "butyrate",
        "definition": "A short-chain fatty acid that gut bacteria make from fibre.",
        "origin": rich_text("<p>From the Latin for butter, where it was found.</p>"),
        "mechanism": rich_text("<p>Colon cells burn it for energy.</p>"),
        "further_sections": streamfield([]),
        "synonyms": inline_formset([{"name": "butanoate"}]),
        "related_term_links": inline_formset([]),
        "sources": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    topics = overrides.pop("topics", [])
    fields.update(overrides)
    # nested_form_data would number a list ("topics-0"); checkboxes repeat the name.
    return {**nested_form_data(fields), "topics": topics}


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", email="editor@example.org", password="not-used"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def add_url(glossary_index):
    return reverse(
        "wagtailadmin_pages:add",
        args=("glossary", "glossarytermpage", glossary_index.pk),
    )


def test_an_editor_can_create_a_draft_term_through_the_admin(
    client, editor, glossary_index, make_term, make_topic
):
    dysbiosis = make_term("Dysbiosis")
    immunity = make_topic("Immunity")
    client.force_login(editor)

    response = client.post(
        add_url(glossary_index),
        term_form(
            topics=[immunity.pk],
            related_term_links=inline_formset([{"term": dysbiosis.pk}]),
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    term = GlossaryTermPage.objects.get(slug="butyrate")
    assert not term.live
    draft = term.get_latest_revision_as_object()
    assert draft.synonym_names == ["butanoate"]
    assert draft.related_terms == [dysbiosis]
    assert draft.topic_names == ["Immunity"]


def test_publishing_from_the_admin_puts_the_term_on_the_site(
    admin_client, client, glossary_index
):
    response = admin_client.post(
        add_url(glossary_index), term_form(**{"action-publish": "action-publish"})
    )
    assert response.status_code == 302
    page = client.get("/glossary/butyrate/")
    assert page.status_code == 200
    assert "Colon cells burn it for energy." in page.content.decode()


def test_add_form_offers_tabs_checkboxes_and_a_term_only_chooser(
    admin_client, glossary_index, make_topic
):
    make_topic("Skin")
    html = admin_client.get(add_url(glossary_index)).content.decode()
    for tab in ["Content", "Names and links", "Sources and review"]:
        assert tab in html
    assert 'type="checkbox" name="topics"' in html
    assert "glossary.glossarytermpage" in html


def test_preview_of_an_unsaved_edit_renders_the_term_page(admin_client, make_term):
    term = make_term("Butyrate")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(term.pk,))

    response = admin_client.post(
        url, term_form(definition="A fatty acid, described here in a draft.")
    )
    assert response.json()["is_valid"] is True

    preview = admin_client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "A fatty acid, described here in a draft." in html
    assert '<h2 id="origin">Origin</h2>' in html


def test_preview_shows_unsaved_synonyms_and_related_terms(admin_client, make_term):
    # A published page reads its synonyms and links from what was saved; a preview
    # must show the editor's unsaved ones instead.
    propionate = make_term("Propionate")
    term = make_term("Butyrate", synonyms=["butanoate"])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(term.pk,))

    response = admin_client.post(
        url,
        term_form(
            synonyms=inline_formset([{"name": "butyric acid"}]),
            related_term_links=inline_formset([{"term": propionate.pk}]),
        ),
    )
    assert response.json()["is_valid"] is True

    html = admin_client.get(url).content.decode()
    assert '<span lang="en">butyric acid</span>' in html
    assert f'href="{propionate.url}"' in html


def test_topics_are_managed_as_searchable_snippets(admin_client, make_topic):
    make_topic("Skin")
    make_topic("Mental health")
    url = reverse("wagtailsnippets_glossary_topic:list")
    response = admin_client.get(url, {"q": "skin"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skin" in html
    assert "Mental health" not in html


def test_preview_of_a_new_term_renders_before_it_is_saved(admin_client, glossary_index):
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("glossary", "glossarytermpage", glossary_index.pk),
    )
    response = admin_client.post(url, term_form(title="Propionate", slug="propionate"))
    assert response.json()["is_valid"] is True

    preview = admin_client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert '<h1 id="term-title">Propionate</h1>' in html
    assert '<a href="/glossary/">Glossary</a>' in html


def test_preview_of_a_new_glossary_renders_an_empty_list(admin_client, site_root):
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("glossary", "glossaryindexpage", site_root.pk),
    )
    form = nested_form_data(
        {
            "title": "Words of the gut",
            "slug": "words",
            "intro": rich_text("<p>Terms explained simply.</p>"),
            "comments": inline_formset([]),
        }
    )
    assert admin_client.post(url, form).json()["is_valid"] is True
    html = admin_client.get(url).content.decode()
    assert "Terms explained simply." in html
    assert "There are no terms in this glossary yet." in html
