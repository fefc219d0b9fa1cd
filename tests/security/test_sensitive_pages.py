"""Who may mark a page sensitive (docs/security.md): whoever edits the page, on
its Settings tab; the field takes nothing but its three choices."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import get_page_models

from glossary.models import GlossaryTermPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [model for model in get_page_models() if model.is_creatable]


def settings_tab(model):
    handler = model.get_edit_handler()
    tabs = {str(tab.heading): tab for tab in handler.children}
    return tabs["Settings"]


def field_names(panel):
    names = {getattr(panel, "field_name", None)}
    for child in getattr(panel, "children", []):
        names |= field_names(child)
    return names


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model._meta.label)
def test_every_page_type_offers_the_sensitive_field_on_its_settings_tab(model):
    assert "sensitive" in field_names(settings_tab(model))


@pytest.mark.parametrize("role", ["Editor", "Site operator", "superuser"])
def test_every_role_that_edits_pages_gets_the_field(role, user_in_role, demo_content):
    term = GlossaryTermPage.objects.live().first()
    form_class = GlossaryTermPage.get_edit_handler().get_form_class()

    form = form_class(instance=term, for_user=user_in_role(role))

    assert "sensitive" in form.fields


@pytest.mark.parametrize(
    ("posted", "valid"),
    [("", True), ("True", True), ("False", True), ("maybe", False), ("1\x00", False)],
)
def test_the_field_takes_only_its_three_choices(posted, valid, demo_content):
    field = GlossaryTermPage._meta.get_field("sensitive").formfield()
    assert field.widget.__class__.__name__ == "Select"
    try:
        field.clean(posted)
    except ValidationError:
        assert not valid
    else:
        assert valid
