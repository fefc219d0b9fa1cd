"""The consent admin's permission policies, one instance per model.

Registered with Wagtail in ``wagtail_hooks`` (8.0), or set on the viewsets that
show the model (7.4, see ``consent.compat``); either way every admin view of the
model asks the same instance.
"""

from cookie_consent.models import CookieGroup

from .models import GatedScript
from .permissions import CategoryPermissionPolicy, GatedScriptPermissionPolicy

gated_script_policy = GatedScriptPermissionPolicy(GatedScript)
category_policy = CategoryPermissionPolicy(CookieGroup)
