from django.apps import AppConfig


class SiteSecurityConfig(AppConfig):
    name = "microsite.security"
    label = "site_security"
    verbose_name = "Site security"

    def ready(self):
        from consent.csp import script_hashes

        from . import csp

        # Hash the inline code once, at start-up, from the bytes the templates render.
        script_hashes()
        csp.inline_style_hashes()
