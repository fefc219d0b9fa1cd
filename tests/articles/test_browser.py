"""An article and the article list in a real Chromium: they render, log no errors
and load their stylesheet."""

from pathlib import Path

import axe_playwright_python
import pytest
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from microsite.articles.models import ArticleSource

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    AuthorFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live_article(live_server):
    """live_server flushes the database, root page included: build what we need."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.get_children().filter(slug="home").first() or root.add_child(
        instance=Page(title="Home", slug="home", locale=locale)
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Test"},
    )
    index = ArticleIndexPageFactory(parent=home, locale=locale)
    article = ArticlePageFactory(
        parent=index,
        locale=locale,
        title="Gut bacteria </script> and you",
        slug="gut-bacteria",
        author=AuthorFactory(name="Dr Eleanor Hart"),
        topics=[TopicFactory(name="Immunity")],
    )
    article.sources = [ArticleSource(title="A real review", year=2020)]
    article.save_revision().publish()
    return article


def test_article_renders_in_chromium_without_console_errors(
    page, live_server, live_article
):
    page.goto(f"{live_server.url}/articles/")
    page.get_by_role("link", name="Gut bacteria </script> and you").click()
    page.wait_for_url(f"{live_server.url}/articles/gut-bacteria/")

    assert page.locator("h1").text_content() == "Gut bacteria </script> and you"
    assert page.get_by_role("heading", name="About Dr Eleanor Hart").is_visible()
    assert page.get_by_role("heading", name="Key takeaways").is_visible()
    assert page.get_by_role("heading", name="Sources").is_visible()
    json_ld = page.locator('script[type="application/ld+json"]').text_content()
    assert page.evaluate("text => JSON.parse(text).headline", json_ld) == (
        "Gut bacteria </script> and you"
    )
    assert (
        page.locator(".key-takeaways").evaluate(
            "box => getComputedStyle(box).borderLeftStyle"
        )
        == "solid"
    ), "articles.css is served and applied"
    assert page.errors == []


def test_topic_filter_works_from_the_article_list(page, live_server, live_article):
    page.goto(f"{live_server.url}/articles/")
    page.get_by_role("navigation", name="Filter articles by topic").get_by_role(
        "link", name="Immunity"
    ).click()

    page.wait_for_url(f"{live_server.url}/articles/?topic=immunity")
    assert page.locator(".article-card__title").all_text_contents() == [
        "Gut bacteria </script> and you"
    ]
    assert page.errors == []


AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe_page(browser):
    """A page that may inject axe-core: the site's CSP rightly blocks it otherwise."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "address",
    [
        "/articles/",
        "/articles/?topic=immunity",
        "/articles/?page=9",
        "/articles/gut-bacteria/",
    ],
)
def test_article_pages_pass_axe_wcag_aa(axe_page, live_server, live_article, address):
    axe_page.goto(f"{live_server.url}{address}")
    axe_page.add_script_tag(path=str(AXE_JS))
    result = axe_page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
    ]
    assert violations == []
