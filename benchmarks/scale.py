"""How pages scale with the glossary: 100, 1,000 and 10,000 terms.

    .venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000] [--keep]

On a throwaway production-like site (benchkit.Site) it adds synthetic terms with
``generate_glossary --terms N`` up to each size, restarts gunicorn with the page
cache off and, for the glossary index, a letter page, a term page, site search,
glossary search, an article (auto-linking), the sitemap index and the first page
of its glossary section (the largest sitemap response), prints the median
latency of sequential GETs (bounded in count and time) and the SQL queries per
page (Django test client, in-process, same database).

Targets at the largest size: every page's query count the same as at the
smallest size (what matters is that it does not grow with the glossary, not its
value), index p50 <= 3× its value at the smallest size, the slower of the
sitemap index and its glossary section served within 1 s.
"""

import argparse
import sys

import benchkit as bk

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


def measure(site: bk.Site, urls: dict, sizes, count=11, max_seconds=20.0) -> dict:
    """{size: {page: (p50 ms, status, queries)}} for each size."""
    targets = pages(urls)
    results = {}
    for size in sizes:
        have = current_terms(site)
        if size > have:
            bk.log(f"generate_glossary --terms {size - have}")
            site.manage("generate_glossary", "--terms", str(size - have))
        total = current_terms(site)
        bk.log(f"{total} terms: latency and queries")
        row = {}
        # One worker: sequential requests then all reach the warmed-up process.
        with bk.gunicorn(site, page_cache=False, workers=1) as app:
            for name, path in targets.items():
                p50, status = bk.latency_p50(app + path, count, max_seconds)
                row[name] = [p50, status, None]
        counts = site.count_queries(targets.values())
        for name, path in targets.items():
            row[name][2] = counts[path][1]
        results[size] = {"terms": total, "pages": row}
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


def targets(results: dict) -> list:
    sizes = list(results)
    small, large = results[sizes[0]], results[sizes[-1]]
    at = f"@{large['terms']:,} terms"

    def queries(result, name):
        return result["pages"][name][2]

    constant = [
        name for name in large["pages"] if queries(small, name) != queries(large, name)
    ]
    index_ratio = large["pages"]["index"][0] / small["pages"]["index"][0]
    sitemaps = [large["pages"][name] for name in SITEMAPS]
    sitemap_ms = max(p50 for p50, _, _ in sitemaps)
    return [
        (
            f"SQL queries constant {sizes[0]:,}→{sizes[-1]:,}",
            "all constant" if not constant else "grow: " + ", ".join(constant),
            "constant",
            not constant,
        ),
        (
            f"index p50 {at} vs @{small['terms']:,}",
            f"{index_ratio:.2f}×",
            "<= 3×",
            index_ratio <= 3,
        ),
        (
            f"slower sitemap p50 {at}",
            f"{sitemap_ms:,.0f} ms",
            "<= 1000 ms",
            sitemap_ms <= 1000 and all(status == 200 for _, status, _ in sitemaps),
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    site = bk.Site(keep=options.keep)
    try:
        site.build()
        results = measure(site, site.urls(), sizes)
        print(report(results))
        print(
            bk.table(
                ["measurement", "value", "target", "status"],
                [
                    (m, v, t, "MET" if ok else "NOT MET")
                    for m, v, t, ok in targets(results)
                ],
            )
        )
    finally:
        site.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
