"""Measure how the time to read each kind of input grows when the input doubles.

Targets (issue 17): every ratio near 2 (linear time): reading a pain phrase as its length
doubles, validating a dataset as the aliases of one muscle or the depth of a chain of
regions doubles, and loading a dataset file as its size doubles. ``tp.rank`` of a
100,000-character phrase returns or refuses within 1 s; ``tp.search`` of text at the
query length limit within 50 ms; 20,000 aliases or a 1,500-deep region chain validate
within 1 s.

How: for each input, sizes double from a small start; each size is timed as the median
of a few runs in this process (after one untimed warm-up run of the smallest size), and
the time and its ratio to the previous size are printed. Phrases past the query limit
(1,000 characters) are read with the reader behind :func:`triggerpoints.resolve_place`,
which has no limit of its own, so that its growth shows; the public functions refuse
them. Phrase kinds: lay phrases from the test corpus joined by commas, words that name
nothing, a region name that runs across a separator ("next to the spine") repeated,
"back of the" repeated (a direction word that looks ahead), "between the shoulder
blades and" repeated ("between" tries several ends), and a muscle-like word beside
places with a circumstance and a negation after a place, repeated (the beginning of a
muscle's name is looked up, circumstances are read apart, a negation looks ahead), and
filler and side words alone (one long run with no place in it), and half the phrase
"front" repeated, the other half "and knee" repeated (a direction shared over "and"),
and "back" repeated, "and", "knee" repeated and "of" (two long parts). Aliases and the region chain
are added to the mini fixture and checked with the dataset validator; file sizes are
copies of the packaged dataset (``benchmarks/scaling.py`` builds them) read with
:func:`triggerpoints.load`.

Figures vary with the machine and its load; ratios are steadier than times. The run
takes about two minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import runpy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import triggerpoints as tp
from triggerpoints import _dataset
from triggerpoints._reading import read_place

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"


def timed(call: Callable[[], object], runs: int) -> float:
    """The median seconds of ``runs`` calls."""
    seconds = []
    for _run in range(runs):
        started = time.perf_counter()
        with contextlib.suppress(tp.TriggerPointsError):  # a refusal is an answer too; its time counts
            call()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def series(name: str, sizes: list[int], make: Callable[[int], Callable[[], object]], runs: int) -> None:
    """Time ``make(size)()`` for each size; print each time and its ratio to the one before."""
    make(sizes[0])()  # warm-up: first uses (indexes, geometry) are not part of the growth
    print(f"{name}:")
    previous = None
    for size in sizes:
        seconds = timed(make(size), runs)
        ratio = f"  x{seconds / previous:.2f}" if previous else ""
        print(f"  {size:>10,}  {1000 * seconds:9.2f} ms{ratio}")
        previous = seconds


def phrases(kind: str) -> Callable[[int], Callable[[], object]]:
    """A maker of phrases of one kind, each ``size`` characters long, read against the packaged atlas."""
    corpus = json.loads((ROOT / "tests" / "data" / "phrases.json").read_text("utf-8"))["phrases"]
    pieces = {
        "lay phrases": ", ".join(entry["phrase"] for entry in corpus) + ", ",
        "words naming nothing": "zzz qqq ",
        "name across a separator": "next to the spine ",
        "'back of the' repeated": "back of the ",
        "'between ... and' repeated": "between the shoulder blades and ",
        # No punctuation: one clause, so every look-ahead sees the whole rest of the phrase.
        "muscle-like words and places": "upper trapez and knee when sitting but knee is fine but a no ",
        "filler and side words only": "my the of left pain ",
        # Pieces split by "|" each fill an equal share; one in brackets comes once.
        # Half a run of direction words, then places joined by "and" that may share them:
        "directions, then a list": "front |and knee ",
        # Two long parts on either side of one "and" (a direction looks for "of" after it):
        "two long parts joined by 'and'": "back |[and ]|knee |[of]",
    }[kind]
    atlas = tp.load()

    def make(size: int) -> Callable[[], object]:
        shares = pieces.split("|")
        repeated = [share for share in shares if not share.startswith("[")]
        each = size // len(repeated)
        text = "".join(
            share[1:-1] if share.startswith("[") else (share * (each // len(share) + 1))[:each] for share in shares
        )
        return lambda: read_place(text, atlas)

    return make


def aliases(size: int) -> Callable[[], object]:
    """Validating the mini dataset with ``size`` aliases on one muscle."""
    document = json.loads(MINI.read_text("utf-8"))
    document["muscles"][0]["aliases"] = [f"alias {number}" for number in range(size)]
    return lambda: _dataset.parse(copy.deepcopy(document), origin="aliases")


def chain(size: int) -> Callable[[], object]:
    """Validating the mini dataset with a chain of ``size`` regions, each the parent of the next."""
    document = json.loads(MINI.read_text("utf-8"))
    document["regions"] += [
        {
            "id": f"region:c{n}",
            "name": f"C{n}",
            "parent": f"region:c{n - 1}" if n else "region:body",
            "views": ["anterior"],
            "sided": False,
        }
        for n in range(size)
    ]
    return lambda: _dataset.parse(copy.deepcopy(document), origin="chain")


def files(folder: Path) -> Callable[[int], Callable[[], object]]:
    """A maker of dataset files of ``size`` copies of the packaged data, loaded with tp.load."""
    synthetic = runpy.run_path(str(ROOT / "benchmarks" / "scaling.py"), run_name="scaling")["synthetic"]

    def make(size: int) -> Callable[[], object]:
        path = folder / f"x{size}.json"
        if not path.exists():
            path.write_text(json.dumps(synthetic(size)), encoding="utf-8")
        return lambda: tp.load(path)

    return make


def targets() -> None:
    """The absolute targets of the issue, each timed once more on its own."""
    atlas = tp.load()
    long = "pain down the outside of my thigh, " * 3000
    print("targets:")
    phrase = long[:100_000]
    print(f"  tp.rank of a {len(phrase):,}-character phrase: {1000 * timed(lambda: tp.rank(phrase), 5):.2f} ms")
    query = ("glute max lateral thigh sits bone " * 40)[:1000]
    print(f"  tp.search of {len(query):,} characters: {1000 * timed(lambda: atlas.search(query), 5):.1f} ms")
    print(f"  20,000 aliases validate in {1000 * timed(aliases(20_000), 3):.0f} ms")
    print(f"  a 1,500-deep region chain validates in {1000 * timed(chain(1_500), 3):.0f} ms")
    print(f"  --data /dev/zero refused in {1000 * timed(lambda: tp.load('/dev/zero'), 1):.0f} ms")


def main(argv: list[str] | None = None) -> int:
    """Print every series and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per size (median taken)")
    parser.add_argument("--copies", type=int, default=8, help="largest file, in copies of the packaged data")
    args = parser.parse_args(argv)
    print(f"triggerpoints {tp.__version__}, dataset {tp.load().dataset_version}")
    lengths = [1_000 * 2**step for step in range(7)]  # 1,000 to 64,000 characters
    kinds = ("lay phrases", "words naming nothing", "name across a separator", "'back of the' repeated")
    more = (
        "muscle-like words and places",
        "filler and side words only",
        "directions, then a list",
        "two long parts joined by 'and'",
    )
    for kind in (*kinds, "'between ... and' repeated", *more):
        series(f"reading a phrase ({kind}), by characters", lengths, phrases(kind), args.runs)
    series("validating aliases of one muscle, by aliases", [2_500 * 2**step for step in range(5)], aliases, args.runs)
    series("validating a chain of regions, by depth", [250 * 2**step for step in range(5)], chain, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        copies = [2**step for step in range(args.copies.bit_length())]
        series("loading a dataset file, by copies of the packaged data", copies, files(Path(folder)), 3)
    targets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
