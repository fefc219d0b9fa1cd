"""Purge pages when what they show changes: the one place that reacts.

Wagtail's ``wagtail.contrib.frontend_cache`` app is not installed: its own
publish handler would purge each page a second time, before the commit. Its
``PurgeBatch`` and backends are used from here (``purge.py``).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from consent.signals import declarations_changed
from glossary.signals import autolinks_changed

from .purge import collect, frontend_cache_configured, purge
from .stale_urls import urls_for_change, urls_for_everything, urls_for_pages

DISPATCH_PREFIX = "site_caching."


def page_changed_handler(instance, **kwargs):
    # Wagtail unpublishes a live page before deleting it: that covers deletes.
    purge(lambda: urls_for_change(instance))


def page_saving_handler(instance, update_fields=None, **kwargs):
    # Publishing saves the whole page (a draft saves a few columns): what showed
    # the live version (its neighbours A–Z, the terms it relates to) is read now,
    # from the rows the publish replaces. The publish handler sends them.
    if update_fields is not None or not isinstance(instance, Page):
        return
    if instance.pk is None or not frontend_cache_configured():
        return
    before = type(instance).objects.filter(pk=instance.pk, live=True).first()
    if before is not None:
        collect(lambda: urls_for_change(before))


def page_moving_handler(instance, **kwargs):
    # Where the section was, and what showed it there (its old A–Z, neighbours).
    collect(lambda: urls_for_change(instance, subtree=True))


def page_moved_handler(instance, **kwargs):
    purge(lambda: urls_for_change(instance, subtree=True))


def privacy_changed_handler(instance, **kwargs):
    # Shown to some visitors only (or again to all): the section leaves (or joins)
    # every public page that listed it, as when it is unpublished.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None and page.live:
        purge(lambda: urls_for_change(page, subtree=True))


def autolinks_changed_handler(instances, **kwargs):
    purge(lambda: urls_for_pages(instances))


def declarations_changed_handler(**kwargs):
    # Every page embeds the consent categories and their versions.
    purge(urls_for_everything)


def register_signal_handlers():
    # Sent with the specific page class: no sender filter, every page type counts.
    for name, signal, handler in (
        ("publish", page_published, page_changed_handler),
        ("unpublish", page_unpublished, page_changed_handler),
        ("moving", pre_page_move, page_moving_handler),
        ("move", post_page_move, page_moved_handler),
        ("autolinks", autolinks_changed, autolinks_changed_handler),
        ("consent", declarations_changed, declarations_changed_handler),
    ):
        signal.connect(handler, dispatch_uid=f"{DISPATCH_PREFIX}{name}")
    # Every page type: a model signal cannot filter on a base class.
    pre_save.connect(page_saving_handler, dispatch_uid=f"{DISPATCH_PREFIX}saving")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            privacy_changed_handler,
            sender=PageViewRestriction,
            dispatch_uid=f"{DISPATCH_PREFIX}privacy.{name}",
        )
