"""Where a glossary page's time goes, at a small and a large glossary.

    .venv/bin/python benchmarks/profile_page.py [--sizes 100,10000] [--rounds 10]
        [--turns 3] [--site DIR] [--pages term,letter,index,sitemap] [--top 25]

Builds a throwaway site (benchkit.Site, kept with ``--keep``; ``--site DIR``
reuses one kept earlier: its databases ``db-<size>.sqlite3`` are made once),
then for each size renders each page ``--rounds`` times in one process with the
Django test client and the page cache off, prints the median time per page and
the top cumulative functions of a cProfile run over the same pages (the first
turn's). The sizes take ``--turns`` turns each, alternately, so that noise on a
shared machine hits both alike. A profiling aid, not a benchmark with targets
(``scale.py`` is).
"""

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

import benchkit as bk

CHILD = r"""
import cProfile, io, json, pstats, statistics, sys, time
import django
django.setup()
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pages = json.loads(sys.argv[1])
rounds = int(sys.argv[2])
top = int(sys.argv[3])
client = Client(HTTP_HOST="127.0.0.1")
for path in pages.values():
    client.get(path)
times = {name: [] for name in pages}
queries = {}
for name, path in pages.items():
    with CaptureQueriesContext(connection) as captured:
        status = client.get(path).status_code
    queries[name] = (len(captured), status)
profiles = {name: cProfile.Profile() for name in pages}
for _ in range(rounds):
    for name, path in pages.items():
        started = time.perf_counter()
        client.get(path)
        times[name].append((time.perf_counter() - started) * 1000)
for name, path in pages.items():
    profile = profiles[name]
    for _ in range(max(3, rounds // 3)):
        profile.enable()
        client.get(path)
        profile.disable()
out = {}
for name in pages:
    stream = io.StringIO()
    stats = pstats.Stats(profiles[name], stream=stream)
    stats.sort_stats("cumulative").print_stats(top)
    own = io.StringIO()
    pstats.Stats(profiles[name], stream=own).sort_stats("tottime").print_stats(top)
    out[name] = {
        "times": times[name],
        "queries": queries[name][0],
        "status": queries[name][1],
        "cumulative": stream.getvalue(),
        "tottime": own.getvalue(),
    }
print("@@JSON@@" + json.dumps(out))
"""


def page_paths(urls: dict) -> dict:
    word = urls["term_title"].split()[0].lower()
    return {
        "term": urls["term"],
        "letter": f"{urls['index']}?letter={word[0]}",
        "index": urls["index"],
        "article": urls["article"],
        "sitemap": "/sitemap-glossary.xml",
    }


def prepare(site: bk.Site, sizes) -> dict:
    """A database file per size (made once, reused with --site)."""
    databases = {}
    live = site.dir / "db.sqlite3"
    for size in sizes:
        copy = site.dir / f"db-{size}.sqlite3"
        if not copy.exists():
            have = int(
                site.python(
                    "import django; django.setup(); "
                    "from glossary.models import GlossaryTermPage; "
                    "print(GlossaryTermPage.objects.live().count())"
                )
                .strip()
                .splitlines()[-1]
            )
            if size > have:
                bk.log(f"generate_glossary --terms {size - have}")
                site.manage("generate_glossary", "--terms", str(size - have))
            shutil.copy(live, copy)
        databases[size] = copy
    return databases


def profile(site: bk.Site, database: Path, paths: dict, rounds: int, top: int):
    env = {
        "DATABASE_URL": f"sqlite:///{database}",
        "PAGE_CACHE_ENABLED": "false",
        # Each size its own file cache, as a separate site would have.
        "VAR_DIR": str(site.dir / f"var-{database.stem}"),
    }
    Path(env["VAR_DIR"]).mkdir(exist_ok=True)
    output = site.python(
        CHILD.replace("sys.argv[1]", repr(json.dumps(paths)))
        .replace("sys.argv[2]", str(rounds))
        .replace("sys.argv[3]", str(top)),
        env=env,
        timeout=3600,
    )
    return json.loads(output.split("@@JSON@@", 1)[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,10000")
    parser.add_argument("--rounds", type=int, default=10, help="per turn")
    parser.add_argument("--turns", type=int, default=3, help="alternations")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--pages", default="term,letter,index,article,sitemap")
    parser.add_argument("--site", help="a site directory kept earlier (--keep)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    parser.add_argument("--no-profiles", action="store_true", help="times only")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    site = bk.Site(keep=True if options.site else options.keep)
    if options.site:
        shutil.rmtree(site.dir)
        site = _reuse(site, Path(options.site))
    else:
        site.build()
    try:
        databases = prepare(site, sizes)
        paths = page_paths(site.urls())
        wanted = options.pages.split(",")
        paths = {name: path for name, path in paths.items() if name in wanted}
        # Sizes alternate, a share of the rounds each time, so that a busy
        # spell on the shared machine slows both alike; medians of all rounds.
        results = {}
        for turn in range(options.turns):
            for size in sizes:
                bk.log(f"turn {turn + 1}/{options.turns}: {size:,} terms")
                result = profile(
                    site, databases[size], paths, options.rounds, options.top
                )
                if size not in results:
                    results[size] = result
                else:
                    for name in paths:
                        results[size][name]["times"] += result[name]["times"]
        for size in sizes:
            for name in paths:
                entry = results[size][name]
                entry["p50"] = statistics.median(entry["times"])
        if not options.no_profiles:
            for size in sizes:
                for name in paths:
                    print(f"\n===== {name} @ {size:,} terms: cumulative =====")
                    print(results[size][name]["cumulative"])
                    print(f"===== {name} @ {size:,} terms: own time =====")
                    print(results[size][name]["tottime"])
        headers = ["page"]
        for size in sizes:
            headers += [f"p50 ms @{size:,}", "SQL"]
        headers.append("growth")
        rows = []
        for name in paths:
            row = [name]
            for size in sizes:
                result = results[size][name]
                flag = "" if result["status"] == 200 else f" ({result['status']})"
                row += [f"{result['p50']:.1f}{flag}", result["queries"]]
            first, last = results[sizes[0]][name], results[sizes[-1]][name]
            row.append(f"{last['p50'] / first['p50']:.2f}×")
            rows.append(row)
        print(bk.table(headers, rows))
        if options.keep or options.site:
            print(f"site kept in {site.dir}")
    finally:
        if not (options.keep or options.site):
            site.cleanup()
    return 0


def _reuse(site: bk.Site, directory: Path) -> bk.Site:
    """``site`` pointed at a directory kept by an earlier run."""
    site.dir = directory
    site.keep = True
    site.env.update(
        {
            "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
            "VAR_DIR": str(directory / "var"),
            "STATIC_ROOT": str(directory / "static"),
            "MEDIA_ROOT": str(directory / "media"),
        }
    )
    secret = directory / "secret-key"
    if secret.exists():
        site.env["SECRET_KEY"] = secret.read_text()
    else:
        secret.write_text(site.env["SECRET_KEY"])
    return site


if __name__ == "__main__":
    sys.exit(main())
