"""Check a bare `wagtail start` project with the plugins installed, in Chromium.

Run by ``.ci/bare-project`` with the main venv's Python (it has Playwright); it
only talks HTTP to the project's server:

    python check_in_browser.py http://127.0.0.1:PORT glossary
    python check_in_browser.py http://127.0.0.1:PORT consent --consent-prefix /cookies/

Prints one line per check and exits 1 if any failed. The checks of a phase:

- glossary: the index and a term render, with Origin, Mechanism, description,
  JSON-LD and the plugin's CSS; the pages API and the sitemap list the term;
- consent: the banner appears; Reject all leaves the gated script inert (also
  after a reload); Accept all runs it at once; the preferences link and page work;
- prefix: every plugin address in the pages is under --consent-prefix and
  answers; a decision through the banner and a no-JavaScript decision through
  the preferences page work there;
- csp: the pages carry a policy without 'unsafe-inline' for scripts, and the
  banner works under it with no policy violation.
"""

import argparse
import json
import os
import re
import sys
import time
from urllib.parse import urljoin, urlsplit

from fetching import addresses, fetch
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000
TERM = "/glossary/butyrate/"
# Wagtail's stock home page: not sensitive, so gated scripts run there once
# accepted (a glossary term is sensitive: see "sensitive term" below).
HOME = "/"
INDEX = "/glossary/"
ORIGIN_TEXT = "where it was first found"
MECHANISM_TEXT = "Cells lining the colon burn it"
DEFINITION = "A short-chain fatty acid that gut bacteria make from fibre."
GATED_RUNS = "window.bareGatedRuns || 0"


