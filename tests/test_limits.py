"""Tests for the stated input limits (triggerpoints._limits) and InputTooLargeError."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import textwrap
from itertools import repeat
from pathlib import Path

import pytest

import triggerpoints as tp
from triggerpoints import _limits
from triggerpoints._limits import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_PHRASES, MAX_QUERY_LENGTH, MAX_TRACE_DEPTH
from triggerpoints.exceptions import InputTooLargeError

MINI = Path(__file__).parent / "fixtures" / "mini.json"


def test_the_limits_leave_room_for_real_use() -> None:
    """The file limit is over 50 times the packaged dataset; the query and phrase limits over any real phrase."""
    packaged = Path(tp.__file__).parent / "data" / "triggerpoints.json"
    assert 50 * packaged.stat().st_size < MAX_FILE_BYTES
    assert (MAX_JSON_DEPTH, MAX_QUERY_LENGTH, MAX_PHRASES, MAX_TRACE_DEPTH) == (32, 1000, 100, 10)


def test_input_too_large_error_carries_its_data_and_reads_clearly() -> None:
    """The error names what, the size and the limit; it is a TriggerPointsError and a ValueError, and pickles."""
    error = InputTooLargeError("pain phrase", 1000, 1234, "characters")
    assert ("pain phrase", 1000, 1234, "characters") == (error.what, error.limit, error.size, error.unit)
    assert "pain phrase too large: 1,234 characters, over the limit of 1,000" == str(error)
    assert isinstance(error, tp.TriggerPointsError)
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(InputTooLargeError("file", 10, 11, "bytes", at_least=True)))  # noqa: S301 - our own
    assert "file too large: at least 11 bytes, over the limit of 10" == str(again)


# --- dataset files --------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_by_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A regular file larger than the limit is refused before it is read, with its exact size."""
    monkeypatch.setattr(_limits, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 101)
    with pytest.raises(InputTooLargeError) as caught:
        tp.load(path)
    assert (100, 101, "bytes", False) == (
        caught.value.limit,
        caught.value.size,
        caught.value.unit,
        caught.value.at_least,
    )


def test_a_file_at_the_size_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of exactly the limit is read (and then judged as JSON)."""
    content = MINI.read_bytes()
    monkeypatch.setattr(_limits, "MAX_FILE_BYTES", len(content))
    path = tmp_path / "exact.json"
    path.write_bytes(content)
    assert 2 == len(tp.load(path).muscles)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit() -> None:
    """``/dev/zero`` is read to one byte past the limit and refused, never read without end."""
    with pytest.raises(InputTooLargeError) as caught:
        tp.load("/dev/zero")
    assert (MAX_FILE_BYTES, MAX_FILE_BYTES + 1, True) == (caught.value.limit, caught.value.size, caught.value.at_least)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    """A FIFO that nothing writes to reads as empty and is refused, where a plain open would block for ever."""
    fifo = tmp_path / "cache.fifo"
    os.mkfifo(fifo)
    code = "import sys, triggerpoints as tp\ntry:\n    tp.load(sys.argv[1])\nexcept tp.DatasetError as e:\n    print(e)"
    done = subprocess.run(
        [sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=60, check=True
    )
    assert "not valid JSON" in done.stdout


def test_a_fifo_is_read_from_its_writer(tmp_path: Path) -> None:
    """A pipe with a program writing to it (a shell's ``<(...)``) is read like a file."""
    if not hasattr(os, "mkfifo"):  # pragma: no cover - Windows
        pytest.skip("needs named pipes")
    fifo = tmp_path / "data.fifo"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"open({str(fifo)!r}, 'wb').write(open({str(MINI)!r}, 'rb').read())"]
    )
    try:
        code = f"import triggerpoints as tp; print(len(tp.load({str(fifo)!r}).muscles))"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    finally:
        writer.wait(timeout=60)
    assert "2" == done.stdout.strip()


def _nested(levels: int) -> str:
    """A dataset whose title is buried under ``levels - 1`` lists (the top object is the first level)."""
    return '{"schema_version": "1.0", "title": ' + "[" * (levels - 1) + '"t"' + "]" * (levels - 1) + "}"


def test_nesting_deeper_than_the_limit_is_refused_before_decoding(tmp_path: Path) -> None:
    """One level over the limit is an InputTooLargeError; a million levels too, without a RecursionError."""
    for levels in (MAX_JSON_DEPTH + 1, 1_000_000):
        path = tmp_path / "deep.json"
        path.write_text(_nested(levels), encoding="utf-8")
        with pytest.raises(InputTooLargeError) as caught:
            tp.load(path)
        assert ("levels of nesting", MAX_JSON_DEPTH) == (caught.value.unit, caught.value.limit)


def test_nesting_at_the_limit_and_brackets_in_text_pass_the_depth_check(tmp_path: Path) -> None:
    """At the limit the file is judged on its content; brackets inside strings do not count as nesting."""
    path = tmp_path / "deep.json"
    path.write_text(_nested(MAX_JSON_DEPTH), encoding="utf-8")
    with pytest.raises(tp.DatasetError, match="expected a string"):
        tp.load(path)
    document = json.loads(MINI.read_text(encoding="utf-8"))
    document["title"] = "[[[[" * 100 + '\\" {{{{' * 100
    path.write_text(json.dumps(document), encoding="utf-8")
    assert document["title"] == tp.load(path).dataset.title


