from .base import *  # noqa: F403
from .base import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# Development only: a fixed key so sessions survive restarts. Production refuses to
# start without SECRET_KEY (see production.py).
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-insecure-key-not-for-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
