"""Which public URLs a change to a page makes stale, for proxies and CDNs.

The application cache does not need this (it bumps its generation, see
``keys.py``); nginx, Varnish and CDNs purge URL by URL, so this module lists the
URLs whose bytes may have changed. For the page, and for a move or a privacy
change for every live page below it too (a move is seen before and after):

- its own URLs (Wagtail's ``get_cached_paths``);
- the pages that show it, as Wagtail's reference index knows them (links,
  related items, features, glossary auto-links);
- what the page declares itself: ``get_dependent_pages()`` and
  ``get_dependent_urls()`` (docs/architecture.md, "What else shows a page");
- its ancestors up to the home page, which list it, and the sitemap pages
  that list it (``microsite.sitemaps``).

No page type is named here: a page type with dependants declares them.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex

from microsite.sitemaps import sitemap_urls_listing


def urls_for_change(page, *, subtree=False) -> set[str]:
    """Every URL whose content may change when ``page`` (with ``subtree``, every
    live page below it too) is published, unpublished, moved or made private."""
    page = page.specific_deferred
    shown = [page]
    if subtree:
        shown += Page.objects.descendant_of(page).live().specific(defer=True)
    stale = PurgeBatch()
    for each in shown:
        stale.add_page(each)
        stale.add_pages(pages_referencing(each))
        stale.add_pages(getattr(each, "get_dependent_pages", tuple)())
        stale.add_urls(getattr(each, "get_dependent_urls", tuple)())
    stale.add_pages(Page.objects.ancestor_of(page).filter(depth__gt=1).specific())
    stale.add_urls(sitemap_urls_listing(page))
    return stale.urls


def urls_for_pages(pages) -> set[str]:
    stale = PurgeBatch()
    stale.add_pages(pages)
    return stale.urls


def urls_for_everything() -> set[str]:
    """Every public page and sitemap: for changes every page embeds (consent)."""
    stale = PurgeBatch()
    stale.add_pages(Page.objects.live().public().filter(depth__gt=1).specific())
    stale.add_urls(sitemap_urls_listing())
    return stale.urls


def pages_referencing(page):
    """Live pages whose content refers to ``page`` (Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(page).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(pk) for pk in references.values_list("object_id", flat=True)}
    return Page.objects.live().filter(pk__in=ids).specific(defer=True)
