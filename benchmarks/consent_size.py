"""Bytes the consent plugin adds to a page: its JS and CSS, raw and gzipped.

    .venv/bin/python benchmarks/consent_size.py

The budget is 5 KB (5,120 bytes) gzipped for the three together. The head
script is inlined in every page, measured as inlined (without its comment
lines, ``consent.inline_code``); the two others are cacheable static files,
measured as served.
"""

import gzip
import importlib.util
import sys
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "consent" / "static" / "consent"
FILES = ["head.js", "consent.js", "consent.css"]
BUDGET = 5 * 1024


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def served(name: str) -> bytes:
    if name == "head.js":
        return inline_code().head_script().encode()
    return (STATIC / name).read_bytes()


def inline_code():
    """This checkout's consent/inline_code.py (it imports nothing of Django's),
    whichever ``consent`` the environment would import."""
    path = STATIC.parent.parent / "inline_code.py"
    spec = importlib.util.spec_from_file_location("consent_inline_code", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure():
    rows = []
    for name in FILES:
        data = served(name)
        rows.append((name, len(data), gzipped_size(data)))
    return rows


def main():
    rows = measure()
    print(f"{'file':<14}{'raw bytes':>12}{'gzip bytes':>12}")
    for name, raw, packed in rows:
        print(f"{name:<14}{raw:>12,}{packed:>12,}")
    total_raw = sum(r[1] for r in rows)
    total_gzip = sum(r[2] for r in rows)
    print(f"{'total':<14}{total_raw:>12,}{total_gzip:>12,}")
    print(
        f"budget {BUDGET:,} gzip bytes: {'within' if total_gzip <= BUDGET else 'OVER'}"
    )
    return 0 if total_gzip <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
