"""Drive headless Chromium over the site's pages in three fresh visits.

``run_audit`` opens the pages (1) without making a choice, (2) after clicking the
banner's *Reject all* and (3), in a new context, after *Accept all*, and collects
cookies, localStorage/sessionStorage keys and requests to other hosts. The
verdicts come from the pure functions in :mod:`consent.audit.classify`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from urllib.parse import urlsplit

from .classify import (
    ACCEPT,
    BEFORE,
    REJECT,
    VIOLATION,
    Finding,
    classify_cookies,
    classify_requests,
    classify_storage,
)
from .leaks import SentRequest, classify_leaks
from .report import AuditReport, PageResult, PhaseResult

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The plugin's banner buttons (consent/banner_and_dialog.html); consent.js acts on
# these attributes, so a site's own banner template keeps them too.
BUTTONS = {
    REJECT: '#consent-banner [data-consent-action="reject"]',
    ACCEPT: '#consent-banner [data-consent-action="accept"]',
}
BUTTON_LABELS = {REJECT: "Reject all", ACCEPT: "Accept all"}
STORAGE_KEYS = """() => {
  const keys = (store) => {
    try { return Object.keys(store); } catch (e) { return []; }
  };
  return {local: keys(window.localStorage), session: keys(window.sessionStorage)};
}"""
# What the page says of itself: sensitive or not (consent.sensitivity), and what
# it is about, for the leak check.
PAGE_FACTS = """() => {
  const page = (window.consent && window.consent.config.page) || {};
  const meta = document.querySelector('meta[property="og:title"]');
  const h1 = document.querySelector("h1");
  return {
    sensitive: page.sensitive === true,
    titles: [document.title, h1 ? h1.textContent : "", meta ? meta.content : ""],
  };
}"""
# After the load event, wait this long at most for the network to go quiet, so
# that scripts inserted by consent.js have run and set what they set.
SETTLE_MS = 3000
LAUNCH_TIMEOUT_MS = 30_000


class AuditError(Exception):
    """The audit could not run (no Playwright, Chromium does not start)."""


def event_loop_running() -> bool:
    """Whether this thread runs an asyncio loop (as Playwright's sync API does).

    Playwright's sync API refuses to start inside a running loop, for example in
    a test that already drives a browser; the audit then runs in its own thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def run_audit(
    base_url: str,
    urls: list[str],
    declarations,
    *,
    has_optional: bool = True,
    chromium: str = DEFAULT_CHROMIUM,
    timeout: float = 30.0,
    consent_cookie: str = "cookie_consent",
) -> AuditReport:
    """Audit ``urls`` of the site at ``base_url`` against ``declarations``.

    ``has_optional``: whether any category needs consent (otherwise no banner is
    expected and the Reject/Accept phases are not run). Raises AuditError when
    the browser cannot be used.
    """
    job = _Audit(
        base_url, urls, declarations, has_optional, chromium, timeout, consent_cookie
    )
    if not event_loop_running():
        return job.run()
    result: dict = {}

    def work():
        try:
            result["report"] = job.run()
        except BaseException as error:  # handed back to the caller's thread
            result["error"] = error

    thread = threading.Thread(target=work, name="consent-audit", daemon=True)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["report"]


class _Audit:
    def __init__(
        self, base_url, urls, declarations, has_optional, chromium, timeout, cookie
    ):
        self.base_url = base_url
        self.urls = list(urls)
        self.declarations = list(declarations)
        self.has_optional = has_optional
        self.chromium = chromium
        self.timeout_ms = timeout * 1000
        self.site_host = urlsplit(base_url).hostname or ""
        self.consent_cookie = cookie

    def run(self) -> AuditReport:
        try:
            from playwright.sync_api import Error as PlaywrightError
            from playwright.sync_api import sync_playwright
        except ImportError:
            raise AuditError(
                "Playwright is not installed (pip install playwright)"
            ) from None
        self.PlaywrightError = PlaywrightError
        report = AuditReport(self.base_url, self.urls)
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(
                    executable_path=self.chromium,
                    args=CHROMIUM_ARGS,
                    # Starting takes long on a loaded machine, whatever the pages do.
                    timeout=max(self.timeout_ms, LAUNCH_TIMEOUT_MS),
                )
            except PlaywrightError as error:
                first = str(error).strip().splitlines()[0] if str(error) else ""
                raise AuditError(
                    f"Chromium at {self.chromium} did not start: {first}"
                ) from None
            try:
                report.phases.append(self.phase(browser, BEFORE))
                if self.has_optional:
                    report.phases.append(self.phase(browser, REJECT))
                    report.phases.append(self.phase(browser, ACCEPT))
            finally:
                browser.close()
        return report

    def phase(self, browser, phase: str) -> PhaseResult:
        result = PhaseResult(phase)
        context = browser.new_context()
        context.set_default_timeout(self.timeout_ms)
        requests: list = []
        context.on("request", lambda request: requests.append(request))
        page = context.new_page()
        seen: set[tuple[str, str, str]] = set()
        try:
            if phase in BUTTONS and not self.choose_on_first_page(
                page, context, result
            ):
                return result  # no choice was made: visiting again would say nothing
            for url in self.urls:
                requests.clear()
                page_result = PageResult(url)
                self.visit(page, page_result)
                if not page_result.error:
                    page_result.findings = self.findings(
                        page, context, phase, [r.url for r in requests], seen
                    )
                    if phase == ACCEPT:
                        page_result.findings += self.leaks(page, page_result, requests)
                result.pages.append(page_result)
        finally:
            context.close()
        return result

    def choose_on_first_page(self, page, context, result: PhaseResult) -> bool:
        """Open the first page and click the phase's banner button.

        When that fails, the phase holds the first page with the error (it did
        not load) or a violation (no button, or the choice was not stored).
        """
        first = PageResult(self.urls[0])
        self.visit(page, first)
        label = BUTTON_LABELS[result.phase]
        if first.error:
            result.note = f"Could not click {label}: the first page did not load."
            result.pages.append(first)
            return False
        problem = self.choose(page, context, result.phase)
        if problem:
            result.note = f"Could not click {label}."
            first.findings.append(Finding("banner", label, VIOLATION, problem))
            result.pages.append(first)
            return False
        result.note = (
            f"Clicked the banner's {label} on {first.url},"
            " then visited every page again."
        )
        return True

    def visit(self, page, page_result: PageResult):
        try:
            response = page.goto(
                page_result.url, wait_until="load", timeout=self.timeout_ms
            )
        except self.PlaywrightError as error:
            page_result.error = str(error).strip().splitlines()[0]
            return
        page_result.status = response.status if response else None
        self.settle(page)

    def choose(self, page, context, phase) -> str:
        """Click the banner's button; a problem as text, or "" when it worked."""
        label = BUTTON_LABELS[phase]
        button = page.locator(BUTTONS[phase]).first
        try:
            button.wait_for(state="visible", timeout=self.timeout_ms)
        except self.PlaywrightError:
            return f"the banner's {label} button did not show on {page.url}"
        button.click()
        deadline = time.monotonic() + self.timeout_ms / 1000
        while time.monotonic() < deadline:
            if any(c["name"] == self.consent_cookie for c in context.cookies()):
                break
            page.wait_for_timeout(100)
        else:
            return f"{label} on {page.url} stored no {self.consent_cookie} cookie"
        self.settle(page)
        return ""

    def settle(self, page):
        """Wait a little for the network to go quiet; a page that keeps polling
        is audited as it is when the wait ends."""
        with contextlib.suppress(self.PlaywrightError):
            page.wait_for_load_state(
                "networkidle", timeout=min(SETTLE_MS, self.timeout_ms)
            )

    def leaks(self, page, page_result: PageResult, requests) -> list[Finding]:
        """On a page that says it is sensitive: every request to another host
        that carries its title, slug or path."""
        try:
            facts = page.evaluate(PAGE_FACTS)
        except self.PlaywrightError:
            return []
        page_result.sensitive = facts["sensitive"]
        if not page_result.sensitive:
            return []
        sent = [self.sent_request(request) for request in requests]
        return classify_leaks(sent, facts["titles"], page_result.url, self.site_host)

    def sent_request(self, request) -> SentRequest:
        try:
            referer = request.all_headers().get("referer", "")
        except self.PlaywrightError:
            referer = request.headers.get("referer", "")
        try:
            body = request.post_data_buffer or b""
        except self.PlaywrightError:
            body = b""
        return SentRequest(request.url, referer, body)

    def findings(self, page, context, phase, requests, seen) -> list[Finding]:
        """What this page adds: cookies and keys not reported earlier in the
        phase, and every other host this page sent requests to."""
        try:
            storage = page.evaluate(STORAGE_KEYS)
        except self.PlaywrightError:
            storage = {}
        held = classify_cookies(
            context.cookies(), self.declarations, self.site_host, phase
        ) + classify_storage(storage, self.declarations, phase)
        new = []
        for finding in held:
            key = (finding.kind, finding.name, finding.domain)
            if key not in seen:
                seen.add(key)
                new.append(finding)
        return new + classify_requests(list(requests), self.site_host, phase)
