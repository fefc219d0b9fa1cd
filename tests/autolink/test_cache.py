"""The term data is built once per change of the glossary, never per request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.autolink import LinkState, get_linker, link_terms
from glossary.autolink import terms as autolink_terms

pytestmark = pytest.mark.django_db


def linked_urls(markup, page=None):
    html, _count = link_terms(markup, page, LinkState())
    return html


def test_a_render_with_a_warm_linker_makes_no_query(make_term, article):
    make_term("Dysbiosis")
    link_terms("<p>dysbiosis</p>", article)
    with CaptureQueriesContext(connection) as queries:
        html, count = link_terms("<p>dysbiosis</p>", article)
    assert count == 1
    assert len(queries) == 0


def test_a_render_reads_the_cache_once_when_nothing_changed(
    make_term, article, monkeypatch
):
    make_term("Dysbiosis")
    get_linker(article.locale_id)
    reads = []
    real_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda *a, **k: reads.append(a) or real_get(*a, **k)
    )
    link_terms("<p>dysbiosis</p>", article)
    assert reads == [(autolink_terms.VERSION_KEY,)]


def test_another_process_builds_from_the_cached_data_without_queries(make_term):
    make_term("Dysbiosis")
    get_linker()
    autolink_terms._current.clear()  # as in a fresh process
    with CaptureQueriesContext(connection) as queries:
        linker = get_linker()
    assert len(queries) == 0
    assert [target.url for target in linker.targets] == ["/glossary/dysbiosis/"]


def test_publishing_a_new_term_makes_it_linkable(make_term, article):
    make_term("Dysbiosis")
    assert "eubiosis</a>" not in linked_urls("<p>eubiosis</p>", article)
    make_term("Eubiosis")
    assert "eubiosis</a>" in linked_urls("<p>eubiosis</p>", article)


def test_unpublishing_a_term_stops_its_links(make_term, article):
    term = make_term("Dysbiosis")
    assert "glossary-term" in linked_urls("<p>dysbiosis</p>", article)
    term.unpublish()
    assert "glossary-term" not in linked_urls("<p>dysbiosis</p>", article)


def test_renaming_and_republishing_a_term_links_the_new_name(make_term, article):
    term = make_term("Dysbiosis")
    link_terms("<p>dysbiosis</p>", article)
    term.title = "Microbial imbalance"
    term.save_revision().publish()
    html = linked_urls("<p>dysbiosis or microbial imbalance</p>", article)
    assert ">microbial imbalance</a>" in html and ">dysbiosis</a>" not in html


def test_switching_on_never_autolink_stops_links_after_publishing(make_term, article):
    term = make_term("Dysbiosis")
    link_terms("<p>dysbiosis</p>", article)
    term.never_autolink = True
    term.save_revision().publish()
    assert "glossary-term" not in linked_urls("<p>dysbiosis</p>", article)


def test_deleting_a_term_stops_its_links(make_term, article):
    term = make_term("Dysbiosis")
    link_terms("<p>dysbiosis</p>", article)
    term.delete()
    assert "glossary-term" not in linked_urls("<p>dysbiosis</p>", article)


def test_moving_the_glossary_updates_the_term_urls(
    make_term, glossary_index, site_root, article
):
    from wagtail.models import Page

    make_term("Dysbiosis")
    link_terms("<p>dysbiosis</p>", article)
    section = site_root.add_child(instance=Page(title="Learn", slug="learn"))
    glossary_index.refresh_from_db()
    glossary_index.move(section, pos="last-child")
    assert 'href="/learn/glossary/dysbiosis/"' in linked_urls("<p>dysbiosis</p>")


def test_changing_the_site_hostname_updates_term_urls(make_term, site_root, article):
    from wagtail.models import Page, Site

    make_term("Dysbiosis")
    link_terms("<p>dysbiosis</p>", article)
    other_root = Page.get_first_root_node().add_child(
        instance=Page(title="Other", slug="other")
    )
    Site.objects.create(hostname="other.example", root_page=other_root)
    assert 'href="http://localhost/glossary/dysbiosis/"' in linked_urls(
        "<p>dysbiosis</p>"
    )


def test_term_urls_are_the_urls_wagtail_gives_the_pages(make_term):
    terms = [
        make_term("Café au lait", slug="café-au-lait"),
        make_term("Dysbiosis"),
    ]
    rows = autolink_terms.linkable_terms()
    assert [row[1] for row in rows] == [term.url for term in terms]
    assert rows[0][1] == "/glossary/caf%C3%A9-au-lait/"


def test_a_term_model_with_its_own_url_rules_is_asked_for_each_url(
    make_term, monkeypatch
):
    from glossary.models import GlossaryTermPage

    make_term("Dysbiosis")
    fast = autolink_terms.linkable_terms()

    def get_url_parts(self, request=None):
        site_id, root_url, path = super(GlossaryTermPage, self).get_url_parts(request)
        return site_id, root_url, path + "custom/"

    monkeypatch.setattr(GlossaryTermPage, "get_url_parts", get_url_parts, raising=False)
    assert [row[1] for row in autolink_terms.linkable_terms()] == [
        fast[0][1] + "custom/"
    ]


def test_a_live_term_created_in_code_is_linkable_at_once(glossary_index, article):
    from glossary.models import GlossaryTermPage

    link_terms("<p>dysbiosis</p>", article)
    glossary_index.add_child(
        instance=GlossaryTermPage(
            title="Dysbiosis",
            slug="dysbiosis",
            definition="An imbalance.",
            origin="<p>O.</p>",
            mechanism="<p>M.</p>",
        )
    )
    assert "glossary-term" in linked_urls("<p>dysbiosis</p>", article)
