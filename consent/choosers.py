"""The gated-script chooser, behind the same permission as the other script views."""

from django.http import Http404
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)

from .compat import VIEWSETS_CARRY_POLICIES
from .policies import gated_script_policy

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


class GatedScriptCreateView(SnippetCreateView):
    # Wagtail 8.0 registers the create URL without a creation form; a POST to it
    # raised AttributeError (a 500). Permission is checked first, in dispatch.
    def get_creation_form(self):
        if (form := super().get_creation_form()) is None:
            raise Http404("This chooser has no creation form.")
        return form


class WordingChooserViewSet(SnippetChooserViewSet):
    """The wording snippets' choosers: nothing but the create-URL fix."""

    create_view_class = GatedScriptCreateView


class GatedScriptChooserViewSet(SnippetChooserViewSet):
    create_view_class = GatedScriptCreateView
    choose_view_class = GatedScriptChooseView
    choose_results_view_class = GatedScriptChooseResultsView
    chosen_view_class = GatedScriptChosenView
    chosen_multiple_view_class = GatedScriptChosenMultipleView
    if VIEWSETS_CARRY_POLICIES:
        # Wagtail 7.4's chooser views have no policy of their own: without this
        # they would list every script to anyone who may use the admin.
        permission_policy = gated_script_policy
