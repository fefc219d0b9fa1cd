from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from glossary.choosers import TopicChooserViewSet
from glossary.models import Topic


class TopicIndexView(IndexView):
    @cached_property
    def columns(self):
        # Wagtail adds the locale column only to its default columns; ours are named.
        columns = super().columns
        if self.i18n_enabled:
            columns.insert(3, LocaleColumn())
        return columns


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Glossary topics")
    menu_name = "glossary-topics"
    add_to_admin_menu = True
    menu_order = 300
    index_view_class = TopicIndexView
    list_display = ["name", "slug", "description"]
    # Topic is indexed, so the list searches its search_fields. Naming fields here
    # would restrict the query per field, which SQLite's full-text backend rejects.
    ordering = ["name"]
    chooser_viewset_class = TopicChooserViewSet


register_snippet(TopicViewSet)
