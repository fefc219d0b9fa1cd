"""Small template helpers for the site's layout (no database queries)."""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def site_name() -> str:
    return settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def nav_current(context, prefix: str) -> str:
    """`aria-current` for a navigation link whose section the reader is in."""
    request = context.get("request")
    path = getattr(request, "path", "")
    if path == prefix:
        return mark_safe('aria-current="page"')
    if path.startswith(prefix):
        return mark_safe('aria-current="true"')
    return ""
