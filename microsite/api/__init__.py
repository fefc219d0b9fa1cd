"""The public read-only API (Wagtail API v2) at /api/v2/.

Wagtail's stock endpoints, with every query parameter checked first: a value the
database or the search backend cannot take is a 400 with a message, never a 500.
"""

from django.http import JsonResponse
from django.urls import re_path
from wagtail.api.v2.router import WagtailAPIRouter

from .views import DocumentsAPIViewSet, ImagesAPIViewSet, PagesAPIViewSet


def not_found(request):
    return JsonResponse({"message": "not found"}, status=404)


class APIRouter(WagtailAPIRouter):
    """Wagtail's router, answering any other address below it with a JSON 404
    instead of the site's HTML page. Only addresses ending in a slash, so that
    APPEND_SLASH still redirects ``/api/v2/pages`` to ``/api/v2/pages/``."""

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), re_path(r"^.*/$", not_found)]


api_router = APIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
