"""Automatic links as references in Wagtail's reference index.

A page model declares which of its fields the ``{% autolink_terms %}`` tag links::

    glossary_autolinks = AutolinkedTermsField(
        source="body", enabled_by="autolink_glossary"
    )

The field keeps the ids of the terms the source field links to, computed on every
full save (publishing saves the page) from the glossary as it is then, and it
declares them to Wagtail's reference index (``extract_references``). A term's
status panel ("Referenced 2 times") and its Usage listing therefore count the
articles that link to it. When the glossary changes, ``refresh_autolinked_terms``
recomputes every such field after the change commits.
"""

from django.apps import apps
from django.db import models, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue

from .html import LinkState


class AutolinkedTermsField(models.JSONField):
    """The ids of the glossary terms a page's ``source`` field links to, A–Z free."""

    def __init__(self, *args, source="body", enabled_by=None, **kwargs):
        self.source = source
        self.enabled_by = enabled_by
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault(
            "verbose_name",
            format_lazy(_("{source} (glossary auto-links)"), source=source),
        )
        kwargs.setdefault(
            "help_text",
            _("The glossary terms linked automatically in this field; set on save."),
        )
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        if self.enabled_by:
            kwargs["enabled_by"] = self.enabled_by
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        term_ids = self.linked_term_ids(model_instance)
        setattr(model_instance, self.attname, term_ids)
        return term_ids

    def linked_term_ids(self, instance) -> list[int]:
        """The terms the tag links in ``instance``'s source field, as it renders now."""
        from glossary.autolink import link_terms

        if self.enabled_by and not getattr(instance, self.enabled_by):
            return []
        state = LinkState()
        link_terms(_markup(getattr(instance, self.source)), instance, state)
        return sorted(state.linked_term_ids)

    def extract_references(self, value):
        from glossary.models import GlossaryTermPage

        for term_id in value or ():
            yield GlossaryTermPage, str(term_id), "", str(term_id)


def _markup(value) -> str:
    """The HTML the template renders for a field value (stream, rich text, text)."""
    if isinstance(value, StreamValue):
        # Rendered from a copy: rendering converts the page's own raw stream data
        # in place, which would change what the page saves in its revisions.
        value = value.stream_block.to_python(value.get_prep_value())
        return value.render_as_block()
    from wagtail.rich_text import expand_db_html

    return expand_db_html(value or "")


def autolinked_fields() -> list[AutolinkedTermsField]:
    """Every ``AutolinkedTermsField`` of the installed models."""
    return [
        field
        for model in apps.get_models()
        for field in model._meta.local_fields
        if isinstance(field, AutolinkedTermsField)
    ]


def refresh_autolinked_terms() -> None:
    """Recompute every page's auto-linked terms and their references.

    Runs after a change to the glossary commits: a term published, renamed or
    unpublished starts or stops being linked from pages saved before it. The
    pages that changed are announced (``glossary.signals.autolinks_changed``).
    """
    from wagtail.models import ReferenceIndex

    from glossary.signals import autolinks_changed

    changed = []
    for field in autolinked_fields():
        model = field.model
        for instance in model._default_manager.all().iterator():
            term_ids = field.linked_term_ids(instance)
            if term_ids == (getattr(instance, field.attname) or []):
                continue
            setattr(instance, field.attname, term_ids)
            with transaction.atomic():
                model._default_manager.filter(pk=instance.pk).update(
                    **{field.attname: term_ids}
                )
                ReferenceIndex.create_or_update_for_object(instance)
            changed.append(instance)
    if changed:
        autolinks_changed.send(sender=None, instances=changed)
