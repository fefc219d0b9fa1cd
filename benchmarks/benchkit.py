"""Shared helpers for the benchmark scripts (run_all, page_speed, scale, lighthouse).

A throwaway site in a temporary directory (SQLite file, file cache, collected
static files, production settings), gunicorn and nginx on 127.0.0.1 ports, wrk
runs with parsed results, and SQL query counts taken in-process with the Django
test client. Every server started here is stopped by its context manager.
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
CORES = os.cpu_count() or 1
WORKERS = 2 * CORES + 1
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- tools ------------------------------------------------------------------

APT_PACKAGES = {"wrk": "wrk", "nginx": "nginx-light"}


def tool_path(name: str) -> str | None:
    return shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if Path(p).exists()),
        None,
    )


def ensure_tools(names=("wrk", "nginx")) -> list[str]:
    """Install missing tools with apt-get when root; return what is still missing."""
    missing = [name for name in names if not tool_path(name)]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        packages = [APT_PACKAGES[name] for name in missing]
        log(f"installing {' '.join(packages)} with apt-get")
        install = ["apt-get", "install", "-y", "-q", *packages]
        if subprocess.run(install, capture_output=True).returncode:
            subprocess.run(["apt-get", "update", "-q"], capture_output=True)
            subprocess.run(install, capture_output=True)
        missing = [name for name in names if not tool_path(name)]
    for name in missing:
        print(
            f"MISSING: {name} (install it: apt-get install -y {APT_PACKAGES[name]})",
            file=sys.stderr,
        )
    return missing


# --- the throwaway site -----------------------------------------------------


class Site:
    """A temporary site: its own database, cache, static files and settings."""

    def __init__(self, keep=False, root=ROOT):
        # `root` is the project's code: this checkout, or an older commit's (checkout).
        self.root = Path(root)
        self.dir = Path(tempfile.mkdtemp(prefix="microsite-bench-"))
        # nginx workers run as an unprivileged user: let them read the files.
        self.dir.chmod(0o755)
        self.keep = keep
        for name in ("var", "static", "media", "html"):
            (self.dir / name).mkdir()
            (self.dir / name).chmod(0o755)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key
            not in {"REDIS_URL", "CACHE_URL", "FRONTEND_CACHE_PURGE_URL", "DEBUG"}
        }
        self.env.update(
            {
                "DJANGO_SETTINGS_MODULE": "microsite.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SECURE_SSL_REDIRECT": "false",
                "DATABASE_URL": f"sqlite:///{self.dir / 'db.sqlite3'}",
                "VAR_DIR": str(self.dir / "var"),
                "STATIC_ROOT": str(self.dir / "static"),
                "MEDIA_ROOT": str(self.dir / "media"),
                "PYTHONPATH": str(self.root),
            }
        )

    def manage(self, *arguments, env=None, timeout=1800) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=self.root,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(
                f"manage.py {' '.join(arguments)} failed:\n{result.stderr[-3000:]}"
            )
        return result.stdout

    def build(self) -> None:
        log(f"site in {self.dir}: migrate, load_demo, collectstatic")
        self.manage("migrate", "--no-input")
        self.manage("load_demo")
        self.manage("collectstatic", "--no-input")
        for path in (self.dir / "static", self.dir / "media"):
            for item in path.rglob("*"):
                item.chmod(0o755 if item.is_dir() else 0o644)

    def python(self, code: str, env=None, timeout=600) -> str:
        result = subprocess.run(
            [PYTHON, "-c", code],
            cwd=self.root,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"python -c failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def urls(self) -> dict:
        """Addresses of the pages measured: home, a term, an article, the index."""
        code = """
import django, json
django.setup()
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from microsite.articles.models import ArticlePage
term = (GlossaryTermPage.objects.live().exclude(slug__startswith="synthetic-")
        .order_by("path").first())
article = ArticlePage.objects.live().order_by("path").first()
index = GlossaryIndexPage.objects.live().first()
print(json.dumps({"home": "/", "term": term.url, "article": article.url,
                  "index": index.url, "term_title": term.title}))
"""
        return json.loads(self.python(code).strip().splitlines()[-1])

    def count_queries(self, paths) -> dict:
        """SQL queries per page, rendered in-process (no page cache) on this DB."""
        code = f"""
