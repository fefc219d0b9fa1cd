"""Who sees the review report and the dashboard panel: whoever may add, change or
publish pages, which includes the clinical reviewers (their group may publish)."""

from wagtail.permission_policies.pages import PagePermissionPolicy


def may_see_reviews(user) -> bool:
    if not user.is_active or not user.is_authenticated:
        return False
    # Wagtail keeps the user's page permissions for the request: the menu, the
    # dashboard and the report ask without a query of their own.
    return PagePermissionPolicy().user_has_any_permission(
        user, {"add", "change", "publish"}
    )
