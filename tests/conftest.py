import os
import threading
import time

import pytest
from django.core.cache import caches
from django.core.signals import request_finished, request_started

# Playwright's sync API runs an event loop in the test thread; Django then refuses
# ORM calls from it unless told this is fine. Tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; no browser is ever downloaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser context: no cookies, no storage, like a first visit."""
    ctx = browser.new_context()
    yield ctx
    ctx.close()
    IN_FLIGHT.wait_until_idle()


class InFlightRequests:
    """How many requests a live server is handling right now.

    Only server threads count: the test client runs in the test thread and never
    overlaps with it.

    A live server in tests shares the test thread's in-memory SQLite connection.
    A request the browser sent just before its page closed (a preview refresh, a
    usage count) goes on running in a server thread; if the next test starts
    writing meanwhile, both use one connection and one of them finds it half-way
    through the other's transaction.
    """

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()
        request_started.connect(self.started, weak=False)
        request_finished.connect(self.finished, weak=False)

    def started(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:
                self.count += 1

    def finished(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.lock:
                self.count = max(0, self.count - 1)

    def wait_until_idle(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while self.count and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.count:
            left, self.count = self.count, 0
            raise AssertionError(
                f"{left} request(s) still running {timeout:.0f} s after the "
                "browser page closed"
            )


IN_FLIGHT = InFlightRequests()


@pytest.fixture
def page(context):
    """A page that collects console errors and page errors as `page.errors`.

    On teardown it waits until the server has finished every request the page
    sent, so the next test never shares the database connection with a request
    left over from this one.
    """
    pg = context.new_page()
    pg.errors = []
    pg.on(
        "console",
        lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None,
    )
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    pg.close()
    IN_FLIGHT.wait_until_idle()


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: the page cache (microsite.caching) and
    the plugins' cached data live in one process-wide cache in tests."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def site_root(db):
    """The default site's home page, recreated if a flush removed Wagtail's tree."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.get_children().first()
    if home is None:
        home = root.add_child(instance=Page(title="Home", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    Site.clear_site_root_paths_cache()
    return home
