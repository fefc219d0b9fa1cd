"""The plugins' public pages in German: the glossary A–Z, a term page and the
cookie settings page show the shipped translation, and none of the plugins'
English wording is left (the content itself is German, so any English found
comes from a plugin)."""

import re

import pytest

pytestmark = pytest.mark.django_db

GLOSSARY_ENGLISH = [
    "Search the glossary",
    ">Search<",
    "Terms by first letter",
    "Filter by topic",
    "All topics",
    "Breadcrumb",
    "Also called",
    ">Origin<",
    ">Mechanism<",
    ">Sources<",
    "Related terms",
    ">Topics<",
    "Topics:",
    "Medically reviewed",
    "Neighbouring terms",
    "Previous term",
    "Next term",
    "March",
]
CONSENT_ENGLISH = [
    "Cookie settings",
    "Strictly necessary",
    "Analytics",
    "Personalisation",
    "Optional categories",
    "Now:",
    "Save choices",
    "Accept all",
    "Reject all",
    "always on",
    "Read our cookie policy",
    "Cookies and storage this site declares",
    ">Kind<",
    ">Purpose<",
    ">Duration<",
    ">Set by<",
    "This website",
    "1 year",
    "Keeps you signed in",
    "cross-site request forgery",
    "These keep the site working",
    "Help us count visits",
    "Global Privacy Control signal",
]


def main_html(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def english_left(html, english):
    # The example cookies' providers are names, in every language.
    html = html.replace("Google Analytics", "")
    return [text for text in english if text in html]


def test_the_glossary_index_is_german(client, german, german_term):
    html = main_html(client.get("/glossary/"))
    for text in [
        "Glossar durchsuchen",
        ">Suchen<",
        'aria-label="Begriffe nach Anfangsbuchstabe"',
        'aria-label="Nach Thema filtern"',
        "Alle Themen",
        "Themen:",
    ]:
        assert text in html
    assert english_left(html, GLOSSARY_ENGLISH) == []


def test_a_search_and_its_messages_are_german(client, german, german_term):
    html = main_html(client.get("/glossary/", {"q": "Mikroben"}))
    assert "Suchergebnisse für „Mikroben“" in html
    assert re.search(r"\d+ Treffer für „Mikroben“", html)
    html = main_html(client.get("/glossary/", {"q": "Zzyzx"}))
    assert "Keine Begriffe passen zu „Zzyzx“." in html
    response = client.get("/glossary/", {"letter": "Q"})
    assert "In diesem Glossar beginnt noch kein Begriff mit „Q“." in (
        response.content.decode()
    )


def test_a_term_page_is_german(client, german, german_term):
    html = main_html(client.get(german_term.url))
    for text in [
        'aria-label="Brotkrümelnavigation"',
        "Auch genannt:",
        ">Ursprung<",
        ">Wirkungsweise<",
        ">Quellen<",
        "Verwandte Begriffe",
        ">Themen<",
        "Medizinisch geprüft von Dr. med. Ana Ruiz am "
        '<time datetime="2026-03-04">4. März 2026</time>.',
        'aria-label="Benachbarte Begriffe"',
        "Nächster Begriff",
    ]:
        assert text in html
    assert english_left(html, GLOSSARY_ENGLISH) == []


def test_the_cookie_settings_page_is_german(client, german, categories):
    response = client.get("/cookies/", HTTP_SEC_GPC="1")
    head = response.content.decode().split("</head>")[0]
    assert '<html lang="de">' in head
    assert "<title>Cookie-Einstellungen |" in head
    assert 'content="Wählen Sie, welche optionalen Cookies' in head
    html = main_html(response)
    for text in [
        "<h1>Cookie-Einstellungen</h1>",
        "Optionale Kategorien",
        "Statistik",
        "Personalisierung",
        "Derzeit: noch nicht gewählt.",
        "Auswahl speichern",
        "Alle akzeptieren",
        "Alle ablehnen",
        "Unbedingt erforderlich (immer aktiv)",
        "Cookies und Speicher, die diese Website angibt",
        'data-label="Speicherdauer"',
        "Schützt Formulare",
        "Diese Website",
        "1 Jahr",
        "Wir respektieren es: Cookies für Marketing sind ausgeschaltet",
    ]:
        assert text in html
    assert english_left(html, CONSENT_ENGLISH) == []


def test_the_settings_page_shows_edited_wording_as_written(client, german, categories):
    categories["analytics"].name = "Reichweitenmessung"
    categories["analytics"].save()
    from django.core.cache import cache

    cache.clear()
    html = main_html(client.get("/cookies/"))
    assert "Reichweitenmessung" in html
    assert "Statistik" not in html


def test_english_stays_english(client, categories, german_term):
    response = client.get("/cookies/")
    assert '<html lang="en-gb">' in response.content.decode()
    html = main_html(response)
    assert "<h1>Cookie settings</h1>" in html and "Strictly necessary" in html
    html = main_html(client.get(german_term.url))
    assert ">Origin<" in html and ">Mechanism<" in html
