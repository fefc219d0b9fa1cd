"""How glossary auto-linking scales with the number of terms.

    .venv/bin/python benchmarks/autolink.py [--sizes 100,1000,10000] [--runs 15]

Builds a throwaway SQLite database in a temporary folder (migrate, then synthetic
terms from ``generate_glossary``), and for each glossary size prints: time to load
the term data from the database, time and memory to build the matcher, the size of
the cached data, and the time to link a 3,000-word article (median of several runs)
both directly and through the template tag. For comparison it also times the
obvious alternative, one regular expression alternation of every phrase.

Figures vary between runs and machines: compare the ratios within one run.
"""

import argparse
import os
import pickle
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILLER_TEXT = (
    "the of and to in a is that for it as with was on be by at this are from "
    "or which an but not have has had were can their more also its into than "
    "other some these may such when only most over after people body health "
    "study research diet food bacteria cells effect changes levels risk years"
)
FILLER = FILLER_TEXT.split()
ARTICLE_WORDS = 3000
TERM_MENTIONS = 40


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=15)
    return parser.parse_args()


def setup_django(folder: Path):
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microsite.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def glossary_index():
    from wagtail.models import Page, Site

    from glossary.models import GlossaryIndexPage

    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page if site else Page.get_first_root_node()
    index = GlossaryIndexPage(title="Glossary", slug="bench-glossary")
    home.add_child(instance=index)
    return index


def article_html(term_count: int) -> str:
    """3,000 words in paragraphs, headings and emphasis, with some term mentions."""
    from glossary.management.commands.generate_glossary import synthetic_title

    rng = random.Random(42)
    words = [rng.choice(FILLER) for _ in range(ARTICLE_WORDS)]
    for _ in range(TERM_MENTIONS):
        position = rng.randrange(ARTICLE_WORDS)
        words[position] = synthetic_title(rng.randint(1, term_count))
    parts = []
    for start in range(0, ARTICLE_WORDS, 60):
        chunk = words[start : start + 60]
        chunk[5] = f"<strong>{chunk[5]}</strong>"
        if start % 600 == 0:
            parts.append(f"<h2>{' '.join(chunk[:4])}</h2>")
        parts.append(f"<p>{' '.join(chunk)}.</p>")
    return "\n".join(parts)


def median_ms(function, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def traced_mb(function):
    tracemalloc.start()
    result = function()
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, current / 1_000_000


def regex_alternation(rows):
    names = sorted({name for *_, names in rows for name in names}, key=len)
    alternation = "|".join(re.escape(name) for name in reversed(names))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def measure(size: int, index, runs: int) -> dict:
    from django.core.cache import cache
    from django.template import engines

    from glossary.autolink import LinkState, build_linker, get_linker, linkable_terms

    rows, rows_mb = traced_mb(linkable_terms)
    linker, linker_mb = traced_mb(lambda: build_linker(rows))
    linker.memo_size = 0  # time the scan itself, not the memo of results
    article = article_html(size)
    cache.clear()
    get_linker()  # warm: what every render after the first sees
    _html, links = linker.link(article, LinkState())
    template = engines["django"].from_string(
        "{% load glossary_autolink %}"
        "{% autolink_terms page %}{{ body|safe }}{% endautolink_terms %}"
    )
    plain_text = re.sub(r"<[^>]+>", " ", article)
    started = time.perf_counter()
    pattern = regex_alternation(rows)
    regex_build_ms = (time.perf_counter() - started) * 1000
    regex_runs = max(1, runs // 5) if size >= 10_000 else runs
    return {
        "terms": size,
        "phrases": len(linker.phrases),
        "db load ms": median_ms(linkable_terms, 3),
        "build ms": median_ms(lambda: build_linker(rows), 5),
        "data MB": rows_mb,
        "matcher MB": linker_mb,
        "cached KB": len(pickle.dumps(rows)) / 1000,
        "links": links,
        "scan ms": median_ms(lambda: linker.link(article, LinkState()), runs),
        "tag ms (memo)": median_ms(
            lambda: template.render({"body": article, "page": None}), runs
        ),
        "regex build ms": regex_build_ms,
        "regex scan ms": median_ms(lambda: pattern.findall(plain_text), regex_runs),
    }


def add_child_ms_per_page(index, count=30) -> float:
    """What the slow path (one treebeard add_child per term) costs per page."""
    from glossary.models import GlossaryTermPage

    started = time.perf_counter()
    for number in range(count):
        index.add_child(
            instance=GlossaryTermPage(
                title=f"Slow path {number}",
                slug=f"slow-path-{number}",
                definition="Timing the one-by-one path.",
                origin="<p>Bench.</p>",
                mechanism="<p>Bench.</p>",
            )
        )
    elapsed = (time.perf_counter() - started) * 1000 / count
    GlossaryTermPage.objects.filter(slug__startswith="slow-path-").delete()
    return elapsed


def print_table(results):
    columns = list(results[0])
    widths = [max(len(column), 9) for column in columns]
    print(" | ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in results:
        cells = [
            f"{row[c]:.2f}" if isinstance(row[c], float) else str(row[c])
            for c in columns
        ]
        print(" | ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True)))


def main():
    args = parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    folder = Path(tempfile.mkdtemp(prefix="autolink-bench-"))
    try:
        print(f"Setting up a throwaway database in {folder} …", file=sys.stderr)
        setup_django(folder)
        from django.core.management import call_command

        index = glossary_index()
        print(
            "add_child, one page at a time: "
            f"{add_child_ms_per_page(index):.1f} ms/page",
            file=sys.stderr,
        )
        results, existing = [], 0
        for size in sizes:
            started = time.perf_counter()
            call_command(
                "generate_glossary",
                "--terms",
                size - existing,
                "--parent",
                index.pk,
                verbosity=0,
                stdout=open(os.devnull, "w"),  # noqa: SIM115
            )
            generate_s = time.perf_counter() - started
            print(
                f"generate_glossary: {size - existing} terms in {generate_s:.1f} s",
                file=sys.stderr,
            )
            existing = size
            results.append(measure(size, index, args.runs))
        print_table(results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
