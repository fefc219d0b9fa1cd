import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from consent.models import BannerSettings
from microsite.caching.purge import waiting_urls
from tests.articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    AuthorFactory,
)
from tests.glossary.conftest import (  # noqa: F401 (fixtures)
    glossary_index,
    make_term,
    make_topic,
)

from . import recording_backend


@pytest.fixture(autouse=True)
def banner_settings(site_root):  # noqa: F811
    """Saved banner settings, as on a site an editor has set up (a page view never
    saves them: a save counts as a change of declarations and purges the cache)."""
    return BannerSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def article_index(site_root):  # noqa: F811
    return ArticleIndexPageFactory(parent=site_root)


@pytest.fixture
def make_article(article_index):
    author = AuthorFactory()

    def make(body_text="Fibre feeds the bacteria in the colon.", **fields):
        fields.setdefault("body", [("paragraph", f"<p>{body_text}</p>")])
        return ArticlePageFactory(parent=article_index, author=author, **fields)

    return make


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "a-long-password"
    )


@pytest.fixture
def frontend_purges(settings):
    """Purges sent to the frontend cache (proxy or CDN) during the test."""
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.caching.recording_backend.RecordingBackend"}
    }
    recording_backend.PURGED.clear()
    # URLs a test left waiting for a commit that never came are not the next's.
    waiting_urls().clear()
    yield recording_backend.PURGED
    recording_backend.PURGED.clear()
    waiting_urls().clear()
