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
    # sitemap protocol allows 50,000). Its time is mostly Django's template
    # writing each entry (about 0.1 ms): 250 keep a page of a 10,000-term
    # glossary within twice the time of a 100-term glossary's only page.
    "GLOSSARY_SITEMAP_LIMIT": 250,
    # The page types a glossary may be created under, as "app_label.ModelName"
    # strings (Wagtail's ``parent_page_types``); None allows any page but the tree
    # root. A site names its home page type here.
    "GLOSSARY_INDEX_PARENT_PAGE_TYPES": None,
    # The cache alias holding the auto-link data, and for how long (seconds).
    "GLOSSARY_AUTOLINK_CACHE": "default",
    "GLOSSARY_AUTOLINK_CACHE_TIMEOUT": 24 * 60 * 60,
    # Largest file the importers read, in bytes; a larger file is refused unread.
    "GLOSSARY_IMPORT_MAX_FILE_BYTES": 1024 * 1024,
    # Clinical review (glossary.review, docs/glossary.md "Clinical review").
    # Months between two reviews, per page type ("app_label.ModelName"); a
    # reviewable page type not named here uses the default.
    "GLOSSARY_REVIEW_INTERVAL_MONTHS": {"glossary.GlossaryTermPage": 36},
    "GLOSSARY_REVIEW_DEFAULT_INTERVAL_MONTHS": 36,
    # The dashboard lists pages falling due within this many days.
    "GLOSSARY_REVIEW_DUE_SOON_DAYS": 30,
    # Reviewers are reminded of pages falling due within this many days.
    "GLOSSARY_REVIEW_REMINDER_DAYS": 30,
    # The workflow reviewable pages go through when no workflow is assigned to
    # them in Settings > Workflows (its name); None: only assigned workflows.
    "GLOSSARY_REVIEW_WORKFLOW": "Clinical review",
}


def get_setting(name: str):
    """The project's value for ``name``, or the plugin default."""
    return getattr(settings, name, DEFAULTS[name])
