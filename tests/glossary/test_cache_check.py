"""glossary.W010/E010: the glossary's shared data needs a cache every process sees."""

import pytest

from glossary.checks import check_shared_caches

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


@pytest.fixture
def production(settings, tmp_path):
    settings.DEBUG = False
    settings.CACHES = {
        "default": LOCMEM,
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    settings.GLOSSARY_AUTOLINK_CACHE = "default"
    return settings


def test_a_per_process_cache_in_production_is_one_warning_naming_the_setting(
    production,
):
    [warning] = check_shared_caches()

    assert warning.id == "glossary.W010"
    assert "auto-link terms" in warning.msg
    assert "GLOSSARY_AUTOLINK_CACHE" in warning.hint


def test_a_shared_cache_passes(production):
    production.GLOSSARY_AUTOLINK_CACHE = "shared"

    assert check_shared_caches() == []


def test_with_debug_on_one_process_may_keep_its_own_cache(production):
    production.DEBUG = True

    assert check_shared_caches() == []


def test_an_alias_missing_from_caches_is_an_error(production):
    production.GLOSSARY_AUTOLINK_CACHE = "terms"
    production.DEBUG = True

    [error] = check_shared_caches()

    assert error.id == "glossary.E010"
    assert "GLOSSARY_AUTOLINK_CACHE" in error.msg and "'terms'" in error.msg
