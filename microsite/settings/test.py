from .base import *  # noqa: F403
from .base import database_from_url, env_str

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# locmem unless REDIS_URL is set (.ci/with-redis): then the suite runs on Redis, under
# a prefix of its own so that it never touches another program's keys.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("REDIS_URL"),
        "KEY_PREFIX": "microsite-test",
    }
    if env_str("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
WAGTAILFRONTENDCACHE = {}
DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL") or "sqlite:///:memory:")
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the apps' folders, as runserver does, without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The suite runs in one process, so the plugins' warnings about a per-process
# cache (stale data in other workers) do not apply to it.
SILENCED_SYSTEM_CHECKS = ["consent.W010", "glossary.W010"]
