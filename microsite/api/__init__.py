"""The public read-only API (Wagtail API v2) at /api/v2/.

Wagtail's stock endpoints, with every query parameter checked first: a value the
database or the search backend cannot take is a 400 with a message, never a 500.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import DocumentsAPIViewSet, ImagesAPIViewSet, PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
