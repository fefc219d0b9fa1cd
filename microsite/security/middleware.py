"""Security headers the site sends with every response."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

from . import csp


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.ADMIN_PATH_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict public one and the admin's.

    Public pages get ``CONTENT_SECURITY_POLICY`` plus the hashes of the site's
    inline code and the hosts of the gated scripts. Wagtail's admin (and its
    previews, rendered under ``/admin/``) writes inline scripts and styles, so
    ``ADMIN_PATH_PREFIXES`` and previews get ``ADMIN_CONTENT_SECURITY_POLICY``.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        # Wagtail renders a preview through the whole middleware stack with a
        # dummy request for the page's public path; it is shown in the admin.
        if is_admin_path(request.path_info) or getattr(request, "is_dummy", False):
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        update = csp.public_additions()
        for directive, sources in (parts.update or {}).items():
            update[directive] = [*update.get(directive, []), *sources]
        parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """``Permissions-Policy``: browser features no page of this site uses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
