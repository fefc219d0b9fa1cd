"""200 consent decisions and 200 page views at once, with a publish in the middle.

End to end, as in production: the demo site in a temporary folder, served by
gunicorn with deploy/gunicorn.conf.py (sync workers, several processes sharing
the page cache through the file cache, or Redis when REDIS_URL is set), on a
SQLite file with the site's own options or, when DATABASE_URL names a
PostgreSQL server (CI's PostgreSQL pass), on a database of its own there.

While 400 visitors are in flight, an editor's publish of the term page's new
definition runs in another process. Page views may show the old or the new
definition while it runs, never an error; after it has returned, every worker
serves the new one, from the cache again; every decision left one proof of
consent and no django-cookie-consent log entry (that log is off by default).

The scenario runs once per module (``load_run``); the tests read what it saw.
"""

import http.client
import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

from .throwaway_site import (
    ThrowawaySite,
    Visitor,
    database_kind,
    serving,
    throwaway_database,
)

DECISIONS = 200
PAGE_VIEWS = 200
# The publish starts once this many visitors have had their answer.
PUBLISH_AFTER = (DECISIONS + PAGE_VIEWS) // 4
# Fixed, not deploy/gunicorn.conf.py's 2 × cores + 1: the same test on any machine.
WORKERS = 3
# Rounds of concurrent GETs after the publish, until every worker has answered.
CHECK_ROUNDS = 10

TERM_SLUG = "butyrate"
TERM = f"/glossary/{TERM_SLUG}/"
GLOSSARY = "/glossary/"
HOME = "/"
# An article whose text mentions the term: its auto-link popover shows the definition.
ARTICLE = "/articles/gut-microbiome-and-immune-system/"
PAGES = [TERM, GLOSSARY, HOME, ARTICLE]
SHOWING_DEFINITION = [TERM, GLOSSARY, ARTICLE]
NEW_DEFINITION = (
    "A fatty acid that gut bacteria make from fibre, as an editor revised it "
    "while four hundred visitors were on the site."
)

READ_DEFINITION = """\
import json
from glossary.models import GlossaryTermPage
print(json.dumps(GlossaryTermPage.objects.get(slug={slug!r}).definition))
"""
# An editor's publish, started ahead (Django's start-up takes seconds) and fired
# by a line on its standard input.
PUBLISH = """\
import sys
from glossary.models import GlossaryTermPage
print("ready", flush=True)
sys.stdin.readline()
term = GlossaryTermPage.objects.get(slug={slug!r}).get_latest_revision_as_object()
term.definition = {definition!r}
term.save_revision().publish()
print("published", flush=True)
"""
COUNT_RECORDS = """\
import json
from cookie_consent.models import ACTION_ACCEPTED, ACTION_DECLINED, CookieGroup, LogItem
from consent.records.models import ConsentRecord
records = ConsentRecord.objects.all()
print(json.dumps({
    "records": records.count(),
    "consent_ids": [str(i) for i in records.values_list("consent_id", flat=True)],
    "accepting": records.exclude(accepted=[]).filter(declined=[]).count(),
    "declining": records.exclude(declined=[]).filter(accepted=[]).count(),
    "optional_categories": CookieGroup.objects.filter(is_required=False).count(),
    "logged_accepts": LogItem.objects.filter(action=ACTION_ACCEPTED).count(),
    "logged_declines": LogItem.objects.filter(action=ACTION_DECLINED).count(),
}))
"""


@dataclass
class Outcome:
    """What one visitor sent and got."""

    action: str  # "accept", "decline" or "view"
    path: str
    started: float
    answered: float = 0.0
    statuses: list = field(default_factory=list)
    error: str = ""
    consent_id: str | None = None
    text: str = ""


@dataclass
class Check:
    """One GET after the publish, and the worker that answered it."""

    path: str
    status: int
    x_cache: str
    text: str
    pid: int | None = None


