"""Purge pages when what they show changes."""

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from consent.signals import declarations_changed
from glossary.models import GlossaryTermPage

from .purge import purge
from .stale_urls import previously_published_names, urls_for_change, urls_for_everything

DISPATCH_PREFIX = "site_caching."


def page_published_handler(instance, revision=None, **kwargs):
    previous_names = ()
    if isinstance(instance, GlossaryTermPage):
        previous_names = previously_published_names(instance, revision)
    purge(lambda: urls_for_change(instance, previous_names=previous_names))


def page_changed_handler(instance, **kwargs):
    purge(lambda: urls_for_change(instance))


def page_moved_handler(instance, url_path_before=None, url_path_after=None, **kwargs):
    purge(lambda: urls_for_change(instance, url_path_before=url_path_before))


def declarations_changed_handler(**kwargs):
    # Every page embeds the consent categories and their versions.
    purge(urls_for_everything)


def register_signal_handlers():
    # Sent with the specific page class: no sender filter, every page type counts.
    page_published.connect(
        page_published_handler, dispatch_uid=f"{DISPATCH_PREFIX}publish"
    )
    page_unpublished.connect(
        page_changed_handler, dispatch_uid=f"{DISPATCH_PREFIX}unpublish"
    )
    post_page_move.connect(page_moved_handler, dispatch_uid=f"{DISPATCH_PREFIX}move")
    # Deleting a page deletes its Page row once, whatever its type. pre_delete, not
    # post_delete: the URLs are worked out while the page's rows still exist; the
    # purge itself waits for the commit.
    pre_delete.connect(
        page_changed_handler, sender=Page, dispatch_uid=f"{DISPATCH_PREFIX}delete"
    )
    declarations_changed.connect(
        declarations_changed_handler, dispatch_uid=f"{DISPATCH_PREFIX}consent"
    )
