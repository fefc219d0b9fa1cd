from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, help_text=_("Optional short heading."))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        template = "glossary/blocks/callout.html"


class FurtherSectionsBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        template="glossary/blocks/heading.html",
        help_text=_("A section heading, e.g. 'What the research shows'."),
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "superscript", "subscript"],
        icon="pilcrow",
    )
    list = blocks.ListBlock(
        blocks.CharBlock(label=_("Item")),
        icon="list-ul",
        template="glossary/blocks/list.html",
    )
    callout = CalloutBlock()
