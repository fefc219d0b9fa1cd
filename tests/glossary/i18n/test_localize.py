"""wagtail-localize translates topics and terms, and the German term ends up tagged
with the German topic.

Runs with wagtail-localize installed (``localize_settings.py`` beside this file,
``make test-localize``); the site's own test settings do not collect it.
"""

import pytest

from glossary.models import GlossaryTermPage, Topic

pytestmark = pytest.mark.django_db


def localize(instance, locale, translations):
    """Translate ``instance`` as a translator does in wagtail-localize: export the
    strings as a PO file, fill it in, import it and publish the translation."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def test_wagtail_localize_translates_a_topic(make_topic, german):
    skin = make_topic("Skin", description="Terms about the skin.")

    haut = localize(
        skin,
        german,
        {"Skin": "Haut", "skin": "haut", "Terms about the skin.": "Begriffe zur Haut."},
    )

    assert (haut.name, haut.slug, haut.description) == (
        "Haut",
        "haut",
        "Begriffe zur Haut.",
    )
    assert haut.locale == german
    assert Topic.objects.filter(translation_key=skin.translation_key).count() == 2


def test_a_term_translated_with_wagtail_localize_shows_the_german_topic(
    client,
    make_term,
    make_topic,
    german_glossary,
    german,
    django_capture_on_commit_callbacks,
):
    skin = make_topic("Skin")
    haut = localize(skin, german, {"Skin": "Haut"})
    eczema = make_term(
        "Eczema", definition="An itchy skin condition.", topics=[skin], publish=True
    )

    # wagtail-localize publishes a page translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        ekzem = localize(eczema, german, {"Eczema": "Ekzem"})

    assert ekzem.title == "Ekzem"
    assert list(GlossaryTermPage.objects.get(pk=ekzem.pk).topics.all()) == [haut]
    html = client.get(ekzem.url).content.decode()
    assert ">Haut</a>" in html
    assert ">Skin</a>" not in html
