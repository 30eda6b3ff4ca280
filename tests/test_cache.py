"""The per-user cache of the validated packaged dataset.

Written once, read back whole, ignored when broken or switched off, and never a
different answer.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import triggerpoints as tp
from triggerpoints import _cache, _index

PROBE = (
    "import json, sys, triggerpoints as tp; atlas = tp.load();"
    "print(json.dumps({'cattrs': 'cattrs' in sys.modules, 'muscles': len(atlas.muscles),"
    " 'points': [p.id for p in atlas.trigger_points], 'first': tp.rank(['buttock'])[0].muscle.id}))"
)


def probe(cache: Path | None) -> dict[str, object]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("TRIGGERPOINTS_")}
    if cache is None:
        env["TRIGGERPOINTS_NO_CACHE"] = "1"
    else:
        env["TRIGGERPOINTS_CACHE_DIR"] = str(cache)
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_process_reads_the_cache_and_answers_the_same(tmp_path: Path) -> None:
    """The first load writes one entry; the next reads it without cattrs and answers identically."""
    first = probe(tmp_path)
    entries = list(tmp_path.glob("dataset-*.pickle"))
    assert 1 == len(entries)
    second = probe(tmp_path)
    assert (True, False) == (first["cattrs"], second["cattrs"])
    assert {**first, "cattrs": None} == {**second, "cattrs": None}
    assert {**probe(None), "cattrs": None} == {**second, "cattrs": None}


def test_a_broken_entry_is_ignored_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Garbage in the cache is a miss: the data is validated again and the entry rewritten."""
    probe(tmp_path)
    (entry,) = tmp_path.glob("dataset-*.pickle")
    entry.write_bytes(b"not a pickle")
    result = probe(tmp_path)
    assert result["cattrs"] is True
    monkeypatch.setenv("TRIGGERPOINTS_CACHE_DIR", str(tmp_path))
    assert _cache.read(_cache.key()) is not None


def test_switching_the_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TRIGGERPOINTS_NO_CACHE: no folder, nothing read or written."""
    monkeypatch.setenv("TRIGGERPOINTS_NO_CACHE", "1")
    monkeypatch.setenv("TRIGGERPOINTS_CACHE_DIR", str(tmp_path))
    assert _cache.folder() is None
    _cache.write("key", tp.load().dataset, _index.build(tp.load().dataset))
    assert [] == list(tmp_path.iterdir())


def entry_of(key: str) -> Path:
    where = _cache._entry(key)
    assert where is not None
    return Path(where)


def test_an_entry_of_another_shape_or_key_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a (Dataset, Indexes) pair written under exactly this key is accepted from the cache."""
    monkeypatch.setenv("TRIGGERPOINTS_CACHE_DIR", str(tmp_path))
    entry_of("k").write_bytes(b"k\n" + pickle.dumps({"not": "a dataset"}))
    assert _cache.read("k") is None
    atlas = tp.load()
    _cache.write("k", atlas.dataset, _index.build(atlas.dataset))
    assert _cache.read("k") is not None
    body = entry_of("k").read_bytes().partition(b"\n")[2]
    entry_of("k").write_bytes(b"another key with the same short name\n" + body)
    assert _cache.read("k") is None
    assert _cache.read("missing") is None


def test_the_key_names_every_file_the_records_depend_on() -> None:
    """The key is stable, and names the data file and the record-defining modules."""
    assert _cache.key() == _cache.key()
    for name in ("data/triggerpoints.json", "_models.py", "_dataset.py", "_index.py", "_text.py", "_cache.py"):
        assert f"; {name} " in _cache.key()


def test_the_key_follows_content_not_file_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A same-size edit of the data file gives a new key; touching a file without changing it does not."""
    for name in _cache._DEPENDS_ON:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text('{"a": 1}')
    monkeypatch.setattr(_cache, "_HERE", str(tmp_path))
    before = _cache.key()
    data = tmp_path / "data" / "triggerpoints.json"
    os.utime(data, ns=(data.stat().st_atime_ns, data.stat().st_mtime_ns + 10**9))
    assert before == _cache.key()
    times = (data.stat().st_atime_ns, data.stat().st_mtime_ns)
    data.write_text('{"a": 2}')
    os.utime(data, ns=times)  # same size, same time, different content
    assert before != _cache.key()


def test_a_package_not_on_disk_is_not_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without plain files to look at (a zipped install), the key cannot be made: nothing is cached."""
    monkeypatch.setattr(_cache, "_HERE", "/nonexistent/triggerpoints.zip/triggerpoints")
    with pytest.raises(FileNotFoundError):
        _cache.key()


def test_indexes_survive_pickling_read_only(mini: tp.Atlas) -> None:
    """Pickled indexes come back equal, and every mapping is read-only again."""
    built = _index.build(mini.dataset)
    restored = pickle.loads(pickle.dumps(built))  # noqa: S301 - round trip of our own object
    assert built == restored
    with pytest.raises(TypeError):
        restored.names["muscle"]["x"] = frozenset()
    with pytest.raises(TypeError):
        restored.by_id["x"] = restored.by_id[next(iter(restored.by_id))]


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing keeps the newest few entries, so the folder does not grow with every upgrade."""
    monkeypatch.setenv("TRIGGERPOINTS_CACHE_DIR", str(tmp_path))
    atlas = tp.load()
    for number in range(6):
        old = tmp_path / f"dataset-old{number}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (number, number))
    _cache.write("new", atlas.dataset, _index.build(atlas.dataset))
    names = sorted(path.name for path in tmp_path.glob("dataset-*.pickle"))
    assert sorted([entry_of("new").name, "dataset-old4.pickle", "dataset-old5.pickle"]) == names
