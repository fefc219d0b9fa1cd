"""System check: declared cookies stored past validation (``update()``, raw SQL,
an older release) that break the rules of ``consent.cookie_names``."""

from django.core.checks import Warning
from django.db import DatabaseError

from .cookie_names import declaration_errors, name_errors


def check_declared_cookies(app_configs, databases=None, **kwargs):
    """A Warning per bad row, naming it by id and name.

    A Warning, not an Error: an Error would stop ``migrate`` and ``runserver``,
    and the cleaner never deletes a necessary cookie anyway.
    """
    from cookie_consent.models import Cookie

    try:
        rows = list(
            Cookie.objects.order_by("pk").values_list(
                "pk",
                "name",
                "cookiegroup__is_required",
                "cookiegroup__name",
            )
        )
    except DatabaseError:
        # No tables yet (before the first migrate): nothing is declared.
        return []
    # Each conflict is reported on the optional row: that is the one to change.
    required_rows = [
        (name, True, category)
        for _, name, required, category in rows
        if required and not name_errors(name)
    ]
    messages = []
    for pk, name, required, category in rows:
        others = [] if required else required_rows
        errors = declaration_errors(name, required=required, others=others)
        if errors:
            messages.append(
                Warning(
                    f"Declared cookie #{pk} {name!r} of the category {category!r}: "
                    f"{errors[0]}",
                    hint="Rename or delete it under Cookie consent › Categories.",
                    obj=f"cookie_consent.Cookie #{pk}",
                    id="consent.W001",
                )
            )
    return messages
