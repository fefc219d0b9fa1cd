"""python manage.py audit_consent [URL …]: what a browser stores before and after
a consent choice, checked against the declared categories, and whether a
sensitive page's title, slug or path leaves the site once everything is accepted.

Exit status: 0 clean, 1 a violation was found, 2 the audit could not run.
"""

import json
import os
import urllib.error
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from consent.audit import AuditError, render_text, run_audit
from consent.audit.browser import DEFAULT_CHROMIUM
from consent.audit.declared import load_declarations
from consent.audit.sitemap import (
    SitemapError,
    normalise_base_url,
    parse_sitemap,
    rebase,
    resolve_urls,
)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def usage_error(message):
    return CommandError(message, returncode=2)


def _reason(error: urllib.error.URLError) -> str:
    reason = error.reason
    return getattr(reason, "strerror", None) or str(reason)


def fetch(url: str, timeout: float, *, any_answer: bool = False) -> bytes:
    """The body at ``url``; raises CommandError (exit 2) when it cannot.

    With ``any_answer`` an HTTP error status counts as an answer: the server is
    there, which is all a reachability check needs.
    """
    request = urllib.request.Request(url, headers={"User-Agent": "audit_consent"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        if any_answer:
            return b""
        raise usage_error(f"{url} answered HTTP {error.code}") from None
    except urllib.error.URLError as error:
        raise usage_error(f"Cannot reach {url}: {_reason(error)}") from None
    except (TimeoutError, OSError) as error:
        raise usage_error(f"Cannot reach {url}: {error}") from None


def record(report):
    """Keep the counts for the consent report page (consent.audit_results)."""
    from consent.models import AuditResult

    leaks = len(report.leaks)
    AuditResult.objects.create(
        base_url=report.base_url[:500],
        pages=len(report.urls),
        sensitive_pages=len(report.sensitive_urls),
        violations=len(report.violations) - leaks,
        leaks=leaks,
        errors=len(report.errors),
    )


class Command(BaseCommand):
    help = (
        "Audit cookie consent in headless Chromium: cookies, storage keys and "
        "requests to other hosts before any choice, after Reject all and after "
        "Accept all, checked against the declared categories; after Accept all, "
        "every request that leaves a sensitive page is checked for the page's "
        "title, slug and path. Exit status 0 when clean, 1 when a violation or a "
        "leak is found, 2 when the audit cannot run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "urls",
            nargs="*",
            metavar="URL",
            help="Pages to audit (paths or URLs on the base URL's host). "
            "Default: the pages in <base-url>/sitemap.xml.",
        )
        parser.add_argument(
            "--base-url",
            help=f"The site to audit (default: the first URL's origin, else "
            f"{DEFAULT_BASE_URL}).",
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the report as JSON."
        )
        parser.add_argument(
            "--max-pages",
            type=int,
            default=20,
            help="At most this many pages from the sitemap (default 20).",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=30.0,
            help="Seconds to wait for a page, a button or the browser (default 30).",
        )
        parser.add_argument(
            "--chromium",
            help="Chromium executable (default: setting CONSENT_AUDIT_CHROMIUM, "
            f"else {DEFAULT_CHROMIUM}).",
        )

    def handle(self, *args, **options):
        if options["max_pages"] < 1:
            raise usage_error("--max-pages must be at least 1")
        if options["timeout"] <= 0:
            raise usage_error("--timeout must be positive")
        chromium = options["chromium"] or getattr(
            settings, "CONSENT_AUDIT_CHROMIUM", DEFAULT_CHROMIUM
        )
        if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
            raise usage_error(
                f"Chromium not found at {chromium} "
                "(give --chromium PATH or set CONSENT_AUDIT_CHROMIUM)"
            )
        base_url, urls = self.pages(options)
        declared, has_optional = load_declarations()
        try:
            report = run_audit(
                base_url,
                urls,
                declared,
                has_optional=has_optional,
                chromium=chromium,
                timeout=options["timeout"],
                consent_cookie=getattr(
                    settings, "COOKIE_CONSENT_NAME", "cookie_consent"
                ),
            )
        except AuditError as error:
            raise usage_error(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(render_text(report))
        record(report)
        if report.leaks:
            first = report.leaks[0]
            raise CommandError(
                f"{len(report.leaks)} leak(s) of a sensitive page found; first: "
                f"{first['url']} -> {first['name']}",
                returncode=1,
            )
        if report.violations:
            raise CommandError(
                f"{len(report.violations)} consent violation(s) found", returncode=1
            )
        if report.errors:
            raise usage_error(
                f"{len(report.errors)} page visit(s) failed; first: {report.errors[0]}"
            )

    def pages(self, options):
        """The base URL and the pages to audit; CommandError (exit 2) if none."""
        given = options["urls"]
        base = options["base_url"]
        if not base:
            first = given[0] if given else ""
            base = first if first.startswith(("http://", "https://")) else ""
        try:
            base_url = normalise_base_url(base or DEFAULT_BASE_URL)
            urls = resolve_urls(given, base_url)
        except ValueError as error:
            raise usage_error(str(error)) from None
        timeout = options["timeout"]
        if urls:
            # Fails clearly when the site is not there at all.
            fetch(base_url + "/", timeout, any_answer=True)
            return base_url, urls
        sitemap_url = base_url + "/sitemap.xml"
        kind, locs = self.sitemap(sitemap_url, timeout)
        hosts = self.site_hosts()
        if kind == "sitemapindex":
            nested = []
            for loc in rebase(locs, base_url, hosts):
                nested += self.sitemap(loc, timeout)[1]
            locs = nested
        urls = rebase(locs, base_url, hosts, limit=options["max_pages"])
        if not urls:
            raise usage_error(f"{sitemap_url} lists no pages on {base_url}")
        return base_url, urls

    def sitemap(self, url, timeout):
        try:
            return parse_sitemap(fetch(url, timeout))
        except SitemapError as error:
            raise usage_error(f"{url}: {error}") from None

    def site_hosts(self):
        """Host names the site's pages may carry in its sitemap (Wagtail Sites)."""
        from wagtail.models import Site

        return list(Site.objects.values_list("hostname", flat=True))
