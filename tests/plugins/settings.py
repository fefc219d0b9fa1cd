"""A minimal Wagtail project for the plugins' own tests: no ``microsite``.

It is what ``wagtail start`` writes, trimmed to what tests need, plus what
docs/glossary.md and docs/consent.md tell a site to add. The plugin tests run
against it with ``pytest --ds=tests.plugins.settings`` (``make test-plugins``), on
Wagtail 8.0 and, in CI, on Wagtail 7.4 LTS (``make test-wagtail74``).
"""

import os
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

SECRET_KEY = "plugin-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "glossary",
    "consent",
    "consent.records",
    "cookie_consent",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "consent.middleware.CleanCookiesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "tests.plugins.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def database():
    """SQLite in memory, or the PostgreSQL that .ci/with-postgres starts."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    import dj_database_url

    return dj_database_url.parse(url)


DATABASES = {"default": database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(tempfile.gettempdir()) / "plugin-tests-media"

WAGTAIL_SITE_NAME = "Plugin tests"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAIL_ENABLE_UPDATE_CHECK = False

# What docs/consent.md asks of a site: the browser reads the consent cookie.
COOKIE_CONSENT_HTTPONLY = False
