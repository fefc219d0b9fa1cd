"""The glossary's A–Z kept in process memory (``glossary.a_to_z``) is never stale.

The index, its letter and topic pages and each term's previous and next links
take their order, letters, topics and counts from it. Every change a reader can
see (publish, unpublish, privacy, a topic) shows on the very next request, here
and in any other process: the memo is never cleared by a change in this process,
only passed over when the version in the shared cache moved. "Another process"
is simulated by keeping this process's memo and moving only the shared version,
or by clearing the memo and keeping the cache. A draft changes nothing a reader
sees.
"""

import pytest
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from glossary import a_to_z
from glossary.autolink.terms import VERSION_KEY
from glossary.cache_versions import bump_version
from glossary.conf import get_setting
from glossary.models import GlossaryTermPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def empty_memo():
    a_to_z.clear()
    yield
    a_to_z.clear()


@pytest.fixture
def terms(make_term):
    """Acetate, Butyrate, Propionate: Butyrate between the other two."""
    return {
        name: make_term(name, definition=f"About {name}.", publish=True)
        for name in ("Acetate", "Butyrate", "Propionate")
    }


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def neighbours(client, term) -> tuple[str, str]:
    """The titles in the previous and next links of ``term``'s page."""
    page = html(client, term.url)

    def title(rel):
        marker = f'rel="{rel}">'
        if marker not in page:
            return ""
        tail = page.split(marker, 1)[1].split("</a>", 1)[0]
        return tail.rsplit("</span>", 1)[-1].strip()

    return title("prev"), title("next")


def memo_of(glossary):
    return a_to_z.memo().get(glossary.pk)


def other_process_bumps_the_version():
    bump_version(caches[get_setting("GLOSSARY_AUTOLINK_CACHE")], VERSION_KEY)


def test_pages_use_the_memo_until_the_shared_version_moves(
    client, glossary_index, terms
):
    """A change written without this process's signals (as another process's
    is, for this one) shows once the version in the shared cache moves, and not
    before: the pages do read the memo, and the version alone invalidates it."""
    assert "Butyrate" in html(client, "/glossary/")
    built = memo_of(glossary_index)
    assert built is not None

    # Another process unpublishes Butyrate: its rows change here without signals.
    GlossaryTermPage.objects.filter(pk=terms["Butyrate"].pk).update(live=False)
    # The memo still files a term under B and names Butyrate as Acetate's next
    # term; the terms shown are read by id, live ones only, so no link leads to
    # the unpublished page even then.
    assert 'href="/glossary/?letter=b#results"' in html(client, "/glossary/")
    assert neighbours(client, terms["Acetate"]) == ("", "")
    assert memo_of(glossary_index) is built

    other_process_bumps_the_version()
    page = html(client, "/glossary/")
    assert "Butyrate" not in page and 'href="/glossary/?letter=b#results"' not in page
    assert neighbours(client, terms["Acetate"]) == ("", "Propionate")
    assert memo_of(glossary_index) is not built


def test_a_process_with_an_empty_memo_reads_the_glossary_as_it_is(
    client, glossary_index, terms
):
    html(client, "/glossary/")
    GlossaryTermPage.objects.filter(pk=terms["Butyrate"].pk).update(live=False)

    a_to_z.clear()  # a new worker: the shared cache is kept, the memo is not

    assert "Butyrate" not in html(client, "/glossary/")
    assert neighbours(client, terms["Acetate"]) == ("", "Propionate")


def test_publishing_a_term_shows_it_on_the_next_request(
    client, glossary_index, terms, make_term
):
    assert neighbours(client, terms["Acetate"]) == ("", "Butyrate")
    built = memo_of(glossary_index)

    make_term("Amylase", publish=True)

    # The change did not clear the memo here: the version moved, as it would
    # for every other process.
    assert memo_of(glossary_index) is built
    assert neighbours(client, terms["Acetate"]) == ("", "Amylase")
    index = html(client, "/glossary/?letter=a")
    assert index.index("Acetate") < index.index("Amylase")


