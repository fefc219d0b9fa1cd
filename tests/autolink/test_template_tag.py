"""The {% autolink_terms %} tag against real, published terms."""

import pytest
from django.template import engines
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

TEMPLATE = (
    "{% load glossary_autolink %}"
    "{% autolink_terms page %}{{ body|safe }}{% endautolink_terms %}"
)


@pytest.fixture
def render():
    template = engines["django"].from_string(TEMPLATE)

    def render(body, page=None, request=None):
        return template.render({"body": body, "page": page}, request)

    return render


def test_a_published_term_is_linked_to_its_page_url(make_term, render, article):
    make_term("Dysbiosis", definition="An imbalance of gut microbes.")
    html = render("<p>About dysbiosis.</p>", article)
    assert (
        '<a href="/glossary/dysbiosis/" class="glossary-term" '
        'data-definition="An imbalance of gut microbes.">dysbiosis</a>'
    ) in html


def test_synonyms_link_to_their_term(make_term, render, article):
    make_term("Gut microbiome", synonyms=["gut flora", "gut microbiota"])
    html = render("<p>Gut microbiota and gut flora.</p>", article)
    assert html.count('href="/glossary/gut-microbiome/"') == 1
    assert ">Gut microbiota</a>" in html


def test_a_term_is_not_linked_on_its_own_page(make_term, render):
    dysbiosis = make_term("Dysbiosis")
    make_term("Gut flora")
    html = render("<p>Dysbiosis changes gut flora.</p>", dysbiosis)
    assert 'href="/glossary/dysbiosis/"' not in html
    assert 'href="/glossary/gut-flora/"' in html


def test_terms_marked_never_autolink_are_not_linked(make_term, render, article):
    make_term("Gut", never_autolink=True)
    assert "glossary-term" not in render("<p>The gut.</p>", article)


def test_draft_and_private_terms_are_not_linked(make_term, render, article):
    draft = make_term("Dysbiosis")
    draft.unpublish()
    private = make_term("Eubiosis")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert "glossary-term" not in render("<p>Dysbiosis, eubiosis.</p>", article)


def test_assets_are_added_once_per_request_and_only_when_something_linked(
    make_term, render, article
):
    make_term("Dysbiosis")
    request = RequestFactory().get("/an-article/")
    assert "autolink.js" not in render("<p>Nothing to link.</p>", article, request)
    first = render("<p>dysbiosis</p>", article, request)
    assert first.count('<script defer src="/static/glossary/autolink.js"') == 1
    assert first.count('href="/static/glossary/autolink.css"') == 1
    make_term("Eubiosis")
    second = render("<p>eubiosis</p>", article, request)
    assert "glossary-term" in second and "autolink.js" not in second


def test_the_script_tag_carries_the_popovers_link_text_through_gettext(
    make_term, render, article, monkeypatch
):
    make_term("Dysbiosis")
    translations = {"Read the full entry": "Lire l’article complet & plus"}
    monkeypatch.setattr(
        "glossary.templatetags.glossary_autolink.gettext", translations.get
    )
    linked = render("<p>dysbiosis</p>", article, RequestFactory().get("/"))
    assert 'data-full-entry="Lire l’article complet &amp; plus"' in linked


def test_tags_on_one_page_link_each_term_once_between_them(make_term, render, article):
    make_term("Dysbiosis")
    request = RequestFactory().get("/an-article/")
    assert "glossary-term" in render("<p>dysbiosis</p>", article, request)
    assert "glossary-term" not in render("<p>dysbiosis</p>", article, request)


def test_a_missing_page_variable_still_links(make_term, render):
    make_term("Dysbiosis")
    assert "glossary-term" in render("<p>dysbiosis</p>", page=None)


def test_the_tag_requires_exactly_one_argument():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError, match="takes the page"):
        engines["django"].from_string(
            "{% load glossary_autolink %}{% autolink_terms %}x{% endautolink_terms %}"
        )
