"""A throwaway copy of the site served by gunicorn, for end-to-end tests.

A temporary directory holds a generated settings module (the site's base
settings with DEBUG off), the database and the cache:

- the database is a SQLite file with the site's own options (WAL, IMMEDIATE
  transactions), or, when DATABASE_URL names a PostgreSQL server (CI's
  PostgreSQL pass), a fresh database created on that server and dropped after;
- the cache is the file cache every worker shares, or, when REDIS_URL is set,
  Redis under a key prefix of its own, whose keys are deleted after.

gunicorn runs deploy/gunicorn.conf.py on 127.0.0.1 and a free port, and is
always stopped. Visitors are urllib openers, each with its own cookie jar.
"""

import contextlib
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
SETTINGS_NAME = "throwaway_site_settings"
SETTINGS_MODULE = """\
from microsite.settings.base import *  # noqa: F403

SECRET_KEY = "throwaway-test-site-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
PAGE_CACHE_ENABLED = True
WAGTAILFRONTENDCACHE = {{}}
# Every simulated visitor posts from 127.0.0.1: no per-client decision limit.
CONSENT_DECISIONS_PER_MINUTE = None
{cache_prefix}
"""
# What the test process's environment must not hand the site: its own settings.
NOT_INHERITED = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
    "PAGE_CACHE_ENABLED",
    "FRONTEND_CACHE_PURGE_URL",
    "DEBUG",
    "GUNICORN_BIND",
    "GUNICORN_WORKERS",
}
TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- database and site --------------------------------------------------------


def database_kind() -> str:
    """PostgreSQL when the environment's DATABASE_URL names a server, else SQLite."""
    scheme = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", "")).scheme
    return "postgresql" if scheme.startswith("postgres") else "sqlite"


@contextlib.contextmanager
def throwaway_database(kind: str, directory: Path):
    """Yield the URL of an empty database of ``kind``, removed afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'db.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    server_url = os.environ["DATABASE_URL"]
    name = f"microsite_e2e_{uuid.uuid4().hex[:12]}"
    # Connected to the environment's database only to create and drop another one.
    with psycopg.connect(server_url, autocommit=True) as server:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        parts = urllib.parse.urlsplit(server_url)
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server_url, autocommit=True) as server:
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )


class ThrowawaySite:
    """Settings, environment and ``manage.py`` for a site in ``directory``."""

    def __init__(self, directory: Path, database: str, database_url: str):
        self.directory = directory
        self.database = database
        self.build_seconds = 0.0
        self.redis_url = os.environ.get("REDIS_URL")
        self.cache_prefix = f"e2e-{uuid.uuid4().hex[:12]}" if self.redis_url else None
        prefix_line = (
            f'CACHES["default"]["KEY_PREFIX"] = {self.cache_prefix!r}'
            if self.cache_prefix
            else ""
        )
        (directory / f"{SETTINGS_NAME}.py").write_text(
            SETTINGS_MODULE.format(cache_prefix=prefix_line)
        )
        for name in ("var", "static", "media"):
            (directory / name).mkdir()
        self.env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
        self.env.update(
            {
                "DJANGO_SETTINGS_MODULE": SETTINGS_NAME,
                "PYTHONPATH": os.pathsep.join([str(directory), str(ROOT)]),
                "DATABASE_URL": database_url,
                # docs/operations.md's advice for PostgreSQL; SQLite ignores it.
                "CONN_MAX_AGE": "60",
                "VAR_DIR": str(directory / "var"),
                "STATIC_ROOT": str(directory / "static"),
                "MEDIA_ROOT": str(directory / "media"),
            }
        )

    @property
    def cache_backend(self) -> str:
        return "redis" if self.redis_url else "file"

    def build(self) -> None:
        """Migrate and load the demo content, as `make demo` does."""
        started = time.monotonic()
        self.manage("migrate", "--no-input")
        self.manage("load_demo")
        self.build_seconds = time.monotonic() - started

    def manage(self, *arguments: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, (
            f"manage.py {arguments[0]} failed:\n{result.stdout}\n{result.stderr}"
        )
        return result.stdout

    def query(self, code: str):
        """Run ``code`` in a Django shell of the site; it prints one JSON value."""
        output = self.manage("shell", "--no-imports", "-c", code)
        return json.loads(output.strip().splitlines()[-1])

    def shell_process(self, code: str) -> subprocess.Popen:
        """A Django shell of the site running ``code``, talking through pipes."""
        return subprocess.Popen(
            [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def forget_cache(self) -> None:
        """Delete this site's keys from Redis (a file cache goes with the folder)."""
        if not self.cache_prefix:
            return
        import redis

        client = redis.Redis.from_url(self.redis_url)
        for key in client.scan_iter(match=f"{self.cache_prefix}:*"):
            client.delete(key)
        client.close()


