"""Demo content: cookie categories and two gated demo scripts.

The scripts stand in for real analytics and an advertising pixel: they set the
cookies such tools set (``_ga``, ``_ga_DEMO123``, ``_fbp``), a localStorage key and
a ``window`` flag, so that what consent allows can be seen in the browser's tools.
They are served by the app (``/cookies/scripts/<id>.js``); nothing is fetched from
another host.
"""

from cookie_consent.models import Cookie, CookieGroup

from consent.defaults import create_default_categories
from consent.models import CookieDetails, GatedScript, Placement

ANALYTICS_CODE = """\
(function () {
  var year = 60 * 60 * 24 * 365;
  document.cookie = "_ga=GA1.1.demo." + Date.now() + ";path=/;max-age=" + 2 * year;
  document.cookie = "_ga_DEMO123=GS1.1.demo;path=/;max-age=" + 2 * year;
  var visits = Number(localStorage.getItem("demo_analytics_visits") || 0) + 1;
  localStorage.setItem("demo_analytics_visits", String(visits));
  window.demoAnalyticsRuns = (window.demoAnalyticsRuns || 0) + 1;
})();
"""

MARKETING_CODE = """\
(function () {
  var days90 = 60 * 60 * 24 * 90;
  document.cookie = "_fbp=fb.1.demo." + Date.now() + ";path=/;max-age=" + days90;
  window.demoMarketingRuns = (window.demoMarketingRuns || 0) + 1;
})();
"""

SCRIPTS = [
    ("Demo analytics", "analytics", Placement.HEAD, ANALYTICS_CODE),
    ("Demo marketing pixel", "marketing", Placement.BODY, MARKETING_CODE),
]


def build(stdout):
    create_default_categories(CookieGroup, Cookie, CookieDetails)
    analytics = CookieGroup.objects.get(varname="analytics")
    key, created = Cookie.objects.get_or_create(
        cookiegroup=analytics,
        name="demo_analytics_visits",
        domain="",
        defaults={"description": "Counts your visits for the demo analytics script."},
    )
    if created:
        CookieDetails.objects.create(
            cookie=key, storage="local", duration="until cleared", provider="Demo"
        )
    for name, category, placement, code in SCRIPTS:
        GatedScript.objects.get_or_create(
            name=name,
            defaults={
                "category": CookieGroup.objects.get(varname=category),
                "placement": placement,
                "code": code,
            },
        )
    stdout.write("Consent: four cookie categories and two gated demo scripts.")
