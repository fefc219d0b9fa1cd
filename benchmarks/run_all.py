"""`make bench`: every benchmark in one run, then one table of targets.

    .venv/bin/python benchmarks/run_all.py [--quick] [--skip-scale] [--lighthouse]
        [--baseline REV] [--keep]

Builds one throwaway production-like site (temporary SQLite file, file cache,
collected static files, DEBUG=False, random SECRET_KEY) and starts a throwaway
redis-server, then:

  1. page speed: static file vs deploy/nginx.conf vs the app's page cache (file
     cache and Redis) vs uncached renders, with wrk -t2 -c16 (page_speed.py);
  2. baseline: the uncached term page against a bare `wagtail start` page of
     the same size (bare.py), and where the term page's time goes
     (where_time_goes.py);
  3. the consent plugin's JS + CSS, gzipped (consent_size.py);
  4. requests per page view in Chromium, first and returning visit;
  5. scale: 100, 1,000, 10,000 terms (scale.py; --quick: 100 and 1,000), with
     per-worker RSS and cached structure sizes (footprint.py);
  6. with --lighthouse: Lighthouse scores (lighthouse.py);
  7. with --baseline REV: uncached renders of this code against the commit REV
     (a second throwaway site built from a git worktree of REV), side by side;
     it runs before scale, while both sites hold the demo content only.

Everything listens on 127.0.0.1 and is stopped at the end. Needs wrk and nginx
(installed with apt-get when run as root), and redis-server for the Redis rows.
The output is also saved under benchmarks/results/ (gitignored). Figures move
with the machine's load: compare the ratios within one run.
"""

import argparse
import contextlib
import sys
import time
import traceback

import bare
import benchkit as bk
import consent_size
import footprint
import page_speed
import scale
import where_time_goes

SIZES = [100, 1000, 10000]
QUICK_SIZES = [100, 1000]


class Output:
    """Prints and keeps everything for the results file."""

    def __init__(self):
        self.parts = []

    def __call__(self, text=""):
        print(text, flush=True)
        self.parts.append(text)


def plugin_size_targets() -> tuple[str, list]:
    rows = consent_size.measure()
    total = sum(packed for _, _, packed in rows)
    text = bk.table(
        ["consent file", "raw bytes", "gzip bytes"],
        [(name, f"{raw:,}", f"{packed:,}") for name, raw, packed in rows]
        + [
            (
                "total",
                f"{sum(r[1] for r in rows):,}",
                f"{total:,}",
            )
        ],
    )
    target = (
        "consent plugin JS+CSS gzip",
        f"{total:,} B",
        f"<= {consent_size.BUDGET:,} B",
        total <= consent_size.BUDGET,
    )
    return text, [target]


