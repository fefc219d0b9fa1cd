from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from glossary.choosers import TopicChooserViewSet
from glossary.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Glossary topics")
    menu_name = "glossary-topics"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "slug", "description"]
    # Topic is indexed, so the list searches its search_fields. Naming fields here
    # would restrict the query per field, which SQLite's full-text backend rejects.
    ordering = ["name"]
    chooser_viewset_class = TopicChooserViewSet


register_snippet(TopicViewSet)