@dataclass
class LoadRun:
    database: str
    cache: str
    old_definition: str
    warm_x_cache: list
    outcomes: list
    publish: "EditorPublish"
    counts: dict
    checks: list
    worker_pids: set
    server_log: str
    timings: dict

    def views(self, path=None):
        return [
            o
            for o in self.outcomes
            if o.action == "view" and (path is None or o.path == path)
        ]

    def decisions(self):
        return [o for o in self.outcomes if o.action != "view"]

    def in_flight_at_publish(self):
        """Visitors sent before the publish started and answered after."""
        started = self.publish.started
        return [o for o in self.outcomes if o.started < started < o.answered]

    def summary(self) -> str:
        during = [
            o
            for o in self.outcomes
            if self.publish.started <= o.answered <= self.publish.returned
        ]
        shown = [
            shows(o.text, self.old_definition)
            for path in SHOWING_DEFINITION
            for o in self.views(path)
        ]
        return (
            f"{self.database} + {self.cache} cache, {WORKERS} gunicorn workers: "
            + ", ".join(f"{name} {s:.1f} s" for name, s in self.timings.items())
            + f"; {len(self.in_flight_at_publish())} visitors in flight when the "
            f"publish started, {len(during)} answered while it ran; page views "
            f"showed the old definition {shown.count('old')} times, the new one "
            f"{shown.count('new')} times; {len(self.checks)} GETs after it"
        )


def shows(text: str, old: str) -> str:
    """Which definition a page shows: "old", "new", "both" or "neither"."""
    return {
        (True, False): "old",
        (False, True): "new",
        (True, True): "both",
        (False, False): "neither",
    }[(old in text, NEW_DEFINITION in text)]


# --- the scenario ---------------------------------------------------------------


@pytest.fixture(scope="module", params=[database_kind()])
def site(request, tmp_path_factory):
    """The demo site on the database the environment selects (see module doc)."""
    directory = tmp_path_factory.mktemp("concurrent-publish")
    with throwaway_database(request.param, directory) as database_url:
        site = ThrowawaySite(directory, request.param, database_url)
        try:
            site.build()
            yield site
        finally:
            site.forget_cache()


def visit(base_url: str, action: str, path: str, on_answer) -> Outcome:
    outcome = Outcome(action, path, time.monotonic())
    visitor = Visitor(base_url)
    try:
        if action == "view":
            answer = visitor.get(path)
            outcome.statuses = [answer.status]
            outcome.text = answer.text
        else:
            outcome.statuses = [answer.status for answer in visitor.decide(action)]
            outcome.consent_id = visitor.cookie("consent_id")
    except (OSError, http.client.HTTPException, ValueError) as error:
        outcome.error = f"{type(error).__name__}: {error}"
    outcome.answered = time.monotonic()
    on_answer()
    return outcome


class EditorPublish:
    """An editor's publish of the term's new definition, in a process of its own.

    Started ahead (Django's start-up takes seconds) and fired on cue.
    """

    def __init__(self, site):
        self.process = site.shell_process(
            PUBLISH.format(slug=TERM_SLUG, definition=NEW_DEFINITION)
        )
        self.started = self.returned = 0.0
        self.output = ""
        if self.process.stdout.readline() != "ready\n":
            self.finish()
            raise AssertionError(f"the publishing shell did not start: {self.output}")

    def fire(self) -> None:
        self.started = time.monotonic()
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        self.process.stdout.readline()  # "published", or nothing when it failed
        self.returned = time.monotonic()

    def finish(self) -> None:
        if not self.started:
            self.process.kill()  # never fired: it must not publish
        try:
            _, errors = self.process.communicate(timeout=60)
        finally:
            self.process.kill()
        self.output = f"exit status {self.process.returncode}\n{errors}"

    @property
    def seconds(self) -> float:
        return self.returned - self.started


def load_with_publish(server, publish: EditorPublish) -> list[Outcome]:
    """Send every visitor at once; fire the publish after PUBLISH_AFTER answers."""
    visits = [("accept" if i % 2 else "decline", "/cookies/") for i in range(DECISIONS)]
    visits += [("view", PAGES[i % len(PAGES)]) for i in range(PAGE_VIEWS)]
    random.Random(2026).shuffle(visits)
    answered = []
    enough = threading.Event()

    def on_answer():
        answered.append(None)  # list.append is atomic
        if len(answered) >= PUBLISH_AFTER:
            enough.set()

    with ThreadPoolExecutor(max_workers=len(visits)) as pool:
        futures = [
            pool.submit(visit, server.url, action, path, on_answer)
            for action, path in visits
        ]
        enough.wait(timeout=300)
        publish.fire()
        return [future.result() for future in futures]


def check_every_worker(server) -> list[Check]:
    """GET each page showing the definition, several at a time so that every
    worker answers, until each page has come from each worker."""
    checks: list[Check] = []
    visitor = Visitor(server.url)

    def get(path):
        check_id = uuid.uuid4().hex
        answer = visitor.get(path, headers={"X-Check": check_id})
        return check_id, Check(
            path, answer.status, answer.headers.get("X-Cache", ""), answer.text
        )

    with ThreadPoolExecutor(max_workers=2 * WORKERS) as pool:
        for _ in range(CHECK_ROUNDS):
            sent = list(pool.map(get, SHOWING_DEFINITION * 2 * WORKERS))
            pids = server.pids_by_check([check_id for check_id, _ in sent])
            for check_id, check in sent:
                check.pid = pids.get(check_id)
                checks.append(check)
            served = {(check.path, check.pid) for check in checks}
            workers = server.worker_pids()
            if all((p, w) in served for p in SHOWING_DEFINITION for w in workers):
                break
    return checks


