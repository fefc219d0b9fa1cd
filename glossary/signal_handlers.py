"""Rebuild the auto-link data when the terms, their privacy or the sites change."""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from glossary.autolink import invalidate_linker
from glossary.autolink.terms import bump_glossary_version
from glossary.locales import localize_topics_before_save, retag_with_new_translation
from glossary.models import GlossaryIndexPage, GlossaryTermPage, Topic

DISPATCH_PREFIX = "glossary.autolink."


def glossary_changed(**kwargs):
    invalidate_linker()


def topics_changed(**kwargs):
    bump_glossary_version()


def register_signal_handlers():
    # Translated pages are tagged with their own locale's topics.
    pre_save.connect(localize_topics_before_save, dispatch_uid="glossary.locales.pre")
    post_save.connect(
        retag_with_new_translation, sender=Topic, dispatch_uid="glossary.locales.topic"
    )
    # Publishing covers renames, synonym edits and the never_autolink switch, which
    # all reach visitors through a new revision; publishing the index can move
    # every term's URL.
    for model in (GlossaryTermPage, GlossaryIndexPage):
        page_published.connect(
            glossary_changed,
            sender=model,
            dispatch_uid=f"{DISPATCH_PREFIX}publish.{model.__name__}",
        )
    page_unpublished.connect(
        glossary_changed,
        sender=GlossaryTermPage,
        dispatch_uid=f"{DISPATCH_PREFIX}unpub",
    )
    post_delete.connect(
        glossary_changed, sender=GlossaryTermPage, dispatch_uid=f"{DISPATCH_PREFIX}del"
    )
    # Terms created or changed in code (a demo loader, a shell) never publish.
    post_save.connect(
        glossary_changed, sender=GlossaryTermPage, dispatch_uid=f"{DISPATCH_PREFIX}save"
    )
    # Any move can change a term's URL (moving an ancestor moves the terms too).
    post_page_move.connect(glossary_changed, dispatch_uid=f"{DISPATCH_PREFIX}move")
    # The A–Z lists show topic names and filter by topic (glossary.a_to_z).
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            topics_changed, sender=Topic, dispatch_uid=f"{DISPATCH_PREFIX}topic.{name}"
        )
    # Privacy settings decide which terms are public; sites decide their URLs.
    for model in (PageViewRestriction, Site):
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                glossary_changed,
                sender=model,
                dispatch_uid=f"{DISPATCH_PREFIX}{model.__name__}.{name}",
            )
