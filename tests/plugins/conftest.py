"""The plugins' test project runs only under its own settings.

The site's suite (``microsite.settings.test``) skips this folder; ``make
test-plugins`` runs it with ``--ds=tests.plugins.settings`` together with the
site's plugin-level modules listed in modules.txt.
"""

import sys

from django.conf import settings

PLUGIN_SETTINGS = "tests.plugins.settings"

if settings.SETTINGS_MODULE != PLUGIN_SETTINGS:
    collect_ignore_glob = ["*"]


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if anything it ran imported the site, even lazily."""
    if settings.SETTINGS_MODULE != PLUGIN_SETTINGS:
        return
    imported = sorted(name for name in sys.modules if name.split(".")[0] == "microsite")
    if imported:
        session.config.get_terminal_writer().line(
            f"The plugins' test project imported the site: {', '.join(imported)}",
            red=True,
        )
        session.exitstatus = 1
