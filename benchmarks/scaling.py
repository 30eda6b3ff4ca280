"""Measure how loading and graph building grow with the size of the dataset.

Targets: a synthetic dataset ten times today's size loads, indexes and builds its graph
in at most 11 times today's time; fifty times, in at most 55 times.

How: the packaged dataset is copied N times into one file (see :func:`synthetic`) for
N = 1, 10 and 50, written to a temporary folder. For each N, fresh processes each run
``tp.load(path)`` (read, parse, validate and index the file) and then ``atlas.graph``
(build the networkx graph), timing the two separately; the figures are the medians over
a few processes (fewer at N = 50), each after one warm-up process that writes bytecode.
``import triggerpoints`` is not timed; what ``load`` and ``graph`` import on first use
(cattrs, networkx) is, as a user pays it, which flatters the ratios a little. The copies
in the file are all of today's data, so any cost that grows faster than linearly (with
the number of names, say) shows up in the ratios.
The ratios to N = 1 of load, graph and their total are printed, the total against the
targets, with each N's peak memory (the child's ``ru_maxrss``).

Figures vary with the machine and its load; run it on a quiet machine. The whole run
takes a couple of minutes on two cores.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

# Compare like with like: let every measured process write and reuse bytecode, even where
# the environment sets PYTHONDONTWRITEBYTECODE (an editable install would otherwise
# recompile the package from source in every fresh process).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

#: Copies of the packaged dataset, and how many fresh processes time each.
SIZES = {1: 7, 10: 5, 50: 3}

#: The fields holding words a record answers to, which must stay unique within a kind.
WORD_FIELDS = ("name", "label")

#: Sections of the dataset file that hold lists of records.
SECTIONS = (
    "sources",
    "regions",
    "muscles",
    "trigger_points",
    "relations",
    "factors",
    "symptoms",
    "conditions",
    "treatments",
    "extra_aliases",
)

#: Run in each fresh process: time the two phases and report them with the peak memory.
CHILD = """
import json, resource, sys, timeit
import triggerpoints as tp
start = timeit.default_timer()
atlas = tp.load(sys.argv[1])
loaded = timeit.default_timer()
atlas.graph
built = timeit.default_timer()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load": loaded - start, "graph": built - loaded, "peak_kib": peak}))
"""


def packaged() -> dict[str, Any]:
    """The packaged dataset file, parsed."""
    text = files("triggerpoints").joinpath("data", "triggerpoints.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def synthetic(copies: int, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """The packaged dataset (or ``data``) with every record present ``copies`` times.

    Copy 0 is the data itself; copy *k* >= 1 has every record of every section, sources
    included, with ``-ck`` appended to its id and to every id it refers to (so each copy
    refers only to itself), and `` ck`` appended to its name or label and its aliases (so
    every word a record answers to stays unique). The root region of copy *k* hangs under
    the original root, which keeps one region hierarchy.
    """
    data = packaged() if data is None else data
    ids = {record["id"] for section in SECTIONS for record in data.get(section, ()) if "id" in record}
    root = next(region["id"] for region in data.get("regions", ()) if region["parent"] is None)
    result = {key: value for key, value in data.items() if key not in SECTIONS}
    for section in SECTIONS:
        if section in data:
            result[section] = [copy(record, ids, k) for k in range(copies) for record in data[section]]
    for region in result.get("regions", ()):
        if region["parent"] is None and region["id"] != root:
            region["parent"] = root
    return result


def copy(record: Any, ids: set[str], k: int, key: str = "") -> Any:
    """``record`` for copy ``k``: ids that are in ``ids`` and the words it answers to suffixed."""
    if k == 0:
        return record
    if isinstance(record, dict):
        return {name: copy(value, ids, k, name) for name, value in record.items()}
    if isinstance(record, list):
        return [copy(value, ids, k, key) for value in record]
    if isinstance(record, str) and record in ids:
        return f"{record}-c{k}"
    if isinstance(record, str) and key in (*WORD_FIELDS, "aliases"):
        return f"{record} c{k}"
    return record


def measure(path: Path, runs: int) -> dict[str, float]:
    """Median load and graph seconds and the peak memory (KiB) over ``runs`` fresh processes."""
    command = [sys.executable, "-c", CHILD, str(path)]
    subprocess.run(command, check=True, env=ENVIRONMENT, stdout=subprocess.DEVNULL)  # warm-up: writes bytecode
    samples = [
        json.loads(subprocess.run(command, check=True, env=ENVIRONMENT, stdout=subprocess.PIPE, text=True).stdout)
        for _ in range(runs)
    ]
    return {key: statistics.median(sample[key] for sample in samples) for key in ("load", "graph", "peak_kib")}


def verdict(ratio: float, target: float) -> str:
    """Whether a measured ratio is within its target."""
    return "met" if ratio <= target else "NOT met"


def main() -> None:
    """Build, measure and print."""
    data = packaged()
    figures: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for copies, runs in SIZES.items():
            path = Path(folder) / f"x{copies}.json"
            path.write_text(json.dumps(synthetic(copies, data)), encoding="utf-8")
            figures[copies] = measure(path, runs) | {"mib": path.stat().st_size / 2**20, "runs": runs}
    base = figures[1]
    base_total = base["load"] + base["graph"]
    print("N   file MiB  runs    load ms  ratio   graph ms  ratio   total ms  ratio  peak MiB  target")
    for copies, got in figures.items():
        total = got["load"] + got["graph"]
        ratio, target = total / base_total, 1.1 * copies
        goal = "" if copies == 1 else f"<= {target:g}: {verdict(ratio, target)}"
        print(
            f"{copies:<3} {got['mib']:8.1f}  {got['runs']:4.0f}"
            f"  {got['load'] * 1000:9.1f}  {got['load'] / base['load']:5.1f}"
            f"  {got['graph'] * 1000:9.1f}  {got['graph'] / base['graph']:5.1f}"
            f"  {total * 1000:9.1f}  {ratio:5.1f}  {got['peak_kib'] / 1024:8.1f}  {goal}"
        )


if __name__ == "__main__":
    main()
