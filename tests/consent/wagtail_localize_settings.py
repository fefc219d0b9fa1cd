"""The test settings with wagtail-localize installed, for wagtail_localize_flow.py.

wagtail-localize's tables only exist where it is installed, so its real
translation flow runs in a process of its own, on its own in-memory database.
"""

from microsite.settings.test import *  # noqa: F403
from microsite.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail_localize"]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English"), ("de", "Deutsch")]
WAGTAIL_I18N_ENABLED = True
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
