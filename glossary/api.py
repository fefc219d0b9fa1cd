"""A Wagtail API v2 router for sites that have none: the pages endpoint, which
serves the terms' fields (``GlossaryTermPage.api_fields``).

Mount it with ``path("api/v2/", api_router.urls)``; it needs ``wagtail.api.v2``
and ``rest_framework`` in ``INSTALLED_APPS``. A site with its own router registers
Wagtail's ``PagesAPIViewSet`` there instead.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
