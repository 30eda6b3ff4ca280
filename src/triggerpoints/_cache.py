"""A per-user cache of the validated packaged dataset, so that a fresh process skips validation.

Reading the packaged JSON means decoding it, structuring every record through the strict
converter and checking every reference: a few hundred milliseconds, spent again in every
new process although the file never changes between releases. After the first full load,
the validated records are written to the user's cache folder; later processes read them
back, with their indexes, in a few milliseconds and without importing cattrs.

An entry is keyed by the size and CRC-32 checksum of everything the records depend on
(the packaged data file and the modules that define and check records) and by the Python
version, so an upgrade or an edit gives a new key and the stale entry is not read. The
key follows content, not modification times, because installers and reproducible builds
may give two different releases the same file times. CRC-32 catches every small edit;
an unrelated change that keeps a file's size escapes it with odds of one in four
billion. Checksumming the 1.2 MB of files takes about a millisecond. The whole key is
written at the head of the entry and compared before anything is unpickled; the file
name is only a short digest of it. A missing, unreadable or foreign entry is ignored
(the data is then read and validated as usual), and a cache folder that cannot be
written is not an error. Only data this library wrote to the current user's cache folder
is ever read. A package that is not installed as plain files (inside a zip archive,
say) is not cached.

Reading an entry imports nothing heavier than :mod:`pickle` and :mod:`zlib`: no hashing
library, no :mod:`pathlib`, no :mod:`importlib.resources` (together about 20 ms of a
fresh process, measured with ``python -X importtime``). This is the one place the package
opens its own files by their path on disk, and only to checksum them for the key: the
data itself is always read and validated through :mod:`importlib.resources`.

Environment:
    ``TRIGGERPOINTS_CACHE_DIR``: the folder to use instead of the platform's user cache
    folder. ``TRIGGERPOINTS_NO_CACHE``: set to any non-empty value to read and validate
    the file every time.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import zlib

from triggerpoints._index import Indexes
from triggerpoints._models import Dataset

__all__ = ["PACKAGED", "folder", "key", "read", "write"]

PACKAGED = "<packaged triggerpoints.json>"
"""How messages name the packaged dataset."""

_HERE = os.path.dirname(os.path.abspath(__file__))
_DEPENDS_ON = (
    os.path.join("data", "triggerpoints.json"),
    "_models.py",
    "_dataset.py",
    "_index.py",
    "_text.py",
    "_cache.py",
)
_PREFIX, _SUFFIX = "dataset-", ".pickle"


def folder() -> str | None:
    """The cache folder, or None when caching is switched off."""
    if os.environ.get("TRIGGERPOINTS_NO_CACHE"):
        return None
    chosen = os.environ.get("TRIGGERPOINTS_CACHE_DIR")
    if chosen:
        return chosen
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
        return os.path.join(base, "triggerpoints", "Cache")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "triggerpoints")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "triggerpoints")


def key() -> str:
    """The Python version, and the size and CRC-32 of every file the records depend on.

    Raises:
        OSError: A file is not on disk as a plain file (then nothing is cached).
    """
    parts = [f"{sys.implementation.name} {sys.version_info[:3]} pickle {pickle.HIGHEST_PROTOCOL}"]
    for name in _DEPENDS_ON:
        with open(os.path.join(_HERE, name), "rb") as handle:
            content = handle.read()
        parts.append(f"{name.replace(os.sep, '/')} {len(content)} {zlib.crc32(content):08x}")
    return "; ".join(parts)


def _entry(cache_key: str) -> str | None:
    where = folder()
    if where is None:
        return None
    return os.path.join(where, f"{_PREFIX}{zlib.crc32(cache_key.encode()):08x}{_SUFFIX}")


def read(cache_key: str) -> tuple[Dataset, Indexes] | None:
    """The validated dataset and its indexes cached under ``cache_key``, or None."""
    entry = _entry(cache_key)
    if entry is None:
        return None
    try:
        with open(entry, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    head, _, body = data.partition(b"\n")
    if head != cache_key.encode():
        return None  # another key with the same short name, or not an entry at all
    collecting = gc.isenabled()
    gc.disable()  # thousands of small objects, none garbage: no collection can free anything
    try:
        found = pickle.loads(body)  # noqa: S301 - an entry this library wrote to the user's own cache
    except Exception:  # noqa: BLE001 - any unreadable entry is simply a miss
        return None
    finally:
        if collecting:
            gc.enable()
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

    where = os.path.dirname(entry)
    with contextlib.suppress(OSError, pickle.PicklingError):
        os.makedirs(where, mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".dataset-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(cache_key.encode() + b"\n")
                pickle.dump((dataset, indexes), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)  # atomic: readers see the old entry or the whole new one
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        _prune(entry)


_KEEP = 3


def _prune(newest: str) -> None:
    """Keep the newest few entries (other Python versions may share the folder); drop the rest."""
    where = os.path.dirname(newest)
    with contextlib.suppress(OSError):
        names = [name for name in os.listdir(where) if name.startswith(_PREFIX) and name.endswith(_SUFFIX)]
        entries = sorted((os.path.join(where, name) for name in names), key=os.path.getmtime, reverse=True)
        for old in entries[_KEEP:]:
            if old != newest:
                os.unlink(old)
