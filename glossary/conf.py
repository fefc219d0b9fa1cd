"""The glossary's settings, each prefixed ``GLOSSARY_`` and with a default.

Override any of them in the project's settings module::

    GLOSSARY_TERMS_PER_PAGE = 50
    GLOSSARY_BASE_TEMPLATE = "layouts/plain.html"
"""

from django.conf import settings

DEFAULTS = {
    # How many terms one page of the A–Z list shows.
    "GLOSSARY_TERMS_PER_PAGE": 100,
    # The layout the plugin's templates extend; it must define the blocks
    # ``extra_head``, ``body_class`` and ``content``.
    "GLOSSARY_BASE_TEMPLATE": "base.html",
    # Longest search query the glossary accepts, in characters.
    "GLOSSARY_SEARCH_MAX_LENGTH": 200,
    # How many terms one page of the glossary's sitemap section lists (the
    # sitemap protocol allows 50,000; fewer keep each response fast).
    "GLOSSARY_SITEMAP_LIMIT": 2000,
    # The page types a glossary may be created under, as "app_label.ModelName"
    # strings (Wagtail's ``parent_page_types``); None allows any page but the tree
    # root. A site names its home page type here.
    "GLOSSARY_INDEX_PARENT_PAGE_TYPES": None,
    # The cache alias holding the auto-link data, and for how long (seconds).
    "GLOSSARY_AUTOLINK_CACHE": "default",
    "GLOSSARY_AUTOLINK_CACHE_TIMEOUT": 24 * 60 * 60,
    # Largest file the importers read, in bytes; a larger file is refused unread.
    "GLOSSARY_IMPORT_MAX_FILE_BYTES": 1024 * 1024,
}


def get_setting(name: str):
    """The project's value for ``name``, or the plugin default."""
    return getattr(settings, name, DEFAULTS[name])