def test_unpublishing_a_term_takes_it_out_of_every_list(client, glossary_index, terms):
    assert "Butyrate" in html(client, "/glossary/?letter=b")

    terms["Butyrate"].unpublish()

    assert "Butyrate" not in html(client, "/glossary/")
    assert neighbours(client, terms["Acetate"]) == ("", "Propionate")
    # B has no term left: its letter link is no longer a link.
    assert client.get("/glossary/?letter=b").status_code == 404
    assert 'href="/glossary/?letter=b#results"' not in html(client, "/glossary/")


def test_a_private_term_leaves_the_lists_and_comes_back(client, glossary_index, terms):
    assert "Butyrate" in html(client, "/glossary/")

    restriction = PageViewRestriction.objects.create(
        page=terms["Butyrate"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="letmein",
    )
    assert "Butyrate" not in html(client, "/glossary/")
    assert neighbours(client, terms["Propionate"]) == ("Acetate", "")

    restriction.delete()
    assert "Butyrate" in html(client, "/glossary/")
    assert neighbours(client, terms["Propionate"]) == ("Butyrate", "")


def test_a_private_glossary_section_empties_the_lists_of_its_terms(
    client, glossary_index, terms
):
    """A term's neighbours are the public terms: with the whole glossary
    private, a visitor who may see a term sees no neighbours (Wagtail's own
    ``public()``, not the memo, decides)."""
    html(client, "/glossary/")
    PageViewRestriction.objects.create(
        page=glossary_index,
        restriction_type=PageViewRestriction.PASSWORD,
        password="letmein",
    )
    assert a_to_z.for_glossary(glossary_index).ids == ()


def test_a_draft_changes_nothing_until_it_is_published(client, glossary_index, terms):
    butyrate = GlossaryTermPage.objects.get(pk=terms["Butyrate"].pk)
    butyrate.title = "Zymase"
    butyrate.save_revision()

    assert "Zymase" not in html(client, "/glossary/")
    assert neighbours(client, terms["Acetate"]) == ("", "Butyrate")
    assert neighbours(client, terms["Propionate"]) == ("Butyrate", "")

    butyrate.get_latest_revision().publish()

    assert neighbours(client, terms["Acetate"]) == ("", "Propionate")
    assert neighbours(client, terms["Propionate"]) == ("Acetate", "Zymase")
    assert "Zymase" in html(client, "/glossary/?letter=z")


def test_renaming_or_deleting_a_topic_shows_on_the_next_request(
    client, glossary_index, make_term, make_topic
):
    mood = make_topic("Mood", slug="mood")
    make_term("Serotonin", topics=[mood], publish=True)
    assert ">Mood<" in html(client, "/glossary/")

    mood.name = "Feelings"
    mood.save()
    page = html(client, "/glossary/")
    assert ">Feelings<" in page and ">Mood<" not in page
    assert "Serotonin" in html(client, "/glossary/?topic=mood")

    mood.delete()
    assert ">Feelings<" not in html(client, "/glossary/")
    assert client.get("/glossary/?topic=mood").status_code == 404


def test_a_term_tagged_with_a_topic_on_publish_joins_its_list(
    client, glossary_index, terms, make_topic
):
    mood = make_topic("Mood", slug="mood")
    make_term_page = GlossaryTermPage.objects.get(pk=terms["Acetate"].pk)
    html(client, "/glossary/")
    assert client.get("/glossary/?topic=mood").status_code == 404

    make_term_page.topics = [mood]
    make_term_page.save_revision().publish()

    page = html(client, "/glossary/?topic=mood")
    assert "Acetate" in page and "Butyrate" not in page


def test_counts_and_pages_follow_the_memo(client, glossary_index, make_term, settings):
    settings.GLOSSARY_TERMS_PER_PAGE = 2
    for name in ("Acetate", "Butyrate", "Propionate"):
        make_term(name)
    assert client.get("/glossary/?page=2").status_code == 200
    assert client.get("/glossary/?page=3").status_code == 404

    make_term("Zymase")
    make_term("Valerate")
    page = html(client, "/glossary/?page=3")
    assert "Zymase" in page and "Valerate" not in page
