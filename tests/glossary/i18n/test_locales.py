"""The glossary in every language, with Wagtail's i18n (WAGTAIL_I18N_ENABLED).

English is the default locale; each test copies pages and topics for translation
into German as an editor's "Translate" does, publishes them, and reads the German
glossary at /de/glossary/.
"""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale

from glossary.autolink import LinkState, link_terms
from glossary.models import GlossaryTermPage, Topic

from .conftest import linked, translate, translate_topic

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def test_a_new_topic_is_in_the_default_locale(make_topic):
    skin = make_topic("Skin")
    assert skin.locale == Locale.get_default()
    assert skin.translation_key


def test_a_translated_topic_may_keep_its_slug_in_another_locale(make_topic, german):
    skin = make_topic("Skin")
    haut = translate_topic(skin, german, "Skin", "skin")
    assert haut.translation_key == skin.translation_key
    assert list(Topic.objects.filter(slug="skin").order_by("pk")) == [skin, haut]


def test_a_translated_term_is_tagged_with_its_locales_topics(
    make_term, make_topic, german_glossary, german
):
    skin, mood = make_topic("Skin"), make_topic("Mood")
    haut = translate_topic(skin, german, "Haut", "haut")
    eczema = make_term("Eczema", topics=[skin, mood], publish=True)

    ekzem = translate(eczema, german)

    # Mood has no German translation yet: the term keeps it until it has one.
    assert sorted(ekzem.topic_names) == ["Haut", "Mood"]
    assert sorted(GlossaryTermPage.objects.get(pk=eczema.pk).topic_names) == [
        "Mood",
        "Skin",
    ]
    stimmung = translate_topic(mood, german, "Stimmung", "stimmung")
    assert sorted(GlossaryTermPage.objects.get(pk=ekzem.pk).topic_names) == [
        "Haut",
        "Stimmung",
    ]
    assert list(stimmung.terms.all()) == [ekzem]
    assert list(haut.terms.all()) == [ekzem]


def test_the_german_glossary_filters_by_german_topics_only(
    client, make_term, make_topic, german_glossary, german
):
    skin = make_topic("Skin")
    translate_topic(skin, german, "Haut", "haut")
    eczema = make_term("Eczema", topics=[skin], publish=True)
    translate(eczema, german)

    response = client.get("/de/glossary/?topic=haut")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/de/glossary/eczema/" in html
    assert "Haut" in html
    assert client.get("/de/glossary/?topic=skin").status_code == 404
    english = client.get("/glossary/?topic=skin").content.decode()
    assert "/glossary/eczema/" in english
    assert "/de/glossary/" not in english


def test_a_german_page_links_german_terms_and_an_english_one_english_terms(
    make_term, german_glossary, glossary_index, german
):
    fibre = make_term("Fibre", publish=True)
    ballaststoffe = translate(fibre, german)
    ballaststoffe.title = "Ballaststoffe"
    ballaststoffe.save_revision().publish()
    markup = "<p>Fibre, also called Ballaststoffe.</p>"

    german_html, german_count = link_terms(markup, german_glossary, LinkState())
    english_html, english_count = link_terms(markup, glossary_index, LinkState())

    assert german_count == english_count == 1
    assert linked(german_html) == [("/de/glossary/fibre/", "Ballaststoffe")]
    assert linked(english_html) == [("/glossary/fibre/", "Fibre")]


def test_a_translated_terms_related_terms_are_in_its_locale(
    client, make_term, german_glossary, german
):
    butyrate = make_term("Butyrate", publish=True)
    fibre = make_term("Fibre", related=[butyrate], publish=True)
    lonely = make_term("Lonely", related=[butyrate], publish=True)
    butyrat = translate(butyrate, german)
    ballaststoffe = translate(fibre, german)

    assert list(ballaststoffe.get_related_terms(saved_links=True)) == [butyrat]
    assert list(ballaststoffe.get_related_terms()) == [butyrat]
    # Linked from a German term; "Lonely" has no German translation.
    assert list(butyrat.get_related_terms(saved_links=True)) == [ballaststoffe]
    assert sorted(t.title for t in butyrate.get_related_terms(saved_links=True)) == [
        fibre.title,
        lonely.title,
    ]
    html = client.get("/de/glossary/fibre/").content.decode()
    assert 'href="/de/glossary/butyrate/"' in html
    assert 'href="/glossary/butyrate/"' not in html


