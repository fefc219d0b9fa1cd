"""consent.W010/E010: the consent cache must be one every process sees."""

import pytest
from django.core.cache.backends.locmem import LocMemCache

from consent.checks import check_shared_cache

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


class TunedLocMemCache(LocMemCache):
    pass


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.COOKIE_CONSENT_CACHE_BACKEND = "default"
    return settings


def ids(messages):
    return [m.id for m in messages]


def test_a_per_process_cache_in_production_is_a_warning(production):
    production.CACHES = {"default": LOCMEM}

    [warning] = check_shared_cache()

    assert warning.id == "consent.W010"
    assert "'default'" in warning.msg
    assert "COOKIE_CONSENT_CACHE_BACKEND" in warning.hint


def test_a_subclass_of_the_per_process_cache_is_one_too(production):
    production.CACHES = {
        "default": {"BACKEND": f"{__name__}.TunedLocMemCache"},
    }

    assert ids(check_shared_cache()) == ["consent.W010"]


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.core.cache.backends.redis.RedisCache",
        "django.core.cache.backends.db.DatabaseCache",
    ],
)
def test_a_shared_cache_passes(production, tmp_path, backend):
    production.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}}

    assert check_shared_cache() == []


def test_only_the_alias_the_plugin_uses_counts(production, tmp_path):
    production.CACHES = {
        "default": LOCMEM,
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    production.COOKIE_CONSENT_CACHE_BACKEND = "shared"

    assert check_shared_cache() == []


def test_with_debug_on_one_process_may_keep_its_own_cache(production):
    production.CACHES = {"default": LOCMEM}
    production.DEBUG = True

    assert check_shared_cache() == []


def test_an_alias_missing_from_caches_is_an_error(production):
    production.COOKIE_CONSENT_CACHE_BACKEND = "consent"

    [error] = check_shared_cache()

    assert error.id == "consent.E010"
    assert "'consent'" in error.msg
