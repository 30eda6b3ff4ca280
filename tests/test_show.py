"""What the command line shows a reader (triggerpoints._show, cli): citations, cautions once, no curation, wrapped lines."""

from __future__ import annotations

import argparse
import io
import re
import shutil
from typing import Any

import pytest

import triggerpoints as tp
from triggerpoints import _show, cli
from triggerpoints.cli import main

ATLAS = tp.load()
SOURCE_ID = re.compile(r"\bsource:[a-z0-9-]+")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the command line; return its standard output (it must succeed)."""
    assert 0 == main(list(argv))
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "key",
    ["glute min", "tp:gluteus-minimus-anterior", "sits bone", "factor:gardening-weeding-pruning", "source:ts-vol2"],
)
def test_show_prints_citations_never_source_ids_or_curation(capsys: pytest.CaptureFixture[str], key: str) -> None:
    """No source id and no curation note reaches the text of show, for any kind of record."""
    out = run(capsys, "show", key)
    assert [] == SOURCE_ID.findall(out.replace("[source:ts-vol2]", ""))
    record = ATLAS.get(key) if key in ATLAS else ATLAS.lookup(key)
    notes = [getattr(record, "curation", "")]
    notes += [getattr(part, "curation", "") for part in getattr(record, "referrals", ())]
    assert [] == [note for note in notes if note and note[:40] in out.replace("\n", " ")]


def test_show_a_muscle_cites_the_manual_and_gives_each_caution_once(capsys: pytest.CaptureFixture[str]) -> None:
    """Gluteus minimus cites the manual's volume and chapter, and the calf caution once."""
    out = run(capsys, "show", "glute min")
    assert "Travell & Simons, Myofascial Pain and Dysfunction" in out
    assert 1 == out.count("caution: Calf pain")


def test_rank_prints_each_caution_once_after_the_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    """'headache behind my eye': the eye and head cautions once each, after the candidates, not inside them."""
    out = run(capsys, "rank", "headache behind my eye")
    assert (1, 1) == (out.count("Caution (Eye):"), out.count("Caution (Head):"))
    last_candidate = max(out.rfind("\n10. "), out.rfind("\n=10. "))
    assert last_candidate < out.index("Caution (Eye):")
    assert out.startswith("read 'headache behind my eye' as Eye\n")


def test_text_is_wrapped_to_100_columns_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    """No line of rank, show or trace text is over 100 characters, except an unbreakable word (a URL)."""
    for argv in (["rank", "headache behind my eye"], ["show", "glute min"], ["trace", "QL", "lateral leg"]):
        for line in run(capsys, *argv).splitlines():
            assert len(line) <= 100 or " " not in line.strip(), line


def test_a_terminal_sets_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing to a terminal of 60 columns wraps at 60, with the wrapped part indented under its line."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(
        shutil, "get_terminal_size", lambda fallback=(100, 24): __import__("os").terminal_size((60, 24))
    )
    out = Terminal()
    _show.write(out, ["  caution: " + "word " * 30])
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert lines[1].startswith("      word")
    assert 100 == _show.width(io.StringIO())


def _actions(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    found = [(parser.prog, action) for action in parser._actions]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _actions(sub)
    return found


def test_every_argument_of_every_command_has_help() -> None:
    """Walking the parser: every action (options, positionals, the command list) has help text."""
    missing = [(prog, action.dest) for prog, action in _actions(cli._parser()) if not action.help]
    assert [] == missing


@pytest.mark.parametrize("argv", [["export", "csv", "--json"], ["explore", "--json"]])
def test_commands_without_json_refuse_it(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """The export and explore commands have no --json (export's formats are all for programs): a usage error."""
    assert 2 == main(argv)
    assert "unrecognized arguments: --json" in capsys.readouterr().err


def test_every_command_with_json_documents_it() -> None:
    """Each command that takes --json says so in its help, and the command list names every command."""
    parser: Any = cli._parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    with_json = {name for name, sub in commands.choices.items() if "--json" in sub._option_string_actions}
    assert {"show", "search", "regions", "rank", "trace", "validate", "draw", "coverage"} == with_json
