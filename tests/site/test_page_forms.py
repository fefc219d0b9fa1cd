"""Every page type's edit form fills the slug in from the title, as Wagtail's own
pages do, so a new page saves at the first try (the browser test shows it)."""

import pytest
from wagtail.admin.panels import TitleFieldPanel
from wagtail.models import get_page_models


def panels_in(panel):
    yield panel
    for child in getattr(panel, "children", []):
        yield from panels_in(child)


@pytest.mark.parametrize(
    "model",
    [model for model in get_page_models() if model.is_creatable],
    ids=lambda model: model._meta.label,
)
def test_the_title_field_fills_in_the_slug(model):
    title_panels = [
        panel
        for panel in panels_in(model.get_edit_handler())
        if getattr(panel, "field_name", None) == "title"
    ]

    assert len(title_panels) == 1
    assert isinstance(title_panels[0], TitleFieldPanel)
    assert title_panels[0].targets == ["slug"]