# --- query text and phrases -------------------------------------------------------------------


def test_a_phrase_over_the_length_limit_is_refused_not_cut() -> None:
    """resolve_place, rank and trace refuse text of 1,001 characters and more, and read text of 1,000."""
    long = "thigh " * 20_000
    for call in (
        lambda: tp.resolve_place(long),
        lambda: tp.rank([long]),
        lambda: tp.rank("calf", activities=[long]),
        lambda: tp.rank("calf", absent=[long], strict=False),
        lambda: tp.trace(long, "thigh"),
        lambda: tp.trace("piriformis", long),
    ):
        with pytest.raises(InputTooLargeError) as caught:
            call()
        assert (MAX_QUERY_LENGTH, 120_000, "characters") == (caught.value.limit, caught.value.size, caught.value.unit)
    at_limit = ("thigh " * 200)[:MAX_QUERY_LENGTH]
    assert ("region:thigh",) == tp.resolve_place(at_limit).regions


def test_a_ranking_reads_at_most_the_phrase_limit() -> None:
    """101 phrases in all are refused; an endless iterable is refused without being read to its end."""
    with pytest.raises(InputTooLargeError) as caught:
        tp.rank(["calf"] * 60, absent=["foot"] * 41)
    assert (MAX_PHRASES, 101) == (caught.value.limit, caught.value.size)
    with pytest.raises(InputTooLargeError, match="at least"):
        tp.rank(repeat("calf"))
    assert tp.rank(["calf"] * 60, absent=["foot"] * 40)


def test_trace_depth_is_capped_and_zero_is_allowed() -> None:
    """max_depth may be 0 to 10; more is an ArgumentError naming the range."""
    assert tp.trace("gluteus minimus", "lateral leg", max_depth=0)
    assert tp.trace("QL", "lateral leg", max_depth=MAX_TRACE_DEPTH)
    with pytest.raises(tp.ArgumentError, match="a whole number from 0 to 10"):
        tp.trace("QL", "lateral leg", max_depth=10**12)


# --- weights whose logarithms would be minus infinity -----------------------------------------


def test_weights_that_would_rule_a_muscle_out_are_refused() -> None:
    """absent_weight (or unreported) 1 with sensitivity and essential 1 is an ArgumentError, not a math domain error."""
    with pytest.raises(tp.ArgumentError, match="absent_weight"):
        tp.rank(["sits bone"], absent=["sits bone"], sensitivity=1, absent_weight=1)
    with pytest.raises(tp.ArgumentError, match="unreported"):
        tp.Weights(sensitivity=1, unreported=1)
    ranking = tp.rank(["sits bone"], absent=["buttock"], sensitivity=1, absent_weight=0.99)
    assert all(candidate.score == candidate.score for candidate in ranking)  # no NaN


# --- nothing runs code from data ---------------------------------------------------------------

PLANTED = textwrap.dedent(
    """
    import json, sys
    opened = []
    sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
    import triggerpoints as tp
    tp.load(); tp.rank(["buttock"]); tp.load().search("glute"); tp.trace("QL", "lateral leg")
    print(json.dumps({"pickle": "pickle" in sys.modules, "opened": opened}))
    """
)


def test_a_planted_pickle_or_fifo_where_a_cache_was_is_never_opened(tmp_path: Path) -> None:
    """Pickles and a FIFO planted in ~/.cache/triggerpoints and in TRIGGERPOINTS_CACHE_DIR are never opened."""
    home, shared, marker = tmp_path / "home", tmp_path / "shared", tmp_path / "ran"
    payload = pickle.dumps(_Marker(str(marker)))
    for folder in (home / ".cache" / "triggerpoints", shared):
        folder.mkdir(parents=True)
        for name in ("dataset-0.pickle", "dataset.pickle", "atlas.pickle", "triggerpoints.pickle"):
            (folder / name).write_bytes(payload)
        if hasattr(os, "mkfifo"):
            os.mkfifo(folder / "dataset-1.pickle")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "TRIGGERPOINTS_"))}
    env.update(HOME=str(home), TRIGGERPOINTS_CACHE_DIR=str(shared), XDG_CACHE_HOME=str(home / ".cache"))
    done = subprocess.run(
        [sys.executable, "-c", PLANTED], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    summary = json.loads(done.stdout)
    assert not marker.exists()
    assert not summary["pickle"]
    assert [] == [path for path in summary["opened"] if path.startswith((str(home), str(shared)))]


class _Marker:
    """Unpickling this writes a file: proof that someone unpickled it."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (Path(self.path), "unpickled"))


def test_query_text_is_not_kept_after_the_query() -> None:
    """The normalize function keeps no cache: 200 distinct 100,000-character queries leave no memory behind."""
    import tracemalloc  # noqa: PLC0415 - only this test traces memory

    from triggerpoints._text import normalize  # noqa: PLC0415 - the function whose cache is gone

    assert not hasattr(normalize, "cache_info")
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for number in range(200):
            normalize(f"{number} " + "thigh " * 16_000)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 1_000_000