# --- gunicorn -------------------------------------------------------------------

# The worker's pid, the status and the X-Check header of each request.
ACCESS_LOG_FORMAT = "%(p)s %(s)s %({x-check}i)s"
ACCESS_LINE = re.compile(r"^<(?P<pid>\d+)> (?P<status>\d+) (?P<check>\S+)$")


class Gunicorn:
    """deploy/gunicorn.conf.py serving a ThrowawaySite on 127.0.0.1."""

    def __init__(self, site: ThrowawaySite, workers: int):
        self.site = site
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = site.directory / "gunicorn.log"
        self.access_log_path = site.directory / "access.log"
        self.process = None

    def start(self) -> None:
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [
                    GUNICORN,
                    "--config=deploy/gunicorn.conf.py",
                    f"--bind=127.0.0.1:{self.port}",
                    f"--workers={self.workers}",
                    f"--access-logfile={self.access_log_path}",
                    f"--access-logformat={ACCESS_LOG_FORMAT}",
                ],
                cwd=ROOT,
                env=self.site.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_until_answering()

    def wait_until_answering(self, seconds=60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"gunicorn stopped:\n{self.log()}"
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=5).close()
                return
            except OSError:
                time.sleep(0.25)
        raise AssertionError(f"gunicorn did not answer within {seconds} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def worker_pids(self) -> set[int]:
        """Every worker the master started, restarted ones included."""
        booted = re.findall(r"Booting worker with pid: (\d+)", self.log())
        return {int(pid) for pid in booted}

    def pids_by_check(self, check_ids, seconds=10) -> dict[str, int]:
        """The worker that answered each request sent with an X-Check header.

        A worker logs a request after sending the answer: wait for the lines.
        """
        deadline = time.monotonic() + seconds
        while True:
            served = {}
            for line in self.access_log_path.read_text().splitlines():
                match = ACCESS_LINE.match(line)
                if match and match["check"] != "-":
                    served[match["check"]] = int(match["pid"])
            if set(check_ids) <= set(served) or time.monotonic() > deadline:
                return served
            time.sleep(0.1)


@contextlib.contextmanager
def serving(site: ThrowawaySite, workers: int):
    server = Gunicorn(site, workers)
    try:
        server.start()
        yield server
    finally:
        server.stop()


# --- visitors ---------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: Message
    text: str


class Visitor:
    """One browser: its own cookie jar, the headers the site's script sends."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )

    def request(self, path: str, data: dict | None = None, headers=None) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base_url + path, data=body, headers=headers or {}
        )
        try:
            reply = self.opener.open(request, timeout=TIMEOUT)
        except urllib.error.HTTPError as error:
            reply = error
        with reply:
            return Answer(reply.status, reply.headers, reply.read().decode())

    def get(self, path: str, headers=None) -> Answer:
        return self.request(path, headers=headers)

    def decide(self, action: str) -> tuple[Answer, Answer]:
        """Accept or decline every category as the banner's script does: the
        status view for a CSRF token, then the POST."""
        status = self.get("/cookies/status/")
        token = json.loads(status.text)["csrftoken"] if status.status == 200 else ""
        decision = self.request(
            f"/cookies/{action}/",
            {"all_groups": "1", "source": "banner"},
            headers={
                "X-CSRFToken": token,
                "X-Cookie-Consent-Fetch": "1",
                "Referer": self.base_url + "/",
            },
        )
        return status, decision

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)
