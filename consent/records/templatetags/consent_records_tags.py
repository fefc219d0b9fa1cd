from django import template

from ..api import consent_id_from_request

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_id(context) -> str:
    """The visitor's consent id, for them to quote; empty if they have none yet.

    Only for uncached pages such as /cookies/: the id differs per visitor.
    """
    request = context.get("request")
    if request is None:
        return ""
    parsed = consent_id_from_request(request)
    return str(parsed) if parsed else ""


@register.filter
def category_name(varname: str, names: dict) -> str:
    """The category's name as it is now (its varname if it was deleted)."""
    return names.get(varname, varname)
