"""CPU time of an uncached render: this checkout against another, side by side.

    mkdir /tmp/old && git archive <commit> | tar -x -C /tmp/old
    .venv/bin/python benchmarks/render_cost.py --other /tmp/old [--rounds 5]

Builds one throwaway production-like site (benchkit.Site) and renders the home
page, a term, an article, the glossary index and a site search with the page
cache off, in-process with Django's test client, ``--batch`` times each. Each
round starts one process per checkout on the same database and cache, the two
checkouts in alternating order; the table shows the median over the rounds of
the CPU time per render (``time.process_time``), which other processes' load on
shared cores does not count, unlike wrk's requests per second. The two
checkouts must share the database schema (no migration between them).

A measurement, not a test.
"""

import argparse
import json
import statistics
import subprocess
import sys

import benchkit as bk

RENDER = """
import django, json, sys, time
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
pages, batch = json.loads(sys.argv[1]), int(sys.argv[2])
client = Client(HTTP_HOST="127.0.0.1")
out = {}
for name, path in pages.items():
    for _ in range(15):
        assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    count = len(queries)  # now: each request clears the connection's query log
    start = time.process_time()
    for _ in range(batch):
        client.get(path)
    out[name] = [(time.process_time() - start) / batch * 1000, count]
print("RESULT" + json.dumps(out))
"""


def render_costs(site, checkout, pages, batch) -> dict:
    result = subprocess.run(
        [bk.PYTHON, "-c", RENDER, json.dumps(pages), str(batch)],
        cwd=checkout,
        env={**site.env, "PYTHONPATH": str(checkout), "PAGE_CACHE_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=1800,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT")]
    if not lines:
        raise RuntimeError(f"{checkout} failed:\n{result.stderr[-3000:]}")
    return json.loads(lines[0].removeprefix("RESULT"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--other", required=True, help="the other checkout's root")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=60, help="renders per page")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    options = parser.parse_args()
    checkouts = {"other": options.other, "this": str(bk.ROOT)}
    site = bk.Site(keep=options.keep)
    try:
        site.build()
        urls = site.urls()
        pages = {name: urls[name] for name in ("home", "term", "article", "index")}
        pages["search"] = "/search/?q=" + urls["term_title"].split()[0].lower()
        cpu = {name: {page: [] for page in pages} for name in checkouts}
        queries = {}
        for round_ in range(options.rounds):
            order = list(checkouts) if round_ % 2 == 0 else list(reversed(checkouts))
            for name in order:
                bk.log(f"round {round_ + 1}: {name} ({checkouts[name]})")
                costs = render_costs(site, checkouts[name], pages, options.batch)
                for page, (ms, count) in costs.items():
                    cpu[name][page].append(ms)
                    queries[name, page] = count
        rows = []
        for page in pages:
            other, this = (statistics.median(cpu[n][page]) for n in checkouts)
            rows.append(
                [
                    page,
                    bk.fmt(other, ".2f"),
                    bk.fmt(this, ".2f"),
                    bk.fmt(this / other * 100, ".1f") + " %",
                    queries["other", page],
                    queries["this", page],
                ]
            )
        print(
            bk.table(
                ["page", "other ms", "this ms", "this/other", "SQL other", "SQL this"],
                rows,
            )
        )
        print(f"CPU ms per uncached render, median of {options.rounds} rounds")
    finally:
        site.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
