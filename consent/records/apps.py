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
        from ..signals import consent_decided
        from .api import consent_id_from_request
        from .conf import id_cookie_name
        from .receivers import record_decided

        # The core knows nothing of this app: it registers its cookie, how to read
        # the visitor's reference and the receiver that keeps proof of decisions.
        register_necessary_name(id_cookie_name)
        register_reference_reader(consent_id_from_request)
        consent_decided.connect(record_decided, dispatch_uid="consent-records-decided")
