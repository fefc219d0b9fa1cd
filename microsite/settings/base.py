"""Settings shared by every environment; what differs comes from the environment."""

from pathlib import Path

import dj_database_url

from microsite.caching.conf import DEFAULTS as PAGE_CACHE_DEFAULTS

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "microsite.home",
    "microsite.articles",
    "glossary",
    "consent",
    "consent.records",
    "cookie_consent",
    # After the apps whose caches it relies on: its receivers then run after
    # theirs, so that when nothing wraps a change in a transaction (the admin's
    # privacy and publish views) a proxy that fetches a purged page at once
    # (deploy/nginx.conf) gets it rendered from their new data.
    "microsite.caching",
    "microsite.security",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    # Not "wagtail.contrib.frontend_cache": its app only connects a publish handler,
    # which would purge each page a second time, before the commit. Its PurgeBatch
    # and backends work without it (microsite.caching.purge).
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
    "django.contrib.syndication",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers a cached page before the rest; around a hit it runs only
    # PAGE_CACHE_HIT_MIDDLEWARE (below). Stores what the rest produced.
    "microsite.caching.middleware.PageCacheMiddleware",
    "microsite.security.middleware.ContentSecurityPolicyMiddleware",
    "microsite.security.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "microsite.caching.sites.CachedSiteMiddleware",
    "consent.middleware.CleanCookiesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "microsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

WSGI_APPLICATION = "microsite.wsgi.application"


def database_from_url(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=env_int("CONN_MAX_AGE", 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work during a write; IMMEDIATE takes the write lock at the
        # start of a transaction so concurrent writers queue instead of failing with
        # "database is locked".
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
        config["CONN_MAX_AGE"] = 0
    else:
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_env() -> dict:
    redis_url = env_str("REDIS_URL")
    if redis_url:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "microsite",
        }
    # A file cache is shared by every worker process on the machine, unlike locmem,
    # so admin edits reach all workers (django-cookie-consent caches its groups here).
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
        # The page cache keeps one file per page: room for a large glossary.
        "OPTIONS": {"MAX_ENTRIES": env_int("FILE_CACHE_MAX_ENTRIES", 20000)},
    }


CACHES = {"default": cache_from_env()}

# Page cache (microsite.caching, docs/operations.md): anonymous pages are stored in
# the default cache and sent with s-maxage so nginx or a CDN can keep them too.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 60)
# Middleware after the page cache that still runs around a hit: the clean-up
# of the visitor's declined consent cookies. What the others add (security
# headers) is stored with the page, and so is its site (microsite.caching.checks).
PAGE_CACHE_HIT_MIDDLEWARE = ["consent.middleware.CleanCookiesMiddleware"]
# Django's and Wagtail's are named by default; this site's headers are stored with
# the page, and a hit takes its site from the page too.
PAGE_CACHE_MISS_ONLY_MIDDLEWARE = [
    *PAGE_CACHE_DEFAULTS["PAGE_CACHE_MISS_ONLY_MIDDLEWARE"],
    "microsite.security.middleware.ContentSecurityPolicyMiddleware",
    "microsite.security.middleware.PermissionsPolicyMiddleware",
    "microsite.caching.sites.CachedSiteMiddleware",
]


def frontend_cache_from_env() -> dict:
    """Where published changes are purged beyond the app: nginx/Varnish by HTTP
    PURGE (docs/operations.md shows Cloudflare and CloudFront)."""
    purge_url = env_str("FRONTEND_CACHE_PURGE_URL")
    if not purge_url:
        return {}
    backend = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge_url,
    }
    hostnames = env_list("FRONTEND_CACHE_HOSTNAMES")
    if hostnames:
        backend["HOSTNAMES"] = hostnames
    return {"proxy": backend}


WAGTAILFRONTENDCACHE = frontend_cache_from_env()

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Gut Health Explained")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# On PostgreSQL, stem English words ("probiotics" → "probiot") whatever the
# cluster's default_text_search_config; SQLite's full-text index ignores it.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The glossary lives under the home page only (docs/editors.md, "The page tree").
GLOSSARY_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]
# Clinical review cycles, in months (docs/editors.md, "Clinical review").
GLOSSARY_REVIEW_INTERVAL_MONTHS = {
    "glossary.GlossaryTermPage": env_int("REVIEW_INTERVAL_MONTHS_TERMS", 36),
    "articles.ArticlePage": env_int("REVIEW_INTERVAL_MONTHS_ARTICLES", 24),
}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
]

# django-cookie-consent: the browser reads the consent cookie to apply choices on
# cached pages (see docs/architecture.md), so it cannot be HttpOnly.
COOKIE_CONSENT_NAME = "cookie_consent"
COOKIE_CONSENT_HTTPONLY = False
COOKIE_CONSENT_SAMESITE = "Lax"
COOKIE_CONSENT_SECURE = env_bool("COOKIE_CONSENT_SECURE", False)
# Off by default: consent.records keeps one ConsentRecord per decision.
COOKIE_CONSENT_LOG_ENABLED = env_bool("COOKIE_CONSENT_LOG_ENABLED", False)

# Security headers (docs/security.md). HTTPS-only settings are in production.py.
# No Gravatar in the admin: it would send a hash of each editor's email elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's previews override this with SAMEORIGIN for the admin's own frame.
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "browsing-topics": [],
    "interest-cohort": [],
}
# Public pages are cached and the same for everyone: no unsafe-inline, no nonce.
# The middleware adds the consent head script's hash and the gated scripts' hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin writes inline scripts and styles, and frames its own previews.
ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
