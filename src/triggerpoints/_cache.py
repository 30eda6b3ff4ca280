"""A per-user cache of the validated packaged dataset, so that a fresh process skips validation.

Reading the packaged JSON means decoding it, structuring every record through the strict
converter and checking every reference: a few hundred milliseconds, spent again in every
new process although the file never changes between releases. After the first full load,
the validated records are written to the user's cache folder; later processes read them
back, with their indexes, in a few milliseconds and without importing cattrs.

The cache is keyed by a hash of everything the records depend on: the packaged data
file, the sources of the modules that define and check records, and the Python version.
Any change gives a new key, so a stale entry is never read. A missing, unreadable or
foreign entry is ignored (the data is then read and validated as usual), and a cache
folder that cannot be written is not an error. Only data this library wrote to
the current user's cache folder is ever read.

Environment:
    ``TRIGGERPOINTS_CACHE_DIR``: the folder to use instead of the platform's user cache
    folder. ``TRIGGERPOINTS_NO_CACHE``: set to any non-empty value to read and validate
    the file every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from triggerpoints._index import Indexes
from triggerpoints._models import Dataset

if sys.version_info >= (3, 11):
    from importlib.resources import files
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib_resources import files

__all__ = ["PACKAGED", "folder", "key", "read", "write"]

PACKAGED = "<packaged triggerpoints.json>"
"""How messages name the packaged dataset."""

_DEPENDS_ON = ("_models.py", "_dataset.py", "_index.py", "_text.py", "_cache.py")
_DATA = ("data", "triggerpoints.json")


def folder() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    if os.environ.get("TRIGGERPOINTS_NO_CACHE"):
        return None
    chosen = os.environ.get("TRIGGERPOINTS_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "triggerpoints" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "triggerpoints"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "triggerpoints"


def key() -> str:
    """A hash of the packaged data, the record-defining code and the Python version."""
    package = files("triggerpoints")
    digest = hashlib.sha256()
    digest.update(f"{sys.implementation.name} {sys.version_info[:3]} {pickle.HIGHEST_PROTOCOL}".encode())
    digest.update(package.joinpath(*_DATA).read_bytes())
    for name in _DEPENDS_ON:
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:32]


def _entry(cache_key: str) -> Path | None:
    where = folder()
    return None if where is None else where / f"dataset-{cache_key}.pickle"


def read(cache_key: str) -> tuple[Dataset, Indexes] | None:
    """The validated dataset and its indexes cached under ``cache_key``, or None."""
    entry = _entry(cache_key)
    if entry is None:
        return None
    try:
        data = entry.read_bytes()
        found = pickle.loads(data)  # noqa: S301 - an entry this library wrote to the user's own cache
    except Exception:  # noqa: BLE001 - any unreadable entry is simply a miss
        return None
    if isinstance(found, tuple) and len(found) == 2:
        dataset, indexes = found
        if isinstance(dataset, Dataset) and isinstance(indexes, Indexes):
            return dataset, indexes
    return None


def write(cache_key: str, dataset: Dataset, indexes: Indexes) -> None:
    """Cache ``dataset`` (already validated) and its indexes under ``cache_key``; failures are ignored."""
    entry = _entry(cache_key)
    if entry is None:
        return
    import tempfile  # noqa: PLC0415 - only a cache miss writes

    with contextlib.suppress(OSError, pickle.PicklingError):
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".dataset-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((dataset, indexes), out, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(entry)  # atomic: readers see the old entry or the whole new one
        finally:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
        _prune(entry)


_KEEP = 3


def _prune(newest: Path) -> None:
    """Keep the newest few entries (other Python versions may share the folder); drop the rest."""
    with contextlib.suppress(OSError):
        entries = sorted(newest.parent.glob("dataset-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            if old != newest:
                old.unlink()
