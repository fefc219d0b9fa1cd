"""Where an uncached term page's time goes, against a bare `wagtail start` page.

    .venv/bin/python benchmarks/where_time_goes.py [--requests 200] [--keep]

Builds the throwaway site (benchkit.Site, page cache off) and the padded bare
project (bare.py), then, in one process per project, calls the project's own
WSGI application (``settings.WSGI_APPLICATION``, what gunicorn runs) with a GET
of the page: first unprofiled (wall ms per request), then under cProfile. The
profile is summed two ways, in ms per request:

  phases      handler & middleware, routing & serve hooks (URL resolver,
              Wagtail's site and route lookups, before_serve_page hooks such as
              the privacy check), view context (the page's ``serve``: ``get_context``
              and choosing the template), template render (``rendered_content``);
              "SQL" is the time inside Django's cursor ``execute`` (it falls in
              the phases above, so it is printed apart)
  packages    each function's own time, by where its code lives: django
              (django.db and django.template apart), wagtail, glossary,
              consent, microsite, sqlite (the sqlite3 module and its C calls),
              the bare project, other site-packages by name; Python's builtins
              and standard library count to the package that called them
              ("python" is what no package called)

cProfile slows Python code more than C code: compare the shares, and the
unprofiled wall time for the true cost. `make bench` prints this summary with
the baseline (run_all.py).

    .venv/bin/python benchmarks/where_time_goes.py --inner PATH [--requests N]

is the part that runs inside a project's environment (it prints JSON).
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import benchkit as bk

PROJECT_PACKAGES = {"glossary", "consent", "microsite"}
BARE_PACKAGES = {"home", "mysite", "search"}
PHASES = (
    "handler & middleware",
    "routing & serve hooks",
    "view context",
    "template render",
)


def package_of(filename: str, function: str, project: str) -> str:
    """The group a profiled function's own time is counted in."""
    if filename == "~":  # a builtin: "<method 'execute' of 'sqlite3.Cursor' ...>"
        return "sqlite" if "sqlite3." in function else "python"
    path = filename.replace("\\", "/")
    if "/site-packages/" in path:
        top = path.split("/site-packages/", 1)[1].split("/", 1)[0]
        if top.endswith(".py"):
            top = top[:-3]
        if top == "django":  # the ORM and the template engine apart
            part = path.split("/site-packages/django/", 1)[1].split("/", 1)[0]
            if part in {"db", "template"}:
                return f"django.{part}"
        return top
    if "/sqlite3/" in path:
        return "sqlite"
    project = project.rstrip("/") + "/"
    if path.startswith(project):
        top = path[len(project) :].split("/", 1)[0]
        if top in PROJECT_PACKAGES:
            return top
        if top in BARE_PACKAGES:
            return "bare project"
        return "project"
    return "python"


def _matches(key, suffix: str, name: str) -> bool:
    filename, _line, function = key
    return function == name and filename.replace("\\", "/").endswith(suffix)


def cumulative(stats: dict, suffix: str, name: str) -> float:
    """Seconds spent in (and under) the function ``name`` of the file ending
    in ``suffix``; cProfile counts a recursive call's time once."""
    return sum(entry[3] for key, entry in stats.items() if _matches(key, suffix, name))


def attributed(stats: dict, project: str) -> dict:
    """{function: {package: fraction}}: where each function's own time is
    counted. A function of a package counts to it; Python's builtins and
    standard library count to the packages that called them, in proportion to
    the time spent under each caller (through other standard library callers,
    as far up as it takes), "python" only when no package called them."""
    groups = {key: package_of(key[0], key[2], project) for key in stats}
    memo = {}

    def shares(key, seen):
        """(shares, whether a cycle was cut on the way: then not memoised)."""
        if groups.get(key, "python") != "python":
            return {groups[key]: 1.0}, False
        if key in memo:
            return memo[key], False
        callers = {
            caller: values[2]
            for caller, values in (stats[key][4] if key in stats else {}).items()
            if values[2] > 0
        }
        if not callers:
            return {"python": 1.0}, False
        result, total, cut = {}, 0.0, False
        for caller, weight in callers.items():
            if caller in seen:
                cut = True
                continue
            above, above_cut = shares(caller, seen | {key})
            cut = cut or above_cut
            if above:
                total += weight
                for group, fraction in above.items():
                    result[group] = result.get(group, 0.0) + fraction * weight
        result = {group: value / total for group, value in result.items()}
        if not cut:
            memo[key] = result
        return result, cut

    return {key: shares(key, frozenset())[0] or {"python": 1.0} for key in stats}


