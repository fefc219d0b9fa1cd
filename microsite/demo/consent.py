"""Demo content: the cookies this site's tools set, and two gated demo scripts.

The plugin's data migration creates the four categories with only the strictly
necessary cookies; the example declarations of third-party tools (Google
Analytics, Meta, Google Ads) and of the reading preferences are this site's.

The scripts stand in for real analytics and an advertising pixel: they set the
cookies such tools set (``_ga``, ``_ga_DEMO123``, ``_fbp``), a localStorage key and
a ``window`` flag, so that what consent allows can be seen in the browser's tools;
the analytics script keeps what the plugin told it about the page
(``window.demoAnalyticsSaw``: the page type only, on a sensitive page).
They are served by the app (``/cookies/scripts/<id>.js``); nothing is fetched from
another host.
"""

from cookie_consent.models import Cookie, CookieGroup
from django.utils import timezone

from consent.defaults import create_default_categories, declare_cookies
from consent.models import CookieDetails, GatedScript, Placement

ANALYTICS_CODE = """\
(function () {
  var year = 60 * 60 * 24 * 365;
  document.cookie = "_ga=GA1.1.demo." + Date.now() + ";path=/;max-age=" + 2 * year;
  document.cookie = "_ga_DEMO123=GS1.1.demo;path=/;max-age=" + 2 * year;
  var visits = Number(localStorage.getItem("demo_analytics_visits") || 0) + 1;
  localStorage.setItem("demo_analytics_visits", String(visits));
  window.demoAnalyticsRuns = (window.demoAnalyticsRuns || 0) + 1;
  // What a tag reports about the page: the plugin's redacted context, never
  // location or document.title (on a sensitive page: its type only).
  window.demoAnalyticsSaw = window.consent && window.consent.page;
})();
"""

MARKETING_CODE = """\
(function () {
  var days90 = 60 * 60 * 24 * 90;
  document.cookie = "_fbp=fb.1.demo." + Date.now() + ";path=/;max-age=" + days90;
  window.demoMarketingRuns = (window.demoMarketingRuns || 0) + 1;
})();
"""

# (category, name, purpose, duration, provider[, storage])
EXAMPLE_COOKIES = [
    (
        "analytics",
        "_ga",
        "Tells one visitor from another to count unique visits.",
        "2 years",
        "Google Analytics",
    ),
    (
        "analytics",
        "_ga_*",
        "Keeps the state of a visit for one analytics property.",
        "2 years",
        "Google Analytics",
    ),
    (
        "analytics",
        "demo_analytics_visits",
        "Counts your visits for the demo analytics script.",
        "until cleared",
        "Demo",
        "local",
    ),
    (
        "personalization",
        "reading_preferences",
        "Stores your display preferences in this browser.",
        "until cleared",
        "This website",
        "local",
    ),
    (
        "marketing",
        "_fbp",
        "Recognises your browser for Meta advertising.",
        "3 months",
        "Meta",
    ),
    (
        "marketing",
        "_gcl_au",
        "Links ad clicks to visits for Google Ads.",
        "3 months",
        "Google Ads",
    ),
]

# (name, category, placement, code, safe on sensitive pages). The demo analytics
# is served by the site itself and sends nothing anywhere: an operator can
# promise it is safe on sensitive pages. An advertising pixel never is.
SCRIPTS = [
    ("Demo analytics", "analytics", Placement.HEAD, ANALYTICS_CODE, True),
    ("Demo marketing pixel", "marketing", Placement.BODY, MARKETING_CODE, False),
]


def declare_example_cookies():
    """Declare the site's example cookies that are not declared yet; an edited
    declaration is kept as the editor left it."""
    create_default_categories(CookieGroup, Cookie, CookieDetails)
    groups = {g.varname: g for g in CookieGroup.objects.all()}
    for varname, *cookie in EXAMPLE_COOKIES:
        if varname in groups:  # an operator deleted the category: do not bring it back
            declare_cookies(groups[varname], [cookie], Cookie, CookieDetails)


def build(stdout):
    declare_example_cookies()
    for name, category, placement, code, safe in SCRIPTS:
        GatedScript.objects.get_or_create(
            name=name,
            defaults={
                "category": CookieGroup.objects.get(varname=category),
                "placement": placement,
                "code": code,
                "safe_on_sensitive_pages": safe,
                # No user: the demo loader made the promise (the admin says so).
                "safe_marked_at": timezone.now() if safe else None,
            },
        )
    stdout.write(
        "Consent: four cookie categories, the site's example cookies and two "
        "gated demo scripts."
    )
