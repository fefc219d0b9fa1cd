"""Helpers shared by data migrations (this app's and a host site's).

They take historical models from `apps.get_model`, never the live ones.
"""

from django.db.models import F


def number_unpositioned_rows(model) -> None:
    """Give a page's Orderable rows explicit positions where any of them has none.

    Rows with an empty `sort_order` come back from PostgreSQL in any order. Each
    affected page's rows are renumbered in their current order, the ones without a
    position last, in the order they were created.
    """
    unpositioned = model.objects.filter(sort_order__isnull=True)
    for page_id in unpositioned.values_list("page_id", flat=True).distinct():
        rows = model.objects.filter(page_id=page_id).order_by(
            F("sort_order").asc(nulls_last=True), "pk"
        )
        for position, row in enumerate(rows):
            if row.sort_order != position:
                row.sort_order = position
                row.save(update_fields=["sort_order"])