import django, json
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
out = {{}}
for path in {list(paths)!r}:
    client.get(path)  # warm per-process caches (content types, site, settings)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    out[path] = [response.status_code, len(captured.captured_queries)]
print(json.dumps(out))
"""
        text = self.python(code, env={"PAGE_CACHE_ENABLED": "false"})
        return json.loads(text.strip().splitlines()[-1])

    def cleanup(self) -> None:
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def checkout(revision: str):
    """The project's code at ``revision``, in a temporary git worktree; yields its
    path. The same venv runs it: PYTHONPATH puts its packages before the editable
    install of this checkout."""
    path = Path(tempfile.mkdtemp(prefix="microsite-baseline-")) / "code"
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(path), revision],
        cwd=ROOT,
        check=True,
    )
    try:
        yield path
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=False
        )
        shutil.rmtree(path.parent, ignore_errors=True)


# --- servers ----------------------------------------------------------------


def wait_for_port(port: int, process: subprocess.Popen, name: str, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped before listening (see its log)")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on {port} within {seconds} s")


def wait_until_answering(url: str, process: subprocess.Popen, seconds=120) -> None:
    """Workers import the app after the port opens: wait for a first answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped before answering (see its log)")
        try:
            fetch(url, timeout=15)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen | None, seconds=20) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


class Server(str):
    """A server's base URL (``app + path`` works as with a str) and its pid."""

    pid: int = 0

    def __new__(cls, url: str, pid: int):
        server = super().__new__(cls, url)
        server.pid = pid
        return server


