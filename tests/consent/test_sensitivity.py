"""The health-data shield on the server: which pages are sensitive, and what a
sensitive page's markup holds (consent.sensitivity, docs/consent.md)."""

import json
import re

import pytest
from cookie_consent.models import CookieGroup
from django.core.cache import cache
from django.template import engines

from consent import sensitivity
from consent.models import GatedScript
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from microsite.home.models import HomePage, InformationPage
from tests.glossary.factories import GlossaryTermPageFactory

CONFIG = re.compile(
    r'<script id="consent-config" type="application/json">(.*?)</script>'
)


@pytest.fixture
def term(site_pages):
    term = GlossaryTermPageFactory(
        parent=GlossaryIndexPage.objects.get(), title="Gut–brain axis", slug="gut-brain"
    )
    cache.clear()
    return term


def config_of(html):
    return json.loads(CONFIG.search(html).group(1))


def test_terms_and_articles_are_sensitive_by_default_and_other_pages_are_not(term):
    from microsite.articles.models import ArticleIndexPage, ArticlePage

    assert sensitivity.is_sensitive(term)
    assert sensitivity.type_default(ArticlePage)
    for model in (HomePage, GlossaryIndexPage, InformationPage, ArticleIndexPage):
        assert not sensitivity.type_default(model), model
    assert not sensitivity.is_sensitive(HomePage.objects.get())
    assert not sensitivity.is_sensitive(None)  # a view that is no page: /cookies/


def test_an_editor_marks_or_unmarks_one_page(term):
    home = HomePage.objects.get()
    term.sensitive = False
    home.sensitive = True

    assert not sensitivity.is_sensitive(term)
    assert sensitivity.is_sensitive(home)


def test_operators_change_the_default_of_a_page_type_in_settings(term, settings):
    settings.CONSENT_SENSITIVE_PAGE_TYPES = {
        "glossary.glossarytermpage": False,
        "home.homepage": True,
    }

    assert not sensitivity.is_sensitive(term)
    assert sensitivity.is_sensitive(HomePage.objects.get())
    term.sensitive = True  # the editor's choice still wins
    assert sensitivity.is_sensitive(term)


def test_a_sensitive_page_says_so_with_its_type_and_redacted_address(client, term):
    html = client.get(term.url).content.decode()

    assert config_of(html)["page"] == {
        "sensitive": True,
        "type": "Glossary term",
        "path": "/glossary/[term]/",
    }
    assert '<meta name="referrer" content="same-origin">' in html


def test_a_normal_page_says_it_is_not_sensitive_and_sends_the_site_referrer(
    client, term
):
    html = client.get("/").content.decode()

    assert config_of(html)["page"] == {"sensitive": False}
    assert 'name="referrer"' not in html


def test_the_head_script_config_never_holds_the_title_or_slug(client, term):
    html = client.get(term.url).content.decode()

    config = CONFIG.search(html).group(1)
    assert "gut-brain" not in config
    assert "Gut" not in config


def test_marketing_and_unmarked_scripts_are_not_even_in_a_sensitive_page(client, term):
    analytics = GatedScript.objects.get(name="Demo analytics")
    analytics.safe_on_sensitive_pages = False
    analytics.save()
    cache.clear()
    term_html = client.get(term.url).content.decode()
    home_html = client.get("/").content.decode()

    assert term_html.count('data-consent="') == 0
    assert home_html.count('type="text/plain" data-consent="') == 2

    analytics.safe_on_sensitive_pages = True
    analytics.save()
    cache.clear()
    term_html = client.get(term.url).content.decode()
    assert 'data-consent="analytics"' in term_html
    assert 'data-consent="marketing"' not in term_html


def test_a_marketing_embed_is_withheld_on_a_sensitive_page(rf, term):
    template = engines["django"].from_string(
        '{% load consent_tags %}{% gated "marketing" placeholder="A video" %}'
        '<iframe src="https://video.example/embed/1"></iframe>{% endgated %}'
    )

    on_term = template.render({"page": term}, rf.get("/"))
    on_home = template.render({"page": HomePage.objects.get()}, rf.get("/"))

    assert "video.example" not in on_term
    assert "data-consent-withheld" in on_term
    assert "video.example" in on_home


def test_pages_are_the_same_bytes_in_every_consent_state(client, term):
    states = [
        "",
        "analytics=-1|marketing=-1|personalization=-1",
        "analytics=2026-01-01|marketing=2026-01-01|personalization=2026-01-01",
    ]
    for url in (term.url, "/"):
        bodies = set()
        for state in states:
            client.cookies.clear()
            if state:
                client.cookies["cookie_consent"] = state
            bodies.add(client.get(url).content)
        assert len(bodies) == 1, url


def test_a_marketing_script_cannot_be_promised_safe(site_pages):
    from django.core.exceptions import ValidationError

    script = GatedScript(
        name="Pixel",
        category=CookieGroup.objects.get(varname="marketing"),
        code="1;",
        safe_on_sensitive_pages=True,
    )
    with pytest.raises(ValidationError) as error:
        script.full_clean()
    assert "safe_on_sensitive_pages" in error.value.message_dict


def test_counting_sensitive_pages(term):
    sensitive, live = sensitivity.count_sensitive_pages()
    assert (sensitive, live) == (1, GlossaryTermPage.objects.count() + 2)

    term.sensitive = False
    term.save()
    assert sensitivity.count_sensitive_pages()[0] == 0


def test_the_demo_marks_its_first_party_analytics_safe_and_never_its_pixel(site_pages):
    analytics = GatedScript.objects.get(name="Demo analytics")
    pixel = GatedScript.objects.get(name="Demo marketing pixel")

    assert analytics.safe_on_sensitive_pages and analytics.safe_marked_at
    assert not pixel.safe_on_sensitive_pages


def test_the_count_follows_per_type_settings(term, settings):
    settings.CONSENT_SENSITIVE_PAGE_TYPES = {"home.homepage": True}
    assert sensitivity.count_sensitive_pages()[0] == 2

    HomePage.objects.update(sensitive=False)
    assert sensitivity.count_sensitive_pages()[0] == 1


@pytest.mark.parametrize(
    ("policy", "warned"),
    [
        ("strict-origin-when-cross-origin", False),
        ("same-origin", False),
        (None, False),
        ("unsafe-url", True),
        ("origin, no-referrer-when-downgrade", True),
        (["no-referrer", "unsafe-url"], True),
    ],
)
def test_a_referrer_policy_that_sends_addresses_elsewhere_is_warned_of(
    settings, policy, warned
):
    from consent.checks import check_referrer_policy

    settings.SECURE_REFERRER_POLICY = policy
    assert [m.id for m in check_referrer_policy()] == (
        ["consent.W020"] if warned else []
    )


def test_the_site_sends_a_referrer_policy_that_keeps_paths_home(client, site_pages):
    response = client.get("/")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_site_search_is_shielded_as_a_sensitive_page(client, term):
    # What a reader searches for ("IBS flare-up diet") is health data too.
    html = client.get("/search/?q=gut%E2%80%93brain+axis+anxiety").content.decode()

    assert config_of(html)["page"] == {
        "sensitive": True,
        "type": "Search results",
        "path": "/search/",
    }
    assert 'data-consent="marketing"' not in html
    assert 'data-consent="analytics"' in html  # the demo's safe first-party analytics
    assert '<meta name="referrer" content="same-origin">' in html
    assert "anxiety" not in json.dumps(config_of(html))
