from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class GlossaryIndexPage(Page):
    """The A–Z list of terms. Terms are created as children of this page."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome shown above the A–Z list.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["glossary.GlossaryTermPage"]
    template = "glossary/glossary_index_page.html"

    class Meta:
        verbose_name = "glossary"
