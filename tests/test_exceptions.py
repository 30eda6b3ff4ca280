"""Tests for the exceptions and how they read (triggerpoints.exceptions)."""

from __future__ import annotations

import pytest

import triggerpoints as tp


@pytest.mark.parametrize(
    ("suggestions", "message"),
    [
        ((), "unknown muscle 'x'"),
        (("a",), "unknown muscle 'x'; did you mean 'a'?"),
        (("a", "b"), "unknown muscle 'x'; did you mean 'a' or 'b'?"),
        (("a", "b", "c", "d"), "unknown muscle 'x'; did you mean 'a', 'b' or 'c'?"),
    ],
)
def test_unknown_id_error_names_up_to_three_suggestions(suggestions: tuple[str, ...], message: str) -> None:
    """The message lists at most three suggestions, joined as people write them."""
    error = tp.UnknownIdError("muscle", "x", suggestions)
    assert message == str(error)
    assert suggestions == error.suggestions


def test_every_error_is_a_triggerpoints_error_and_its_builtin() -> None:
    """Catching the root or the builtin both work."""
    assert issubclass(tp.UnknownIdError, tp.TriggerPointsError)
    assert issubclass(tp.UnknownIdError, LookupError)
    assert issubclass(tp.AmbiguousKeyError, LookupError)
    assert issubclass(tp.DatasetError, ValueError)
    assert issubclass(tp.DatasetError, tp.TriggerPointsError)


def test_ambiguous_key_error_lists_every_match_sorted() -> None:
    """The matches are sorted and all named."""
    error = tp.AmbiguousKeyError("calf", ["region:posterior-leg", "muscle:gastrocnemius"])
    assert ("muscle:gastrocnemius", "region:posterior-leg") == error.matches
    assert (
        "'calf' is ambiguous: it names 'muscle:gastrocnemius', 'region:posterior-leg'; pass kind= or use the id"
        == str(error)
    )


def test_problems_and_dataset_errors_read_as_lines() -> None:
    """A problem reads 'message @ path'; a dataset error counts them and lists each."""
    problem = tp.Problem("$.muscles[0].name", "expected a string")
    assert ("$.muscles[0].name", "expected a string") == (problem.path, problem.message)
    assert "expected a string @ $.muscles[0].name" == str(problem)
    assert "Problem('$.muscles[0].name', 'expected a string')" == repr(problem)
    one = tp.DatasetError("f.json", [problem])
    assert "invalid dataset f.json: 1 problem\n  expected a string @ $.muscles[0].name" == str(one)
    two = tp.DatasetError("f.json", [problem, problem])
    assert str(two).startswith("invalid dataset f.json: 2 problems\n")
