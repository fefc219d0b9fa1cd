"""Keep the topics a translated page is tagged with in the page's own locale.

Wagtail's ``copy_for_translation`` and wagtail-localize copy a many-to-many
field's values as they are, so a German copy of a term starts out tagged with the
English topics. Two signal handlers (connected in ``signal_handlers``) move each
tag to the topic's translation in the page's locale where there is one:

- before a page (or any translatable model with a ``ParentalManyToManyField`` to
  ``Topic``) is saved;
- when a topic is translated, for the pages of that locale saved before.

A topic not translated yet stays as it is, so a German term about "Skin" still
shows "Skin" until a German "Haut" exists.
"""

from functools import cache

from django.db.models import ManyToManyField
from wagtail.models import TranslatableMixin


@cache
def topic_fields(model) -> tuple:
    """The many-to-many fields of a translatable ``model`` that point to topics."""
    from glossary.models import Topic

    if not issubclass(model, TranslatableMixin):
        return ()
    return tuple(
        field
        for field in model._meta.get_fields()
        if isinstance(field, ManyToManyField) and field.related_model is Topic
    )


def localize_topics_before_save(sender, instance, raw=False, update_fields=None, **kw):
    fields = topic_fields(sender)
    if not fields or raw or update_fields is not None or not instance.locale_id:
        return
    from glossary.models import Topic

    for field in fields:
        topics = list(getattr(instance, field.name).all())
        localized = Topic.objects.localized(topics, instance.locale_id)
        if [t.pk for t in localized] != [t.pk for t in topics]:
            # Two source topics never share a translation: no duplicates here.
            getattr(instance, field.name).set(localized)


def retag_with_new_translation(sender, instance, created=False, raw=False, **kw):
    """A topic just translated into a locale replaces its source on that locale's
    pages: one UPDATE and one DELETE per many-to-many field to topics."""
    if raw or not created:
        return
    from glossary.models import Topic

    siblings = Topic.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    )
    for related in Topic._meta.related_objects:
        if not related.many_to_many or not topic_fields(related.related_model):
            continue
        field, through = related.field, related.through
        page_column = field.m2m_field_name()
        topic_column = field.m2m_reverse_field_name()
        in_locale = related.related_model._base_manager.filter(
            locale_id=instance.locale_id
        ).values("pk")
        rows = through.objects.filter(
            **{f"{topic_column}__in": siblings, f"{page_column}__in": in_locale}
        )
        tagged_already = through.objects.filter(**{topic_column: instance}).values(
            page_column
        )
        rows.exclude(**{f"{page_column}__in": tagged_already}).update(
            **{topic_column: instance}
        )
        # Left: pages tagged with the translation already, keep that one tag.
        rows.delete()
