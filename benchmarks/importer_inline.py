"""How the article importer's Markdown parsing scales with paragraph length.

    .venv/bin/python benchmarks/importer_inline.py [--sizes 100000,1000000]

For each size, times ``parse_body`` on one paragraph of that many characters in
several shapes: ordinary prose with markup, and the hostile shapes that made the
old regular expressions quadratic (openers with no closer) or cubic (a heading
full of spaces). Prints seconds per shape and the ratio between sizes: about 10
for a tenfold size means linear time. Figures move with load: compare ratios.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHAPES = {
    "prose": "Fibre feeds **gut** bacteria, see [NHS](https://nhs.uk/) and *more*. ",
    "dense markup": "x *y* [z](/p/) **w** ",
    "* without closer": "*a ",
    "_ without closer": "_a ",
    "[ without ]": "[",
    "[a]( without )": "[a](",
    "** without closer": "**a",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microsite.settings.test")
    import django

    django.setup()
    from microsite.articles.importer.markdown_blocks import parse_body

    shapes = dict(SHAPES)
    print(f"{'shape':<20}" + "".join(f"{size:>12,}" for size in sizes) + "   ratio")
    for name, unit in shapes.items():
        seconds = []
        for size in sizes:
            text = unit * (size // len(unit))
            started = time.perf_counter()
            parse_body(text)
            seconds.append(time.perf_counter() - started)
        ratio = seconds[-1] / max(seconds[0], 1e-6)
        print(
            f"{name:<20}" + "".join(f"{s:>11.3f}s" for s in seconds) + f"{ratio:>8.1f}"
        )
    for size in sizes:
        started = time.perf_counter()
        parse_body("## A" + " " * size + "heading")
        print(f"heading of {size:,} spaces: {time.perf_counter() - started:.3f}s")


if __name__ == "__main__":
    main()
