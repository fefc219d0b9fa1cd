from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentRecordsConfig(AppConfig):
    name = "consent.records"
    label = "consent_records"
    verbose_name = _("Proof of consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ..cookie_names import register_necessary_name
        from ..reference import register_reference_reader
        from .api import consent_id_from_request
        from .conf import id_cookie_name

        register_necessary_name(id_cookie_name)
        register_reference_reader(consent_id_from_request)
