from wagtail.permission_policies import ModelPermissionPolicy


class GatedScriptPermissionPolicy(ModelPermissionPolicy):
    """Every action on gated scripts needs ``consent.manage_gated_scripts``.

    Scripts run in visitors' browsers, so the ordinary snippet permissions an
    editors' group holds are not enough.
    """

    codename = "manage_gated_scripts"

    def _get_permission_codename(self, action):
        return self.codename
