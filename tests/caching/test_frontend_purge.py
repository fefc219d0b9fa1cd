"""What a change purges from nginx or a CDN (wagtail.contrib.frontend_cache)."""

from collections import Counter

import pytest
from cookie_consent.models import CookieGroup
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

BASE = "http://localhost"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the end of a real transaction would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def test_nothing_is_sent_to_the_proxy_before_the_commit(
    frontend_purges, make_term, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_term("Butyrate", publish=True)
        assert frontend_purges == []
    assert callbacks
    assert f"{BASE}/glossary/" in frontend_purges
    assert f"{BASE}/glossary/butyrate/" in frontend_purges


def test_publishing_a_term_purges_everything_that_shows_it(
    frontend_purges, committed, make_term, make_topic, make_article, glossary_index
):
    skin = make_topic("Skin", slug="skin")
    propionate = make_term("Propionate", publish=True)
    acetate = make_term("Acetate", publish=True)
    mentions = make_article(body_text="Bacteria turn fibre into butyrate.")
    unrelated = make_article(body_text="Sleep matters too.")
    frontend_purges.clear()

    committed(
        lambda: make_term("Butyrate", topics=[skin], related=[propionate], publish=True)
    )

    assert {
        f"{BASE}/glossary/butyrate/",
        f"{BASE}/glossary/",
        f"{BASE}/glossary/?letter=b",
        f"{BASE}/glossary/?topic=skin",
        f"{BASE}/glossary/?letter=b&topic=skin",
        f"{BASE}/glossary/?page=2",
        f"{BASE}{propionate.url}",
        f"{BASE}{acetate.url}",  # its neighbour in A–Z order
        f"{BASE}{mentions.url}",
        f"{BASE}/sitemap.xml",
        f"{BASE}/",
    } <= set(frontend_purges)
    assert f"{BASE}{unrelated.url}" not in frontend_purges


def test_renaming_a_term_purges_articles_that_linked_its_old_name(
    frontend_purges, committed, make_term, make_article
):
    term = make_term("Butyrate", publish=True)
    mentions_old = make_article(body_text="Bacteria turn fibre into butyrate.")
    frontend_purges.clear()

    revision_page = term.get_latest_revision_as_object()
    revision_page.title = "Butyric acid"
    committed(lambda: revision_page.save_revision().publish())

    assert f"{BASE}{mentions_old.url}" in frontend_purges


def test_publishing_an_article_purges_its_index_and_feeds(
    frontend_purges, committed, make_article, article_index
):
    article = make_article()
    frontend_purges.clear()

    committed(lambda: article.save_revision().publish())

    assert {
        f"{BASE}{article.url}",
        f"{BASE}{article_index.url}",
        f"{BASE}{article_index.url}feed/",
        f"{BASE}{article_index.url}feed/atom/",
        f"{BASE}/sitemap.xml",
    } <= set(frontend_purges)


def test_moving_a_page_purges_its_old_and_new_addresses(
    frontend_purges, committed, make_term, site_root
):
    from tests.glossary.factories import GlossaryIndexPageFactory

    acetate = make_term("Acetate", publish=True)
    term = make_term("Butyrate", publish=True)
    other = GlossaryIndexPageFactory(parent=site_root, title="Terms", slug="terms")
    frontend_purges.clear()

    committed(lambda: term.move(other, pos="last-child"))

    assert {
        f"{BASE}/glossary/butyrate/",
        f"{BASE}/terms/butyrate/",
        # Where it was listed, and its neighbour there.
        f"{BASE}/glossary/",
        f"{BASE}/glossary/?letter=b",
        f"{BASE}{acetate.url}",
        f"{BASE}/terms/",
        f"{BASE}/terms/?letter=b",
    } <= set(frontend_purges)


@pytest.mark.parametrize("change", ["unpublish", "delete"])
def test_unpublishing_or_deleting_a_term_purges_it_and_its_glossary(
    frontend_purges, committed, make_term, change
):
    term = make_term("Butyrate", publish=True)
    frontend_purges.clear()

    committed(getattr(term, change))

    assert {f"{BASE}/glossary/butyrate/", f"{BASE}/glossary/"} <= set(frontend_purges)


def test_a_consent_category_change_purges_every_public_page(
    frontend_purges, committed, make_term, make_article
):
    term = make_term("Butyrate", publish=True)
    article = make_article()
    frontend_purges.clear()

    analytics = CookieGroup.objects.get(varname="analytics")
    analytics.description = "Counting visits."
    committed(analytics.save)

    assert {
        f"{BASE}{term.url}",
        f"{BASE}{article.url}",
        f"{BASE}/glossary/",
        f"{BASE}/",
    } <= set(frontend_purges)


SITEMAP_INDEX = f"{BASE}/sitemap.xml"
PAGES_SECTION = f"{BASE}/sitemap-pages.xml"
GLOSSARY_SECTION = f"{BASE}/sitemap-glossary.xml"


def test_publishing_a_term_purges_every_page_of_the_glossary_sitemap_and_one_more(
    frontend_purges, committed, make_term, settings
):
    settings.GLOSSARY_SITEMAP_LIMIT = 2
    for title in ("Acetate", "Propionate"):
        make_term(title, publish=True)
    frontend_purges.clear()

    committed(lambda: make_term("Butyrate", publish=True))

    purged = set(frontend_purges)
    assert {
        SITEMAP_INDEX,
        GLOSSARY_SECTION,
        f"{GLOSSARY_SECTION}?p=2",
        f"{GLOSSARY_SECTION}?p=3",
    } <= purged
    assert f"{GLOSSARY_SECTION}?p=4" not in purged
    assert PAGES_SECTION not in purged


def test_unpublishing_a_term_purges_the_glossary_sitemap_page_it_leaves_empty(
    frontend_purges, committed, make_term, settings
):
    settings.GLOSSARY_SITEMAP_LIMIT = 1
    make_term("Acetate", publish=True)
    butyrate = make_term("Butyrate", publish=True)
    frontend_purges.clear()

    committed(butyrate.unpublish)

    assert {SITEMAP_INDEX, GLOSSARY_SECTION, f"{GLOSSARY_SECTION}?p=2"} <= set(
        frontend_purges
    )


def test_publishing_an_article_purges_the_pages_sitemap_not_the_glossary_one(
    frontend_purges, committed, make_article
):
    article = make_article()
    frontend_purges.clear()

    committed(lambda: article.save_revision().publish())

    purged = set(frontend_purges)
    assert {SITEMAP_INDEX, PAGES_SECTION} <= purged
    assert GLOSSARY_SECTION not in purged


def test_moving_a_glossary_purges_the_sitemap_sections_of_it_and_its_terms(
    frontend_purges, committed, make_term, glossary_index, site_root
):
    from tests.articles.factories import ArticleIndexPageFactory

    make_term("Butyrate", publish=True)
    shelf = ArticleIndexPageFactory(parent=site_root, title="Shelf", slug="shelf")
    frontend_purges.clear()

    committed(lambda: glossary_index.move(shelf, pos="last-child"))

    assert {SITEMAP_INDEX, PAGES_SECTION, GLOSSARY_SECTION} <= set(frontend_purges)


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_making_a_term_private_purges_everything_that_showed_it(
    frontend_purges, committed, make_term, make_topic, make_article
):
    skin = make_topic("Skin", slug="skin")
    acetate = make_term("Acetate", publish=True)
    butyrate = make_term("Butyrate", topics=[skin], publish=True)
    propionate = make_term("Propionate", related=[butyrate], publish=True)
    mentions = make_article(body_text="Bacteria turn fibre into butyrate.")
    features = make_article(body_text="Sleep matters too.")
    features.related_term_links.create(term=butyrate)
    features.save_revision().publish()
    frontend_purges.clear()

    committed(lambda: make_private(butyrate))

    assert {
        f"{BASE}/glossary/butyrate/",
        f"{BASE}/glossary/",
        f"{BASE}/glossary/?letter=b",
        f"{BASE}/glossary/?topic=skin",
        f"{BASE}/glossary/?letter=b&topic=skin",
        f"{BASE}{acetate.url}",
        f"{BASE}{propionate.url}",
        f"{BASE}{mentions.url}",
        f"{BASE}{features.url}",
        GLOSSARY_SECTION,
        SITEMAP_INDEX,
    } <= set(frontend_purges)


def test_making_a_section_private_purges_its_pages_and_what_showed_them(
    frontend_purges, committed, make_article, article_index
):
    article = make_article()
    related_from = make_article(body_text="Sleep matters too.")
    related_from.related_article_links.create(article=article)
    related_from.save_revision().publish()
    frontend_purges.clear()

    committed(lambda: make_private(article_index))

    assert {
        f"{BASE}{article_index.url}",
        f"{BASE}{article_index.url}feed/",
        f"{BASE}{article.url}",
        f"{BASE}{related_from.url}",
        PAGES_SECTION,
    } <= set(frontend_purges)


def test_lifting_a_restriction_purges_too(frontend_purges, committed, make_term):
    butyrate = make_term("Butyrate", publish=True)
    make_private(butyrate)
    frontend_purges.clear()

    committed(lambda: PageViewRestriction.objects.filter(page=butyrate).delete())

    assert {f"{BASE}/glossary/butyrate/", f"{BASE}/glossary/"} <= set(frontend_purges)


def test_renaming_a_term_purges_articles_that_link_its_new_name(
    frontend_purges, committed, make_term, make_article
):
    term = make_term("Butyrate", publish=True)
    mentions_new = make_article(body_text="Butyric acid feeds the colon.")
    frontend_purges.clear()

    revision_page = term.get_latest_revision_as_object()
    revision_page.title = "Butyric acid"
    committed(lambda: revision_page.save_revision().publish())

    assert f"{BASE}{mentions_new.url}" in frontend_purges


def publish(page):
    page.save_revision().publish()


def move(page):
    shelf = (
        page.get_parent()
        .get_parent()
        .add_child(instance=Page(title="Shelf", slug="shelf"))
    )
    page.move(shelf, pos="last-child")


def change_consent(page):
    analytics = CookieGroup.objects.get(varname="analytics")
    analytics.description = "Counting visits."
    analytics.save()


CHANGES = {
    "publish": publish,
    "unpublish": lambda page: page.unpublish(),
    "private": make_private,
    "move": move,
    "delete": lambda page: page.delete(),
    "consent": change_consent,
}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_purges_each_url_once(
    frontend_purges, committed, make_term, make_article, change
):
    butyrate = make_term("Butyrate", publish=True)
    make_term("Propionate", related=[butyrate], publish=True)
    make_article(body_text="Bacteria turn fibre into butyrate.")
    frontend_purges.clear()

    committed(lambda: CHANGES[change](butyrate))

    assert frontend_purges
    repeated = {url: n for url, n in Counter(frontend_purges).items() if n > 1}
    assert repeated == {}


def test_wagtails_own_publish_handler_is_not_connected():
    """It would purge each page a second time, before the commit."""
    from django.apps import apps
    from wagtail.contrib.frontend_cache.signal_handlers import (
        page_published_signal_handler,
        page_unpublished_signal_handler,
    )
    from wagtail.signals import page_published, page_unpublished

    assert not apps.is_installed("wagtail.contrib.frontend_cache")
    for model in apps.get_models():
        if issubclass(model, Page):
            assert not page_published.disconnect(
                page_published_signal_handler, sender=model
            )
            assert not page_unpublished.disconnect(
                page_unpublished_signal_handler, sender=model
            )


def test_a_page_featuring_a_term_is_purged_when_the_term_goes_private(
    frontend_purges, committed, make_term, site_root
):
    """Known through Wagtail's reference index: the caching code names no type."""
    from microsite.home.models import HomePage, HomePageFeaturedTerm

    butyrate = make_term("Butyrate", publish=True)
    home = site_root.add_child(instance=HomePage(title="Welcome", slug="welcome"))
    home.featured_terms = [HomePageFeaturedTerm(term=butyrate)]
    home.save_revision().publish()
    frontend_purges.clear()

    committed(lambda: make_private(butyrate))

    assert f"{BASE}/welcome/" in frontend_purges


def test_dropping_a_related_term_purges_the_term_that_showed_it_back(
    frontend_purges, committed, make_term
):
    def create():
        make_term("Acetate", publish=True)
        zonulin = make_term("Zonulin", publish=True)
        make_term("Mucin", publish=True)
        return zonulin, make_term("Butyrate", related=[zonulin], publish=True)

    zonulin, butyrate = created(committed, create)
    frontend_purges.clear()

    edited = butyrate.get_latest_revision_as_object()
    edited.related_term_links = []
    committed(lambda: edited.save_revision().publish())

    # Zonulin (no neighbour of Butyrate) listed it as related until this publish.
    assert f"{BASE}{zonulin.url}" in frontend_purges


def test_renaming_a_term_purges_its_old_neighbours_too(
    frontend_purges, committed, make_term
):
    names = ("Acetate", "Butyrate", "Mucin", "Propionate", "Zonulin")
    terms = created(committed, lambda: {n: make_term(n, publish=True) for n in names})
    frontend_purges.clear()

    edited = terms["Butyrate"].get_latest_revision_as_object()
    edited.title = "Tributyrin"  # from between Acetate and Mucin to before Zonulin
    committed(lambda: edited.save_revision().publish())

    purged = set(frontend_purges)
    for before in ("Acetate", "Mucin"):
        assert f"{BASE}{terms[before].url}" in purged, before
    for now in ("Propionate", "Zonulin"):
        assert f"{BASE}{terms[now].url}" in purged, now


def test_saving_a_draft_purges_nothing(frontend_purges, committed, make_term):
    def create():
        zonulin = make_term("Zonulin", publish=True)
        return make_term("Butyrate", related=[zonulin], publish=True)

    butyrate = created(committed, create)
    frontend_purges.clear()

    edited = butyrate.get_latest_revision_as_object()
    edited.related_term_links = []
    committed(edited.save_revision)

    assert frontend_purges == []


def created(committed, create):
    """What ``create()`` returns, made in a transaction that commits."""
    made = []
    committed(lambda: made.append(create()))
    return made[0]
