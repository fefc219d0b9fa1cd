"""The plugins' admin screens in German: labels, help texts, menus and columns."""

import pytest
from django.urls import reverse

from consent.models import GatedScript

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_admin(client, django_user_model, german):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    return client


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_glossary_term_form_is_german(german_admin, glossary_index):
    url = reverse(
        "wagtailadmin_pages:add",
        args=("glossary", "glossarytermpage", glossary_index.pk),
    )
    html = page_html(german_admin, url)
    for text in [
        "Ursprung",
        "Wirkungsweise",
        "Woher der Begriff kommt",
        "Synonyme und andere Bezeichnungen",
        "Quellen und Prüfung",
        "Noch nicht medizinisch geprüft.",
        "Glossarthemen",
    ]:
        assert text in html
    for english in [
        "Where the term comes from",
        "How it works in the body",
        "Synonyms and other names",
        "Sources and review",
        "Medical review",
        "Glossary topics",
    ]:
        assert english not in html


def test_the_consent_admin_is_german(german_admin, categories):
    GatedScript.objects.create(
        name="Zähler", category=categories["analytics"], src="https://example.org/z.js"
    )
    html = page_html(german_admin, reverse("wagtailsnippets_consent_gatedscript:list"))
    for text in ["Einwilligungspflichtige Skripte", "Kategorie", "Platzierung"]:
        assert text in html
    for english in ["Gated scripts", "Placement", "Enabled", "At the end of the page"]:
        assert english not in html

    url = reverse("consent_categories:edit", args=[categories["analytics"].pk])
    html = page_html(german_admin, url)
    for text in [
        "Variablenname",
        "Sagt Besuchern, was sie erlauben",
        "Angegebene Cookies und Speicherschlüssel",
        "Speicherdauer",
        "Gesetzt von",
    ]:
        assert text in html
    for english in [
        "Variable name",
        "Tells visitors what they allow",
        "Declared cookies and storage keys",
        "Set by",
        "Save to get another empty row",
    ]:
        assert english not in html
