"""Measure the two speed ratios of ranking and print them against their targets.

1. Fresh-process time of ``import triggerpoints as tp; tp.rank(["buttock"])`` against
   ``import networkx`` (target: at most 0.6 of it). Medians over RUNS processes each.
2. A warm 3-region rank against re-parsing the packaged dataset JSON with ``json.loads``
   (target: at most a tenth of it). Best of 5 repeats.

Figures vary with the machine and its load; run it on a quiet machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit

RUNS = 9


def fresh(code: str) -> float:
    """Median wall time of ``python -c code`` over RUNS fresh processes."""
    timings = []
    for _ in range(RUNS):
        start = timeit.default_timer()
        subprocess.run([sys.executable, "-c", code], check=True)
        timings.append(timeit.default_timer() - start)
    return statistics.median(timings)


def main() -> None:
    """Measure and print."""
    rank_cold = fresh("import triggerpoints as tp; tp.rank(['buttock'])")
    networkx = fresh("import networkx")
    print(f"fresh rank(['buttock'])  {rank_cold * 1000:7.1f} ms")
    print(f"fresh import networkx    {networkx * 1000:7.1f} ms")
    print(f"ratio {rank_cold / networkx:.2f} (target <= 0.60)")
    setup = (
        "import json, triggerpoints as tp; from importlib.resources import files; tp.rank(['buttock']);"
        "text = files('triggerpoints').joinpath('data', 'triggerpoints.json').read_text(encoding='utf-8')"
    )
    number = 50
    warm = min(timeit.repeat("tp.rank(['buttock', 'lateral thigh', 'low back'])", setup=setup, number=number, repeat=5))
    parse = min(timeit.repeat("json.loads(text)", setup=setup, number=number, repeat=5))
    print(f"warm 3-region rank       {warm / number * 1000:7.3f} ms")
    print(f"json.loads(dataset)      {parse / number * 1000:7.3f} ms")
    print(f"ratio {warm / parse:.2f} (target <= 0.10)")


if __name__ == "__main__":
    main()
