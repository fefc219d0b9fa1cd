"""The data migration that stores the order of rows imported without positions."""

import pytest

from glossary.migration_helpers import number_unpositioned_rows
from glossary.models import GlossaryTermSynonym

pytestmark = pytest.mark.django_db


def test_rows_without_positions_are_numbered_in_the_order_they_were_created(
    make_term,
):
    term = make_term("Dysbiosis")
    other = make_term("Butyrate")
    for name in ("microbial imbalance", "gut imbalance", "dysbacteriosis"):
        GlossaryTermSynonym.objects.create(page=term, name=name, sort_order=None)
    GlossaryTermSynonym.objects.create(page=other, name="butanoate", sort_order=7)

    number_unpositioned_rows(GlossaryTermSynonym)

    assert list(term.synonyms.values_list("sort_order", "name")) == [
        (0, "microbial imbalance"),
        (1, "gut imbalance"),
        (2, "dysbacteriosis"),
    ]
    # A page whose rows all have positions is left as it is.
    assert list(other.synonyms.values_list("sort_order", flat=True)) == [7]


def test_positioned_rows_keep_their_place_before_the_unpositioned_ones(make_term):
    term = make_term("Dysbiosis")
    late = GlossaryTermSynonym.objects.create(page=term, name="late", sort_order=None)
    GlossaryTermSynonym.objects.create(page=term, name="second", sort_order=5)
    GlossaryTermSynonym.objects.create(page=term, name="first", sort_order=2)

    number_unpositioned_rows(GlossaryTermSynonym)

    assert list(term.synonyms.values_list("name", "sort_order")) == [
        ("first", 0),
        ("second", 1),
        ("late", 2),
    ]
    late.refresh_from_db()
    assert late.sort_order == 2
