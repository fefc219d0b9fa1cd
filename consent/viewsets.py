from cookie_consent.models import CookieGroup
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import CategoryForm
from .models import GatedScript
from .panels import DeclaredCookiesPanel


class CategoryViewSet(ModelViewSet):
    model = CookieGroup
    icon = "tag"
    menu_label = "Categories"
    name = "consent_categories"
    list_display = ["name", "varname", "is_required"]
    sort_order_field = "ordering"
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel(
                "varname", help_text="Used in templates and in the consent cookie."
            ),
            FieldPanel("description"),
            FieldPanel("is_required"),
            FieldPanel("is_deletable"),
            FieldPanel("ordering"),
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


class ConsentViewSetGroup(ViewSetGroup):
    menu_label = "Cookie consent"
    menu_icon = "lock"
    menu_order = 800
    items = (CategoryViewSet, GatedScriptViewSet)
    submenu_hook = "register_consent_menu_item"
