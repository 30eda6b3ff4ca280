"""Loading: the packaged atlas from its ready-to-load form, or a user's file validated.

The packaged data is read from inside the package only, through the package's own
loader (:func:`pkgutil.get_data`, which also works for a package inside a zip
archive; :mod:`importlib.resources` would cost about 18 ms of imports in every fresh
process). Nothing is written anywhere and nothing is unpickled. A user's own file goes
through the full checks of :mod:`triggerpoints._dataset` (cattrs is imported then).
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING

from triggerpoints._atlas import Atlas
from triggerpoints._index import build
from triggerpoints.exceptions import ArgumentError, DatasetError, Problem

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["PACKAGED", "load"]

#: How messages name the packaged dataset.
PACKAGED = "<packaged triggerpoints.json>"

_PACKAGED: list[Atlas] = []
_PACKAGED_LOCK = threading.Lock()


def load(path: str | Path | None = None, *, extend: bool = False) -> Atlas:
    """Load a dataset and index it.

    With no ``path``, return the packaged atlas: read on the first call from the form
    the package was built with (checked at build time), then kept (the same object is
    returned every time, safe to share between threads). With a ``path``, read and
    check that file afresh on every call.

    Args:
        path: A dataset file of your own (JSON, in the packaged format).
        extend: Add the file's records and aliases to the packaged data instead of
            replacing it. The file may then hold only the sections it adds to, and
            its records may refer to packaged ones.

    Returns:
        The atlas.

    Raises:
        DatasetError: The file is not a valid dataset; every problem is listed with
            its JSON path. Nothing is half-loaded.
        ArgumentError: ``extend=True`` without a ``path``.

    Examples:
        >>> import triggerpoints as tp
        >>> atlas = tp.load()
        >>> atlas is tp.load()
        True
        >>> atlas.schema_version
        '1.0'
    """
    if path is None:
        if extend:
            raise ArgumentError("extend", extend, "False when no path is given (extend needs a file to add)")
        if not _PACKAGED:
            with _PACKAGED_LOCK:
                if not _PACKAGED:
                    _PACKAGED.append(_packaged())
        return _PACKAGED[0]
    from triggerpoints import _dataset  # noqa: PLC0415 - cattrs is imported only when a user's data is read

    base = load().dataset if extend else None
    # Reading makes many small containers that all stay alive: the collector's full
    # sweeps over a growing heap would make big files load in more than linear time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return Atlas(_dataset.read(path, base=base), origin=str(path), validated=True)
    finally:
        if enabled:
            gc.enable()


def _packaged() -> Atlas:
    """The packaged atlas, from the ready-to-load form written when the package was built."""
    import pkgutil  # noqa: PLC0415 - only the first load needs it

    from triggerpoints import _prebuilt  # noqa: PLC0415 - only the first load needs it

    try:
        data = pkgutil.get_data("triggerpoints", f"data/{_prebuilt.FILE}")
    except OSError as error:
        message = f"cannot read the packaged data ({error}); rebuild it with: python tools/build_data.py"
        raise DatasetError(PACKAGED, [Problem("$", message)]) from None
    if data is None:  # pragma: no cover - a loader that cannot read package data
        raise DatasetError(PACKAGED, [Problem("$", "the package's loader cannot read its data files")])
    dataset, tables = _prebuilt.read(data.decode("utf-8"), origin=PACKAGED)
    return Atlas(dataset, origin=PACKAGED, validated=True, indexes=build(dataset, prepared=tables))
