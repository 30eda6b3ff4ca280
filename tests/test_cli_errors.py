"""Every subcommand given bad values exits 1 or 2 with one line on stderr and no traceback (cli.py)."""

from __future__ import annotations

import pytest

from triggerpoints.cli import main

BAD_CALLS = [
    ["show", "no such muscle xyz"],
    ["show", "glute", "--kind", "bone"],
    ["show", ""],
    ["search", "glute", "--limit", "-3"],
    ["search", "glute", "--limit", "many"],
    ["search", "glute", "--kind", "bone"],
    ["regions", "nowhere at all"],
    ["regions", "--depth", "0"],
    ["rank", "xyzzy"],
    ["rank", "buttock", "--limit", "0"],
    ["rank", "buttock", "--absent", "qqqq"],
    ["trace", "quadratus lumborum", "thigh and ankle"],
    ["trace", "no such muscle", "lateral leg"],
    ["trace", "quadratus lumborum", "lateral leg", "--max-depth", "-1"],
    ["export", "yaml"],
    ["validate", "/no/such/file.json"],
    ["draw", "piriformis", "--scale", "-1", "-o", "x.png"],
    ["draw", "piriformis", "--scale", "nan"],
    ["draw", "piriformis", "-o", "glute.pdf"],
    ["draw", "no such muscle xyz"],
    ["draw", "buttock", "--rank", "--top", "0"],
    ["coverage", "--data", "/no/such/file.json"],
    ["show", "glute", "--extend"],
    ["no-such-command"],
]


@pytest.mark.parametrize("argv", BAD_CALLS, ids=[" ".join(call) or "empty" for call in BAD_CALLS])
def test_bad_values_give_one_line_and_no_traceback(
    argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad value ends in exit status 1 or 2 and an error message, never a traceback."""
    monkeypatch.chdir(str(tmp_path))
    status = main(argv)
    captured = capsys.readouterr()
    assert status in (1, 2)
    assert "Traceback" not in captured.err
    errors = [line for line in captured.err.splitlines() if "error" in line]
    assert 1 == len(errors), captured.err
