"""Category names for people: records store varnames, screens show names."""

from collections.abc import Iterable, Mapping


def category_names(*, choosable_only=False) -> dict[str, str]:
    """Varname → the category's name as it is now, in the banner's order."""
    from cookie_consent.models import CookieGroup

    groups = CookieGroup.objects.all()
    if choosable_only:
        groups = groups.filter(is_required=False)
    return {
        varname: name or varname
        for varname, name in groups.values_list("varname", "name")
    }


def name_categories(varnames: Iterable[str], names: Mapping[str, str]) -> str:
    """ "Analytics, Marketing" for ["analytics", "marketing"]; a category deleted
    since the decision keeps its varname."""
    return ", ".join(names.get(varname, varname) for varname in varnames)
