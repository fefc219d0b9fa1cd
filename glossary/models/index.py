from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from glossary.conf import get_setting
from glossary.structured_data import defined_term_set

from .sensitivity import sensitive_field


class GlossaryIndexPage(Page):
    """The A–Z list of terms. Terms are created as children of this page.

    Readers filter it with ``?letter=``, ``?topic=``, ``?q=`` and ``?page=``: see
    ``glossary.listing`` and docs/glossary.md.
    """

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "A short welcome shown above the A–Z list: what the glossary covers and "
            "who checks it."
        ),
    )

    sensitive = sensitive_field()
    sensitive_by_default = False

    content_panels = Page.content_panels + [
        FieldPanel("intro", heading=_("Introduction"))
    ]
    settings_panels = Page.settings_panels + [FieldPanel("sensitive")]
    parent_page_types = get_setting("GLOSSARY_INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["glossary.GlossaryTermPage"]
    template = "glossary/glossary_index_page.html"

    class Meta:
        verbose_name = _("glossary")

    @classmethod
    def can_exist_under(cls, parent):
        # At the tree root a glossary would belong to no site and have no URL.
        return not parent.is_root() and super().can_exist_under(parent)

    def route(self, request, path_components):
        """A term (and its reviewer) in one query, and its glossary handed to it.

        Wagtail's own route reads the child page, then its specific row, and the
        term would read its parent a third time to show the glossary's name.
        """
        from .terms import GlossaryTermPage

        if len(path_components) == 1:
            term = (
                GlossaryTermPage.objects.child_of(self)
                .filter(slug=path_components[0], live=True)
                # The page shows who reviewed it: read in the same query.
                .select_related("clinical_reviewer")
                .first()
            )
            if term is not None:
                return RouteResult(term, kwargs={"glossary": self})
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from glossary.listing import build_listing

        context = super().get_context(request, *args, **kwargs)
        listing = build_listing(self, request)
        context["glossary_base_template"] = get_setting("GLOSSARY_BASE_TEMPLATE")
        context["listing"] = listing
        context["json_ld"] = defined_term_set(self, listing.terms, request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A bad letter, topic, search or page number is the reader's mistake, not
        # ours: answer 400/404 with the message, never a server error.
        response.status_code = response.context_data["listing"].status
        return response
