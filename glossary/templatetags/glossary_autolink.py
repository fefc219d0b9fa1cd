"""Template tag that links glossary terms inside rendered HTML.

Usage::

    {% load glossary_autolink %}
    {% autolink_terms current_page %}{% include_block page.body %}{% endautolink_terms %}

The first implementation passes the HTML through unchanged; the matcher replaces it.
"""

from django import template

register = template.Library()


class AutolinkNode(template.Node):
    def __init__(self, nodelist, page_expr):
        self.nodelist = nodelist
        self.page_expr = page_expr

    def render(self, context):
        return self.nodelist.render(context)


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
