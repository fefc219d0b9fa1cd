"""Wagtail's pagination with ``offset`` and ``limit`` read from ASCII digits and
bounded: Wagtail's ``int()`` lets an offset past 64 bits through to the database."""

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination

from .parameters import whole_number


class Pagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        if "offset" in request.GET:
            whole_number("offset", request.GET["offset"])
        if "limit" in request.GET:
            limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
            whole_number("limit", request.GET["limit"], maximum=limit_max)
        return super().paginate_queryset(queryset, request, view)
