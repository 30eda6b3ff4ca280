"""Smoke tests of the benchmark scripts: they measure what they say, and time nothing here."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import triggerpoints as tp

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def script(name: str) -> dict[str, Any]:
    """The globals of a benchmark script, run as a module rather than as the main program."""
    return runpy.run_path(str(BENCHMARKS / name), run_name=name.removesuffix(".py"))


def test_scaling_builds_a_valid_dataset_of_twice_the_records(tmp_path: Path) -> None:
    """Two copies of the packaged data load and hold twice its muscles, trigger points and regions."""
    path = tmp_path / "x2.json"
    path.write_text(json.dumps(script("scaling.py")["synthetic"](2)), encoding="utf-8")
    packaged, doubled = tp.load(), tp.load(path)
    expected = [2 * len(packaged.muscles), 2 * len(packaged.trigger_points), 2 * len(packaged.regions)]
    assert expected == [len(doubled.muscles), len(doubled.trigger_points), len(doubled.regions)]


def test_lookup_speed_measures_real_lookups() -> None:
    """The misspelling the lookup benchmark times raises and is caught, and its lenient rank skips only 'xyzzy'."""
    script("lookup_speed.py")["misspelt_muscle"](tp.load())
    assert ("xyzzy",) == tuple(tp.rank(["buttock", "xyzzy"], strict=False).unresolved)
