import datetime
import re

import pytest

from .factories import ReviewerFactory

pytestmark = pytest.mark.django_db


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def microbiome(make_term, make_topic):
    dysbiosis = make_term("Dysbiosis")
    make_term("Akkermansia")
    make_term("Zonulin")
    term = make_term(
        "Gut microbiome",
        definition="The community of microbes that lives in the digestive tract.",
        synonyms=["gut flora"],
        topics=[make_topic("Mental health", slug="mental-health")],
        related=[dysbiosis],
        sources=[
            {
                "title": "The gut microbiota in health and disease",
                "publisher": "Physiological Reviews",
                "year": 2010,
                "doi": "10.1152/physrev.00045.2009",
                "pmid": "20664075",
            }
        ],
        origin="<p>From Greek <i>mikros</i>, small, and <i>bios</i>, life.</p>",
        mechanism="<p>Microbes ferment fibre into short-chain fatty acids.</p>",
        further_sections=[
            ("heading", "What the research shows"),
            ("list", ["Diet shapes it", "Antibiotics disturb it"]),
            (
                "callout",
                {"title": "Keep in mind", "text": "<p>Most studies are small.</p>"},
            ),
        ],
        clinical_reviewer=ReviewerFactory(name="Dr Ana Ruiz", credentials="MD"),
        last_reviewed=datetime.date(2026, 3, 4),
    )
    return term


def test_term_page_shows_its_sections_in_reading_order(client, microbiome):
    html = main_html(client.get(microbiome.url))
    landmarks = [
        '<h1 id="term-title">Gut microbiome</h1>',
        "The community of microbes that lives in the digestive tract.",
        '<h2 id="origin">Origin</h2>',
        "<i>mikros</i>",
        '<h2 id="mechanism">Mechanism</h2>',
        "short-chain fatty acids",
        "What the research shows",
        "Antibiotics disturb it",
        "Keep in mind",
        '<h2 id="sources">Sources</h2>',
        '<h2 id="related-terms">Related terms</h2>',
        '<h2 id="topics">Topics</h2>',
        "Medically reviewed by Dr Ana Ruiz, MD on",
        "Previous term",
        "Next term",
    ]
    positions = [html.index(text) for text in landmarks]
    assert positions == sorted(positions)


def test_definition_is_the_lead_and_synonyms_follow_it(client, microbiome):
    html = main_html(client.get(microbiome.url))
    assert 'class="glossary-term__definition">The community of microbes' in html
    assert 'Also called: <span lang="en">gut flora</span>' in html


def test_sources_are_an_ordered_list_of_formatted_citations(client, microbiome):
    html = main_html(client.get(microbiome.url))
    sources = html[html.index('<ol class="glossary-sources">') :]
    sources = sources[: sources.index("</ol>")]
    text = re.sub(r"<[^>]+>", "", sources).split()
    assert " ".join(text) == (
        "The gut microbiota in health and disease. Physiological Reviews (2010). "
        "DOI: 10.1152/physrev.00045.2009. PMID: 20664075."
    )
    assert 'href="https://doi.org/10.1152/physrev.00045.2009"' in sources
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/20664075/"' in sources


def test_related_terms_link_both_ways(client, microbiome):
    html = main_html(client.get(microbiome.url))
    assert '<a href="/glossary/dysbiosis/">Dysbiosis</a>' in html
    back = main_html(client.get("/glossary/dysbiosis/"))
    assert '<a href="/glossary/gut-microbiome/">Gut microbiome</a>' in back


def test_topics_link_to_the_filtered_index(client, microbiome):
    html = main_html(client.get(microbiome.url))
    assert '<a href="/glossary/?topic=mental-health#results">Mental health</a>' in html


def test_review_line_names_the_reviewer_and_the_date(client, microbiome):
    html = main_html(client.get(microbiome.url))
    assert (
        'Medically reviewed by Dr Ana Ruiz, MD on <time datetime="2026-03-04">'
        "4 March 2026</time>." in html
    )


def test_previous_and_next_terms_are_alphabetical_neighbours(client, microbiome):
    html = main_html(client.get(microbiome.url))
    assert 'href="/glossary/dysbiosis/" rel="prev"' in html
    assert 'href="/glossary/zonulin/" rel="next"' in html


def test_breadcrumb_leads_back_to_the_glossary(client, microbiome):
    html = main_html(client.get(microbiome.url))
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    assert '<a href="/glossary/">Glossary</a>' in crumbs
    assert '<span aria-current="page">Gut microbiome</span>' in crumbs


def test_a_term_without_optional_parts_leaves_their_headings_out(client, make_term):
    term = make_term("Zonulin")
    html = main_html(client.get(term.url))
    for absent in ["Sources", "Related terms", "Topics", "Medically reviewed"]:
        assert absent not in html


def test_plugin_stylesheet_is_linked_from_the_head(client, microbiome):
    html = client.get(microbiome.url).content.decode()
    head = html[: html.index("</head>")]
    assert '<link rel="stylesheet" href="/static/glossary/glossary.css">' in head


def test_definition_is_the_meta_description_unless_the_editor_wrote_one(
    client, microbiome
):
    html = client.get(microbiome.url).content.decode()
    assert (
        '<meta name="description" content="The community of microbes that lives '
        'in the digestive tract.">' in html
    )
    microbiome.search_description = "Your gut's microbes, explained."
    microbiome.save_revision().publish()
    html = client.get(microbiome.url).content.decode()
    assert 'content="Your gut&#x27;s microbes, explained."' in html
