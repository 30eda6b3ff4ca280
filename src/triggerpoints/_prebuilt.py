"""The packaged dataset in its ready-to-load form, written at build time and read at run time.

``data/triggerpoints.json`` is the dataset as curators write it; checking it takes the
strict converter and every cross-record rule, which is slow and the same every time.
So ``tools/build_data.py`` checks it once, when the package is built, and writes
``data/triggerpoints.prebuilt.json``: every record as a list of its field values, in
the order of its class's fields, with a layout that names the fields and how to
decode each. At run time :func:`read` turns that back into records, filling each
record's fields directly (the build ran every check, its own and across records), and
without cattrs. Of the name tables, only those every ranking reads (the regions' names
and the place table, see :func:`triggerpoints._index.prepare`) are shipped; each other
kind's is made on first use. A test runs the tool with ``--check`` so the two files
cannot drift apart.

The form is plain JSON, read through :func:`pkgutil.get_data` from inside the package:
nothing is read from or written to any other place, and nothing is unpickled.
"""

from __future__ import annotations

import enum
import gc
import json
from collections import deque
from collections.abc import Callable, Mapping
from itertools import chain, islice, repeat
from types import MemberDescriptorType
from typing import Any, Union, get_args, get_origin

import attrs

from triggerpoints._enums import ENUMS
from triggerpoints._index import prepare
from triggerpoints._kinds import KINDS, SCALARS, AliasPatch, Dataset
from triggerpoints._models import Link, Referral, Spared
from triggerpoints.exceptions import DatasetError, Problem

__all__ = ["FILE", "FORMAT", "encode", "read"]

#: The file name of the ready-to-load form, beside the dataset in ``data/``.
FILE = "triggerpoints.prebuilt.json"
#: The version of the ready-to-load form; a reader refuses any other.
FORMAT = 3

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
        "tables": prepare(dataset),
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


def read(text: str, *, origin: str) -> tuple[Dataset, dict[str, Any]]:
    """The dataset of a ready-to-load JSON text made by :func:`encode`, and its prepared tables.

    The tables are those :func:`triggerpoints._index.prepare` made, for
    :func:`triggerpoints._index.build`.

    The build ran every check, so records are made without running their validators
    again, and a section at a time: its rows are turned into columns, one per field of
    the class's layout in the file, each column is decoded as a whole (tuples, enum
    members, nested records), and each field is then set on every record of the
    section at once, so that no Python code runs per field of a record. Garbage
    collection is paused while they are made: they all stay alive.

    Raises:
        DatasetError: The text is not a prebuilt file of this version of the package.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise _stale(origin, "it is not in the ready-to-load format this version reads")
        decoders: dict[str, Callable[[list[list[Any]]], list[Any]]] = {}
        for name, layout in document["layouts"].items():
            decoders[name] = _decoder(name, layout, decoders, origin)
        fields: dict[str, Any] = dict(document["scalars"])
        for kind in KINDS:
            decode = decoders.get(kind.record_class.__name__)
            rows = document["sections"][kind.section]
            fields[kind.section] = tuple(decode(rows)) if decode and rows else ()
        tables: dict[str, Any] = document["tables"]
        return Dataset(**fields), tables
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
    name: str, layout: list[list[str]], decoders: Mapping[str, Callable[[list[list[Any]]], list[Any]]], origin: str
) -> Callable[[list[list[Any]]], list[Any]]:
    """A function that makes the records of class ``name`` from their lists of values.

    ``decoders`` is filled with every class's decoder before any record is decoded, so
    nested records find theirs whatever order the layouts come in.
    """
    cls = _CLASSES.get(name)
    if cls is None or [field.name for field in attrs.fields(cls)] != [field for field, _ in layout]:
        raise _stale(origin, f"its layout of {name} does not match this version's records")
    setters = [_setter(cls, field) for field, _ in layout]
    steps = [_column_decoder(codec, decoders, layout_of=name, origin=origin) for _, codec in layout]
    new, size = object.__new__, len(layout)

    def decode(rows: list[list[Any]]) -> list[Any]:
        if not rows:
            return []
        if set(map(len, rows)) != {size}:
            raise ValueError(f"a {name} row does not have {size} values")
        records = list(map(new, repeat(cls, len(rows))))
        for assign, column, step in zip(setters, zip(*rows, strict=True), steps, strict=True):
            deque(map(assign, records, column if step is None else step(column)), maxlen=0)
        return records

    return decode


def _setter(cls: type[Any], field: str) -> Callable[[Any, Any], None]:
    """How one field is set on a record of ``cls``, bypassing the frozen class's ``__setattr__``.

    A slotted class's field is a slot: its descriptor sets it directly (about twice as
    fast as :func:`object.__setattr__`, which looks the descriptor up on every call).
    """
    slot = getattr(cls, field, None)
    if isinstance(slot, MemberDescriptorType):
        return slot.__set__
    return lambda record, value: object.__setattr__(record, field, value)


def _column_decoder(
    codec: str, decoders: Mapping[str, Callable[[list[list[Any]]], list[Any]]], *, layout_of: str, origin: str
) -> Callable[[tuple[Any, ...]], list[Any]] | None:
    """How one column of values (a field of every record of a section) is decoded, if at all."""
    if codec == "":
        return None
    if codec == "t":
        return lambda column: list(map(tuple, column))
    prefix, _, name = codec.partition(":")
    if prefix in ("e", "E") and name in _ENUMS:
        members: dict[Any, Any] = {member.value: member for member in _ENUMS[name]}
        if prefix == "e":
            members[None] = None
            return lambda column: list(map(members.__getitem__, column))
        member = members.__getitem__
        return lambda column: [tuple(map(member, values)) for values in column]
    if prefix == "R" and name in _CLASSES:

        def nested(column: tuple[Any, ...]) -> list[Any]:
            records = iter(decoders[name](list(chain.from_iterable(column))))
            return [tuple(islice(records, count)) for count in map(len, column)]

        return nested
    raise _stale(origin, f"unknown field codec {codec!r} in the layout of {layout_of}")
