"""StreamField blocks of an article body. Templates live in
templates/components/streamfield/blocks/."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

BLOCK_TEMPLATES = "components/streamfield/blocks"
INLINE_FEATURES = ["bold", "italic", "link"]

CALLOUT_KINDS = [
    ("note", "Note"),
    ("tip", "Tip"),
    ("warning", "Warning"),
    ("disclaimer", "Medical disclaimer"),
]


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        default="Key takeaways",
        help_text="Usually 'Key takeaways'; change it only if the article needs to.",
    )
    points = blocks.ListBlock(
        blocks.CharBlock(label="Point"),
        min_num=1,
        help_text="Three to five short sentences a reader should remember.",
    )

    class Meta:
        icon = "tick-inverse"
        label = "Key takeaways"
        template = f"{BLOCK_TEMPLATES}/key_takeaways.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=CALLOUT_KINDS,
        default="note",
        help_text=(
            "'Medical disclaimer' reminds readers the article is not personal "
            "medical advice."
        ),
    )
    title = blocks.CharBlock(required=False, help_text="Optional short heading.")
    text = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "warning"
        label = "Callout or disclaimer"
        template = f"{BLOCK_TEMPLATES}/callout.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The quoted words, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, help_text="Who said or wrote it, e.g. 'NHS guidance, 2023'."
    )

    class Meta:
        icon = "openquote"
        template = f"{BLOCK_TEMPLATES}/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text="Describe the image in the alt text for screen readers."
    )
    caption = blocks.CharBlock(required=False, help_text="Optional caption or credit.")

    class Meta:
        icon = "image"
        label = "Image"
        template = f"{BLOCK_TEMPLATES}/image.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        template=f"{BLOCK_TEMPLATES}/heading.html",
        help_text="A section heading, e.g. 'What the research shows'.",
    )
    paragraph = blocks.RichTextBlock(
        features=INLINE_FEATURES + ["superscript", "subscript"],
        icon="pilcrow",
        template=f"{BLOCK_TEMPLATES}/paragraph.html",
    )
    bulleted_list = blocks.ListBlock(
        blocks.CharBlock(label="Item"),
        icon="list-ul",
        template=f"{BLOCK_TEMPLATES}/bulleted_list.html",
    )
    numbered_list = blocks.ListBlock(
        blocks.CharBlock(label="Step"),
        icon="list-ol",
        template=f"{BLOCK_TEMPLATES}/numbered_list.html",
    )
    key_takeaways = KeyTakeawaysBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
