"""The rules every way in obeys (admin forms, importers, the shell): ``full_clean``."""

import pytest
from django.core.exceptions import ValidationError

from glossary.models import GlossaryTermSource, GlossaryTermSynonym, Topic
from microsite.articles.models import ArticleSource, Author

pytestmark = pytest.mark.django_db

UNSAFE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.domain)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/paper.pdf",
    "//evil.example/",
    "/\\evil.example",
]


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean(exclude=["page"])
    return caught.value.message_dict


@pytest.mark.parametrize("source_model", [GlossaryTermSource, ArticleSource])
@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_a_source_link_must_be_a_web_address(source_model, url):
    assert "url" in errors_of(source_model(title="A paper", url=url))


@pytest.mark.parametrize("source_model", [GlossaryTermSource, ArticleSource])
def test_a_source_with_a_web_address_is_valid(source_model):
    source_model(title="A paper", url="https://example.org/a?b=1").full_clean(
        exclude=["page"]
    )


@pytest.mark.parametrize("pmid", ["12a", "1" * 21, "١٢٣", "²³", "-1", "1 2"])
def test_a_pmid_is_ascii_digits_of_at_most_twenty(pmid):
    assert "pmid" in errors_of(GlossaryTermSource(title="A paper", pmid=pmid))


@pytest.mark.parametrize(
    "instance, field",
    [
        (GlossaryTermSource(title="A\x00paper"), "title"),
        (GlossaryTermSource(title="A paper", doi="10.1\x00/x"), "doi"),
        (GlossaryTermSynonym(name="gut\x00flora"), "name"),
        (Topic(name="Skin\x00", slug="skin"), "name"),
        (Author(name="Dr\x00Who", bio="A bio."), "name"),
    ],
)
def test_no_text_field_accepts_a_nul_character(instance, field):
    assert "Null characters are not allowed." in errors_of(instance)[field]


def test_a_topic_name_longer_than_its_column_is_refused():
    assert "name" in errors_of(Topic(name="x" * 81, slug="x"))


def test_a_term_page_with_a_nul_in_its_definition_is_refused(make_term):
    term = make_term("Dysbiosis")
    term.definition = "An imbalance\x00."
    with pytest.raises(ValidationError) as caught:
        term.full_clean()
    assert "definition" in caught.value.message_dict