def requests_targets(site, urls) -> tuple[str, list]:
    with bk.gunicorn(site, page_cache=True) as app:
        counts = bk.page_view_requests(app + urls["home"])
    text = bk.table(
        ["home page view", "requests", "from cache", "network"],
        [
            (visit, c["requests"], c["from cache"], c["network"])
            for visit, c in counts.items()
        ],
    )
    rows = [
        (
            f"requests per page view, {visit}",
            str(c["network"]),
            "reported",
            None,
        )
        for visit, c in counts.items()
    ]
    return text, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="3 s wrk runs; scale at 100 and 1,000"
    )
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--lighthouse", action="store_true")
    parser.add_argument(
        "--baseline",
        metavar="REV",
        help="also compare uncached renders with this git revision",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    options = parser.parse_args()

    out = Output()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    bk.RESULTS.mkdir(parents=True, exist_ok=True)
    missing = bk.ensure_tools()
    if missing:
        print(
            "make bench needs " + " and ".join(missing) + ": install them "
            "(apt-get install -y wrk nginx-light) and run it again.",
            file=sys.stderr,
        )
        return 2

    duration = 3 if options.quick else 10
    rounds = 1 if options.quick else 2
    targets, raw = [], []
    site = bk.Site(keep=options.keep)
    started = time.monotonic()
    servers = contextlib.ExitStack()
    try:
        site.build()
        urls = site.urls()
        # One throwaway Redis for the run: the app cache on Redis, cached sizes.
        try:
            redis_url = servers.enter_context(bk.redis_server(site.dir))
        except RuntimeError as error:
            print(f"no Redis rows: {error}", file=sys.stderr)
            redis_url = None
        out(
            f"# make bench {stamp} ({'quick' if options.quick else 'full'}), "
            f"{bk.CORES} cores, gunicorn {bk.WORKERS} workers, wrk -t2 -c16 "
            f"-d{duration}s"
        )

        steps = [
            (
                "page speed",
                lambda: _page_speed(site, urls, duration, raw, redis_url, rounds),
            ),
            (
                "baseline: bare wagtail page",
                lambda: _bare(site, urls, raw, options.quick),
            ),
            ("consent plugin size", plugin_size_targets),
            ("requests per page view", lambda: requests_targets(site, urls)),
        ]
        # Before scale, which adds thousands of terms to this site: the older
        # commit's site holds the demo content only.
        if options.baseline:
            steps.append(
                (
                    f"uncached renders against {options.baseline}",
                    lambda: _baseline(site, options.baseline, duration, raw),
                )
            )
        if not options.skip_scale:
            sizes = QUICK_SIZES if options.quick else SIZES
            steps.append(("scale", lambda: _scale(site, urls, sizes, redis_url)))
        if options.lighthouse:
            steps.append(("lighthouse", lambda: _lighthouse(site, urls, stamp)))

        for title, step in steps:
            bk.log(f"== {title}")
            try:
                text, rows = step()
            except Exception as error:  # report and go on with the other steps
                traceback.print_exc()
                text = f"{title} failed: {error}"
                rows = [(title, "failed", "", False)]
            out(f"\n## {title}\n{text}")
            targets.extend(rows)

        out(f"\n## targets ({time.monotonic() - started:.0f} s)")
        out(
            bk.table(
                ["measurement", "value", "target", "status"],
                [
                    (name, value, target, bk.status_text(met))
                    for name, value, target, met in targets
                ],
            )
        )
    finally:
        servers.close()
        site.cleanup()
        path = bk.RESULTS / f"bench-{stamp}.txt"
        path.write_text(
            "\n".join(out.parts) + "\n\n# raw wrk output\n" + "\n".join(raw)
        )
        print(f"\nsaved {path.relative_to(bk.ROOT)}")
    return 0


def _page_speed(site, urls, duration, raw, redis_url, rounds):
    results = page_speed.measure(site, urls, duration, raw, redis_url, rounds)
    return page_speed.report(results), page_speed.targets(results)


def _bare(site, urls, raw, quick):
    # Short runs, many rounds: the pairs are compared round by round.
    if quick:
        results = bare.measure(site, urls, 3, raw, rounds=2)
    else:
        results = bare.measure(site, urls, 5, raw, rounds=6)
    profile = where_time_goes.measure(
        site, results["bare_site"], urls["term"], requests=50 if quick else 200
    )
    text = bare.report(results) + "\n\n" + where_time_goes.report(profile)
    return text, bare.targets(results)


def _scale(site, urls, sizes, redis_url):
    results = scale.measure(site, urls, sizes, redis_url=redis_url)
    text = "\n\n".join(
        [
            scale.report(results),
            footprint.rss_report(results),
            footprint.sizes_report(results)
            if redis_url
            else "cached structures: not measured (no redis-server)",
        ]
    )
    return text, scale.targets(results)


def _baseline(site, revision, duration, raw):
    with bk.checkout(revision) as code:
        baseline = bk.Site(root=code)
        try:
            baseline.build()
            best = page_speed.compare_uncached(site, baseline, duration, raw)
        finally:
            baseline.cleanup()
    return (
        page_speed.compare_report(best, revision),
        page_speed.compare_targets(best, revision),
    )


def _lighthouse(site, urls, stamp):
    import lighthouse

    scores = lighthouse.measure(site, urls, bk.RESULTS / f"lighthouse-{stamp}")
    return lighthouse.report(scores), lighthouse.targets(scores)


if __name__ == "__main__":
    sys.exit(main())
