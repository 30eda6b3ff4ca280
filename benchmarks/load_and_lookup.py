"""Print how long importing, loading, looking up and building the graph take.

Run with ``python benchmarks/load_and_lookup.py``. Fresh-process figures are medians of
several runs, each in a new interpreter; in-process figures use ``timeit``. Nothing here
asserts: the figures are for reading and for the changelog.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import timeit

# Compare like with like: installed packages (networkx) carry compiled bytecode, so let
# every measured process write and reuse bytecode for triggerpoints too, even where the
# environment sets PYTHONDONTWRITEBYTECODE (an editable install would otherwise
# recompile the package from source in every fresh process).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

RUNS = 7


def fresh(code: str) -> float:
    """Median wall time (seconds) of ``python -c code`` over RUNS fresh processes."""
    timings = []
    subprocess.run([sys.executable, "-c", code], check=True, env=ENVIRONMENT)  # warm-up: writes bytecode
    for _ in range(RUNS):
        start = timeit.default_timer()
        subprocess.run([sys.executable, "-c", code], check=True, env=ENVIRONMENT)
        timings.append(timeit.default_timer() - start)
    return statistics.median(timings)


def per_call(statement: str, setup: str, number: int) -> float:
    """Best-of-5 seconds per call of ``statement``."""
    return min(timeit.repeat(statement, setup=setup, number=number, repeat=5)) / number


def main() -> None:
    """Measure and print."""
    baseline = fresh("pass")
    rows = [
        ("python -c pass", baseline),
        ("import triggerpoints", fresh("import triggerpoints")),
        ("import networkx", fresh("import networkx")),
        ("import triggerpoints; tp.load()", fresh("import triggerpoints as tp; tp.load()")),
    ]
    print(f"fresh processes (median of {RUNS}):")
    for label, seconds in rows:
        print(f"  {label:40} {seconds * 1000:8.1f} ms")
    setup = "import triggerpoints as tp; atlas = tp.load()"
    calls = [
        ("atlas.muscle('glute max')", 20000),
        ("atlas.region('sits bone')", 20000),
        ("atlas.referrals_to('buttock')", 2000),
        ("atlas.muscles_referring_to('lower limb')", 2000),
        ("atlas.search('glute')", 200),
        ("atlas.factors_of('gluteus maximus', include_general=True)", 20000),
    ]
    print("warm calls (best of 5):")
    for statement, number in calls:
        print(f"  {statement:60} {per_call(statement, setup, number) * 1e6:10.1f} us")
    build = min(
        timeit.repeat(
            "tp.Atlas(dataset, validated=True).graph",
            setup="import triggerpoints as tp; dataset = tp.load().dataset; tp.load().graph",
            number=5,
            repeat=3,
        )
    )
    print(f"  {'Atlas(dataset) + graph build (networkx imported)':60} {build / 5 * 1000:10.1f} ms")


if __name__ == "__main__":
    main()