def test_a_translated_terms_neighbours_are_in_its_locale(
    make_term, german_glossary, german
):
    make_term("Acetate", publish=True)
    butyrate = make_term("Butyrate", publish=True)
    make_term("Colon", publish=True)
    butyrat = translate(butyrate, german)

    assert butyrat.get_neighbours() == (None, None)


def test_the_sitemap_lists_every_locale_with_hreflang_alternates(
    client, make_term, german_glossary, german
):
    butyrate = make_term("Butyrate", publish=True)
    make_term("Only english", publish=True)
    translate(butyrate, german)

    response = client.get("/sitemap-glossary.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    both = {
        "de": "http://localhost/de/glossary/butyrate/",
        "en-gb": "http://localhost/glossary/butyrate/",
    }
    assert entries == {
        "http://localhost/glossary/butyrate/": both,
        "http://localhost/de/glossary/butyrate/": both,
        "http://localhost/glossary/only-english/": {},
    }


def test_the_topic_snippets_list_shows_each_topics_locale_and_filters_by_it(
    admin_client, make_topic, german
):
    skin = make_topic("Skin")
    translate_topic(skin, german, "Haut", "haut")
    url = reverse("wagtailsnippets_glossary_topic:list")

    every = admin_client.get(url).content.decode()
    german_only = admin_client.get(url, {"locale": "de"}).content.decode()

    assert ">Skin<" in every and ">Haut<" in every
    assert "?ordering=locale" in every  # the locale column, sortable
    assert "Deutsch" in every
    assert ">Haut<" in german_only and ">Skin<" not in german_only


def test_a_german_terms_edit_form_offers_german_topics_and_its_own(
    admin_client, make_term, make_topic, german_glossary, german
):
    skin, mood = make_topic("Skin"), make_topic("Mood")
    haut = translate_topic(skin, german, "Haut", "haut")
    make_topic("Sleep")
    eczema = make_term("Eczema", topics=[skin, mood], publish=True)
    ekzem = translate(eczema, german)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(ekzem.pk,)))
    offered = set(response.context["form"].fields["topics"].queryset)

    # Mood is not translated yet: the term keeps it, and its box.
    assert offered == {haut, mood}
    english = admin_client.get(reverse("wagtailadmin_pages:edit", args=(eczema.pk,)))
    assert set(english.context["form"].fields["topics"].queryset) == {
        skin,
        mood,
        Topic.objects.get(slug="sleep"),
    }


def test_importing_into_the_german_glossary_creates_german_topics(
    tmp_path, make_topic, german_glossary, german
):
    skin = make_topic("Skin")
    haut = translate_topic(skin, german, "Haut", "haut")
    mood = make_topic("Mood")
    (tmp_path / "ekzem.md").write_text(
        "---\ntitle: Ekzem\ntopics: [Skin, Mood, Schlaf]\n---\n"
        "Eine juckende Hauterkrankung.\n\n## Origin\nGriechisch.\n\n"
        "## Mechanism\nDie Hautbarriere.\n"
    )

    call_command(
        "import_glossary",
        str(tmp_path / "ekzem.md"),
        "--parent",
        german_glossary.url,
        stdout=io.StringIO(),
    )

    ekzem = GlossaryTermPage.objects.get(title="Ekzem")
    schlaf = Topic.objects.get(name="Schlaf")
    assert ekzem.locale == schlaf.locale == german
    assert set(ekzem.topics.all()) == {haut, mood, schlaf}


def test_the_sitemaps_pages_section_lists_every_locales_pages(client, german_glossary):
    root = ET.fromstring(client.get("/sitemap-pages.xml").content)
    locations = {
        url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)
    }

    assert {
        "http://localhost/glossary/",
        "http://localhost/de/glossary/",
    } <= locations
