from django.apps import AppConfig


class ConsentRecordsConfig(AppConfig):
    name = "consent.records"
    label = "consent_records"
    verbose_name = "Proof of consent"
    default_auto_field = "django.db.models.BigAutoField"
