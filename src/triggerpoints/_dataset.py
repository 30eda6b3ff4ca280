"""Where data comes from and whether it is valid. The only module that uses cattrs.

A document goes through three stages, and a problem at any stage is collected rather
than raised at once, so that one :class:`~triggerpoints.DatasetError` lists them all:

1. JSON parsing and the shape of the top level.
2. Structuring each record on its own with one strict converter (wrong types,
   unknown or missing fields, bad enum values, record invariants).
3. Checks across records: duplicate ids and aliases, dangling references, cycles in
   the region hierarchy, trigger point labels, and the rules of extension files.

Only when no stage found a problem is a :class:`Dataset` returned.
"""

from __future__ import annotations

import enum
import functools
import json
import math
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from triggerpoints._cache import PACKAGED
from triggerpoints._models import (
    PREFIXES,
    SECTIONS,
    AliasPatch,
    BodyArea,
    Dataset,
    FactorCategory,
    FactorKind,
    InvariantError,
    Laterality,
    Referral,
    Region,
    RelationKind,
    SourceKind,
    Spared,
    TreatmentKind,
    TriggerPoint,
    View,
    Zone,
)
from triggerpoints._text import normalize
from triggerpoints.exceptions import DatasetError, Problem

if sys.version_info >= (3, 11):
    from importlib.resources import files
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib_resources import files

__all__ = ["PACKAGED", "SCHEMA_VERSION", "merge", "parse", "read", "read_packaged", "unstructure"]

#: The dataset format version this library reads.
SCHEMA_VERSION = "1.0"
#: The name under which problems in the packaged dataset are reported.
_DATA_FILE = "triggerpoints.json"
_SCALARS = ("schema_version", "dataset_version", "title", "license", "attribution")
_T = TypeVar("_T")
_ENUMS = (BodyArea, FactorCategory, FactorKind, Laterality, RelationKind, SourceKind, TreatmentKind, View, Zone)


# --- the converter ----------------------------------------------------------------


def _strict(kind: type[_T], label: str) -> Callable[[Any, Any], _T]:
    """Return a hook that accepts only values of exactly ``kind`` (no coercion)."""

    def hook(value: Any, _type: Any) -> _T:
        if isinstance(value, bool) and kind is not bool:
            raise TypeError(f"expected {label}, got a boolean")
        if not isinstance(value, kind):
            raise TypeError(f"expected {label}, got {_json_type(value)}")
        if isinstance(value, str) and len(value) <= _SHARED_LENGTH:
            # Ids and names recur across records: one string object each keeps the
            # records (and the user cache, which stores a shared object once) small.
            interned: _T = sys.intern(value)  # type: ignore[assignment]
            return interned
        return value

    return hook


_SHARED_LENGTH = 80


