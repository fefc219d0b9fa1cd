"""How pages scale with the glossary: 100, 1,000 and 10,000 terms.

    .venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000] [--rounds 3]
        [--no-redis] [--keep]

On a throwaway production-like site (benchkit.Site) it adds synthetic terms with
``generate_glossary --terms N`` up to each size. At each size it counts the SQL
queries per page (Django test client, in-process), measures each gunicorn
worker's memory and the cached structures (footprint.py; the latter on a
throwaway Redis) and copies the database. Then it starts one single-worker
gunicorn per copy, page cache off, all at once, and for the glossary index, a
letter page, a term page, site search, glossary search, an article
(auto-linking), the sitemap index and the first page of its glossary section
(the largest sitemap response) takes sequential GETs in rounds that visit every
size in turn; it prints the median of each page's pooled GETs per size.

Targets (issue 17), the largest size against the smallest: every page's query
count the same (what matters is that it does not grow with the glossary, not
its value); term, letter and index p50 within 1.25×; the glossary sitemap
section within 3×; and the slower of the sitemap index and its glossary
section served within 1 s. Worker RSS and cached sizes are reported.
"""

import argparse
import contextlib
import sqlite3
import sys

import benchkit as bk
import footprint

SITEMAPS = ("sitemap index", "sitemap glossary")


def pages(urls: dict) -> dict:
    word = urls["term_title"].split()[0].lower()
    return {
        "index": urls["index"],
        # The demo term's letter: synthetic terms (first syllable "ko") should file
        # under K, but generate_glossary leaves their first_letter empty.
        "letter": f"{urls['index']}?letter={word[0]}",
        "term": urls["term"],
        "search": f"/search/?q={word}",
        "glossary search": f"{urls['index']}?q={word}",
        "article": urls["article"],
        "sitemap index": "/sitemap.xml",
        # Full at GLOSSARY_SITEMAP_LIMIT terms; later pages hold the same or fewer.
        "sitemap glossary": "/sitemap-glossary.xml",
    }


def current_terms(site: bk.Site) -> int:
    code = (
        "import django; django.setup(); "
        "from glossary.models import GlossaryTermPage; "
        "print(GlossaryTermPage.objects.live().count())"
    )
    return int(site.python(code).strip().splitlines()[-1])


def snapshot(site: bk.Site, size: int) -> dict:
    """Copy the database as it is now (SQLite's backup API: consistent, WAL
    included) with an empty cache directory of its own; returns the env that
    points a server at the copy."""
    database = site.dir / f"db-{size}.sqlite3"
    var = site.dir / f"var-{size}"
    var.mkdir(exist_ok=True)
    var.chmod(0o755)
    source = sqlite3.connect(site.dir / "db.sqlite3")
    target = sqlite3.connect(database)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return {"DATABASE_URL": f"sqlite:///{database}", "VAR_DIR": str(var)}


