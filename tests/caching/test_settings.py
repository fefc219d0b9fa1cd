"""Cache and purge settings read from the environment."""

from microsite.settings.base import cache_from_env, frontend_cache_from_env


def test_without_redis_the_cache_is_a_file_cache_shared_by_workers(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("FILE_CACHE_MAX_ENTRIES", "500")

    cache = cache_from_env()

    assert cache["BACKEND"].endswith("FileBasedCache")
    assert cache["OPTIONS"] == {"MAX_ENTRIES": 500}


def test_redis_url_makes_redis_the_shared_cache(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://cache:6379/2")

    cache = cache_from_env()

    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache:6379/2"


def test_no_purge_url_means_no_frontend_cache(monkeypatch):
    monkeypatch.delenv("FRONTEND_CACHE_PURGE_URL", raising=False)

    assert frontend_cache_from_env() == {}


def test_purge_url_configures_wagtails_http_backend_for_the_given_hosts(
    monkeypatch,
):
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://127.0.0.1:8081")
    monkeypatch.setenv("FRONTEND_CACHE_HOSTNAMES", "example.org, www.example.org")

    assert frontend_cache_from_env() == {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:8081",
            "HOSTNAMES": ["example.org", "www.example.org"],
        }
    }
