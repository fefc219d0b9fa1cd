from cookie_consent.models import CookieGroup
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import IndexView, ReorderView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .choosers import GatedScriptChooserViewSet
from .forms import CategoryForm
from .models import GatedScript
from .panels import DeclaredCookiesPanel
from .permissions import MANAGE_CATEGORIES


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

    model = CookieGroup
    icon = "tag"
    menu_label = "Categories"
    name = "consent_categories"
    list_display = ["name", "varname", "is_required"]
    sort_order_field = "ordering"
    # A copy needs a new varname and cookie rows of its own, but Wagtail's copy view
    # binds the form to the original category: add a category instead.
    copy_view_enabled = False
    index_view_class = CategoryIndexView
    reorder_view_class = CategoryReorderView
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel(
                "varname",
                help_text=_(
                    "Used in templates and in the consent cookie. "
                    "It cannot be changed once the category is saved."
                ),
            ),
            FieldPanel("description"),
            FieldPanel("is_required", permission=MANAGE_CATEGORIES),
            FieldPanel("is_deletable", permission=MANAGE_CATEGORIES),
            FieldPanel("ordering", permission=MANAGE_CATEGORIES),
            DeclaredCookiesPanel(heading="Declared cookies and storage keys"),
        ],
        base_form_class=CategoryForm,
    )


class GatedScriptViewSet(SnippetViewSet):
    model = GatedScript
    icon = "code"
    menu_label = "Gated scripts"
    list_display = ["name", "category", "placement", "enabled"]
    list_filter = ["category", "enabled"]
    chooser_viewset_class = GatedScriptChooserViewSet


class ConsentViewSetGroup(ViewSetGroup):
    menu_label = "Cookie consent"
    menu_icon = "lock"
    menu_order = 800
    items = (CategoryViewSet, GatedScriptViewSet)
    submenu_hook = "register_consent_menu_item"
