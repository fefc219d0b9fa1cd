from wagtail.admin.panels import Panel


class DeclaredCookiesPanel(Panel):
    """Renders CategoryForm's inline formset of declared cookies."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "consent/admin/declared_cookies_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["formset"] = self.form.cookies
            return context
