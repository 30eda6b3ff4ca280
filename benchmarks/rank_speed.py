"""Measure the two speed ratios of ranking and print them against their targets.

1. Fresh-process time of ``import triggerpoints as tp; tp.rank(["buttock"])`` against
   ``import networkx`` (targets: at most 0.6 of it for the ranking issue, 0.5 for the
   architecture issue). Medians over RUNS processes each, run alternately. Nothing is
   cached between processes (the packaged data is read in the form made at build
   time), so the first run after an install does the same work as every other; it is
   printed again, apart, for the record.
2. A warm 3-region rank against re-parsing the packaged dataset JSON with ``json.loads``
   (target: at most a tenth of it). Best of 15 repeats of 50 calls each, the two timed
   alternately; the median ratio of the side-by-side repeats is printed too.

Figures vary with the machine and its load; run it on a quiet machine.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import timeit

# Compare like with like: installed packages (networkx) carry compiled bytecode, so let
# every measured process write and reuse bytecode for triggerpoints too, even where the
# environment sets PYTHONDONTWRITEBYTECODE (an editable install would otherwise
# recompile the package from source in every fresh process).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

RUNS = 15


def run(code: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh ``python -c code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = timeit.default_timer()
    subprocess.run([sys.executable, "-c", code], check=True, env=env or ENVIRONMENT)
    wall = timeit.default_timer() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fresh_pair(first: str, second: str) -> dict[str, tuple[float, float]]:
    """Median wall and CPU times of RUNS fresh runs of each command, interleaved."""
    run(first), run(second)  # warm-up: writes bytecode, fills the file cache
    samples: dict[str, list[tuple[float, float]]] = {first: [], second: []}
    for _ in range(RUNS):
        for code in (first, second):
            samples[code].append(run(code))
    return {
        code: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for code, values in samples.items()
    }


def verdict(ratio: float, target: float) -> str:
    """Whether a measured ratio is within its target."""
    return "met" if ratio <= target else "NOT met"


def main() -> None:
    """Measure and print."""
    rank_code, networkx_code = "import triggerpoints as tp; tp.rank(['buttock'])", "import networkx"
    times = fresh_pair(rank_code, networkx_code)
    (rank_wall, rank_cpu), (nx_wall, nx_cpu) = times[rank_code], times[networkx_code]
    print(f"fresh rank(['buttock'])  wall {rank_wall * 1000:7.1f} ms   cpu {rank_cpu * 1000:7.1f} ms")
    print(f"fresh import networkx    wall {nx_wall * 1000:7.1f} ms   cpu {nx_cpu * 1000:7.1f} ms")
    cold = rank_wall / nx_wall
    print(
        f"ratio wall {cold:.3f}, cpu {rank_cpu / nx_cpu:.3f} "
        f"(target <= 0.6: {verdict(cold, 0.6)}; target <= 0.5: {verdict(cold, 0.5)})"
    )
    first = statistics.median(run(rank_code)[0] for _ in range(5))
    print(f"again, 5 runs apart      wall {first * 1000:7.1f} ms   ratio {first / nx_wall:.2f} (no first-run work)")
    warm, parse, paired = warm_ratio()
    print(f"warm 3-region rank       {warm * 1000:7.3f} ms")
    print(f"json.loads(dataset)      {parse * 1000:7.3f} ms")
    print(f"ratio {warm / parse:.3f} (target <= 0.1: {verdict(warm / parse, 0.1)}); median of paired runs {paired:.3f}")


def warm_ratio(repeats: int = 15, number: int = 50) -> tuple[float, float, float]:
    """Best per-call times of a warm 3-region rank and of ``json.loads`` of the dataset.

    The two are timed alternately, so that a change in the machine's speed during the run
    hits both alike; also returns the median ratio of the runs taken side by side.
    """
    import json  # noqa: PLC0415 - imported here so the fresh-process figures above stay apart
    from importlib.resources import files  # noqa: PLC0415

    import triggerpoints as tp  # noqa: PLC0415

    text = files("triggerpoints").joinpath("data", "triggerpoints.json").read_text(encoding="utf-8")
    query = ["buttock", "lateral thigh", "low back"]
    tp.rank(query)
    rank_timer, parse_timer = timeit.Timer(lambda: tp.rank(query)), timeit.Timer(lambda: json.loads(text))
    ranks, parses = [], []
    for _ in range(repeats):
        ranks.append(rank_timer.timeit(number) / number)
        parses.append(parse_timer.timeit(number) / number)
    paired = statistics.median(r / p for r, p in zip(ranks, parses, strict=True))
    return min(ranks), min(parses), paired


if __name__ == "__main__":
    main()
