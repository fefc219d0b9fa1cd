"""Deployment checks (`check --deploy`): the public address the site's URLs use.

Wagtail writes full URLs (canonical links, og:url, JSON-LD, feed ids, the sitemap)
from the default Site's host name and port, and admin e-mails and API links from
WAGTAILADMIN_BASE_URL. Both default to development addresses.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"}
EXAMPLE_URL = "https://gut-health.example.org"
SITES_HINT = (
    "Set the public host name and port 443 in the admin (Settings → Sites) or with "
    "'manage.py set_site_address gut-health.example.org 443'."
)


@register(deploy=True)
def check_admin_base_url(app_configs, **kwargs):
    base_url = settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(base_url)
    if parts.hostname is None or parts.hostname in LOCAL_HOSTS:
        return [
            Warning(
                f"WAGTAILADMIN_BASE_URL is {base_url!r}, not the site's public "
                "address: links in admin e-mails and API responses point there.",
                hint="Set the WAGTAILADMIN_BASE_URL environment variable to the "
                f"public address, for example {EXAMPLE_URL}.",
                id="microsite.W001",
            )
        ]
    if parts.scheme != "https" and settings.SECURE_SSL_REDIRECT:
        return [
            Warning(
                f"WAGTAILADMIN_BASE_URL is {base_url!r} but the site is served "
                "over HTTPS (SECURE_SSL_REDIRECT).",
                hint="Start WAGTAILADMIN_BASE_URL with https://, for example "
                f"{EXAMPLE_URL}.",
                id="microsite.W002",
            )
        ]
    return []


@register(Tags.database, deploy=True)
def check_site_addresses(app_configs, databases=None, **kwargs):
    """Runs with `check --deploy --database default` only: like every database
    check, it is skipped when no database is named (as in `make check`)."""
    from wagtail.models import Site

    messages = []
    for alias in databases or []:
        try:
            sites = list(Site.objects.using(alias).order_by("pk"))
        except DatabaseError:
            # No tables yet (before the first migrate): no Site to check.
            continue
        for site in sites:
            messages += site_address_warnings(site)
    return messages


def site_address_warnings(site) -> list[Warning]:
    messages = []
    if site.hostname in LOCAL_HOSTS:
        messages.append(
            Warning(
                f"The Site {site} has the host name {site.hostname!r}: its pages' "
                f"canonical links, feeds and sitemap entries start {site.root_url}/.",
                hint=SITES_HINT,
                obj=site,
                id="microsite.W003",
            )
        )
    if site.port != 443 and settings.SECURE_SSL_REDIRECT:
        messages.append(
            Warning(
                f"The Site {site} has the port {site.port}, so its page URLs start "
                f"{site.root_url}/ although the site is served over HTTPS.",
                hint="Set the port to 443 (Wagtail then writes https:// URLs). "
                + SITES_HINT,
                obj=site,
                id="microsite.W004",
            )
        )
    return messages
