"""How many consent decisions per second the site records under concurrent load.

Starts gunicorn on 127.0.0.1 against a fresh temporary SQLite database (WAL,
IMMEDIATE transactions: the site's own settings), migrates it, fires decisions
from a bounded pool of threads with urllib, then prints decisions/s, latency,
records written and errors. Nothing is downloaded.

    .venv/bin/python benchmarks/consent_load.py
    .venv/bin/python benchmarks/consent_load.py --decisions 500 --concurrency 32
    .venv/bin/python benchmarks/consent_load.py \
        --database-url postgres://user:pass@127.0.0.1:5433/microsite

Endpoints:
  probe   (default) the bare recording view of tests/consent_records/urls.py:
          one POST, one record_decision call; measures the records app alone.
  accept  the consent plugin's wrapped accept view at /cookies/accept/: a GET
          of /cookies/status/ for the CSRF token, then the POST, as a browser
          does; the view records the decision through record_decision.

A measurement, not a test: figures move with the machine and its load.
"""

import argparse
import http.cookiejar
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

SETTINGS_MODULE = """\
from microsite.settings.base import *  # noqa: F403

SECRET_KEY = "benchmark-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
LOGGING = {{"version": 1, "disable_existing_loggers": False}}
# Every simulated visitor posts from 127.0.0.1: no per-client decision limit.
CONSENT_DECISIONS_PER_MINUTE = None
{urlconf}
"""
PROBE_PATH = "/__consent-records/decide/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *arguments) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout


def count_records(env) -> int:
    code = (
        "from consent.records.models import ConsentRecord; "
        "print(ConsentRecord.objects.count())"
    )
    return int(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def wait_until_serving(base_url: str, server: subprocess.Popen, seconds=60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn stopped before serving; see its output above.")
        try:
            urllib.request.urlopen(base_url + "/robots.txt", timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status
        except OSError:
            time.sleep(0.25)
    sys.exit(f"gunicorn did not answer on {base_url} within {seconds} s.")


def decide_with_probe(base_url: str) -> int:
    body = urllib.parse.urlencode(
        {"accepted": ["analytics"], "declined": ["marketing"], "source": "banner"},
        doseq=True,
    ).encode()
    with urllib.request.urlopen(base_url + PROBE_PATH, data=body, timeout=30) as reply:
        return reply.status


def decide_with_accept_view(base_url: str) -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base_url + "/cookies/status/", timeout=30) as reply:
        token = json.load(reply)["csrftoken"]
    request = urllib.request.Request(
        base_url + "/cookies/accept/",
        data=urllib.parse.urlencode({"cookie_groups": "analytics"}).encode(),
        headers={
            "X-CSRFToken": token,
            "X-Cookie-Consent-Fetch": "1",
            "Referer": base_url + "/",
        },
    )
    with opener.open(request, timeout=30) as reply:
        return reply.status


def timed(decide, base_url):
    started = time.perf_counter()
    try:
        status = decide(base_url)
        error = None if status < 400 else f"HTTP {status}"
    except urllib.error.HTTPError as failure:
        error = f"HTTP {failure.code}"
    except OSError as failure:
        error = type(failure).__name__
    return time.perf_counter() - started, error


def run(options) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="consent-load-"))
    database_url = options.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    urlconf = (
        'ROOT_URLCONF = "tests.consent_records.urls"'
        if options.endpoint == "probe"
        else ""
    )
    (workdir / "consent_load_settings.py").write_text(
        SETTINGS_MODULE.format(urlconf=urlconf)
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "consent_load_settings",
        "PYTHONPATH": os.pathsep.join([str(workdir), str(ROOT)]),
        "DATABASE_URL": database_url,
        "VAR_DIR": str(workdir / "var"),
        "STATIC_ROOT": str(workdir / "static"),
    }
    (workdir / "static").mkdir()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    server = None
    try:
        manage(env, "migrate", "--no-input")
        before = count_records(env)
        server = subprocess.Popen(
            [
                GUNICORN,
                "microsite.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={options.workers}",
                f"--threads={options.threads}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        wait_until_serving(base_url, server)
        decide = (
            decide_with_probe
            if options.endpoint == "probe"
            else (decide_with_accept_view)
        )
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=options.concurrency) as pool:
            results = list(
                pool.map(lambda _: timed(decide, base_url), range(options.decisions))
            )
        elapsed = time.perf_counter() - started
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    written = count_records(env) - before
    if not options.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    report(options, database_url, results, elapsed, written)


def report(options, database_url, results, elapsed, written) -> None:
    latencies = sorted(seconds * 1000 for seconds, _ in results)
    errors = [error for _, error in results if error]
    engine = database_url.split(":", 1)[0]
    rows = [
        ("endpoint", options.endpoint),
        ("database", engine),
        ("gunicorn", f"{options.workers} workers × {options.threads} threads"),
        ("decisions sent", len(results)),
        ("concurrency", options.concurrency),
        ("seconds", f"{elapsed:.2f}"),
        ("decisions/s", f"{len(results) / elapsed:.1f}"),
        ("latency p50 ms", f"{statistics.median(latencies):.1f}"),
        ("latency p95 ms", f"{latencies[int(len(latencies) * 0.95) - 1]:.1f}"),
        ("records written", written),
        ("errors", len(errors)),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for error in sorted(set(errors)):
        print(f"  {errors.count(error)} × {error}")


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=positive, default=200)
    parser.add_argument("--concurrency", type=positive, default=32)
    parser.add_argument("--workers", type=positive, default=2)
    parser.add_argument("--threads", type=positive, default=4)
    parser.add_argument("--endpoint", choices=["probe", "accept"], default="probe")
    parser.add_argument(
        "--database-url",
        help="e.g. postgres://… (default: a temporary SQLite file)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory"
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
