"""Tests for the command line's ``rank`` (triggerpoints.cli._rank): readings, shared ranks, JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triggerpoints.cli import main

if TYPE_CHECKING:
    import pytest

MINI = Path(__file__).parent / "fixtures" / "mini.json"
DATA = ["--data", str(MINI)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line; return its status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_text_says_how_each_phrase_was_read(capsys: pytest.CaptureFixture[str]) -> None:
    """'back molar' is read as the teeth, and the line saying so comes first."""
    status, out, _ = run(capsys, "rank", "back molar", "--limit", "3")
    assert 0 == status
    assert out.startswith("read 'back molar' as Teeth; ignored 'back'\n1. ")
    assert out.endswith("Reference information, not a diagnosis.\n")


def test_shared_ranks_are_shown_with_an_equals_sign(capsys: pytest.CaptureFixture[str]) -> None:
    """On the mini data both muscles explain the leg equally: '=1.' twice, and a word on what ties mean."""
    status, out, _ = run(capsys, "rank", "leg", *DATA)
    assert 0 == status
    assert 2 == out.count("\n=1. ")
    assert "share their rank" in out


def test_json_is_the_whole_ranking_with_readings_and_ranks(capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` prints the ranking: the readings, the notes and candidates with their shared ranks."""
    status, out, _ = run(capsys, "rank", "leg", "--json", *DATA)
    data: dict[str, Any] = json.loads(out)
    assert 0 == status
    assert "read 'leg' as Leg" == data["readings"][0]["text"]
    assert [(1, True), (1, True)] == [(c["rank"], c["tied"]) for c in data["candidates"]]


def test_lenient_lists_what_names_nothing_and_ranks_the_rest(capsys: pytest.CaptureFixture[str]) -> None:
    """With ``--lenient`` an unreadable phrase is listed, not an error."""
    status, out, _ = run(capsys, "rank", "shin", "zzqx", "--lenient", *DATA)
    assert 0 == status
    assert "read nothing in 'zzqx'" in out
    assert "1. Beta muscle" in out


def test_the_whole_body_comes_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    """'I hurt all over' is read as the whole body, and a note says what that means."""
    status, out, _ = run(capsys, "rank", "I hurt all over", "--limit", "2")
    assert 0 == status
    assert "Note: Body is the whole body" in out


def test_priors_are_switched_on_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """``--prior 1`` adds the cited prevalence to the explanations."""
    status, out, _ = run(capsys, "rank", "low back", "--prior", "1", "--limit", "3")
    assert 0 == status
    assert "Prior: a study found trigger points in it" in out
