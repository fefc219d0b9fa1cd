"""Template tag that links glossary terms inside rendered HTML.

Usage::

    {% load glossary_autolink %}
    {% autolink_terms page %}{% include_block page.body %}{% endautolink_terms %}

The first occurrence of each term on the page becomes a link to the term carrying
its definition; the popover's stylesheet and script are added once, and only when
something was linked. Several tags on one page share what they linked through the
request, so a term is linked once per page, not once per tag.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from glossary.autolink import LinkState, link_terms

register = template.Library()

STATE_ATTRIBUTE = "_glossary_autolink_state"
ASSETS_ATTRIBUTE = "_glossary_autolink_assets_added"


class AutolinkNode(template.Node):
    def __init__(self, nodelist, page_expr):
        self.nodelist = nodelist
        self.page_expr = page_expr

    def render(self, context):
        markup = self.nodelist.render(context)
        page = self.page_expr.resolve(context, ignore_failures=True)
        request = context.get("request")
        state = _page_state(request)
        linked, count = link_terms(markup, page, state)
        if not count:
            return markup
        return mark_safe(linked + _assets_once(request))


def _page_state(request):
    if request is None:
        return LinkState()
    state = getattr(request, STATE_ATTRIBUTE, None)
    if state is None:
        state = LinkState()
        setattr(request, STATE_ATTRIBUTE, state)
    return state


def _assets_once(request):
    if request is not None:
        if getattr(request, ASSETS_ATTRIBUTE, False):
            return ""
        setattr(request, ASSETS_ATTRIBUTE, True)
    # The script reads the popover's words from its own tag: they are translated here.
    return format_html(
        '<link rel="stylesheet" href="{}">'
        '<script defer src="{}" data-full-entry="{}"></script>',
        static("glossary/autolink.css"),
        static("glossary/autolink.js"),
        gettext("Read the full entry"),
    )


@register.tag("autolink_terms")
def autolink_terms(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            "{% autolink_terms page %} takes the page being rendered."
        )
    nodelist = parser.parse(("endautolink_terms",))
    parser.delete_first_token()
    return AutolinkNode(nodelist, parser.compile_filter(bits[1]))
