from django.apps import AppConfig


class SiteCachingConfig(AppConfig):
    name = "microsite.caching"
    label = "site_caching"
    verbose_name = "Page cache"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()

        from .sites import register_site_handlers

        register_site_handlers()
