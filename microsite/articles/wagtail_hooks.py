from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from glossary.choosers import CreateView as ChooserCreateView

from .models import Author


class AuthorChooserViewSet(SnippetChooserViewSet):
    # The site reuses the glossary's fix for Wagtail's form-less chooser create URL.
    create_view_class = ChooserCreateView


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role"]
    chooser_viewset_class = AuthorChooserViewSet


register_snippet(AuthorViewSet)
