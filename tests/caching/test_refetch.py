"""A proxy that fetches a purged page at once (deploy/nginx.conf) gets it
rendered from the new data, even when no transaction wraps the change (the
purge then runs inside the change's signal, beside the other apps' receivers)."""

import pytest
from wagtail.models import Page, PageViewRestriction

from . import recording_backend

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def refetched(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "refetching": {"BACKEND": "tests.caching.recording_backend.RefetchingBackend"}
    }
    recording_backend.REFETCHED.clear()
    yield recording_backend.REFETCHED
    recording_backend.REFETCHED.clear()


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def move_away(page):
    shelf = (
        page.get_parent()
        .get_parent()
        .add_child(instance=Page(title="Shelf", slug="shelf"))
    )
    page.move(shelf, pos="last-child")


CHANGES = {
    "private": make_private,
    "unpublish": lambda page: page.unpublish(),
    "move": move_away,
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_refreshing_proxy_fetches_pages_without_the_term(
    refetched, make_term, make_article, glossary_index, change
):
    term = make_term("Butyrate", "A short-chain fatty acid.", publish=True)
    acetate = make_term("Acetate", publish=True)
    article = make_article(body_text="Bacteria turn fibre into butyrate.")
    url = term.url

    CHANGES[change](term)

    for path in (glossary_index.url, f"{glossary_index.url}?letter=b", acetate.url):
        assert url not in refetched[path], path
    assert url not in refetched[article.url]
