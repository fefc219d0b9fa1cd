"""The baseline: a bare `wagtail start` page against the term page, uncached.

    .venv/bin/python benchmarks/bare.py [--duration 10] [--keep]

In the bench's temporary directory it runs the venv's ``wagtail start``,
``migrate`` and ``collectstatic`` for that stock project, with its own
production settings (DEBUG=False, a random SECRET_KEY, ALLOWED_HOSTS), and pads
its home page's template with plain text so that the page is as many bytes as
the microsite's term page. Both are served by the same gunicorn set-up (2 ×
cores + 1 sync workers, no access log), the microsite with its page cache off.
wrk alternates between them (`rounds` times each); the term page's req/s is
printed as a share of the bare page's: the median of the rounds' shares.

A measurement, not a test: figures move with the machine's load.
"""

import argparse
import os
import secrets
import subprocess
import sys
from pathlib import Path

import benchkit as bk

PROJECT = "mysite"
FILLER = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
    "tempor incididunt ut labore et dolore magna aliqua. "
)
PADDING_OPEN = '\n<div class="bench-padding"><p>'
PADDING_CLOSE = "</p></div>\n"


def padding(length: int) -> str:
    """Markup of exactly ``length`` characters (ASCII: as many bytes), or "" when
    ``length`` is too small to hold the wrapper."""
    text_length = length - len(PADDING_OPEN) - len(PADDING_CLOSE)
    if text_length < 0:
        return ""
    repeated = FILLER * (text_length // len(FILLER) + 1)
    return PADDING_OPEN + repeated[:text_length] + PADDING_CLOSE


def padded_template(original: str, extra: str) -> str:
    """The stock home page template with ``extra`` markup at the end of its
    content block."""
    marker = "{% endblock content %}"
    if original.count(marker) != 1:
        raise ValueError(f"home_page.html: expected {marker!r} once")
    return original.replace(marker, extra + marker)


class BareSite:
    """A stock `wagtail start` project in ``parent``/bare, its own SQLite file."""

    wsgi = f"{PROJECT}.wsgi:application"

    def __init__(self, parent: Path):
        self.dir = Path(parent) / "bare"
        self.dir.mkdir()
        self.root = self.dir / "project"
        self.root.mkdir()
        self.template = self.root / "home" / "templates" / "home" / "home_page.html"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key
            not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CACHE_URL"}
        }
        self.env.update(
            {
                "DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings.production",
                "PYTHONPATH": str(self.root),
            }
        )

    def manage(self, *arguments) -> str:
        result = subprocess.run(
            [bk.PYTHON, "manage.py", *arguments],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(
                f"bare manage.py {' '.join(arguments)} failed:\n{result.stderr[-3000:]}"
            )
        return result.stdout

    def build(self) -> None:
        bk.log(f"bare wagtail project in {self.root}: start, migrate, collectstatic")
        wagtail = str(Path(bk.PYTHON).with_name("wagtail"))
        subprocess.run(
            [wagtail, "start", PROJECT, str(self.root)],
            check=True,
            capture_output=True,
        )
        (self.root / PROJECT / "settings" / "local.py").write_text(
            f"SECRET_KEY = {secrets.token_urlsafe(50)!r}\n"
            'ALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
        )
        self.manage("migrate", "--no-input")
        self.manage("collectstatic", "--no-input")

    def pad_to(self, size: int) -> int:
        """Pad the home page's template so the page is ``size`` bytes (if it is
        smaller); returns the page's size afterwards."""
        self.original = self.template.read_text()
        current = self.page_size()
        if current < size:
            self.template.write_text(
                padded_template(self.original, padding(size - current))
            )
            current = self.page_size()
        return current

    def page_size(self) -> int:
        return self.home_page()[0]

    def home_page(self) -> tuple[int, int]:
        """The home page's bytes and SQL queries (after one warm-up request)."""
        code = (
            "import django; django.setup()\n"
            "from django.db import connection\n"
            "from django.test import Client\n"
            "from django.test.utils import CaptureQueriesContext\n"
            "client = Client(HTTP_HOST='127.0.0.1')\n"
            "client.get('/')\n"
            "with CaptureQueriesContext(connection) as queries:\n"
            "    response = client.get('/')\n"
            "assert response.status_code == 200, response.status_code\n"
            "print(len(response.content), len(queries.captured_queries))\n"
        )
        result = subprocess.run(
            [bk.PYTHON, "-c", code],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode:
            raise RuntimeError(f"bare page failed:\n{result.stderr[-3000:]}")
        size, queries = result.stdout.strip().splitlines()[-1].split()
        return int(size), int(queries)


def measure(site, urls: dict, duration: int, raw: list, rounds=2) -> dict:
    """The term page (microsite, page cache off) and the padded bare page: wrk
    alternating between them; medians of req/s and p50."""
    bare = BareSite(site.dir)
    bare.build()
    term = urls["term"]
    out = {"rounds": rounds, "bare_site": bare}
    with bk.gunicorn(site, page_cache=False) as app:
        status, _, body, _ = bk.fetch(app + term)
        out["term_bytes"] = len(body)
        out["bare_bytes"] = bare.pad_to(len(body))
        with bk.gunicorn(bare) as stock:
            status, _, _, _ = bk.fetch(stock + "/")
            out["bare_status"] = status
            results = {"term": [], "bare": []}
            for number in range(rounds):
                for label, url in (("term", app + term), ("bare", stock + "/")):
                    bk.log(f"wrk uncached {label}, round {number + 1} ({duration}s)")
                    result = bk.wrk(url, duration=duration)
                    raw.append(f"### baseline: uncached {label}\n{result.raw}")
                    results[label].append(result)
    out["bare_queries"] = bare.home_page()[1]
    out["term_queries"] = site.count_queries([term])[term][1]
    out["ratio"] = paired_ratio(
        [r.requests_per_second for r in results["term"]],
        [r.requests_per_second for r in results["bare"]],
    )
    for label, runs in results.items():
        out[label] = {
            "rps": bk.median([r.requests_per_second for r in runs]),
            "p50": bk.median([r.p50 for r in runs]),
            "p99": bk.median([r.p99 for r in runs]),
            "errors": sum(r.non_2xx for r in runs),
        }
    return out


def paired_ratio(term: list, bare: list):
    """The median of each round's term req/s / bare req/s: the two runs of a
    round are seconds apart, so a slow spell weighs on both."""
    return bk.median([bk.share(t, b) for t, b in zip(term, bare, strict=True)])


def report(out: dict) -> str:
    rows = []
    for label, name in (
        ("term", "term page, microsite, page cache off"),
        ("bare", "bare `wagtail start` home, padded"),
    ):
        result = out[label]
        rows.append(
            (
                name,
                f"{out[f'{label}_bytes']:,}",
                bk.fmt(result["rps"]),
                bk.fmt(result["p50"], ".2f"),
                bk.fmt(result["p99"], ".2f"),
                out.get(f"{label}_queries", ""),
            )
        )
    text = bk.table(
        ["uncached page", "bytes", "req/s", "p50 ms", "p99 ms", "SQL"], rows
    )
    ratio = out["ratio"]
    text += (
        f"\nterm page / bare page: {bk.fmt(ratio * 100 if ratio else None, '.1f')} %"
        f" of the bare page's req/s (median of {out['rounds']} alternating rounds'"
        " ratios; the req/s above are medians too)"
    )
    errors = out["term"]["errors"] + out["bare"]["errors"]
    if errors or out.get("bare_status") != 200:
        text += f"\nnote: bare page status {out.get('bare_status')}, non-2xx {errors}"
    return text


def targets(out: dict) -> list:
    ratio = out["ratio"]
    return [
        (
            "uncached term vs bare wagtail page (req/s)",
            bk.fmt(ratio * 100 if ratio else None, ".1f") + " %",
            "reported",
            None,
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="wrk seconds")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    options = parser.parse_args()
    if bk.ensure_tools(("wrk",)):
        return 2
    site = bk.Site(keep=options.keep)
    try:
        site.build()
        out = measure(site, site.urls(), options.duration, [], options.rounds)
        print(report(out))
    finally:
        site.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
