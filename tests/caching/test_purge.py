"""Changes reach visitors on the next request: what each change purges."""

import pytest
from cookie_consent.models import CookieGroup
from django.urls import reverse

pytestmark = pytest.mark.django_db

BUTYRATE = "A short-chain fatty acid made by gut bacteria."


@pytest.fixture
def term(make_term):
    return make_term("Butyrate", BUTYRATE, publish=True)


def cached(client, url):
    """Fetch ``url`` until it comes from the cache; return that response."""
    client.get(url)
    response = client.get(url)
    assert response["X-Cache"] == "HIT"
    return response


def publish_edit(page, **fields):
    revision_page = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(revision_page, name, value)
    revision_page.save_revision().publish()


def test_a_published_edit_appears_on_the_next_request(client, term):
    cached(client, term.url)

    publish_edit(term, definition="Butyrate, as revised by the medical reviewer.")
    response = client.get(term.url)

    assert response["X-Cache"] == "MISS"
    assert "as revised by the medical reviewer" in response.content.decode()


def test_cache_hit_turns_into_a_miss_after_a_purge_and_a_hit_again(client, term):
    from microsite.caching.purge import purge

    cached(client, term.url)
    purge(set)

    assert client.get(term.url)["X-Cache"] == "MISS"
    assert client.get(term.url)["X-Cache"] == "HIT"


def test_a_saved_draft_never_reaches_visitors(client, term):
    cached(client, term.url)

    draft = term.get_latest_revision_as_object()
    draft.definition = "An unreviewed draft definition."
    draft.save_revision()
    response = client.get(term.url)

    assert response["X-Cache"] == "HIT"
    assert "unreviewed draft" not in response.content.decode()
    client.get(term.url)
    assert "unreviewed draft" not in client.get(term.url).content.decode()


def test_a_preview_is_neither_served_from_nor_stored_in_the_cache(
    client, admin_client, term
):
    from tests.glossary.test_admin import term_form

    cached(client, term.url)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(term.pk,))
    admin_client.post(url, term_form(definition="A definition seen in preview."))

    preview = admin_client.get(url)
    visitor = client.get(term.url)

    assert "seen in preview" in preview.content.decode()
    assert preview["X-Cache"] == "BYPASS"
    assert (
        "no-store" in preview["Cache-Control"]
        or "no-cache" in (preview["Cache-Control"])
    )
    assert "seen in preview" not in visitor.content.decode()


def test_unpublishing_a_page_takes_it_off_at_once(client, term):
    cached(client, term.url)

    term.unpublish()

    assert client.get(term.url).status_code == 404


def test_deleting_a_page_takes_it_off_at_once(client, term):
    url = term.url
    cached(client, url)

    term.delete()

    assert client.get(url).status_code == 404


def test_moving_a_page_redirects_its_old_address_at_once(client, term, site_root):
    from tests.glossary.factories import GlossaryIndexPageFactory

    old_url = term.url
    cached(client, old_url)
    other = GlossaryIndexPageFactory(parent=site_root, title="Terms", slug="terms")

    term.move(other, pos="last-child")
    term.refresh_from_db()

    old = client.get(old_url)
    assert (old.status_code, old["Location"]) == (301, term.url)
    assert client.get(term.url).status_code == 200


def test_publishing_a_term_updates_the_glossary_index_and_its_letter_page(
    client, glossary_index, term, make_term
):
    cached(client, glossary_index.url)
    cached(client, glossary_index.url + "?letter=b")

    make_term("Bifidobacterium", "A genus of gut bacteria.", publish=True)

    for url in (glossary_index.url, glossary_index.url + "?letter=b"):
        response = client.get(url)
        assert response["X-Cache"] == "MISS"
        assert "Bifidobacterium" in response.content.decode()


def test_publishing_a_term_links_it_in_articles_already_cached(
    client, make_article, make_term
):
    article = make_article(body_text="Bacteria turn fibre into butyrate.")
    before = cached(client, article.url).content.decode()

    term = make_term("Butyrate", BUTYRATE, publish=True)
    after = client.get(article.url).content.decode()

    assert f'href="{term.url}"' not in before
    assert f'href="{term.url}"' in after


def test_changing_a_consent_category_purges_every_page(client, term):
    cached(client, term.url)

    analytics = CookieGroup.objects.get(varname="analytics")
    analytics.description = "Counting visits, with nothing that identifies you."
    analytics.save()

    assert client.get(term.url)["X-Cache"] == "MISS"
