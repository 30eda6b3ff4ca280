"""Where data comes from and whether it is valid. The only module that uses cattrs.

A document goes through three stages, and a problem at any stage is collected rather
than raised at once, so that one :class:`~triggerpoints.DatasetError` lists them all:

1. Reading at most ``MAX_FILE_BYTES``, JSON parsing, the
   shape of the top level, and text every output can carry.
2. Structuring each record on its own with one strict converter (wrong types,
   unknown or missing fields, bad enum values, record invariants).
3. Checks across records: duplicate ids and aliases, dangling references, cycles in
   the region hierarchy, trigger point labels, and the rules of extension files.

Only when no stage found a problem is a :class:`Dataset` returned.
"""

from __future__ import annotations

import enum
import functools
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from triggerpoints import _consistency as consistency
from triggerpoints._enums import ENUMS
from triggerpoints._json import decode, json_type, text_problems
from triggerpoints._kinds import KINDS, SCALARS, AliasPatch, Dataset
from triggerpoints._limits import read_bounded
from triggerpoints._text import normalize
from triggerpoints._vocab import words
from triggerpoints.exceptions import DatasetError, InvariantError, Problem

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SCHEMA_VERSION", "merge", "parse", "read", "unstructure"]

#: Every record section and its class, in document order.
SECTIONS: dict[str, type[Any]] = {kind.section: kind.record_class for kind in KINDS}

#: The dataset format version this library reads.
SCHEMA_VERSION = "1.0"
_T = TypeVar("_T")


# --- the converter ----------------------------------------------------------------


def _strict(kind: type[_T], label: str) -> Callable[[Any, Any], _T]:
    """Return a hook that accepts only values of exactly ``kind`` (no coercion)."""

    def hook(value: Any, _type: Any) -> _T:
        if isinstance(value, bool) and kind is not bool:
            raise TypeError(f"expected {label}, got a boolean")
        if not isinstance(value, kind):
            raise TypeError(f"expected {label}, got {json_type(value)}")
        return value

    return hook


