from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import StatusFlagColumn
from wagtail.admin.views.generic import IndexView, ReorderView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .choosers import GatedScriptChooserViewSet, WordingChooserViewSet
from .compat import VIEWSETS_CARRY_POLICIES
from .forms import CategoryForm
from .models import CookieCategory, GatedScript
from .panels import DeclaredCookiesPanel, VariableNamePanel
from .permissions import MANAGE_CATEGORIES
from .policies import category_policy, gated_script_policy
from .wordings import BannerWording, CategoryWording


class CategoryIndexView(IndexView):
    def get_reorder_url(self):
        # Wagtail offers drag-and-drop to whoever may change; the order is behaviour.
        if self.user_has_permission("reorder"):
            return super().get_reorder_url()
        return None


class CategoryReorderView(ReorderView):
    permission_required = "reorder"


class CategoryViewSet(ModelViewSet):
    """Categories; the permission policy is CategoryPermissionPolicy."""

    model = CookieCategory
    icon = "tag"
    menu_label = _("Cookie categories")
    name = "consent_categories"
    list_display = [
        "name",
        "varname",
        StatusFlagColumn(
            "is_required",
            label=_("Visitors' choice"),
            true_label=_("Always on"),
            false_label=_("Optional"),
        ),
        StatusFlagColumn(
            "is_deletable",
            label=_("When declined"),
            true_label=_("Cookies deleted"),
            false_label=_("Cookies kept"),
        ),
    ]
    sort_order_field = "ordering"
    # A copy needs a new varname and cookie rows of its own, but Wagtail's copy view
    # binds the form to the original category: add a category instead.
    copy_view_enabled = False
    index_view_class = CategoryIndexView
    reorder_view_class = CategoryReorderView
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            VariableNamePanel("varname"),
            FieldPanel("description"),
            FieldPanel("is_required", permission=MANAGE_CATEGORIES),
            FieldPanel("is_deletable", permission=MANAGE_CATEGORIES),
            FieldPanel("ordering", permission=MANAGE_CATEGORIES),
            DeclaredCookiesPanel(heading=_("Declared cookies and storage keys")),
        ],
        base_form_class=CategoryForm,
    )
    if VIEWSETS_CARRY_POLICIES:  # Wagtail 7.4; 8.0 reads wagtail_hooks' registry
        permission_policy = category_policy


class GatedScriptViewSet(SnippetViewSet):
    model = GatedScript
    icon = "code"
    menu_label = _("Gated scripts")
    list_display = ["name", "category", "placement", "enabled"]
    list_filter = ["category", "enabled"]
    chooser_viewset_class = GatedScriptChooserViewSet
    if VIEWSETS_CARRY_POLICIES:  # Wagtail 7.4; 8.0 reads wagtail_hooks' registry
        permission_policy = gated_script_policy


class CategoryWordingViewSet(SnippetViewSet):
    """Categories' and cookies' wording per language: what translators edit (with
    wagtail-localize, its Translate action)."""

    model = CategoryWording
    icon = "globe"
    menu_label = _("Category wording")
    list_display = ["name", "category"]
    chooser_viewset_class = WordingChooserViewSet


class BannerWordingViewSet(SnippetViewSet):
    model = BannerWording
    icon = "globe"
    menu_label = _("Banner wording")
    list_display = ["title", "site"]
    chooser_viewset_class = WordingChooserViewSet


class ConsentViewSetGroup(ViewSetGroup):
    menu_label = _("Cookie consent")
    menu_icon = "lock"
    menu_order = 800
    items = (
        CategoryViewSet,
        GatedScriptViewSet,
        CategoryWordingViewSet,
        BannerWordingViewSet,
    )
    submenu_hook = "register_consent_menu_item"
