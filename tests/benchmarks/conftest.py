"""The benchmark scripts import each other by module name (``import benchkit``),
as they do when run from benchmarks/: put that folder on the path, last, so
that none of its module names hides an installed package."""

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.append(str(BENCHMARKS))
