"""Fuzz the loader and the query functions with a large budget, and count what happened.

Targets (issue 17): over at least 10,000 mutated datasets, 0 unexpected exception
types, 0 loads over the time bound and 0 silent loads of a mutation documented as
invalid; every export of every dataset that loads parses back with its text unchanged;
random query text gets a documented error or a result within the query bound.

How: the strategies of ``tests/test_fuzz.py`` (the same mutations as the test suite,
which runs a few dozen) generate mutated copies of the mini fixture, of a small extension
file of the packaged data (loaded with ``extend=True``) and of the packaged dataset
itself; each is written to a file and loaded with :func:`triggerpoints.load`. A refusal
is counted by the kind of its first problem; an atlas is exported as GraphML, node-link
JSON, CSV and an SVG body map, and each is parsed back. Random query text (any
characters, phrases of place words, repetitions up to 120,000 characters) goes to
``resolve_place``, ``rank``, ``trace``, ``find`` and ``search``. Generation is
derandomized (the same inputs every run); shrinking is off. A call that takes ten times
its bound is stopped by an alarm and counted as a hang.

Run: ``python benchmarks/fuzz.py`` (about 10 minutes on two cores); ``--datasets``,
``--packaged`` and ``--queries`` change the budget.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import triggerpoints as tp

ROOT = Path(__file__).resolve().parent.parent
KEEP: Path | None = None  # where to write the documents that miss a target (--keep)


def cases() -> ModuleType:
    """The strategies and checks of tests/test_fuzz.py, imported from their file."""
    spec = importlib.util.spec_from_file_location("fuzz_cases", ROOT / "tests" / "test_fuzz.py")
    if spec is None or spec.loader is None:  # pragma: no cover - the file is part of the repository
        raise FileNotFoundError(ROOT / "tests" / "test_fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(budget: int, strategy: st.SearchStrategy[Any], body: Callable[[Any], None]) -> None:
    """Call ``body`` on ``budget`` derandomized examples of ``strategy`` (no shrinking, no database)."""
    if budget < 1:
        return
    chosen = settings(
        max_examples=budget,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )

    @chosen
    @given(strategy)
    def each(example: Any) -> None:
        body(example)

    each()


def fuzz_datasets(
    module: ModuleType,
    counts: Counter[str],
    budget: int,
    base: dict[str, Any],
    *,
    label: str,
    bound: float,
    extend: bool,
) -> list[float]:
    """Load ``budget`` mutations of ``base``; count outcomes under ``label``; return the load times."""
    seconds: list[float] = []

    def body(mutation: Any) -> None:
        outcome, atlas = module.load_outcome(mutation, extend=extend, bound=10 * bound)
        seconds.append(outcome.seconds)
        counts[f"{label}: datasets"] += 1
        if outcome.kind == "refused":
            counts[f"{label}: refused: {outcome.detail}"] += 1
        elif outcome.kind == "unexpected":
            counts[f"{label}: UNEXPECTED {outcome.detail}"] += 1
        else:
            counts[f"{label}: {'loaded' if outcome.kind == 'loaded' else 'SILENT LOAD of ' + outcome.detail}"] += 1
        if outcome.seconds > bound:
            counts[f"{label}: OVER THE BOUND ({bound} s)"] += 1
        failures = module.export_failures(atlas) if atlas is not None else []
        for failure in failures:
            counts[f"{label}: EXPORT FAILS {failure[:120]}"] += 1
        if KEEP is not None and (failures or outcome.kind in ("silent", "unexpected") or outcome.seconds > bound):
            KEEP.mkdir(parents=True, exist_ok=True)
            kept = KEEP / f"{label}-{counts[f'{label}: datasets']}.json"
            kept.write_text(json.dumps({"mutation": mutation.kind, "outcome": outcome, "document": mutation.document}))

    run(budget, module.mutated(base, extension=extend), body)
    return seconds


def fuzz_queries(module: ModuleType, counts: Counter[str], budget: int, bound: float) -> list[float]:
    """Ask every query function about ``budget`` random texts; count outcomes; return the times per text."""
    seconds: list[float] = []
    texts = st.one_of(
        module.QUERIES, st.integers(0, 120_000).map(lambda size: ("pain down the outside of my thigh, " * 4000)[:size])
    )

    def body(text: str) -> None:
        started = time.perf_counter()
        try:
            results = module.run_queries(text)
        except TimeoutError:
            counts["queries: HANG"] += 1
            return
        except Exception as error:  # noqa: BLE001 - what this looks for
            counts[f"queries: UNEXPECTED {type(error).__name__}: {error}"[:160]] += 1
            return
        took = time.perf_counter() - started
        seconds.append(took)
        counts["queries: texts"] += 1
        for result in results:
            counts[f"queries: {result}"] += 1
        if took > bound * len(results):
            counts[f"queries: OVER THE BOUND ({bound} s a call)"] += 1

    run(budget, texts, body)
    return seconds


def summary(name: str, seconds: list[float]) -> str:
    """Count, median and slowest of some timings."""
    if not seconds:
        return f"{name}: none"
    ordered = sorted(seconds)
    return f"{name}: {len(ordered)}, median {1000 * ordered[len(ordered) // 2]:.1f} ms, slowest {ordered[-1]:.2f} s"


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzing and print the counts; exit 1 if any target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=10_000, help="mutated mini and extension datasets")
    parser.add_argument("--packaged", type=int, default=100, help="mutated copies of the packaged dataset")
    parser.add_argument("--queries", type=int, default=3_000, help="random query texts")
    parser.add_argument("--bound", type=float, default=5.0, help="seconds a load may take")
    parser.add_argument("--query-bound", type=float, default=1.0, help="seconds a query call may take")
    parser.add_argument("--keep", type=Path, help="write each document that misses a target to this folder")
    args = parser.parse_args(argv)
    global KEEP  # noqa: PLW0603 - set once from the command line
    KEEP = args.keep
    module = cases()
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    extension = args.datasets // 5
    packaged = json.loads((ROOT / "src" / "triggerpoints" / "data" / "triggerpoints.json").read_text("utf-8"))
    times = {
        "mini": fuzz_datasets(
            module,
            counts,
            args.datasets - extension,
            module.mini_document(),
            label="mini",
            bound=args.bound,
            extend=False,
        ),
        "extension": fuzz_datasets(
            module, counts, extension, module.EXTENSION, label="extension", bound=args.bound, extend=True
        ),
        "packaged": fuzz_datasets(
            module, counts, args.packaged, packaged, label="packaged", bound=args.bound, extend=False
        ),
    }
    query_times = fuzz_queries(module, counts, args.queries, args.query_bound)
    print(
        f"triggerpoints {tp.__version__}, dataset {tp.load().dataset_version}: "
        f"fuzzing took {time.perf_counter() - started:.0f} s"
    )
    for key in sorted(counts):
        print(f"  {counts[key]:7d}  {key}")
    for name, seconds in times.items():
        print(summary(f"loads ({name})", seconds))
    print(summary("query texts (every function)", query_times))
    datasets = sum(counts[f"{label}: datasets"] for label in times)
    bad = {
        key: value
        for key, value in counts.items()
        if key.split(": ", 1)[1].startswith(("UNEXPECTED", "SILENT", "OVER", "EXPORT", "HANG"))
    }
    print(f"datasets: {datasets}; unexpected, silent, over-the-bound, hang and export failures: {sum(bad.values())}")
    return 1 if bad or datasets < 10_000 <= args.datasets + args.packaged else 0


if __name__ == "__main__":
    sys.exit(main())
