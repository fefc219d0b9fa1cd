from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "consent"
    label = "consent"
    verbose_name = "Cookie consent"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
