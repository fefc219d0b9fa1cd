from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    label = "consent"
    verbose_name = _("Cookie consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import signal_handlers
        from .checks import (
            check_declared_cookies,
            check_referrer_policy,
            check_shared_cache,
        )

        signal_handlers.connect()
        checks.register(check_declared_cookies, checks.Tags.database)
        checks.register(check_shared_cache, checks.Tags.caches)
        checks.register(check_referrer_policy, checks.Tags.security)
