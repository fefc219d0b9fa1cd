"""Each process keeps the declarations it read, under the version it read them.

Another process's change gives the shared version a new value; this process
then reads the declarations again on its next request.
"""

import pytest
from cookie_consent.models import CookieGroup
from django.core.cache import caches

from consent import declarations
from consent.conf import settings as consent_settings

pytestmark = pytest.mark.django_db


def shared_cache():
    return caches[consent_settings.COOKIE_CONSENT_CACHE_BACKEND]


def description(varname):
    found = declarations.current()["categories"]
    return next(c["description"] for c in found if c["id"] == varname)


def test_a_second_read_uses_this_processes_copy(django_assert_num_queries):
    declarations.current()
    shared_cache().delete(consent_settings.CONSENT_CACHE_KEY)

    with django_assert_num_queries(0):
        declarations.current()

    # Not even the shared cache was asked for the declarations themselves.
    assert shared_cache().get(consent_settings.CONSENT_CACHE_KEY) is None


def test_a_change_in_another_process_is_read_on_the_next_request():
    before = description("analytics")
    # Another process saves the category: its signal handler forgets the
    # declarations; this process's copy is not touched.
    CookieGroup.objects.filter(varname="analytics").update(
        description="Counting visits, nothing else."
    )
    assert description("analytics") == before

    shared_cache().delete(consent_settings.CONSENT_CACHE_KEY)
    shared_cache().set(f"{consent_settings.CONSENT_CACHE_KEY}:version", "v2", None)

    assert description("analytics") == "Counting visits, nothing else."


def test_a_saved_category_is_read_on_the_next_request(
    django_capture_on_commit_callbacks,
):
    description("analytics")
    group = CookieGroup.objects.get(varname="analytics")
    with django_capture_on_commit_callbacks(execute=True):
        group.description = "Counting visits, nothing else."
        group.save()

    assert description("analytics") == "Counting visits, nothing else."


def test_an_emptied_cache_is_not_mistaken_for_the_version_this_process_read():
    description("analytics")
    CookieGroup.objects.filter(varname="analytics").update(
        description="Counting visits, nothing else."
    )

    shared_cache().clear()  # restarted or evicted: no version at all

    assert description("analytics") == "Counting visits, nothing else."


def test_forgetting_drops_the_shared_copy_before_it_renews_the_version(
    monkeypatch,
):
    declarations.current()
    order = []
    cache = shared_cache()
    original_delete_many, original_set = cache.delete_many, cache.set
    monkeypatch.setattr(
        cache,
        "delete_many",
        lambda keys, *a, **k: (order.append("delete"), original_delete_many(keys))[1],
    )
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, *a, **k: (order.append(f"set {key}"), original_set(key, *a, **k))[
            1
        ],
    )

    declarations.forget()

    assert order == ["delete", f"set {consent_settings.CONSENT_CACHE_KEY}:version"]
