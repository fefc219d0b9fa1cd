"""Who sees the review report and the dashboard panel: editors of pages and
clinical reviewers."""

from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Reviewer


def may_see_reviews(user) -> bool:
    if not user.is_active or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if PagePermissionPolicy().user_has_any_permission(user, {"add", "change"}):
        return True
    return Reviewer.objects.filter(user=user).exists()
