"""What differs between the Wagtail versions the plugin supports: 7.4 LTS and 8.0.

Wagtail 8.0 keeps one registry of permission policies that every admin view reads
(``wagtail.permissions.register_permission_policy``). Wagtail 7.4 has no registry:
each viewset carries its own ``permission_policy`` and hands it to its views, so
there the consent viewsets set theirs (see ``consent.viewsets``).
"""

try:
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4
    register_permission_policy = None

#: True where viewsets must carry the consent permission policies themselves.
VIEWSETS_CARRY_POLICIES = register_permission_policy is None

__all__ = ["VIEWSETS_CARRY_POLICIES", "register_permission_policy"]
