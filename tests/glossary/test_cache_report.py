"""``glossary.cache_report.cached_size_report()`` names each structure the
glossary keeps and its pickled size, once pages have built them."""

import pickle

import pytest

from glossary import a_to_z, sitemaps
from glossary.autolink import link_terms
from glossary.autolink import terms as autolink_terms
from glossary.cache_report import cached_size_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def nothing_kept():
    a_to_z.clear()
    sitemaps.clear_page_starts()
    autolink_terms._current.clear()
    yield


def test_each_structure_built_is_reported_with_its_pickled_size(
    client, glossary_index, make_term
):
    assert cached_size_report() == []
    make_term("Butyrate", synonyms=["butanoate"])
    make_term("Acetate")

    client.get("/glossary/")
    client.get("/sitemap-glossary.xml")
    link_terms("<p>Butyrate and acetate.</p>")

    report = dict(cached_size_report())
    assert set(report) == {
        "glossary autolink data [all]",
        "glossary autolink linker [all]",
        f"glossary a_to_z [{glossary_index.pk}]",
        f"glossary sitemap page starts [{glossary_index.get_parent().path}]",
    }
    held = a_to_z.memo()[glossary_index.pk]
    assert report[f"glossary a_to_z [{glossary_index.pk}]"] == len(
        pickle.dumps(held, protocol=pickle.HIGHEST_PROTOCOL)
    )
    assert all(size > 0 for size in report.values())


def test_the_a_to_z_grows_with_the_glossary(client, glossary_index, make_term):
    make_term("Butyrate")
    client.get("/glossary/")
    small = dict(cached_size_report())[f"glossary a_to_z [{glossary_index.pk}]"]

    for name in ("Acetate", "Propionate", "Valerate"):
        make_term(name)
    client.get("/glossary/")
    large = dict(cached_size_report())[f"glossary a_to_z [{glossary_index.pk}]"]

    assert large > small
