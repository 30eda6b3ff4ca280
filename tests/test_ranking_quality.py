"""Tests of the ranking benchmark script (benchmarks/ranking_quality.py): tie-averaged figures, run from the repository."""

from __future__ import annotations

import contextlib
import io
import runpy
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def script() -> dict[str, Any]:
    """The benchmark script's globals, run as a module rather than as the main program."""
    return runpy.run_path(str(BENCHMARKS / "ranking_quality.py"), run_name="ranking_quality")


def test_a_tie_counts_by_its_chance_not_by_the_alphabet(script: dict[str, Any]) -> None:
    """Wanted muscle tied with four others for places 2-6: within the top 3 with chance 2/5, top 1 never."""
    groups = [["a"], ["b", "c", "d", "e", "x"], ["f"]]
    hit = script["hit"]
    assert pytest.approx([0.0, 0.4, 1.0, 1.0]) == [hit(groups, frozenset({"x"}), k) for k in (1, 3, 6, 10)]
    assert pytest.approx(1 - 3 / 5) == hit(groups, frozenset({"x", "e"}), 2)
    assert 0.0 == script["plain"](groups, frozenset({"x"}), 3)


def test_the_development_benchmark_ships_with_the_repository(script: dict[str, Any]) -> None:
    """The benchmark data is in benchmarks/data, and a run prints and returns tie-averaged figures."""
    assert script["DEFAULT"].is_file()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        figures = script["main"]([])
    assert "tie-averaged" in out.getvalue()
    assert 0 <= figures["vignettes"]["top 3"] <= 1
    assert {"top 5", "top 10"} <= set(figures["pain_guide"])