@pytest.fixture(scope="module")
def load_run(site):
    timings = {"migrate and load_demo": site.build_seconds}
    old_definition = site.query(READ_DEFINITION.format(slug=TERM_SLUG))
    with serving(site, WORKERS) as server:
        warm = [Visitor(server.url).get(path) for path in PAGES + [TERM]]
        publish = EditorPublish(site)
        started = time.monotonic()
        try:
            outcomes = load_with_publish(server, publish)
        finally:
            publish.finish()
        timings["400 visitors and the publish"] = time.monotonic() - started
        timings["publish"] = publish.seconds
        started = time.monotonic()
        checks = check_every_worker(server)
        timings["checks after the publish"] = time.monotonic() - started
        worker_pids = server.worker_pids()
    run = LoadRun(
        database=site.database,
        cache=site.cache_backend,
        old_definition=old_definition,
        warm_x_cache=[answer.headers.get("X-Cache") for answer in warm],
        outcomes=outcomes,
        publish=publish,
        counts=site.query(COUNT_RECORDS),
        checks=checks,
        worker_pids=worker_pids,
        server_log=server.log(),
        timings=timings,
    )
    print("\n" + run.summary())
    return run


# --- what it must show ----------------------------------------------------------


def test_the_term_page_is_served_from_the_cache_before_the_publish(load_run):
    *_, term_again = load_run.warm_x_cache
    answered_before = [
        o for o in load_run.views(TERM) if o.answered < load_run.publish.started
    ]

    assert term_again == "HIT"
    assert answered_before
    assert all(load_run.old_definition in o.text for o in answered_before)


def test_the_publish_ran_while_visitors_were_waiting_for_answers(load_run):
    assert load_run.publish.output.startswith("exit status 0"), load_run.publish.output
    assert load_run.in_flight_at_publish()


def test_every_decision_and_page_view_is_answered_without_error(load_run):
    failed = [
        (o.action, o.path, o.statuses, o.error)
        for o in load_run.outcomes
        if o.error or o.statuses != ([200] if o.action == "view" else [200, 200])
    ]

    assert failed == []
    assert len(load_run.decisions()) == DECISIONS
    assert len(load_run.views()) == PAGE_VIEWS
    assert "Traceback" not in load_run.server_log, load_run.server_log
    assert "WORKER TIMEOUT" not in load_run.server_log, load_run.server_log


def test_each_decision_leaves_exactly_one_consent_record(load_run):
    counts = load_run.counts
    ids_given = {o.consent_id for o in load_run.decisions()}

    assert counts["records"] == DECISIONS
    assert len(set(counts["consent_ids"])) == DECISIONS
    assert set(counts["consent_ids"]) == ids_given
    assert counts["accepting"] == counts["declining"] == DECISIONS // 2


def test_the_records_are_the_only_audit_trail_of_the_decisions(load_run):
    # django-cookie-consent's LogItem is off by default (COOKIE_CONSENT_LOG_ENABLED).
    counts = load_run.counts

    assert counts["optional_categories"] > 0
    assert counts["logged_accepts"] == counts["logged_declines"] == 0


def test_page_views_during_the_publish_show_the_old_or_the_new_definition(load_run):
    old = load_run.old_definition
    shown = {shows(o.text, old) for p in SHOWING_DEFINITION for o in load_run.views(p)}

    assert shown <= {"old", "new"}


def test_every_worker_serves_the_new_definition_after_the_publish(load_run):
    old = load_run.old_definition
    checks = load_run.checks

    assert {(c.path, c.status, shows(c.text, old)) for c in checks} == {
        (path, 200, "new") for path in SHOWING_DEFINITION
    }
    assert len(load_run.worker_pids) == WORKERS, "no worker was restarted"
    for path in SHOWING_DEFINITION:
        assert {c.pid for c in checks if c.path == path} == load_run.worker_pids


def test_the_published_pages_are_cached_again(load_run):
    for path in SHOWING_DEFINITION:
        *_, last = [c for c in load_run.checks if c.path == path]
        assert last.x_cache == "HIT"
        assert NEW_DEFINITION in last.text
