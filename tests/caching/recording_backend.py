"""Frontend-cache backends for tests: one records what it was asked to purge, the
other also fetches each URL again at once, as deploy/nginx.conf does."""

from urllib.parse import urlsplit

from django.test import Client
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED: list[str] = []
# URL → the page a refreshing proxy fetched when told to purge it.
REFETCHED: dict[str, str] = {}


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


class RefetchingBackend(RecordingBackend):
    def purge(self, url):
        super().purge(url)
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = Client(HTTP_HOST=parts.hostname).get(path)
        REFETCHED[path] = response.content.decode()
