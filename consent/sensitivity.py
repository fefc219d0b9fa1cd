"""The health-data shield: which pages are sensitive, and what scripts see of them.

A page takes part by duck typing, so that other apps (the glossary) need not
import the plugin:

- a field (or property) named ``sensitive``: True or False decides, None (or no
  such attribute) leaves it to the page type;
- the page type's default: ``CONSENT_SENSITIVE_PAGE_TYPES["app_label.modelname"]``,
  else the class attribute ``sensitive_by_default``, else False;
- optionally ``sensitive_path_name``: the placeholder of the page's own slug in
  the redacted address (``/glossary/[term]/``); the model name by default.

``SensitivePageMixin`` gives a host site's page models the field. A view that is
no page but tells what a reader looks for (a site search) puts a
``SensitiveView`` in its template context as ``consent_view``.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .conf import settings

FIELD = "sensitive"

SENSITIVE_HELP = _(
    "On a sensitive page, marketing scripts and embeds never load, whatever the "
    "visitor accepted; only scripts an operator marked “safe on sensitive pages” "
    "run, and they are told the page type instead of this page's title and "
    "address. Leave it on the default unless this page tells more, or less, "
    "about a reader's health than pages of its type."
)
SENSITIVE_CHOICES = [
    (None, _("Page type default")),
    (True, _("Sensitive")),
    (False, _("Not sensitive")),
]


def sensitive_field():
    """The ``sensitive`` field as the plugin documents it (null: the type's default)."""
    return models.BooleanField(
        _("sensitive (health data)"),
        null=True,
        blank=True,
        default=None,
        choices=SENSITIVE_CHOICES,
        help_text=SENSITIVE_HELP,
    )


class SensitivePageMixin(models.Model):
    """For a host site's page models: the ``sensitive`` field. Add
    ``FieldPanel("sensitive")`` to the page's ``settings_panels``."""

    sensitive = sensitive_field()
    sensitive_by_default = False

    class Meta:
        abstract = True


@dataclass(frozen=True)
class SensitiveView:
    """A view that is no page, shielded as a sensitive page: ``type`` and ``path``
    are what scripts are told instead of its title and address."""

    type: str
    path: str


def shielded(context):
    """What the shield judges in a template context: the view's own declaration
    (``consent_view``), else the page."""
    return context.get("consent_view") or context.get("page")


def type_default(model) -> bool:
    """Whether pages of ``model`` are sensitive unless an editor says otherwise."""
    chosen = settings.CONSENT_SENSITIVE_PAGE_TYPES
    label = model._meta.label_lower
    if label in chosen:
        return bool(chosen[label])
    return bool(getattr(model, "sensitive_by_default", False))


def is_sensitive(page) -> bool:
    """Whether ``page`` (a specific page, or None for a view that is no page) is
    sensitive."""
    if isinstance(page, SensitiveView):
        return True
    if page is None or not hasattr(page, "_meta"):
        return False
    marked = getattr(page, FIELD, None)
    if marked is not None:
        return bool(marked)
    return type_default(type(page))


def redacted_path(page, request=None) -> str:
    """The page's address with its own slug replaced: ``/glossary/[term]/``."""
    from urllib.parse import urlsplit

    path = urlsplit(page.get_url(request) or "/").path
    parent = path.rstrip("/").rpartition("/")[0]
    name = getattr(page, "sensitive_path_name", "") or page._meta.model_name
    return f"{parent}/[{name}]/"


def page_context(page, request=None) -> dict:
    """What the page tells the consent scripts about itself, the same for every
    visitor: ``{"sensitive": False}``, or the page type and redacted address."""
    if not is_sensitive(page):
        return {"sensitive": False}
    if isinstance(page, SensitiveView):
        return {"sensitive": True, "type": str(page.type), "path": page.path}
    return {
        "sensitive": True,
        "type": str(capfirst(page._meta.verbose_name)),
        "path": redacted_path(page, request),
    }


def blocked_on(page) -> set[str]:
    """Categories whose scripts and embeds ``page`` never runs."""
    if not is_sensitive(page):
        return set()
    return set(settings.CONSENT_SENSITIVE_BLOCKED_CATEGORIES)


def runs_on(script: dict, page) -> bool:
    """Whether a gated script (as ``declarations`` holds it) may run on ``page``."""
    if not is_sensitive(page):
        return True
    return script.get("safe", False) and script["category"] not in blocked_on(page)


def count_sensitive_pages() -> tuple[int, int]:
    """``(sensitive, live)``: how many live pages are sensitive, of how many.

    One query: each page type's rule becomes a condition on its own table,
    reached from ``Page`` through Wagtail's multi-table inheritance.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Count
    from wagtail.models import Page, get_page_models

    sensitive = Q(pk__in=[])
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        rule = Q(content_type=ContentType.objects.get_for_model(model))
        default = type_default(model)
        if FIELD in {f.name for f in model._meta.concrete_fields}:
            path = f"{_path_from_page(model, Page)}__{FIELD}"
            marked = Q(**{path: True})
            if default:
                marked |= Q(**{f"{path}__isnull": True})
            sensitive |= rule & marked
        elif default:
            sensitive |= rule
    counts = (
        Page.objects.live()
        .filter(depth__gt=1)  # not the tree's root
        .aggregate(live=Count("pk"), sensitive=Count("pk", filter=sensitive))
    )
    return counts["sensitive"], counts["live"]


def _path_from_page(model, page_model) -> str:
    """The lookup from ``Page`` to ``model``'s table: ``glossarytermpage``."""
    names = []
    while model is not page_model:
        names.append(model._meta.model_name)
        model = next(p for p in model._meta.parents if issubclass(p, page_model))
    return "__".join(reversed(names))
