"""The gated-script chooser, behind the same permission as the other script views."""

from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

# Wagtail's snippet chooser lists every snippet to anyone who may use the admin;
# these views ask the model's permission policy first, like the snippet views do.


class GatedScriptChooseView(PermissionCheckedMixin, ChooseView):
    permission_required = "choose"


class GatedScriptChooseResultsView(PermissionCheckedMixin, ChooseResultsView):
    permission_required = "choose"


class GatedScriptChosenView(PermissionCheckedMixin, SnippetChosenView):
    permission_required = "choose"


class GatedScriptChosenMultipleView(PermissionCheckedMixin, SnippetChosenMultipleView):
    permission_required = "choose"


class GatedScriptChooserViewSet(SnippetChooserViewSet):
    choose_view_class = GatedScriptChooseView
    choose_results_view_class = GatedScriptChooseResultsView
    chosen_view_class = GatedScriptChosenView
    chosen_multiple_view_class = GatedScriptChosenMultipleView