def measure(
    site: bk.Site,
    urls: dict,
    sizes,
    count=21,
    max_seconds=20.0,
    redis_url=None,
    rounds=3,
) -> dict:
    """{size: {"terms": n, "pages": {page: [p50 ms, status, queries]}, "rss":
    {...}, "cached": {...}}} for each size.

    The glossary grows size by size; at each, SQL queries (test client), worker
    RSS and cached structures (footprint.py, the latter on Redis when
    ``redis_url`` is given) are measured and the database is copied. Latency
    comes last: one single-worker gunicorn per copy, all up at once, and for
    each page `rounds` rounds that visit every size in turn, about count /
    rounds sequential GETs each; p50 is the median of the pooled GETs, so a
    slow spell on the shared machine hits every size alike."""
    targets = pages(urls)
    paths = list(targets.values())
    results, copies = {}, {}
    for size in sizes:
        have = current_terms(site)
        if size > have:
            bk.log(f"generate_glossary --terms {size - have}")
            site.manage("generate_glossary", "--terms", str(size - have))
        total = current_terms(site)
        bk.log(f"{total} terms: queries, worker memory, cached structures")
        counts = site.count_queries(paths)
        result = {
            "terms": total,
            "pages": {
                name: [None, None, counts[path][1]] for name, path in targets.items()
            },
        }
        result["rss"] = footprint.worker_rss(site, paths)
        if redis_url:
            result["cached"] = footprint.cached_sizes(site, paths, redis_url)
        copies[size] = snapshot(site, size)
        results[size] = result

    bk.log(f"latency at {', '.join(f'{s:,}' for s in sizes)} terms, alternating")
    per_round = max(1, -(-count // rounds))
    samples = {size: {name: [] for name in targets} for size in sizes}
    statuses = {size: {} for size in sizes}
    with contextlib.ExitStack() as servers:
        # One worker each: sequential requests then all reach the warmed-up process.
        apps = {
            size: servers.enter_context(
                bk.gunicorn(site, page_cache=False, workers=1, env=copies[size])
            )
            for size in sizes
        }
        for name, path in targets.items():
            for size in sizes:
                bk.fetch(apps[size] + path)  # warm
            for _ in range(rounds):
                for size in sizes:
                    times, status = bk.latency_samples(
                        apps[size] + path, per_round, max_seconds / rounds
                    )
                    samples[size][name].extend(times)
                    if statuses[size].get(name, 200) == 200:  # keep a failure
                        statuses[size][name] = status
    for size in sizes:
        for name in targets:
            row = results[size]["pages"][name]
            row[0] = bk.median(samples[size][name])
            row[1] = statuses[size][name]
    return results


def report(results: dict) -> str:
    sizes = list(results)
    names = list(results[sizes[0]]["pages"])
    headers = ["page"]
    for size in sizes:
        headers += [f"p50 ms @{results[size]['terms']:,}", "SQL"]
    rows = []
    for name in names:
        row = [name]
        for size in sizes:
            p50, status, queries = results[size]["pages"][name]
            flag = "" if status == 200 else f" ({status})"
            row += [f"{p50:,.1f}{flag}", queries]
        rows.append(row)
    return bk.table(headers, rows)


# Issue 17: a page's cost does not grow with the glossary.
GROWTH_LIMITS = {"term": 1.25, "letter": 1.25, "index": 1.25, "sitemap glossary": 3}


def growth(results: dict, name: str):
    """p50 at the largest size / p50 at the smallest, or None."""
    sizes = list(results)
    small = results[sizes[0]]["pages"][name][0]
    large = results[sizes[-1]]["pages"][name][0]
    return bk.share(large, small)


def targets(results: dict) -> list:
    sizes = list(results)
    small, large = results[sizes[0]], results[sizes[-1]]
    at = f"@{large['terms']:,} terms"

    def queries(result, name):
        return result["pages"][name][2]

    constant = [
        name for name in large["pages"] if queries(small, name) != queries(large, name)
    ]
    rows = [
        (
            f"SQL queries constant {small['terms']:,}→{large['terms']:,}",
            "all constant" if not constant else "grow: " + ", ".join(constant),
            "constant",
            not constant,
        )
    ]
    for name, limit in GROWTH_LIMITS.items():
        ratio = growth(results, name)
        statuses = {small["pages"][name][1], large["pages"][name][1]}
        rows.append(
            (
                f"{name} p50 {at} vs @{small['terms']:,}",
                bk.fmt(ratio, ".2f") + "×",
                f"<= {limit:g}×",
                bool(ratio and ratio <= limit and statuses == {200}),
            )
        )
    sitemaps = [large["pages"][name] for name in SITEMAPS]
    sitemap_ms = max(p50 for p50, _, _ in sitemaps)
    rows.append(
        (
            f"slower sitemap p50 {at}",
            f"{sitemap_ms:,.0f} ms",
            "<= 1000 ms",
            sitemap_ms <= 1000 and all(status == 200 for _, status, _ in sitemaps),
        )
    )
    for result in (small, large):
        workers = (result.get("rss") or {}).get("workers") or []
        rows.append(
            (
                f"max gunicorn worker RSS @{result['terms']:,} terms",
                bk.mib(max(workers) if workers else None),
                "reported",
                None,
            )
        )
    for module in footprint.REPORTS:
        for result in (small, large):
            nbytes = footprint.report_total(result, module)
            if nbytes is not None:
                rows.append(
                    (
                        f"{module}.cached_size_report() @{result['terms']:,} terms",
                        f"{nbytes:,} B",
                        "reported",
                        None,
                    )
                )
    for label, needle in footprint.STRUCTURES.items():
        for result in (small, large):
            if result.get("cached") is None:
                continue
            nbytes = footprint.structure_bytes(result, needle)
            rows.append(
                (
                    f"cached {label} @{result['terms']:,} terms",
                    bk.fmt(nbytes) + " B",
                    "reported",
                    None,
                )
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-redis", action="store_true", help="skip cached sizes")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    site = bk.Site(keep=options.keep)
    try:
        site.build()
        with contextlib.ExitStack() as stack:
            redis_url = None
            if not options.no_redis:
                redis_url = stack.enter_context(bk.redis_server(site.dir))
            results = measure(
                site, site.urls(), sizes, redis_url=redis_url, rounds=options.rounds
            )
        print(report(results))
        print(footprint.rss_report(results))
        print(footprint.sizes_report(results))
        print(
            bk.table(
                ["measurement", "value", "target", "status"],
                [(m, v, t, bk.status_text(ok)) for m, v, t, ok in targets(results)],
            )
        )
    finally:
        site.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
