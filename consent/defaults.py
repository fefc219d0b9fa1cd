"""The four categories every site starts with, and the plugin's own cookies.

The optional categories start empty: a site declares the cookies of the tools it
adds (analytics, pixels) itself, in the admin. Only the strictly necessary
cookies that Django and the plugin set are declared here.

Used by the data migrations and by tests (which flush the database), with model
classes passed in so that a migration can give its historical models. The
wording is stored in English and marked for translation: templates show it in the
visitor's language until an editor changes it.
"""

from django.utils.translation import gettext_noop

CATEGORIES = [
    {
        "varname": "necessary",
        "name": gettext_noop("Strictly necessary"),
        "description": gettext_noop(
            "These keep the site working and secure: they remember your cookie "
            "choices and protect forms. They cannot be switched off."
        ),
        "is_required": True,
        "is_deletable": False,
        "cookies": [
            (
                "sessionid",
                gettext_noop("Keeps you signed in to the editing area."),
                gettext_noop("session"),
                gettext_noop("This website"),
            ),
            (
                "csrftoken",
                gettext_noop("Protects forms against cross-site request forgery."),
                gettext_noop("1 year"),
                "This website",
            ),
            (
                "cookie_consent",
                gettext_noop("Remembers which categories you accepted or declined."),
                "1 year",
                "This website",
            ),
            (
                "cookie_consent_time",
                gettext_noop(
                    "Remembers when you made each choice, so we ask again when it "
                    "expires."
                ),
                "1 year",
                "This website",
            ),
            (
                "consent_id",
                gettext_noop(
                    "A random reference to your recorded choices, so you can ask "
                    "what you agreed to. Sent only to this site."
                ),
                "1 year",
                "This website",
            ),
        ],
    },
    {
        "varname": "analytics",
        "name": gettext_noop("Analytics"),
        "description": gettext_noop(
            "Help us count visits and see which pages are useful, so we can improve "
            "them. The figures are anonymous and grouped."
        ),
        "cookies": [],
    },
    {
        "varname": "personalization",
        "name": gettext_noop("Personalisation"),
        "description": gettext_noop(
            "Remember settings you choose, such as text size, so the site looks the "
            "way you like on your next visit."
        ),
        "cookies": [],
    },
    {
        "varname": "marketing",
        "name": gettext_noop("Marketing"),
        "description": gettext_noop(
            "Let advertising partners measure campaigns that brought you here and "
            "show you related messages on other sites."
        ),
        "cookies": [],
    },
]


def create_default_categories(CookieGroup, Cookie, CookieDetails):
    """Create the default categories and cookies that do not exist yet."""
    for ordering, data in enumerate(CATEGORIES):
        group, _ = CookieGroup.objects.get_or_create(
            varname=data["varname"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "is_required": data.get("is_required", False),
                "is_deletable": data.get("is_deletable", True),
                "ordering": ordering,
            },
        )
        declare_cookies(group, data["cookies"], Cookie, CookieDetails)


def declare_cookies(group, cookies, Cookie, CookieDetails):
    """Declare ``cookies`` — ``(name, purpose, duration, provider[, storage])`` — in
    ``group``; a cookie declared there already is kept as an editor left it."""
    for name, purpose, duration, provider, *storage in cookies:
        cookie, created = Cookie.objects.get_or_create(
            cookiegroup=group,
            name=name,
            domain="",
            defaults={"description": purpose},
        )
        if created:
            CookieDetails.objects.create(
                cookie=cookie,
                duration=duration,
                provider=provider,
                storage=storage[0] if storage else "cookie",
            )
