"""The test settings with wagtail-localize installed, for ``test_localize.py``:

pytest --ds tests.glossary.i18n.localize_settings tests/glossary/i18n/
"""

from microsite.settings.test import *  # noqa: F403
from microsite.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail_localize", "wagtail_localize.locales"]
