"""Template tags for the glossary's own templates.

``{% json_ld data %}`` writes a ``<script type="application/ld+json">`` element.
It escapes ``<``, ``>`` and ``&`` exactly like Django's ``json_script``, so a value
containing ``</script>`` cannot end the element early.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
}


@register.simple_tag
def json_ld(data):
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )
