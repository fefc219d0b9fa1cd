"""{% consent_preferences_link %}: the "change your choices" link for any footer."""

import pytest
from django.template import engines

pytestmark = pytest.mark.django_db


def render(source, rf):
    template = engines["django"].from_string("{% load consent_tags %}" + source)
    return template.render({"label": "Privacy <choices>"}, rf.get("/"))


def test_the_link_opens_the_dialog_and_falls_back_to_the_settings_page(rf):
    html = render("{% consent_preferences_link %}", rf)

    assert html == (
        '<a class="consent-preferences-link" href="/cookies/" data-consent-open>'
        "Cookie settings</a>"
    )


def test_text_and_class_name_can_be_replaced_and_are_escaped(rf):
    html = render(
        '{% consent_preferences_link text=label class_name="footer-link" %}', rf
    )

    assert html == (
        '<a class="footer-link" href="/cookies/" data-consent-open>'
        "Privacy &lt;choices&gt;</a>"
    )


@pytest.mark.urls("tests.consent.urls_prefixed")
def test_the_link_follows_where_the_site_mounts_the_consent_urls(rf):
    html = render("{% consent_preferences_link %}", rf)

    assert 'href="/privacy/cookies/"' in html


def test_the_sites_footer_uses_the_tag(client, site_pages):
    html = client.get("/").content.decode()

    assert (
        '<li><a class="consent-preferences-link" href="/cookies/" '
        "data-consent-open>Cookie settings</a></li>"
    ) in html
