from wagtail.admin.panels import FieldPanel, Panel

from .forms import CATEGORY_HELP_TEXTS, CATEGORY_LABELS


class DeclaredCookiesPanel(Panel):
    """Renders CategoryForm's inline formset of declared cookies."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "consent/admin/declared_cookies_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["formset"] = self.form.cookies
            return context


class VariableNamePanel(FieldPanel):
    """A category's varname: an input when adding, read-only text once saved.

    CategoryForm leaves the field out of the form of a saved category, so nothing
    posted can reach it.
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                self.read_only = True
                self.heading = CATEGORY_LABELS[self.field_name]
                self.help_text = CATEGORY_HELP_TEXTS[self.field_name]
