"""The cookie banner and the preferences dialog in German, in Chromium."""

import pytest

from tests.consent.browser import BANNER, DIALOG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH = [
    "Cookies on this site",
    "We use strictly necessary cookies",
    "Read our cookie policy",
    "Accept all",
    "Reject all",
    "Customise",
    "Choose which cookies we may use",
    "Strictly necessary",
    "always on",
    "These keep the site working",
    "Analytics",
    "Personalisation",
    "What this category stores",
    "Keeps you signed in",
    "This website",
    "1 year",
    "Save choices",
    "Close",
]


def english_left(text):
    # The example cookies' providers are names, in every language.
    text = text.replace("Google Analytics", "")
    return [english for english in ENGLISH if english in text]


def test_the_banner_and_the_dialog_speak_german(page, german, site_url):
    page.goto(site_url + "/glossary/")
    banner = page.locator(BANNER)
    assert banner.is_visible()
    assert banner.get_by_role("heading").inner_text() == "Cookies auf dieser Website"
    assert "„Alle akzeptieren“ erlaubt zusätzlich Cookies" in banner.inner_text()
    for label in ["Alle akzeptieren", "Alle ablehnen", "Einstellungen"]:
        assert banner.get_by_role("button", name=label, exact=True).is_visible()
    assert banner.get_by_role("link", name="Unsere Cookie-Richtlinie lesen").count()
    assert english_left(banner.inner_text()) == []

    banner.get_by_role("button", name="Einstellungen", exact=True).click()
    dialog = page.locator(DIALOG)
    assert dialog.is_visible()
    assert dialog.get_by_role("heading").inner_text() == (
        "Wählen Sie, welche Cookies wir verwenden dürfen"
    )
    for name in ["Statistik", "Personalisierung", "Marketing"]:
        assert dialog.get_by_role("switch", name=name, exact=True).is_visible()
    assert dialog.get_by_role("switch", name="Unbedingt erforderlich (immer aktiv)")
    dialog.locator("summary").first.click()
    assert "Hält Sie im Redaktionsbereich angemeldet. (Sitzung)" in (
        dialog.inner_text()
    )
    assert dialog.get_by_role("button", name="Schließen").is_visible()
    assert dialog.get_by_role("button", name="Auswahl speichern").is_visible()
    assert english_left(dialog.inner_text()) == []
    # aria-labels are not in inner_text.
    assert "Close" not in dialog.inner_html()
    assert page.errors == []
