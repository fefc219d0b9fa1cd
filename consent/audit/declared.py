"""The declarations the audit checks against, read from the database."""

from cookie_consent.models import Cookie, CookieGroup

from .classify import COOKIE, Declaration


def load_declarations() -> tuple[list[Declaration], bool]:
    """Every declared cookie and storage key, and whether any category is optional.

    Read directly (not from the plugin's cache), so an audit right after an edit
    in the admin checks the declarations as they are now.
    """
    cookies = Cookie.objects.select_related("cookiegroup", "details").order_by("pk")
    declarations = [
        Declaration(
            name=cookie.name,
            category=cookie.cookiegroup.varname,
            required=cookie.cookiegroup.is_required,
            storage=getattr(getattr(cookie, "details", None), "storage", COOKIE),
            domain=cookie.domain or "",
        )
        for cookie in cookies
    ]
    has_optional = CookieGroup.objects.filter(is_required=False).exists()
    return declarations, has_optional
