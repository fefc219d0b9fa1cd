"""Run with DJANGO_SETTINGS_MODULE=tests.consent.core_only.settings: migrates an
in-memory database, makes one decision and prints what happened as JSON."""

import json
import sys

import django

django.setup()

from cookie_consent.models import LogItem  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from consent.signals import consent_decided  # noqa: E402

call_command("migrate", verbosity=0)
decided = []
consent_decided.connect(lambda **kwargs: decided.append(kwargs["state"]), weak=False)
response = Client().post(
    "/cookies/accept/",
    {"cookie_groups": ["analytics"], "source": "banner"},
    headers={"X-Cookie-Consent-Fetch": "1"},
)
json.dump(
    {
        "status": response.status_code,
        "cookies": sorted(response.cookies),
        "consent_cookie": response.cookies["cookie_consent"].value
        if "cookie_consent" in response.cookies
        else "",
        "signals": decided,
        "log_enabled": settings.COOKIE_CONSENT_LOG_ENABLED,
        "log_items": LogItem.objects.count(),
        "records_imported": sorted(m for m in sys.modules if "consent.records" in m),
    },
    sys.stdout,
)