@contextlib.contextmanager
def gunicorn(site: Site, page_cache=True, workers=WORKERS, env=None, threads: int = 0):
    """gunicorn serving the site on a free port; yields its base URL (a Server,
    whose ``pid`` is gunicorn's master). ``site.wsgi`` names the application
    (the microsite's unless the site says otherwise, as the bare project does);
    ``env`` adds variables (REDIS_URL, DATABASE_URL...). ``threads`` > 0 runs
    gthread workers with that many threads each (the no-proxy set-up of
    deploy/README.md), else sync workers."""
    port = free_port()
    logfile = open(site.dir / f"gunicorn-{port}.log", "w")  # noqa: SIM115
    process = None
    try:
        process = subprocess.Popen(
            [
                GUNICORN,
                getattr(site, "wsgi", "microsite.wsgi:application"),
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                *(
                    ["--worker-class=gthread", f"--threads={threads}"]
                    if threads
                    else []
                ),
                "--log-level=warning",
            ],
            cwd=site.root,
            env={
                **site.env,
                "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
                **(env or {}),
            },
            stdout=logfile,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(port, process, "gunicorn")
        base = f"http://127.0.0.1:{port}"
        wait_until_answering(base + "/robots.txt", process)
        yield Server(base, process.pid)
    finally:
        stop(process)
        logfile.close()


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (gunicorn's workers), from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if parse_ppid(stat) == pid:
            children.append(int(entry.name))
    return sorted(children)


def parse_ppid(stat: str) -> int:
    """The parent pid in a /proc/PID/stat line (the command may hold spaces and
    parentheses: fields start after the last ')')."""
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def parse_rss_kib(status: str) -> int | None:
    """VmRSS in KiB from a /proc/PID/status text."""
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def worker_rss(master_pid: int) -> list[int]:
    """Resident memory of each worker of a gunicorn master, in bytes."""
    sizes = []
    for pid in child_pids(master_pid):
        try:
            kib = parse_rss_kib(Path(f"/proc/{pid}/status").read_text())
        except OSError:
            continue
        if kib is not None:
            sizes.append(kib * 1024)
    return sizes


@contextlib.contextmanager
def redis_server(directory: Path):
    """A throwaway redis-server on a free 127.0.0.1 port, no persistence; yields
    its URL (database 0) and stops it at the end."""
    binary = tool_path("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed (apt-get install redis)")
    port = free_port()
    logfile = open(directory / f"redis-{port}.log", "w")  # noqa: SIM115
    process = None
    try:
        process = subprocess.Popen(
            [
                binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(directory),
            ],
            stdout=logfile,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(port, process, "redis-server", seconds=15)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)
        logfile.close()


NGINX_REPLACEMENTS = {
    "user www-data;\n": "user nobody nogroup;\n",
    "pid /run/nginx-microsite.pid;": "pid {tmp}/nginx.pid;",
    "error_log /var/log/nginx/error.log warn;": "error_log {tmp}/nginx-error.log;",
    "/var/log/nginx/access.log": "{tmp}/nginx-access.log",
    "/var/log/nginx/purge.log": "{tmp}/nginx-purge.log",
    "/var/cache/nginx/microsite": "{tmp}/nginx-cache",
    "/srv/microsite/static_collected/": "{static}/",
    "/srv/microsite/media/": "{media}/",
    "server 127.0.0.1:8000;": "server 127.0.0.1:{app_port};",
    "listen 80;": "listen 127.0.0.1:{port};",
    "listen 127.0.0.1:8082;": "listen 127.0.0.1:{refresh_port};",
    "        8082     1;": "        {refresh_port}     1;",
    "        8082     $http_x_refresh_scheme;": (
        "        {refresh_port}     $http_x_refresh_scheme;"
    ),
    "proxy_pass http://127.0.0.1:8082$request_uri;": (
        "proxy_pass http://127.0.0.1:{refresh_port}$request_uri;"
    ),
    "proxy_pass http://127.0.0.1:8082;": "proxy_pass http://127.0.0.1:{refresh_port};",
    "listen 127.0.0.1:8081;": "listen 127.0.0.1:{purge_port};",
}


def render_deploy_nginx(site: Site, app_port: int, port: int) -> str:
    """deploy/nginx.conf with ports and paths moved into the temp dir.

    Raises ValueError naming the line when the file no longer has one of the
    lines this replaces (exactly once), so a changed config is reported."""
    text = NGINX_CONF.read_text()
    values = {
        "tmp": site.dir,
        "static": site.dir / "static",
        "media": site.dir / "media",
        "app_port": app_port,
        "port": port,
        "refresh_port": free_port(),
        "purge_port": free_port(),
    }
    for old, new in NGINX_REPLACEMENTS.items():
        if text.count(old) != 1:
            raise ValueError(f"deploy/nginx.conf: expected {old.strip()!r} once")
        text = text.replace(old, new.format(**values))
    return text


STATIC_NGINX = """\
# The reference: the same page saved as a file, served by nginx with the
# http{{}} settings of deploy/nginx.conf (sendfile, keepalive, access log, gzip,
# open file cache; tests/benchmarks checks that they stay the same).
user nobody nogroup;
worker_processes auto;
pid {tmp}/nginx-static.pid;
error_log {tmp}/nginx-static-error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    server_tokens off;
    access_log {tmp}/nginx-static-access.log;
    open_file_cache max=10000 inactive=60s;
    gzip on;
    gzip_vary on;
    gzip_types text/css application/javascript application/json image/svg+xml
               application/xml application/rss+xml application/atom+xml text/plain;
    server {{
        listen 127.0.0.1:{port};
        root {tmp}/html;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


@contextlib.contextmanager
def nginx(site: Site, config_text: str, port: int, name="nginx"):
    config = site.dir / f"{name}.conf"
    config.write_text(config_text)
    binary = tool_path("nginx")
    command = [binary, "-p", str(site.dir), "-c", str(config)]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if check.returncode:
        raise RuntimeError(f"nginx -t failed for {name}:\n{check.stderr}")
    process = None
    try:
        process = subprocess.Popen(
            [*command, "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(port, process, name, seconds=15)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


# --- measuring --------------------------------------------------------------


def fetch(url: str, timeout=30) -> tuple[int, dict, bytes, float]:
    """GET url; returns status, headers, body and seconds taken."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            body = reply.read()
            status, headers = reply.status, dict(reply.headers)
    except urllib.error.HTTPError as error:
        body = error.read()
        status, headers = error.code, dict(error.headers)
    return status, headers, body, time.perf_counter() - started


def latency_samples(url: str, count=15, max_seconds=20.0) -> tuple[list, int]:
    """ms of up to `count` sequential GETs (bounded by max_seconds), and the
    status: 200, or the first other status any of them got."""
    times, status = [], 0
    deadline = time.monotonic() + max_seconds
    while len(times) < count and time.monotonic() < deadline:
        answer, _, _, seconds = fetch(url)
        times.append(seconds * 1000)
        if status in (0, 200):
            status = answer
    return times, status


def latency_p50(url: str, count=15, max_seconds=20.0) -> tuple[float, int]:
    """Median ms of up to `count` sequential GETs (bounded by max_seconds)."""
    fetch(url)  # warm the worker that answers
    times, status = latency_samples(url, count, max_seconds)
    return statistics.median(times), status


@dataclass
class WrkResult:
    url: str
    requests_per_second: float = 0.0
    percentiles: dict = field(default_factory=dict)  # "50" -> ms
    requests: int = 0
    non_2xx: int = 0
    socket_errors: str = ""
    raw: str = ""

    @property
    def p50(self):
        return self.percentiles.get("50")

    @property
    def p99(self):
        return self.percentiles.get("99")


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(url: str, text: str) -> WrkResult:
    result = WrkResult(url=url, raw=text)
    match = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if match:
        result.requests_per_second = float(match.group(1))
    for percent, value, unit in re.findall(
        r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.MULTILINE
    ):
        result.percentiles[percent] = float(value) * UNITS_MS[unit]
    match = re.search(r"(\d+) requests in", text)
    if match:
        result.requests = int(match.group(1))
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if match:
        result.non_2xx = int(match.group(1))
    match = re.search(r"Socket errors: (.*)", text)
    if match:
        result.socket_errors = match.group(1).strip()
    return result


def median_result(results: list) -> WrkResult | None:
    """One WrkResult holding the medians of several runs of the same URL (req/s,
    each percentile) and the sums of their requests and non-2xx answers."""
    if not results:
        return None
    if len(results) == 1:
        return results[0]
    keys = sorted({key for result in results for key in result.percentiles})
    return WrkResult(
        url=results[0].url,
        requests_per_second=median([r.requests_per_second for r in results]),
        percentiles={
            key: median([r.percentiles.get(key) for r in results]) for key in keys
        },
        requests=sum(r.requests for r in results),
        non_2xx=sum(r.non_2xx for r in results),
        socket_errors="; ".join(r.socket_errors for r in results if r.socket_errors),
        raw="\n".join(r.raw for r in results),
    )


def wrk(url: str, duration=10, threads=2, connections=16) -> WrkResult:
    command = [
        tool_path("wrk"),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout=10s",
        "--latency",
        url,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 60
    )
    return parse_wrk(url, result.stdout + result.stderr)


# --- output -----------------------------------------------------------------


def table(headers, rows) -> str:
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for number, row in enumerate(cells):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def fmt(value, spec=",.0f", none="n/a") -> str:
    return none if value is None else format(value, spec)


def share(part, whole):
    """part / whole, or None when either is missing or whole is 0."""
    if part is None or not whole:
        return None
    return part / whole


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def mib(size) -> str:
    return fmt(size / 2**20 if size is not None else None, ",.1f") + " MiB"


def status_text(met) -> str:
    """The targets table's last column: MET, NOT MET, or - for a reported row."""
    return "-" if met is None else ("MET" if met else "NOT MET")


# --- browser ----------------------------------------------------------------


def page_view_requests(url: str, timeout_ms=30000) -> dict:
    """Requests a page view sends to the network in Debian's Chromium: a first-time
    visitor (empty profile) and the same visitor coming back (HTTP cache and
    cookies kept). Requests answered from the browser cache are not counted."""
    from playwright.sync_api import sync_playwright

    counts = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            seen = {"sent": 0, "cached": 0}
            session.on(
                "Network.requestWillBeSent",
                lambda _: seen.__setitem__("sent", seen["sent"] + 1),
            )
            session.on(
                "Network.requestServedFromCache",
                lambda _: seen.__setitem__("cached", seen["cached"] + 1),
            )
            for visit in ("first visit", "returning visit"):
                seen.update(sent=0, cached=0)
                page.goto(url, wait_until="networkidle", timeout=timeout_ms)
                page.wait_for_timeout(500)
                counts[visit] = {
                    "requests": seen["sent"],
                    "from cache": seen["cached"],
                    "network": seen["sent"] - seen["cached"],
                }
            context.close()
        finally:
            browser.close()
    return counts
