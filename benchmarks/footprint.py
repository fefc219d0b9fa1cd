"""Memory a glossary of a given size costs: per-worker RSS and cached structures.

Used by scale.py at each glossary size (`make bench` runs it at 100, 1,000 and
10,000 terms):

  worker RSS       gunicorn as the site runs it (2 × cores + 1 sync workers),
                   page cache off so that every worker builds its own
                   per-process structures; every page type is fetched by wrk
                   for a second (16 connections, so every worker answers), then
                   each worker's VmRSS is read from /proc.
  cached sizes     in a fresh process on a flushed throwaway Redis (REDIS_URL),
                   page cache off: every page type is fetched twice through the
                   WSGI application, then
                   - ``cached_size_report()`` of ``glossary.cache_report`` and
                     ``consent.declarations``, where they exist (name, bytes);
                   - every key in the shared cache (Redis SCAN), its stored
                     bytes (STRLEN: Django pickles values, so this is
                     ``len(pickle.dumps(value))``), grouped by key pattern.
"""

import json
import re

import benchkit as bk

REPORTS = ("glossary.cache_report", "consent.declarations")

SNIPPET = """
import importlib, json, os, sys
import django
django.setup()
import redis
from django.core.servers.basehttp import get_internal_wsgi_application

client = redis.Redis.from_url(os.environ["REDIS_URL"])
client.flushdb()
application = get_internal_wsgi_application()
statuses = {{}}
for path in {paths!r}:
    for _ in range(2):
        path_info, _, query = path.partition("?")
        environ = {{
            "REQUEST_METHOD": "GET", "PATH_INFO": path_info, "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
            "wsgi.input": __import__("io").BytesIO(b""), "wsgi.errors": sys.stderr,
            "wsgi.multithread": False, "wsgi.multiprocess": True,
            "wsgi.run_once": False, "wsgi.version": (1, 0),
        }}
        body = application(environ, lambda s, h, e=None: statuses.__setitem__(path, s))
        b"".join(body)
        body.close()
reports = {{}}
for name in {reports!r}:
    try:
        module = importlib.import_module(name)
    except ImportError:
        continue
    report = getattr(module, "cached_size_report", None)
    if report is not None:
        reports[name] = [[str(item), int(size)] for item, size in report()]
keys = []
for key in client.scan_iter(count=1000):
    kind = client.type(key).decode()
    size = client.strlen(key) if kind == "string" else client.memory_usage(key)
    keys.append([key.decode("utf-8", "replace"), int(size or 0)])
print(json.dumps({{"reports": reports, "keys": keys, "statuses": statuses}}))
"""

VERSION = re.compile(r"\b[0-9a-f]{32}\b")
NUMBER = re.compile(r"(?<=[:_.-])\d+\b")


def key_pattern(key: str) -> str:
    """A cache key without Django's prefix and version (``microsite:1:``), its
    version hashes as ``{version}`` and numbers as ``{n}``."""
    key = re.sub(r"^[^:]*:\d+:", "", key, count=1)
    key = VERSION.sub("{version}", key)
    return NUMBER.sub("{n}", key)


def group_keys(keys) -> list[tuple[str, int, int]]:
    """[(pattern, number of keys, total bytes)], the largest first."""
    groups = {}
    for key, size in keys:
        count, total = groups.get(key_pattern(key), (0, 0))
        groups[key_pattern(key)] = (count + 1, total + size)
    return sorted(
        ((pattern, count, total) for pattern, (count, total) in groups.items()),
        key=lambda row: (-row[2], row[0]),
    )


def worker_rss(site, paths, seconds=1) -> dict:
    """{"workers": [bytes, ...], "statuses": {...}} after warming every worker."""
    statuses = {}
    with bk.gunicorn(site, page_cache=False) as app:
        for path in paths:
            result = bk.wrk(app + path, duration=seconds)
            statuses[path] = result.non_2xx
        workers = bk.worker_rss(app.pid)
    return {"workers": workers, "non_2xx": statuses}


def cached_sizes(site, paths, redis_url) -> dict:
    """{"reports": {module: [[name, bytes]]}, "groups": [(pattern, n, bytes)]}."""
    code = SNIPPET.format(paths=list(paths), reports=list(REPORTS))
    text = site.python(
        code, env={"REDIS_URL": redis_url, "PAGE_CACHE_ENABLED": "false"}
    )
    data = json.loads(text.strip().splitlines()[-1])
    return {
        "reports": data["reports"],
        "groups": group_keys(data["keys"]),
        "statuses": data["statuses"],
    }


def rss_report(results: dict) -> str:
    """Per-worker RSS at each size (results: scale.measure's)."""
    rows = []
    for result in results.values():
        workers = result.get("rss", {}).get("workers") or []
        rows.append(
            (
                f"{result['terms']:,}",
                len(workers),
                " ".join(bk.fmt(w / 2**20, ".1f") for w in workers),
                bk.mib(max(workers) if workers else None),
            )
        )
    return bk.table(["terms", "workers", "RSS each, MiB", "max"], rows)


def sizes_report(results: dict) -> str:
    """Each cached structure's bytes at each size, one column per size."""
    sizes = list(results)
    values = {}  # row name -> {size: bytes}
    for size in sizes:
        cached = results[size].get("cached") or {}
        for module, items in cached.get("reports", {}).items():
            for name, nbytes in items:
                values.setdefault(f"{module}: {name}", {})[size] = nbytes
        for pattern, count, nbytes in cached.get("groups", []):
            label = f"cache key {pattern}" + (f" (×{count})" if count > 1 else "")
            values.setdefault(label, {})[size] = nbytes
    headers = ["cached structure, bytes"] + [
        f"@{results[size]['terms']:,}" for size in sizes
    ]
    rows = [
        [name] + [bk.fmt(by_size.get(size)) for size in sizes]
        for name, by_size in values.items()
    ]
    text = bk.table(headers, rows)
    missing = [
        module
        for module in REPORTS
        if not any(
            module in (results[size].get("cached") or {}).get("reports", {})
            for size in sizes
        )
    ]
    if missing:
        text += (
            "\nno cached_size_report() in "
            + ", ".join(missing)
            + ": only the shared cache's entries are measured for them"
        )
    return text


# The structures the issue names, found among the shared cache's key patterns.
STRUCTURES = {"auto-link data": "autolink", "consent declarations": "consent"}


def structure_bytes(result: dict, needle: str) -> int | None:
    """Bytes of the shared cache's entries whose key pattern holds ``needle``,
    or None when the cache was not measured or holds none."""
    groups = (result.get("cached") or {}).get("groups") or []
    sizes = [nbytes for pattern, _, nbytes in groups if needle in pattern]
    return sum(sizes) if sizes else None


def report_total(result: dict, module: str) -> int | None:
    """The sum of a module's ``cached_size_report()`` rows, or None without one."""
    rows = ((result.get("cached") or {}).get("reports") or {}).get(module)
    return sum(nbytes for _, nbytes in rows) if rows is not None else None
