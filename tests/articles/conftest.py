import pytest
from wagtail.models import Site

from .factories import ArticleIndexPageFactory, ArticlePageFactory, AuthorFactory


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def article_index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def author(db):
    return AuthorFactory(
        name="Dr Ruth Okafor",
        role="Science writer",
        bio="Ruth writes about the microbiome and immunity.",
    )


@pytest.fixture
def make_article(article_index, author):
    def make(**fields):
        fields.setdefault("author", author)
        return ArticlePageFactory(parent=article_index, **fields)

    return make


@pytest.fixture
def uncached_pages(settings):
    """Query budgets measure rendering: keep the site's page cache out of the way."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def write(tmp_path):
    """Write a UTF-8 text file into tmp_path and return its path."""

    def write_file(name, text):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write_file
