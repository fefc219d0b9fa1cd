from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "microsite.home"
    label = "home"
    verbose_name = "Home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
