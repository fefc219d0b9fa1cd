import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from glossary.models import GlossaryIndexPage, GlossaryTermPage, Topic
from microsite.demo.glossary_terms import FEATURED_ON_HOME, TERMS
from microsite.home.models import HomePage, SiteFooter
from tests.site.conftest import build_site_content

REQUIRED_TERMS = [
    "Microbiome Refinement",
    "Gut Microbiome Mental Health",
    "Dysbiosis",
    "Short-chain fatty acids",
    "Butyrate",
    "Estrobolome",
    "Gut–brain axis",
    "Gut–immune axis",
    "Gut–skin axis",
    "Prebiotics",
    "Probiotics",
    "Psychobiotics",
    "Intestinal barrier",
    "Secretome",
]


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def content_counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "topics": Topic.objects.count(),
        "terms": GlossaryTermPage.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.mark.django_db
def test_running_load_demo_twice_duplicates_nothing_and_adds_no_revisions():
    load_demo()
    first = content_counts()
    revisions = set(Revision.objects.values_list("pk", flat=True))
    load_demo()
    # Name what the second run revised, so a failure says where to look.
    assert [
        f"{revision.content_type.model}: {revision.object_str}"
        for revision in Revision.objects.exclude(pk__in=revisions)
    ] == []
    assert content_counts() == first
    assert first["terms"] == len(TERMS)


def test_rebuilding_restores_an_edited_term_in_place_with_one_new_revision(
    demo_content,
):
    term = GlossaryTermPage.objects.get(slug="butyrate")
    term.definition = "An editor's shortened definition."
    term.save_revision().publish()
    before = content_counts()

    build_site_content()

    term.refresh_from_db()
    assert term.definition.startswith("A short-chain fatty acid")
    assert content_counts() == {**before, "revisions": before["revisions"] + 1}


def test_demo_replaces_wagtails_welcome_page_with_the_home_page(demo_content):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    assert isinstance(site.root_page.specific, HomePage)
    root_children = Page.get_first_root_node().get_children()
    assert [type(p.specific) for p in root_children] == [HomePage]


def test_demo_builds_a_site_on_a_database_without_root_page(demo_content):
    Site.objects.all().delete()
    Page.objects.all().delete()

    build_site_content()

    assert Site.objects.get().root_page.specific_class is HomePage
    assert GlossaryIndexPage.objects.get().url == "/glossary/"
    assert GlossaryTermPage.objects.live().count() == len(TERMS)


def test_demo_glossary_contains_every_required_term_published(demo_content):
    titles = set(GlossaryTermPage.objects.live().values_list("title", flat=True))
    assert set(REQUIRED_TERMS) <= titles
    assert len(titles) >= 16


def test_every_demo_term_is_complete_sourced_and_reviewed(demo_content):
    for term in GlossaryTermPage.objects.live():
        assert term.definition and "<p>" in term.origin and "<p>" in term.mechanism
        assert term.synonyms.exists(), term.title
        assert term.topics.exists(), term.title
        assert term.related_terms, term.title
        assert term.clinical_reviewer_id and term.last_reviewed, term.title
        sources = list(term.sources.all())
        assert sources, term.title
        for source in sources:
            assert source.title and source.publisher and source.year, term.title
            assert source.link.startswith("https://"), term.title


def test_home_page_features_between_four_and_six_terms_in_order(demo_content):
    featured = list(HomePage.objects.get().get_featured_terms())
    assert 4 <= len(featured) <= 6
    assert [term.slug for term in featured] == FEATURED_ON_HOME


def test_footer_setting_holds_a_medical_disclaimer(demo_content):
    footer = SiteFooter.for_site(Site.objects.get(is_default_site=True))
    assert "not medical advice" in footer.disclaimer