def summarise(stats: dict, requests: int, project: str) -> dict:
    """{"phases": {name: ms}, "sql": ms, "total": ms, "packages": {name: ms}},
    per request, from a ``pstats.Stats().stats`` mapping."""
    per = 1000 / requests
    total = cumulative(stats, "django/core/handlers/wsgi.py", "__call__")
    resolve = cumulative(stats, "django/core/handlers/base.py", "resolve_request")
    view = cumulative(stats, "wagtail/views.py", "serve")
    page = cumulative(stats, "wagtail/views.py", "serve_chain")
    render = cumulative(stats, "django/template/response.py", "rendered_content")
    sql = cumulative(stats, "django/db/backends/utils.py", "_execute_with_wrappers")
    routing = resolve + max(view - page, 0.0)
    phases = {
        "handler & middleware": max(total - routing - page - render, 0.0) * per,
        "routing & serve hooks": routing * per,
        "view context": page * per,
        "template render": render * per,
    }
    packages = {}
    for key, shares in attributed(stats, project).items():
        for group, fraction in shares.items():
            packages[group] = packages.get(group, 0.0) + stats[key][2] * fraction * per
    return {
        "phases": phases,
        "sql": sql * per,
        "total": total * per,
        "packages": dict(sorted(packages.items(), key=lambda item: -item[1])),
    }


# --- inside a project --------------------------------------------------------


def inner(path: str, requests: int, warmup: int) -> dict:
    import cProfile
    import pstats

    import django

    django.setup()
    from django.core.servers.basehttp import get_internal_wsgi_application

    application = get_internal_wsgi_application()
    path, _, query = path.partition("?")
    statuses = set()

    def call():
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": __import__("io").BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }

        def start_response(status, headers, exc_info=None):
            statuses.add(status.split()[0])

        body = application(environ, start_response)
        try:
            size = sum(len(chunk) for chunk in body)
        finally:
            if hasattr(body, "close"):
                body.close()
        return size

    for _ in range(warmup):
        size = call()
    started = time.perf_counter()
    for _ in range(requests):
        call()
    wall = (time.perf_counter() - started) * 1000 / requests
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(requests):
        call()
    profile.disable()
    summary = summarise(pstats.Stats(profile).stats, requests, os.getcwd())
    summary.update(wall=wall, bytes=size, statuses=sorted(statuses))
    return summary


def profile(root, env: dict, path: str, requests: int, warmup=20) -> dict:
    """Run ``inner`` in the project at ``root`` with ``env``; its summary."""
    result = subprocess.run(
        [
            bk.PYTHON,
            str(Path(__file__).resolve()),
            "--inner",
            path,
            "--requests",
            str(requests),
            "--warmup",
            str(warmup),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if result.returncode:
        raise RuntimeError(f"profiling {path} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(site, bare, term_path: str, requests=200) -> dict:
    bk.log(f"profile: {requests} uncached term pages, {requests} bare pages")
    term = profile(
        site.root, {**site.env, "PAGE_CACHE_ENABLED": "false"}, term_path, requests
    )
    stock = profile(bare.root, bare.env, "/", requests)
    return {"term": term, "bare": stock, "requests": requests}


def report(out: dict) -> str:
    term, bare = out["term"], out["bare"]

    def row(name, a, b):
        return (name, bk.fmt(a, ".2f"), bk.fmt(b, ".2f"), bk.fmt(a - b, "+.2f"))

    headers = ["ms per request", "term page", "bare page", "difference"]
    rows = [row("wall, unprofiled", term["wall"], bare["wall"])]
    rows.append(row("under cProfile", term["total"], bare["total"]))
    for name in PHASES:
        rows.append(row(f"  {name}", term["phases"][name], bare["phases"][name]))
    rows.append(row("  (of which SQL execute)", term["sql"], bare["sql"]))
    text = bk.table(headers, rows)
    names = list(dict.fromkeys([*term["packages"], *bare["packages"]]))
    package_rows = [
        row(
            name,
            term["packages"].get(name, 0.0),
            bare["packages"].get(name, 0.0),
        )
        for name in names
        if max(term["packages"].get(name, 0.0), bare["packages"].get(name, 0.0)) >= 0.05
    ]
    text += "\n\n" + bk.table(
        ["time by package, ms", "term page", "bare page", "difference"],
        package_rows,
    )
    text += (
        f"\n({out['requests']} requests each after 20 warm-up ones, in-process WSGI;"
        f" {term['bytes']:,} and {bare['bytes']:,} bytes, status"
        f" {'/'.join(term['statuses'])} and {'/'.join(bare['statuses'])})"
    )
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inner", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20, help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    options = parser.parse_args()
    if options.inner:
        print(json.dumps(inner(options.inner, options.requests, options.warmup)))
        return 0

    import bare as bare_module

    site = bk.Site(keep=options.keep)
    try:
        site.build()
        urls = site.urls()
        stock = bare_module.BareSite(site.dir)
        stock.build()
        with bk.gunicorn(site, page_cache=False) as app:
            _, _, body, _ = bk.fetch(app + urls["term"])
        stock.pad_to(len(body))
        print(report(measure(site, stock, urls["term"], options.requests)))
    finally:
        site.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
