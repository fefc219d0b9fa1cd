import datetime
import json
import re

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from microsite.articles.models import ArticlePage, ArticleRelatedArticle, ArticleSource
from tests.glossary.factories import ReviewerFactory

from .factories import TopicFactory, sample_body

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_of(html: str) -> dict:
    [data] = JSON_LD.findall(html)
    return json.loads(data)


@pytest.fixture
def reviewer(db):
    return ReviewerFactory(name="Priya Shah", credentials="Registered dietitian")


@pytest.fixture
def article(make_article, reviewer):
    page = make_article(
        title="Fibre and your gut",
        clinical_reviewer=reviewer,
        last_reviewed=datetime.date(2025, 5, 2),
        topics=[TopicFactory(name="Nutrition")],
    )
    page.sources = [
        ArticleSource(
            title="From dietary fiber to host physiology",
            publisher="Cell",
            year=2016,
            doi="10.1016/j.cell.2016.05.041",
        ),
        ArticleSource(title="A report with no link", publisher="NHS"),
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_article_ends_with_about_the_author(client, article):
    html = client.get(article.url).content.decode()

    assert "About Dr Ruth Okafor" in html
    assert "Ruth writes about the microbiome and immunity." in html
    assert html.index("About Dr Ruth Okafor") > html.index("Not medical advice")


def test_an_author_without_a_bio_gets_no_empty_paragraph(client, make_article, author):
    # Authors created by import_articles start with no bio.
    author.bio = ""
    author.full_clean()
    author.save()

    html = client.get(make_article().url).content.decode()

    box = html[html.index('class="author-box"') :]
    box = box[: box.index("</section>")]
    assert "About Dr Ruth Okafor" in box
    assert "<p></p>" not in box


def test_article_lists_its_sources_with_links(client, article):
    html = client.get(article.url).content.decode()

    sources = html[html.index('id="sources-heading"') :]
    assert (
        '<a href="https://doi.org/10.1016/j.cell.2016.05.041">'
        "From dietary fiber to host physiology</a>"
    ) in sources
    assert "A report with no link" in sources


def test_article_shows_key_takeaways_and_disclaimer(client, article):
    html = client.get(article.url).content.decode()

    assert '<section class="key-takeaways">' in html
    assert "<li>Most gut bacteria live in the colon.</li>" in html
    assert 'class="callout callout--disclaimer" role="note"' in html


def test_article_names_its_medical_reviewer_and_review_date(client, article):
    html = client.get(article.url).content.decode()

    assert "Medically reviewed by Priya Shah, Registered dietitian" in html
    assert '<time datetime="2025-05-02">2 May 2025</time>' in html


def test_json_ld_describes_the_article_for_search_engines(client, article):
    data = json_ld_of(client.get(article.url).content.decode())

    assert data["@type"] == "MedicalWebPage"
    assert data["headline"] == "Fibre and your gut"
    assert data["author"] == {
        "@type": "Person",
        "name": "Dr Ruth Okafor",
        "jobTitle": "Science writer",
    }
    assert data["reviewedBy"]["name"] == "Priya Shah"
    assert data["datePublished"] == "2025-03-01"
    assert data["lastReviewed"] == "2025-05-02"
    assert data["dateModified"] == article.last_published_at.date().isoformat()
    assert data["citation"][0]["identifier"] == (
        "https://doi.org/10.1016/j.cell.2016.05.041"
    )
    assert [topic["name"] for topic in data["about"]] == ["Nutrition"]


def test_a_title_with_a_closing_script_tag_cannot_break_out_of_the_json_ld(
    client, make_article
):
    title = 'Gut bacteria </script><script>alert("x")</script> & you'
    page = make_article(title=title, slug="script-title")

    html = client.get(page.url).content.decode()

    assert '<script>alert("x")' not in html
    assert json_ld_of(html)["headline"] == title


def test_hero_image_is_served_as_responsive_picture(
    client, make_article, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    image = wagtail_factories.ImageFactory(
        title="Bowl of oats", description="Oats", file__width=1600, file__height=900
    )
    page = make_article(hero_image=image)

    html = client.get(page.url).content.decode()

    assert "<picture>" in html
    assert 'type="image/webp"' in html
    assert "width-1200.webp 1200w" in html
    assert json_ld_of(html)["image"].startswith("http://testserver/")
    assert json_ld_of(html)["image"].endswith(".fill-1200x630.jpg")
    assert 'alt="Oats"' in html


def test_related_articles_show_only_live_ones(client, make_article, article):
    draft = make_article(title="Unpublished draft", live=False)
    live = make_article(title="Probiotics explained")
    article.related_article_links = [
        ArticleRelatedArticle(article=live),
        ArticleRelatedArticle(article=draft),
    ]
    article.save_revision().publish()

    html = client.get(article.url).content.decode()

    assert "Probiotics explained" in html
    assert "Unpublished draft" not in html


def test_body_is_wrapped_in_glossary_autolinking_only_when_enabled(
    client, make_article, monkeypatch
):
    from glossary.templatetags import glossary_autolink

    seen = []
    original = glossary_autolink.AutolinkNode.render

    def spy(node, context):
        seen.append(context["page"].slug)
        return original(node, context)

    monkeypatch.setattr(glossary_autolink.AutolinkNode, "render", spy)
    linked = make_article(slug="linked")
    unlinked = make_article(slug="unlinked", autolink_glossary=False)

    client.get(linked.url)
    client.get(unlinked.url)

    assert seen == ["linked"]


def test_article_page_stays_within_its_query_budget(
    client, uncached_pages, article, django_assert_max_num_queries
):
    client.get(article.url)  # warm Wagtail's site-root cache, as in production

    # Measured: 14: Wagtail's site lookup, route and view restrictions, the
    # footer setting and the article's own queries.
    with django_assert_max_num_queries(14):
        response = client.get(article.url)

    assert response.status_code == 200


def test_article_query_count_does_not_grow_with_sources(
    client, uncached_pages, article
):
    client.get(article.url)
    with CaptureQueriesContext(connection) as before:
        client.get(article.url)
    article.sources = list(article.sources.all()) + [
        ArticleSource(title=f"Extra source {n}", year=2020) for n in range(8)
    ]
    article.save_revision().publish()

    with CaptureQueriesContext(connection) as after:
        client.get(article.url)

    assert len(after) == len(before)


def test_preview_of_a_new_article_shows_its_unsaved_related_articles(
    make_article, article_index, author
):
    related = make_article(title="Probiotics explained")
    make_article(title="An article nobody chose")
    page = ArticlePage(
        title="Draft being previewed",
        intro="Not saved yet.",
        author=author,
        body=sample_body(),
    )
    # As Wagtail's "preview on create" does: a realistic tree position, no pk.
    page.depth = article_index.depth + 1
    page.path = article_index.get_last_child()._inc_path()
    page.related_article_links = [ArticleRelatedArticle(article=related)]

    response = page.make_preview_request()

    html = response.content.decode()
    assert response.status_code == 200
    assert "Probiotics explained" in html
    assert "An article nobody chose" not in html


def test_author_photo_shows_in_the_author_box(
    client, make_article, author, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    author.photo = wagtail_factories.ImageFactory(file__width=400, file__height=400)
    author.save()
    article = make_article()

    html = client.get(article.url).content.decode()

    assert 'class="author-box__photo"' in html


def test_body_image_block_renders_a_picture_with_alt_text(
    client, make_article, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    image = wagtail_factories.ImageFactory(file__width=1200, file__height=800)
    article = make_article(
        body=[
            (
                "image",
                {
                    "image": {"image": image, "alt_text": "A bowl of lentils"},
                    "caption": "Pulses are rich in fibre.",
                },
            )
        ]
    )

    html = client.get(article.url).content.decode()

    assert 'alt="A bowl of lentils"' in html
    assert "<figcaption>Pulses are rich in fibre.</figcaption>" in html
    assert "width-800.webp 800w" in html