class CheckFailed(AssertionError):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def wait_for_gated_runs(page, expected):
    """Wait until the gated script ran ``expected`` times. Polled from here:
    Playwright's ``wait_for_function`` evaluates its predicate with ``eval``,
    which a strict CSP forbids in the page."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while (runs := page.evaluate(GATED_RUNS)) != expected:
        expect(time.monotonic() < deadline, f"the gated script ran {runs} times")
        page.wait_for_timeout(100)


class Checks:
    def __init__(self, base_url, browser, consent_prefix):
        self.base_url = base_url.rstrip("/")
        self.browser = browser
        self.prefix = consent_prefix
        self.results = []

    def url(self, path):
        return self.base_url + path

    def run(self, name, check):
        start = time.monotonic()
        try:
            check()
        except Exception as error:  # every failure is reported, none stops the rest
            message = str(error).strip().splitlines()[0] if str(error) else repr(error)
            self.results.append((name, False))
            print(f"  FAIL  {name}: {message} ({time.monotonic() - start:.1f}s)")
        else:
            self.results.append((name, True))
            print(f"  ok    {name} ({time.monotonic() - start:.1f}s)")
        sys.stdout.flush()

    def new_page(self, javascript=True):
        context = self.browser.new_context(java_script_enabled=javascript)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on(
            "console",
            lambda message: (
                page.errors.append(message.text) if message.type == "error" else None
            ),
        )
        return page

    # glossary ---------------------------------------------------------------

    def glossary(self):
        self.run("glossary index renders and lists the term", self.index_renders)
        self.run("term renders with Origin and Mechanism", self.term_renders)
        self.run("term has its definition as meta description", self.description)
        self.run("index and term carry JSON-LD", self.json_ld)
        self.run("glossary.css is linked and loaded", self.css_loaded)
        self.run("pages API serves the term's fields", self.api)
        self.run("sitemap index lists the term", self.sitemap)

    def index_renders(self):
        page = self.new_page()
        response = page.goto(self.url(INDEX))
        expect(response.status == 200, f"{INDEX} answered {response.status}")
        expect(page.locator("h1").first.inner_text().strip(), "no <h1>")
        link = page.get_by_role("link", name="Butyrate")
        expect(link.count() >= 1, "the index does not link the term")
        page.context.close()

    def term_renders(self):
        page = self.new_page()
        response = page.goto(self.url(TERM))
        expect(response.status == 200, f"{TERM} answered {response.status}")
        text = page.locator("body").inner_text()
        for heading in ("Origin", "Mechanism"):
            expect(
                page.get_by_role("heading", name=heading).count() >= 1,
                f"no {heading!r} heading",
            )
        expect(ORIGIN_TEXT in text, "the Origin text is missing")
        expect(MECHANISM_TEXT in text, "the Mechanism text is missing")
        expect(DEFINITION in text, "the definition is missing")
        page.context.close()

    def description(self):
        page = self.new_page()
        page.goto(self.url(TERM))
        meta = page.locator('meta[name="description"]')
        expect(meta.count() == 1, f"{meta.count()} meta descriptions")
        content = meta.get_attribute("content")
        expect(content == DEFINITION, f"meta description is {content!r}")
        page.context.close()

    def json_ld(self):
        page = self.new_page()
        for path, kind in ((TERM, "DefinedTerm"), (INDEX, "DefinedTermSet")):
            page.goto(self.url(path))
            blocks = page.locator('script[type="application/ld+json"]')
            kinds = [json.loads(b).get("@type") for b in blocks.all_text_contents()]
            expect(kind in kinds, f"{path}: JSON-LD types {kinds}, no {kind}")
        page.context.close()

    def css_loaded(self):
        page = self.new_page()
        loaded = {}
        page.on(
            "response",
            lambda response: loaded.__setitem__(response.url, response.status),
        )
        page.goto(self.url(TERM))
        page.wait_for_load_state("load")
        css = [url for url in loaded if url.endswith("glossary/glossary.css")]
        expect(css, "glossary.css was not requested")
        expect(loaded[css[0]] == 200, f"glossary.css answered {loaded[css[0]]}")
        applied = page.evaluate(
            "[...document.styleSheets].some(s => (s.href || '').endsWith("
            "'glossary/glossary.css') && s.cssRules.length > 0)"
        )
        expect(applied, "glossary.css is not among the page's style sheets")
        page.context.close()

    def api(self):
        path = (
            "/api/v2/pages/?type=glossary.GlossaryTermPage"
            "&fields=definition,origin,mechanism"
        )
        status, _, body = fetch(self.url(path))
        expect(status == 200, f"{path} answered {status}")
        items = json.loads(body)["items"]
        expect(len(items) == 1, f"{len(items)} terms in the API")
        expect(ORIGIN_TEXT in items[0]["origin"], "the API's origin lacks the text")

    def sitemap(self):
        status, _, body = fetch(self.url("/sitemap.xml"))
        expect(status == 200, f"/sitemap.xml answered {status}")
        sections = re.findall(r"<loc>([^<]+)</loc>", body)
        expect(sections, "the sitemap index lists no section")
        entries = []
        for section in sections:
            status, _, body = fetch(self.url(urlsplit(section).path))
            expect(status == 200, f"{section} answered {status}")
            entries += re.findall(r"<loc>([^<]+)</loc>", body)
        paths = {urlsplit(entry).path for entry in entries}
        expect({TERM, INDEX} <= paths, f"sitemap lists {sorted(paths)}")

    # consent ----------------------------------------------------------------

    def consent(self):
        self.run("banner appears on a first visit", self.banner_appears)
        self.run("Reject all leaves the gated script inert", self.reject_all)
        self.run("Accept all runs the gated script at once", self.accept_all)
        self.run(
            "a sensitive term leaves out a script not marked safe",
            self.sensitive_term,
        )
        self.run("preferences link opens the dialog", self.preferences_link)
        self.run("preferences page renders", self.preferences_page)

    def first_visit(self, path=HOME):
        page = self.new_page()
        response = page.goto(self.url(path))
        expect(response.status == 200, f"{path} answered {response.status}")
        banner = page.locator("#consent-banner")
        banner.wait_for(state="visible")
        return page

    def banner_appears(self):
        page = self.first_visit()
        expect(
            page.locator('script[type="text/plain"][data-consent="analytics"]').count(),
            "the gated script is not in the page",
        )
        expect(page.evaluate(GATED_RUNS) == 0, "the gated script ran before consent")
        page.context.close()

    def sensitive_term(self):
        page = self.first_visit(TERM)
        expect(
            not page.locator('script[data-consent="analytics"]').count(),
            "the term page holds a gated script not marked safe",
        )
        page.context.close()

    def decide(self, page, action):
        page.locator(f'#consent-banner [data-consent-action="{action}"]').click()
        page.locator("#consent-banner").wait_for(state="hidden")

    def reject_all(self):
        page = self.first_visit()
        self.decide(page, "reject")
        page.wait_for_timeout(500)
        expect(page.evaluate(GATED_RUNS) == 0, "the gated script ran after Reject all")
        page.reload()
        page.wait_for_load_state("load")
        expect(
            not page.locator("#consent-banner").is_visible(),
            "the banner came back after a reload",
        )
        expect(page.evaluate(GATED_RUNS) == 0, "the gated script ran after a reload")
        page.context.close()

    def accept_all(self):
        page = self.first_visit()
        self.decide(page, "accept")
        wait_for_gated_runs(page, 1)
        page.reload()
        wait_for_gated_runs(page, 1)
        expect(
            not page.locator("#consent-banner").is_visible(),
            "the banner came back after a reload",
        )
        page.context.close()

    def preferences_link(self):
        page = self.first_visit()
        link = page.locator("a.consent-preferences-link")
        expect(link.count() == 1, f"{link.count()} preferences links in the page")
        href = urlsplit(urljoin(page.url, link.get_attribute("href"))).path
        expect(href == self.prefix, f"the link goes to {href}, not {self.prefix}")
        link.click()
        page.locator("#consent-dialog[open]").wait_for()
        page.context.close()

    def preferences_page(self):
        page = self.new_page()
        response = page.goto(self.url(self.prefix))
        expect(response.status == 200, f"{self.prefix} answered {response.status}")
        expect(page.locator("h1").count() >= 1, "no <h1>")
        page.context.close()

    # prefix -----------------------------------------------------------------

    def prefix_links(self):
        self.run(
            f"every plugin address is under {self.prefix} and answers",
            self.plugin_addresses,
        )
        self.run(f"Accept all works with consent at {self.prefix}", self.accept_all)
        self.run(
            f"no-JavaScript Reject all on {self.prefix} saves and returns",
            self.no_script_decision,
        )
        self.run("preferences link opens the dialog", self.preferences_link)

    def plugin_addresses(self):
        seen = {}
        for path in (TERM, INDEX, self.prefix):
            status, _, html = fetch(self.url(path))
            expect(status == 200, f"{path} answered {status}")
            for tag, attribute, value in addresses(html):
                target = urlsplit(urljoin(self.url(path), value))
                if target.netloc != urlsplit(self.base_url).netloc:
                    continue
                if "cookie" in target.path or target.path.startswith(self.prefix):
                    seen.setdefault(target.path, (path, tag, attribute))
        expect(seen, "no plugin address in the pages")
        outside = [p for p in seen if not p.startswith(self.prefix)]
        expect(not outside, f"addresses outside {self.prefix}: {outside}")
        for target, (page_path, tag, attribute) in sorted(seen.items()):
            method = "POST" if attribute == "action" else "GET"
            status, _, _ = fetch(self.url(target), method)
            # A post without a CSRF token gets Django's 403: the view is there.
            allowed = {200, 403} if method == "POST" else {200}
            expect(
                status in allowed,
                f"{method} {target} ({tag} {attribute} on {page_path}) "
                f"answered {status}",
            )

    def no_script_decision(self):
        page = self.new_page(javascript=False)
        page.goto(self.url(TERM))
        page.goto(self.url(self.prefix) + "?next=" + TERM)
        button = page.locator(
            f'form[action$="{self.prefix}decline/"] button, '
            f'form[action$="{self.prefix}decline/"] [type="submit"]'
        )
        expect(button.count() >= 1, "no Reject all form on the preferences page")
        button.first.click()
        page.wait_for_load_state("load")
        landed = urlsplit(page.url)
        expect(
            landed.path in (self.prefix, TERM),
            f"the decision led to {landed.path}",
        )
        cookies = {c["name"]: c["value"] for c in page.context.cookies()}
        expect("cookie_consent" in cookies, "no consent cookie after the decision")
        page.context.close()

    # csp --------------------------------------------------------------------

    def csp(self):
        self.run("pages send a CSP without 'unsafe-inline' scripts", self.strict_csp)
        self.run("banner appears under the CSP", self.banner_under_csp)
        self.run("Accept all runs the gated script under the CSP", self.accept_all)

    def strict_csp(self):
        for path in (TERM, INDEX, self.prefix):
            status, headers, _ = fetch(self.url(path))
            expect(status == 200, f"{path} answered {status}")
            policy = headers.get("Content-Security-Policy", "")
            expect(policy, f"{path} has no Content-Security-Policy")
            directives = dict(
                (part.strip().split(" ", 1) + [""])[:2]
                for part in policy.split(";")
                if part.strip()
            )
            scripts = directives.get("script-src", directives.get("default-src", ""))
            expect(scripts, f"{path}: no script-src or default-src")
            expect("'unsafe-inline'" not in scripts, f"{path}: script-src {scripts}")

    def banner_under_csp(self):
        page = self.new_page()
        page.goto(self.url(TERM))
        page.locator("#consent-banner").wait_for(state="visible")
        violations = [e for e in page.errors if "Content Security Policy" in e]
        expect(not violations, f"CSP violations: {violations[:2]}")
        page.context.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("phase", choices=["glossary", "consent", "prefix", "csp"])
    parser.add_argument("--consent-prefix", default="/cookies/")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        checks = Checks(args.base_url, browser, args.consent_prefix)
        {
            "glossary": checks.glossary,
            "consent": checks.consent,
            "prefix": checks.prefix_links,
            "csp": checks.csp,
        }[args.phase]()
        browser.close()
    failed = [name for name, passed in checks.results if not passed]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
