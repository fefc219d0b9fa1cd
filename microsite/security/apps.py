from django.apps import AppConfig


class SiteSecurityConfig(AppConfig):
    name = "microsite.security"
    label = "site_security"
    verbose_name = "Site security"

    def ready(self):
        from consent.signals import declarations_changed

        from . import csp

        declarations_changed.connect(
            csp.forget_script_origins, dispatch_uid="site-security-script-origins"
        )
        # Hash the inline code once, at start-up, from the bytes the templates render.
        csp.inline_script_hashes()
        csp.inline_style_hashes()
