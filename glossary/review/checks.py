"""A Wagtail content check: "Clinical review overdue", in the editor's Checks
panel and the userbar of previews and live pages.

Wagtail's content checker runs axe-core rules over the rendered page. The review
line marks an overdue page with ``data-clinical-review="overdue"``; this rule
fails on that mark through axe's built-in ``has-visible-text`` check, which the
line always passes (axe's ``exists`` check only asks for a manual review), so no
JavaScript of our own runs in the checker.
"""

from django.utils.translation import gettext_lazy as _

try:  # Wagtail 7.1+
    from wagtail.admin.userbar import ContentCheckerItem
except ImportError:  # pragma: no cover
    from wagtail.admin.userbar import AccessibilityItem as ContentCheckerItem

RULE_ID = "clinical-review-overdue"
RULE = {
    "id": RULE_ID,
    "impact": "serious",
    "selector": '[data-clinical-review="overdue"]',
    "tags": ["best-practice"],
    "any": [],
    "all": [],
    "none": ["has-visible-text"],
    "enabled": True,
}
MESSAGE = {
    "error_name": _("Clinical review overdue"),
    "help_text": _("Submit the page for clinical review"),
}


def add_overdue_review_check(request, items, page=None):
    """``construct_wagtail_userbar`` hook: add the rule to the content checker."""
    for item in items:
        if not isinstance(item, ContentCheckerItem):
            continue
        item.axe_custom_rules = [*item.get_axe_custom_rules(request), RULE]
        run_only = item.get_axe_run_only(request)
        # A falsy run_only runs every enabled rule, ours included.
        if run_only and RULE_ID not in run_only:
            item.axe_run_only = [*run_only, RULE_ID]
        item.axe_messages = {**item.get_axe_messages(request), RULE_ID: MESSAGE}