def _json_type(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "a number too large to represent"
    if isinstance(value, float):
        return "a number with a fraction" if value != int(value) else "a number written with a decimal point"
    names = {str: "a string", bool: "a boolean", int: "a number"}
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return "null" if value is None else names.get(type(value), type(value).__name__)


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
            raise TypeError(f"expected a list, got {_json_type(value)}")
        result: tuple[Any, ...] = default(value, kind)
        return result

    return hook


def _attrs_guard(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure an attrs class only from a JSON object."""
    generated = cattrs.gen.make_dict_structure_fn(kind, converter, _cattrs_forbid_extra_keys=True)

    def hook(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {_json_type(value)}")
        return generated(value, kind)

    return hook


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # Singledispatch hooks: the enums are registered by their own class, which is
    # more specific than ``str``, so the ``str`` hook does not swallow them.
    for kind, label in ((str, "a string"), (int, "a whole number"), (bool, "true or false")):
        converter.register_structure_hook(kind, _strict(kind, label))
    for enum_class in _ENUMS:
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
            problems.append(Problem(f"$.{section}", f"expected a list, got {_json_type(raw)}"))
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
        problems.append(Problem("$", f"expected a JSON object at the top level, got {_json_type(document)}"))
        return False
    known = {*_SCALARS, *SECTIONS, "extra_aliases", "$schema"}
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
        Problem(f"$.{key}", f"expected a string, got {_json_type(document[key])}")
        for key in _SCALARS[1:]
        if key in document and not isinstance(document[key], str)
    )
    return True


# --- stage 3: checks across records -----------------------------------------------


@attrs.define
class _Index:
    """What the cross-record checks know: ids by kind, where each was defined."""

    where: dict[str, str] = attrs.Factory(dict)
    broken: set[str] = attrs.Factory(set)
    regions: dict[str, Region] = attrs.Factory(dict)
    trigger_points: dict[str, TriggerPoint] = attrs.Factory(dict)

    def has(self, key: str, *prefixes: str) -> bool:
        return key.split(":", 1)[0] in prefixes and (key in self.where or key in self.broken)


def _raw_ids(document: Mapping[str, Any]) -> set[str]:
    """Ids of records that failed to structure, so references to them don't cascade."""
    ids: set[str] = set()
    for section in SECTIONS:
        raw = document.get(section)
        for item in raw if isinstance(raw, list) else ():
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.add(item["id"])
    return ids


def _index(base: Dataset | None, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> _Index:
    index = _Index()
    for section in SECTIONS:
        for record in getattr(base, section, ()):
            index.where[record.id] = "the base dataset"
        for path, record in records[section]:
            first = index.where.get(record.id)
            if first is not None:
                problems.append(Problem(f"{path}.id", f"duplicate id {record.id!r} (first defined in {first})"))
            else:
                index.where[record.id] = path
    for record in (*getattr(base, "regions", ()), *(r for _, r in records["regions"])):
        index.regions.setdefault(record.id, record)
    for record in (*getattr(base, "trigger_points", ()), *(r for _, r in records["trigger_points"])):
        index.trigger_points.setdefault(record.id, record)
    return index


def _ref(index: _Index, problems: list[Problem], path: str, key: str, *prefixes: str) -> None:
    if not index.has(key, *prefixes):
        # The id's own prefix says which kind was meant; name only that one when it is allowed.
        named = key.partition(":")[0]
        kinds = PREFIXES[named] if named in prefixes else " or ".join(PREFIXES[prefix] for prefix in prefixes)
        problems.append(Problem(path, f"dangling reference: no {kinds} with id {key!r}"))


def _check_citations(index: _Index, problems: list[Problem], path: str, record: Any) -> None:
    for number, source in enumerate(getattr(record, "sources", ())):
        _ref(index, problems, f"{path}.sources[{number}]", source, "source")


def _check_references(index: _Index, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> None:
    for section in SECTIONS:
        for path, record in records[section]:
            _check_citations(index, problems, path, record)
    for path, region in records["regions"]:
        if region.parent is not None:
            _ref(index, problems, f"{path}.parent", region.parent, "region")
    for path, point in records["trigger_points"]:
        _check_trigger_point(index, problems, path, point)
    triples: dict[tuple[str, str, str], str] = {}
    for path, relation in records["relations"]:
        first = triples.setdefault((relation.kind.value, relation.source, relation.target), path)
        if first != path:
            problems.append(
                Problem(f"{path}.kind", f"the same {relation.kind.value!r} relation is already stated at {first}")
            )
        _ref(index, problems, f"{path}.source", relation.source, "muscle", "tp")
        _ref(index, problems, f"{path}.target", relation.target, "muscle", "tp")
        if relation.source == relation.target:
            problems.append(Problem(f"{path}.target", "a relation cannot point from a record to itself"))
    for section in ("factors", "symptoms", "conditions", "treatments"):
        for path, record in records[section]:
            for number, link in enumerate(record.muscles):
                _check_link(index, problems, f"{path}.muscles[{number}]", link)
    for path, patch in records["extra_aliases"]:
        _ref(index, problems, f"{path}.record", patch.record, *PREFIXES)
        _check_citations(index, problems, path, patch)


def _check_trigger_point(index: _Index, problems: list[Problem], path: str, point: TriggerPoint) -> None:
    _ref(index, problems, f"{path}.muscle", point.muscle, "muscle")
    referred: set[str] = set()
    groups: tuple[tuple[str, tuple[Referral | Spared, ...]], ...] = (
        ("referrals", point.referrals),
        ("spared", point.spared),
    )
    for field, entries in groups:
        for number, entry in enumerate(entries):
            entry_path = f"{path}.{field}[{number}]"
            _ref(index, problems, f"{entry_path}.region", entry.region, "region")
            _check_citations(index, problems, entry_path, entry)
            if field == "referrals" and entry.region in referred:
                problems.append(Problem(f"{entry_path}.region", f"region {entry.region!r} is listed twice"))
            elif field == "spared" and entry.region in referred:
                problems.append(
                    Problem(f"{entry_path}.region", f"region {entry.region!r} is both referred to and spared")
                )
            referred.add(entry.region)


def _check_link(index: _Index, problems: list[Problem], path: str, link: Any) -> None:
    _ref(index, problems, f"{path}.muscle", link.muscle, "muscle")
    _check_citations(index, problems, path, link)
    for number, point_id in enumerate(link.trigger_points):
        point = index.trigger_points.get(point_id)
        if point is None:
            _ref(index, problems, f"{path}.trigger_points[{number}]", point_id, "tp")
        elif point.muscle != link.muscle:
            problems.append(
                Problem(
                    f"{path}.trigger_points[{number}]", f"{point_id!r} belongs to {point.muscle!r}, not {link.muscle!r}"
                )
            )


def _check_hierarchy(index: _Index, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> None:
    """One root, and no cycles, in the region hierarchy (base and new together)."""
    paths = {region.id: path for path, region in records["regions"]}
    roots = sorted(key for key, region in index.regions.items() if region.parent is None)
    problems.extend(
        Problem(
            f"{paths.get(key, '$')}.parent",
            f"a second root region {key!r}; every region but {roots[0]!r} needs a parent",
        )
        for key in roots[1:]
    )
    reported: set[str] = set()
    for start in sorted(paths):
        seen: list[str] = []
        current: str | None = start
        while current is not None and current in index.regions and current not in seen:
            seen.append(current)
            current = index.regions[current].parent
        if current is not None and current in seen and current not in reported:
            cycle = seen[seen.index(current) :]
            reported.update(cycle)
            where = min((paths[key] for key in cycle if key in paths), default="$")
            problems.append(
                Problem(f"{where}.parent", f"cycle in the region hierarchy: {' -> '.join([*cycle, current])}")
            )


def _check_names(base: Dataset | None, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> None:
    """Names and aliases are unique within a kind; labels unique within a muscle."""
    for section in SECTIONS:
        owners: dict[str, str] = {}
        for record in getattr(base, section, ()):
            for word in _words(record):
                owners.setdefault(normalize(word), record.id)
        for path, record in records[section]:
            for field, word in _words_with_fields(record):
                key = normalize(word)
                if not key:
                    problems.append(Problem(f"{path}.{field}", _no_letters(word)))
                    continue
                owner = owners.setdefault(key, record.id)
                if owner != record.id:
                    problems.append(Problem(f"{path}.{field}", f"{word!r} already names {owner!r}"))
    labels: dict[tuple[str, str], str] = {}
    for point in getattr(base, "trigger_points", ()):
        labels[(point.muscle, normalize(point.label))] = point.id
    for path, point in records["trigger_points"]:
        owner = labels.setdefault((point.muscle, normalize(point.label)), point.id)
        if owner != point.id:
            problems.append(
                Problem(f"{path}.label", f"label {point.label!r} is already used by {owner!r} in the same muscle")
            )


def _check_patches(
    base: Dataset | None, index: _Index, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]
) -> None:
    """Extra aliases must not clash with any name or alias of the same kind."""
    if not records["extra_aliases"]:
        return
    owners: dict[tuple[str, str], str] = {}
    for section in SECTIONS:
        for record in (*getattr(base, section, ()), *(r for _, r in records[section])):
            for word in _words(record):
                owners.setdefault((record.id.split(":")[0], normalize(word)), record.id)
    for path, patch in records["extra_aliases"]:
        prefix = patch.record.split(":")[0]
        if prefix in ("source", "relation"):
            problems.append(Problem(f"{path}.record", f"{PREFIXES[prefix]} records have no aliases to extend"))
            continue
        for number, alias in enumerate(patch.aliases):
            key = normalize(alias)
            if not key:
                problems.append(Problem(f"{path}.aliases[{number}]", _no_letters(alias)))
                continue
            owner = owners.setdefault((prefix, key), patch.record)
            if owner != patch.record and patch.record in index.where:
                problems.append(Problem(f"{path}.aliases[{number}]", f"{alias!r} already names {owner!r}"))


def _no_letters(word: str) -> str:
    return f"{word!r} has no letters or digits to look it up by"


def _words(record: Any) -> Iterator[str]:
    for _field, word in _words_with_fields(record):
        yield word


def _words_with_fields(record: Any) -> Iterator[tuple[str, str]]:
    """The words a record can be looked up by, with the field each comes from.

    Its name, its aliases and the slug of its id ("gluteus-minimus"), each once.
    """
    seen: set[str] = set()
    name = getattr(record, "name", None)
    candidates = [("id", record.id.split(":", 1)[1])]
    if isinstance(name, str):
        candidates.append(("name", name))
    candidates.extend((f"aliases[{number}]", alias) for number, alias in enumerate(getattr(record, "aliases", ())))
    for field, word in candidates:
        key = normalize(word)
        if key not in seen:
            seen.add(key)
            yield field, word


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
    records = _structure_records(document, problems)
    index = _index(base, records, problems)
    index.broken = _raw_ids(document) - set(index.where)
    _check_references(index, records, problems)
    _check_hierarchy(index, records, problems)
    _check_names(base, records, problems)
    _check_patches(base, index, records, problems)
    if problems:
        raise DatasetError(origin, sorted(problems, key=_document_order))
    fields: dict[str, Any] = {key: document[key] for key in _SCALARS if key in document}
    fields.update({section: tuple(record for _, record in records[section]) for section in records})
    dataset = Dataset(**fields)
    return _apply_aliases(dataset) if base is None else merge(base, dataset)


def _document_order(problem: Problem) -> tuple[Any, ...]:
    """Sort key: problems in the order their paths appear in the document."""
    sections = ["$", *_SCALARS, *SECTIONS, "extra_aliases"]
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
    known = {normalize(word) for _, word in _words_with_fields(record)}
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
    """
    origin = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(origin, [Problem("$", f"cannot read the file: {error}")]) from None
    return parse(_decode(text, origin), origin=origin, base=base)


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers the keys it had more than once."""

    duplicates: tuple[str, ...] = ()


def _object_hook(found: list[bool]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """A JSON object hook: plain dicts, or an _Object naming its repeated keys (and noted in ``found``)."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        counts = Counter(key for key, _ in pairs)
        marked = _Object(pairs)
        marked.duplicates = tuple(key for key, count in counts.items() if count > 1)
        found.append(True)
        return marked

    return hook


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _duplicate_keys(value: Any, path: str) -> Iterator[Problem]:
    """Every key written twice in one object, with the object's path."""
    if isinstance(value, dict):
        for key in getattr(value, "duplicates", ()):
            yield Problem(f"{path}.{key}", f"duplicate key {key!r}: JSON keeps only the last value")
        for key, item in value.items():
            yield from _duplicate_keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _duplicate_keys(item, f"{path}[{index}]")


def _decode(text: str, origin: str) -> Any:
    """Decode JSON strictly: no NaN or Infinity, no key written twice, no runaway nesting."""
    found: list[bool] = []
    try:
        document = json.loads(
            text.removeprefix("\ufeff"), object_pairs_hook=_object_hook(found), parse_constant=_no_constant
        )
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise DatasetError(origin, [Problem("$", message)]) from None
    except ValueError as error:
        raise DatasetError(origin, [Problem("$", f"not valid JSON: {error}")]) from None
    except RecursionError:
        raise DatasetError(origin, [Problem("$", "cannot read: the JSON is nested too deeply")]) from None
    if found:  # walk the document for paths only when some object repeated a key
        raise DatasetError(origin, list(_duplicate_keys(document, "$")))
    return document


def read_packaged() -> Dataset:
    """Read and validate the dataset shipped inside the package."""
    resource = files("triggerpoints").joinpath("data").joinpath(_DATA_FILE)
    return parse(_decode(resource.read_text(encoding="utf-8"), PACKAGED), origin=PACKAGED)
