from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "glossary"
    label = "glossary"
    verbose_name = _("Glossary")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from glossary.checks import check_shared_caches
        from glossary.review.signal_handlers import register_review_signal_handlers
        from glossary.signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_review_signal_handlers()
        checks.register(check_shared_caches, checks.Tags.caches)
