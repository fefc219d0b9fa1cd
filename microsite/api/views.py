"""Wagtail's API endpoints with every query parameter checked (see parameters.py)."""

from wagtail.api.v2 import views
from wagtail.documents.api.v2.views import (
    DocumentsAPIViewSet as WagtailDocumentsAPIViewSet,
)
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet

from .filters import FieldsFilter, SearchFilter
from .pagination import Pagination
from .parameters import check_page_ids, check_query_string, whole_number


def checked(backends):
    """Wagtail's filter backends with ours in place of the ones we check."""
    ours = {
        views.FieldsFilter: FieldsFilter,
        views.SearchFilter: SearchFilter,
    }
    return [ours.get(backend, backend) for backend in backends]


class CheckedQueryMixin:
    pagination_class = Pagination

    def initial(self, request, *args, **kwargs):
        # Before content negotiation, which answers an unknown ?format= with an
        # empty 404.
        formats = {renderer.format for renderer in self.get_renderers()}
        check_query_string(request.GET, formats)
        super().initial(request, *args, **kwargs)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            # Wagtail passes the text to the database, which fails on "abc".
            whole_number("id", request.GET["id"])
        return super().find_object(queryset, request)


class PagesAPIViewSet(CheckedQueryMixin, views.PagesAPIViewSet):
    filter_backends = checked(views.PagesAPIViewSet.filter_backends)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_page_ids(request.GET)  # Wagtail's int() takes "٣" for 3


class ImagesAPIViewSet(CheckedQueryMixin, WagtailImagesAPIViewSet):
    filter_backends = checked(WagtailImagesAPIViewSet.filter_backends)


class DocumentsAPIViewSet(CheckedQueryMixin, WagtailDocumentsAPIViewSet):
    filter_backends = checked(WagtailDocumentsAPIViewSet.filter_backends)
