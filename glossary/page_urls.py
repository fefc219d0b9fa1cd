"""Pages' public URLs from their ``url_path``, as Wagtail's ``get_url_parts`` gives.

Wagtail builds a page's URL from the page object (``Page.get_url_parts``), and
that is how every page URL is built, except where the glossary needs the URLs
of thousands of terms at once (the auto-link data, the sitemap): building
10,000 page objects and reversing 10,000 URLs takes seconds. For those, and only
for a model that keeps Wagtail's own URL rules, this module gives the same URLs
from the ``url_path`` column with one reverse per language: it is the one copy
of those rules in the project, checked against Wagtail's own by
tests/autolink/test_cache.py and tests/site/test_sitemap.py.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Site

# The characters Django's reverse() leaves unquoted in a URL path.
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


class PageUrls:
    """URLs of pages given by ``url_path``, under ``Site.get_site_root_paths()``
    (read once: make one per batch of URLs)."""

    def __init__(self):
        self.roots = Site.get_site_root_paths()
        self.several_sites = len({root.site_id for root in self.roots}) > 1
        self.prefixes = {}

    def parts(self, url_path: str, preferred_site_id=None):
        """``(root, path)`` as ``Page.get_url_parts`` picks them, or None when no
        site holds the page: a page under several sites gets the preferred site
        (the request's) if it is one of them, else the most specific."""
        possible = [root for root in self.roots if url_path.startswith(root.root_path)]
        if not possible:
            return None
        chosen = possible[0]
        if len({root.site_id for root in possible}) > 1:
            chosen = next(
                (root for root in possible if root.site_id == preferred_site_id),
                chosen,
            )
        path = self.prefix(chosen.language_code) + quote(
            url_path[len(chosen.root_path) :], safe=URL_SAFE
        )
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        return chosen, path

    def full_url(self, url_path: str, preferred_site_id=None) -> str | None:
        parts = self.parts(url_path, preferred_site_id)
        return parts[0].root_url + parts[1] if parts else None

    def url(self, url_path: str) -> str | None:
        """Relative when one site serves everything, as ``Page.url`` gives."""
        parts = self.parts(url_path)
        if parts is None:
            return None
        root, path = parts
        return root.root_url + path if self.several_sites else path

    def prefix(self, language_code) -> str:
        """The path Wagtail's page view is mounted at. Under
        ``WAGTAIL_I18N_ENABLED`` Wagtail reverses a page's URL in its root's
        language, so ``i18n_patterns`` add the language prefix ("/de/")."""
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            language_code = None
        if language_code not in self.prefixes:
            with translation.override(language_code or translation.get_language()):
                self.prefixes[language_code] = reverse("wagtail_serve", args=("",))
        return self.prefixes[language_code]
