from wagtail.permission_policies import ModelPermissionPolicy

MANAGE_CATEGORIES = "consent.manage_cookie_categories"


class GatedScriptPermissionPolicy(ModelPermissionPolicy):
    """Every action on gated scripts needs ``consent.manage_gated_scripts``.

    Scripts run in visitors' browsers, so the ordinary snippet permissions an
    editors' group holds are not enough.
    """

    codename = "manage_gated_scripts"

    def user_has_permission(self, user, action):
        return user.has_perm(f"{self.app_label}.{self.codename}")

    def _get_permission_codenames(self, actions):
        # For users_with_permission() and the like. Wagtail 8.0 also derives this
        # from _get_permission_codename(action), a hook that 7.4 lacks.
        return {self.codename}


class CategoryPermissionPolicy(ModelPermissionPolicy):
    """Rewording a category needs ``change_cookiegroup``; changing what categories
    do needs ``consent.manage_cookie_categories`` as well.

    Adding, copying, deleting and reordering categories are such changes; so are
    the behaviour fields of the category form (see CategoryViewSet).
    """

    behaviour_actions = {"add": "add", "delete": "delete", "reorder": "change"}

    def user_has_permission(self, user, action):
        if action in self.behaviour_actions:
            return user.has_perm(MANAGE_CATEGORIES) and super().user_has_permission(
                user, self.behaviour_actions[action]
            )
        return super().user_has_permission(user, action)
