"""The packaged dataset in its ready-to-load form, written at build time and read at run time.

``data/triggerpoints.json`` is the dataset as curators write it; checking it takes the
strict converter and every cross-record rule, which is slow and the same every time.
So ``tools/build_data.py`` checks it once, when the package is built, and writes
``data/triggerpoints.prebuilt.json``: every record as a list of its field values, in
the order of its class's fields, with a layout that names the fields and how to
decode each. At run time :func:`read` turns that back into records, filling each
record's fields directly (the build ran every check, its own and across records), and
without cattrs. The name tables are not shipped: each kind's is made on first use. A test runs the tool
with ``--check`` so the two files cannot drift apart.

The form is plain JSON, read through :mod:`importlib.resources` from inside the package:
nothing is read from or written to any other place, and nothing is unpickled.
"""

from __future__ import annotations

import enum
import gc
import json
from collections import deque
from collections.abc import Callable, Mapping
from itertools import repeat
from typing import Any, Union, get_args, get_origin

import attrs

from triggerpoints._enums import ENUMS
from triggerpoints._kinds import KINDS, SCALARS, AliasPatch, Dataset
from triggerpoints._models import Link, Referral, Spared
from triggerpoints.exceptions import DatasetError, Problem

__all__ = ["FILE", "FORMAT", "encode", "read"]

#: The file name of the ready-to-load form, beside the dataset in ``data/``.
FILE = "triggerpoints.prebuilt.json"
#: The version of the ready-to-load form; a reader refuses any other.
FORMAT = 2

#: Every class a prebuilt file may name, by name.
_CLASSES: Mapping[str, type[Any]] = {
    cls.__name__: cls for cls in (*(kind.record_class for kind in KINDS), Referral, Spared, Link, AliasPatch)
}
_ENUMS: Mapping[str, type[enum.Enum]] = {kind.__name__: kind for kind in ENUMS}


# --- writing (build time) ---------------------------------------------------------


def encode(dataset: Dataset, *, source_digest: str) -> str:
    """The ready-to-load JSON text of a validated dataset.

    Args:
        dataset: The checked packaged dataset.
        source_digest: The SHA-256 of the JSON file it was read from, recorded so a
            test can tell a stale prebuilt file.
    """
    layouts: dict[str, list[list[str]]] = {}
    sections = {kind.section: [_encode(record, layouts) for record in getattr(dataset, kind.section)] for kind in KINDS}
    document = {
        "format": FORMAT,
        "source_sha256": source_digest,
        "scalars": {name: getattr(dataset, name) for name in SCALARS},
        "layouts": dict(sorted(layouts.items())),
        "sections": sections,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def _encode(record: Any, layouts: dict[str, list[list[str]]]) -> list[Any]:
    cls = type(record)
    if cls.__name__ not in layouts:
        layouts[cls.__name__] = [[field.name, _codec(field.type)] for field in attrs.fields(attrs.resolve_types(cls))]
    values: list[Any] = []
    for name, codec in layouts[cls.__name__]:
        value = getattr(record, name)
        if codec.startswith("R:"):
            values.append([_encode(item, layouts) for item in value])
        elif codec.startswith("E:"):
            values.append([item.value for item in value])
        elif codec.startswith("e:"):
            values.append(None if value is None else value.value)
        elif codec == "t":
            values.append(list(value))
        else:
            values.append(value)
    return values


def _codec(kind: Any) -> str:
    """How a field of this type is written: plain, tuple, enum, tuple of enums or of records."""
    origin = get_origin(kind)
    args = [arg for arg in get_args(kind) if arg is not type(None)]
    if origin is tuple:
        item = args[0]
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return f"E:{item.__name__}"
        if attrs.has(item):
            return f"R:{item.__name__}"
        return "t"
    if origin is Union or (len(args) == 1 and args[0] is not kind):
        return _codec(args[0]) if args else ""
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return f"e:{kind.__name__}"
    return ""


# --- reading (run time) -------------------------------------------------------------


def read(text: str, *, origin: str) -> Dataset:
    """The dataset of a ready-to-load JSON text made by :func:`encode`.

    The build ran every check, so records are made without running their validators
    again (each is filled field by field, as its class's layout in the file lists them),
    and garbage collection is paused while they are made: they all stay alive.

    Raises:
        DatasetError: The text is not a prebuilt file of this version of the package.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise _stale(origin, "it is not in the ready-to-load format this version reads")
        decoders: dict[str, Callable[[list[Any]], Any]] = {}
        for name, layout in document["layouts"].items():
            decoders[name] = _decoder(name, layout, decoders, origin)
        fields: dict[str, Any] = dict(document["scalars"])
        for kind in KINDS:
            decode = decoders.get(kind.record_class.__name__)
            rows = document["sections"][kind.section]
            fields[kind.section] = tuple(decode(row) for row in rows) if decode and rows else ()
        return Dataset(**fields)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, DatasetError):
            raise
        raise _stale(origin, f"it cannot be read ({type(error).__name__}: {error})") from None
    finally:
        if enabled:
            gc.enable()


def _stale(origin: str, why: str) -> DatasetError:
    return DatasetError(origin, [Problem("$", f"{why}; rebuild it with: python tools/build_data.py")])


def _decoder(
    name: str, layout: list[list[str]], decoders: Mapping[str, Callable[[list[Any]], Any]], origin: str
) -> Callable[[list[Any]], Any]:
    """A function that makes one record of class ``name`` from its list of values.

    ``decoders`` is filled with every class's decoder before any record is decoded, so
    nested records find theirs whatever order the layouts come in.
    """
    cls = _CLASSES.get(name)
    if cls is None or [field.name for field in attrs.fields(cls)] != [field for field, _ in layout]:
        raise _stale(origin, f"its layout of {name} does not match this version's records")
    fields = [field for field, _ in layout]
    steps = [
        (index, _field_decoder(codec, decoders, layout_of=name, origin=origin))
        for index, (_, codec) in enumerate(layout)
    ]
    changed = [(index, step) for index, step in steps if step is not None]
    new, assign, size = object.__new__, object.__setattr__, len(fields)

    def decode(row: list[Any]) -> Any:
        if len(row) != size:
            raise ValueError(f"a {name} row has {len(row)} values, not {size}")
        for index, step in changed:
            row[index] = step(row[index])
        # Frozen attrs classes refuse __setattr__; object's own sets each slot directly,
        # and map() does it field by field without a Python loop.
        record = new(cls)
        deque(map(assign, repeat(record, size), fields, row), maxlen=0)
        return record

    return decode


def _field_decoder(
    codec: str, decoders: Mapping[str, Callable[[list[Any]], Any]], *, layout_of: str, origin: str
) -> Callable[[Any], Any] | None:
    if codec == "":
        return None
    if codec == "t":
        return tuple
    prefix, _, name = codec.partition(":")
    if prefix in ("e", "E") and name in _ENUMS:
        members = {member.value: member for member in _ENUMS[name]}
        if prefix == "e":
            return lambda value: None if value is None else members[value]
        return lambda values: tuple(members[value] for value in values)
    if prefix == "R" and name in _CLASSES:
        return lambda values: tuple(decoders[name](value) for value in values)
    raise _stale(origin, f"unknown field codec {codec!r} in the layout of {layout_of}")
