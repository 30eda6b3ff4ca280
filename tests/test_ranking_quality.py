"""Tests of the ranking benchmark script (benchmarks/ranking_quality.py): tie-averaged figures, run from the repository."""

from __future__ import annotations

import contextlib
import io
import json
import runpy
from pathlib import Path
from typing import Any

import pytest

import triggerpoints as tp

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


CASES = BENCHMARKS / "data" / "ranking-cases.json"
CASE_FILES = [CASES, BENCHMARKS / "data" / "ranking-cases-2.json"]


@pytest.fixture(scope="module", params=CASE_FILES, ids=[path.name for path in CASE_FILES])
def cases(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    """The vignettes written from published case reports (each file in turn)."""
    path: Path = request.param
    vignettes: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["vignettes"]
    return vignettes


def test_every_published_case_cites_its_report_and_names_no_muscle_in_its_words(cases: list[dict[str, Any]]) -> None:
    """Each case has its words, expected muscles, a citation and an address; the words never give the answer away."""
    assert len(cases) >= 15
    assert len({case["id"] for case in cases}) == len(cases)
    for case in cases:
        assert case["pain"], case["id"]
        assert case["expected"], case["id"]
        assert case["citation"], case["id"]
        assert case["source_url"].startswith(("https://", "http://")), case["id"]
        words = " ".join(case["pain"]).lower()
        for expected in case["expected"]:
            assert expected["muscle"].lower().split()[0] not in words, (case["id"], expected["muscle"])


def test_the_cases_expected_muscles_are_the_ones_the_dataset_has(
    script: dict[str, Any], cases: list[dict[str, Any]]
) -> None:
    """A muscle marked in_dataset resolves to dataset ids, one marked absent resolves to none."""
    atlas = tp.load()
    for case in cases:
        for expected in case["expected"]:
            found = script["muscle_ids"](atlas, expected["muscle"])
            assert bool(found) is expected["in_dataset"], (case["id"], expected["muscle"])


def test_a_benchmark_without_a_pain_guide_is_measured_on_its_vignettes(script: dict[str, Any]) -> None:
    """The published-case file runs in phrase mode and is refused in region mode, which needs region ids."""
    with contextlib.redirect_stdout(io.StringIO()):
        figures = script["main"]([str(CASES)])
        assert figures["pain_guide"] == {}
        assert 0 <= figures["vignettes"]["top 10"] <= 1
        with contextlib.redirect_stderr(io.StringIO()) as err, pytest.raises(SystemExit):
            script["main"](["--mode", "regions", str(CASES)])
    assert "needs every vignette" in err.getvalue()


def test_the_development_benchmark_does_not_drop(script: dict[str, Any]) -> None:
    """Tie-averaged, from the vignettes' own words: 13 of 15 at top 1, 14 at top 3, 101 of 106 guide muscles in the top 10.

    These are the figures of model 2.0 on data 0.5.2, above issue #14's targets (80%, 93%,
    92%); a change that lowers one must say so here and in docs/ranking.md.
    """
    with contextlib.redirect_stdout(io.StringIO()):
        figures = script["main"]([])
    assert figures["vignettes"]["top 1"] >= 13 / 15 - 1e-9
    assert figures["vignettes"]["top 3"] >= 14 / 15 - 1e-9
    assert figures["pain_guide"]["top 10"] >= 101 / 106 - 1e-9
