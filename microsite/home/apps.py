from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "microsite.home"
    label = "home"
    verbose_name = "Home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import checks  # noqa: F401  (registers the deployment checks)
        from .models import SiteFooter, forget_footer

        for signal in (post_save, post_delete):
            signal.connect(forget_footer, sender=SiteFooter, dispatch_uid="home.footer")