@functools.cache
def _enum_values(kind: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(member.value for member in kind)


def _structure_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    allowed = _enum_values(kind)
    if isinstance(value, str) and value in allowed:
        return kind(value)
    raise ValueError(f"expected one of {', '.join(repr(item) for item in allowed)}; got {value!r}")


def _is_optional(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) in (Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """``X | None``: null, or whatever the strict hook of ``X`` accepts."""
    inner = next(arg for arg in get_args(kind) if arg is not type(None))
    structure_inner = converter.get_structure_hook(inner)

    def hook(value: Any, _type: Any) -> Any:
        return None if value is None else structure_inner(value, inner)

    return hook


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    """Structure a JSON list (and nothing else: a string is not a list) into a tuple."""
    default = cattrs.cols.homogenous_tuple_structure_factory(kind, converter)

    def hook(value: Any, _type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {json_type(value)}")
        result: tuple[Any, ...] = default(value, kind)
        return result

    return hook


def _attrs_guard(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure an attrs class only from a JSON object."""
    generated = cattrs.gen.make_dict_structure_fn(kind, converter, _cattrs_forbid_extra_keys=True)

    def hook(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {json_type(value)}")
        return generated(value, kind)

    return hook


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # Singledispatch hooks: the enums are registered by their own class, which is
    # more specific than ``str``, so the ``str`` hook does not swallow them.
    for kind, label in ((str, "a string"), (int, "a whole number"), (bool, "true or false")):
        converter.register_structure_hook(kind, _strict(kind, label))
    for enum_class in ENUMS:
        converter.register_structure_hook(enum_class, _structure_enum)
    converter.register_structure_hook_factory(_is_optional, _optional_factory)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_factory)
    converter.register_structure_hook_factory(attrs.has, _attrs_guard)
    return converter


_CONVERTER = _make_converter()


def unstructure(dataset: Dataset) -> dict[str, Any]:
    """Return the JSON-ready form of ``dataset`` (the inverse of :func:`parse`)."""
    result: dict[str, Any] = _CONVERTER.unstructure(dataset)
    return result


# --- stage 1 and 2: shape and records ---------------------------------------------


def _problems_of(error: BaseException, path: str) -> Iterator[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths."""
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        for inner in error.exceptions:
            inner_path = path
            for note in getattr(inner, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    inner_path = f"{path}.{note.name}"
                elif isinstance(note, IterableValidationNote):
                    inner_path = f"{path}[{note.index!r}]"
            yield from _problems_of(inner, inner_path)
    elif isinstance(error, ForbiddenExtraKeysError):
        fields = ", ".join(sorted(error.extra_fields))
        yield Problem(path, f"unknown field(s): {fields}")
    elif isinstance(error, InvariantError):
        yield Problem(f"{path}.{error.field}", str(error))
    elif isinstance(error, KeyError):
        yield Problem(path, "required field missing")
    else:
        yield Problem(path, str(error) or type(error).__name__)


def _structure_records(document: Mapping[str, Any], problems: list[Problem]) -> dict[str, list[tuple[str, Any]]]:
    """Structure every record of every section, collecting problems."""
    records: dict[str, list[tuple[str, Any]]] = {}
    sections: list[tuple[str, type[Any]]] = [*SECTIONS.items(), ("extra_aliases", AliasPatch)]
    for section, kind in sections:
        raw = document.get(section, [])
        records[section] = []
        if not isinstance(raw, list):
            problems.append(Problem(f"$.{section}", f"expected a list, got {json_type(raw)}"))
            continue
        for index, item in enumerate(raw):
            path = f"$.{section}[{index}]"
            try:
                records[section].append((path, _CONVERTER.structure(item, kind)))
            except Exception as error:  # noqa: BLE001 - every failure becomes a Problem
                problems.extend(_problems_of(error, path))
    return records


def _check_top_level(document: Any, problems: list[Problem]) -> bool:
    if not isinstance(document, dict):
        problems.append(Problem("$", f"expected a JSON object at the top level, got {json_type(document)}"))
        return False
    known = {*SCALARS, *SECTIONS, "extra_aliases", "$schema"}
    unknown = sorted(set(document) - known)
    if unknown:
        problems.append(Problem("$", f"unknown field(s): {', '.join(unknown)}"))
    if "schema_version" not in document:
        problems.append(Problem("$.schema_version", "required field missing"))
    elif document["schema_version"] != SCHEMA_VERSION:
        problems.append(
            Problem(
                "$.schema_version",
                f"unsupported schema version {document['schema_version']!r}; expected {SCHEMA_VERSION!r}",
            )
        )
    problems.extend(
        Problem(f"$.{key}", f"expected a string, got {json_type(document[key])}")
        for key in SCALARS[1:]
        if key in document and not isinstance(document[key], str)
    )
    return True


# --- entry points -------------------------------------------------------------------


def parse(document: Any, *, origin: str, base: Dataset | None = None) -> Dataset:
    """Validate a decoded JSON document and return it as a :class:`Dataset`.

    Args:
        document: The decoded JSON.
        origin: How to name the document in errors (a path).
        base: A valid dataset that this document extends, if any. Then ids,
            references and aliases are checked against both, and the result is the
            merged dataset.

    Returns:
        The dataset (merged with ``base`` when given).

    Raises:
        DatasetError: Listing every problem found, with its JSON path.
    """
    problems: list[Problem] = []
    if not _check_top_level(document, problems):
        raise DatasetError(origin, problems)
    unusable = text_problems(document)
    if unusable:  # said first and alone: later messages would quote the bad text
        raise DatasetError(origin, sorted([*problems, *unusable], key=_document_order))
    records = _structure_records(document, problems)
    consistency.check(document, base, records, problems)
    if problems:
        raise DatasetError(origin, sorted(problems, key=_document_order))
    fields: dict[str, Any] = {key: document[key] for key in SCALARS if key in document}
    fields.update({section: tuple(record for _, record in records[section]) for section in records})
    dataset = Dataset(**fields)
    return _apply_aliases(dataset) if base is None else merge(base, dataset)


def _document_order(problem: Problem) -> tuple[Any, ...]:
    """Sort key: problems in the order their paths appear in the document."""
    sections = ["$", *SCALARS, *SECTIONS, "extra_aliases"]
    head = problem.path[2:].split("[", 1)[0].split(".", 1)[0] if problem.path != "$" else "$"
    rank = sections.index(head) if head in sections else len(sections)
    numbers = [int(part.split("]", 1)[0]) for part in problem.path.split("[")[1:] if part.split("]", 1)[0].isdigit()]
    return (rank, numbers, problem.path, problem.message)


def merge(base: Dataset, extension: Dataset) -> Dataset:
    """Return ``base`` with the records of ``extension`` added and its aliases applied.

    Both datasets must already be valid together (see :func:`parse`); ``base``'s
    versions and metadata are kept.
    """
    combined = {section: getattr(base, section) + getattr(extension, section) for section in SECTIONS}
    patches = base.extra_aliases + extension.extra_aliases
    return _apply_aliases(attrs.evolve(base, **combined, extra_aliases=patches))


def _apply_aliases(dataset: Dataset) -> Dataset:
    """Add each alias patch's aliases to its record, skipping words the record already has."""
    extra: dict[str, list[str]] = {}
    for patch in dataset.extra_aliases:
        extra.setdefault(patch.record, []).extend(patch.aliases)
    if not extra:
        return dataset
    changed: dict[str, Any] = {}
    for section in SECTIONS:
        records = getattr(dataset, section)
        if any(record.id in extra for record in records):
            changed[section] = tuple(_with_aliases(record, extra.get(record.id, ())) for record in records)
    return attrs.evolve(dataset, **changed, extra_aliases=())


def _with_aliases(record: Any, aliases: Iterable[str]) -> Any:
    known = {normalize(word) for _, word in words(record, {})}
    new: list[str] = []
    for alias in aliases:
        if normalize(alias) not in known:
            known.add(normalize(alias))
            new.append(alias)
    return attrs.evolve(record, aliases=(*record.aliases, *new)) if new else record


def read(path: str | Path, *, base: Dataset | None = None) -> Dataset:
    """Read and validate a dataset file.

    Raises:
        DatasetError: The file cannot be read, is not JSON, or is not valid.
        InputTooLargeError: The file is over the size limit, or nests too deeply.
    """
    origin = str(path)
    try:
        text = read_bounded(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(origin, [Problem("$", f"cannot read the file: {error}")]) from None
    return parse(decode(text, origin), origin=origin, base=base)
