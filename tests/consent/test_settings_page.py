"""The cookie settings page at /cookies/: the visitor's reference, the confirmation
after a choice made without JavaScript."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_settings_page_shows_the_visitors_consent_reference(client, site_pages):
    client.post("/cookies/accept/", {"all_groups": "1"})
    reference = client.cookies["consent_id"].value

    response = client.get("/cookies/")

    assert f'<code id="consent-reference">{reference}</code>' in (
        response.content.decode()
    )
    assert "no-store" in response["Cache-Control"]


def test_before_any_choice_the_page_says_there_is_no_reference_yet(client, site_pages):
    html = client.get("/cookies/").content.decode()

    assert "You have no consent reference yet." in html
    assert 'id="consent-reference"' not in html


def test_a_forged_reference_cookie_is_never_shown(client, site_pages):
    client.cookies["consent_id"] = "<script>alert(1)</script>"

    html = client.get("/cookies/").content.decode()

    assert "alert(1)" not in html
    assert "You have no consent reference yet." in html


def test_after_a_choice_without_javascript_the_page_confirms_it(client, site_pages):
    response = client.post(
        "/cookies/save/",
        {"cookie_groups": ["analytics"], "next": "/glossary/"},
        follow=True,
    )

    html = response.content.decode()
    assert '<div class="consent-saved" role="status">' in html
    assert "Your choices are saved." in html
    assert '<a href="/glossary/">Back to the page you were reading</a>' in html
    assert "no-store" in response["Cache-Control"]


def test_without_the_saved_flag_the_page_confirms_nothing(client, site_pages):
    html = client.get("/cookies/?saved=yes").content.decode()

    assert "Your choices are saved." not in html


def test_the_declarations_label_every_value_for_narrow_screens(client, site_pages):
    html = client.get("/cookies/").content.decode()

    assert '<td data-label="Purpose">Recognises your browser for Meta advertising.' in (
        html
    )
