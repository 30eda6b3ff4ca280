"""Records and results as JSON-ready data, and the JSON Schemas that describe them.

:func:`to_dict` turns any record (in the dataset file's format) or result (a ranking,
a candidate, a reading, a traced path, a referral hit, a search match, a support, a
coverage report) into dictionaries, lists, strings, numbers, booleans and ``None``;
:func:`to_json` writes the same as JSON text. Curation notes (how a fact was
established) are left out unless asked for. :func:`json_schema` returns the JSON Schema
of each output, from the schema files shipped in the package, for validators and web
frameworks (FastAPI, pydantic) in any language.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias, overload

import attrs

from triggerpoints._atlas import Atlas, ReferralHit
from triggerpoints._candidates import Candidate, Ranking
from triggerpoints._kinds import KINDS
from triggerpoints._load import load
from triggerpoints._lookup import Place
from triggerpoints._models import Link, Record, Referral, Spared
from triggerpoints._names import Match
from triggerpoints._report import Coverage
from triggerpoints._shapes import CandidateDict, JSONValue, PathDict, PlaceDict, RankingDict, StepDict, TermReadingDict
from triggerpoints._support import Support
from triggerpoints._terms import TermReading
from triggerpoints._trace import Path, Step
from triggerpoints.exceptions import ArgumentError

__all__ = ["SCHEMAS", "Serializable", "json_schema", "to_dict", "to_json"]

#: Everything :func:`to_dict` takes besides the results that have a typed dictionary of their own.
Serializable: TypeAlias = Record | Referral | Spared | Link | ReferralHit | Match | Support | Coverage | Atlas

_DATASET_SCHEMA = "triggerpoints.schema.json"
_RESULTS_SCHEMA = "results.schema.json"
#: The dataset schema's names of the record kinds, where they differ from the kinds' names.
_RECORD_DEFS = {"trigger_point": "triggerPoint"}

SCHEMAS = (
    "ranking",
    "candidate",
    "place",
    "term_reading",
    "path",
    "step",
    "referral_hit",
    "match",
    "support",
    "coverage",
    "show",
    *(kind.name for kind in KINDS),
    "referral",
    "spared",
    "link",
)
"""The outputs :func:`json_schema` describes: results, ``show`` (what ``triggerpoints show
--json`` prints), every record kind and the parts of records."""


@overload
def to_dict(obj: Ranking, *, curation: bool = ..., atlas: Atlas | None = ...) -> RankingDict: ...
@overload
def to_dict(obj: Candidate, *, curation: bool = ..., atlas: Atlas | None = ...) -> CandidateDict: ...
@overload
def to_dict(obj: Place, *, curation: bool = ..., atlas: Atlas | None = ...) -> PlaceDict: ...
@overload
def to_dict(obj: TermReading, *, curation: bool = ..., atlas: Atlas | None = ...) -> TermReadingDict: ...
@overload
def to_dict(obj: Path, *, curation: bool = ..., atlas: Atlas | None = ...) -> PathDict: ...
@overload
def to_dict(obj: Step, *, curation: bool = ..., atlas: Atlas | None = ...) -> StepDict: ...
@overload
def to_dict(obj: Serializable, *, curation: bool = ..., atlas: Atlas | None = ...) -> dict[str, JSONValue]: ...
def to_dict(
    obj: Ranking | Candidate | Place | TermReading | Path | Step | Serializable,
    *,
    curation: bool = False,
    atlas: Atlas | None = None,
) -> RankingDict | CandidateDict | PlaceDict | TermReadingDict | PathDict | StepDict | dict[str, JSONValue]:
    """Return a record or a result as JSON-ready data.

    Records come in the dataset file's format (enums as their text, tuples as lists,
    every field, ``None`` where a value is missing), which the dataset schema
    validates. Results come complete: ids with a ``names`` mapping to their display
    names, relations with the ids of both ends as well as the words, the ranking
    model's version and weights, the cautions once. An :class:`Atlas` gives the whole
    dataset file.

    Args:
        obj: A record (any of :data:`KINDS`), a part of one (:class:`Referral`,
            :class:`Spared`, :class:`Link`), an :class:`Atlas`, or a result:
            :class:`Ranking`, :class:`Candidate`, :class:`Place`, :class:`TermReading`,
            :class:`Path`, :class:`Step`, :class:`ReferralHit`, :class:`Match`,
            :class:`Support` or :class:`Coverage`.
        curation: Keep the ``curation`` notes (how each fact was established, for
            curators; never shown to end users). Left out by default.
        atlas: Where a :class:`ReferralHit`'s ids get their names (default: the
            packaged atlas).

    Returns:
        The data; :meth:`Ranking.to_dict`, :meth:`Candidate.to_dict` and the like give
        the same for their results. Its JSON Schema is :func:`json_schema`'s.

    Raises:
        ArgumentError: ``obj`` is none of the above.

    Examples:
        >>> import triggerpoints as tp
        >>> atlas = tp.load()
        >>> data = tp.to_dict(atlas.muscle("glute min"))
        >>> data["id"], data["body_area"], "curation" in data
        ('muscle:gluteus-minimus', 'lower-torso', False)
        >>> candidates = tp.to_dict(tp.rank("sits bone"))["candidates"]
        >>> "Gluteus maximus" in [candidate["muscle"]["name"] for candidate in candidates[:3]]
        True
    """
    if isinstance(obj, (Ranking, Candidate, Place, TermReading, Path, Step)):
        return obj.to_dict()
    if isinstance(obj, Atlas):
        return _drop_curation(obj.to_dict(), keep=curation)
    if isinstance(obj, Coverage):
        return _json(obj.to_dict())
    if isinstance(obj, ReferralHit):
        return _hit(obj, curation=curation, atlas=load() if atlas is None else atlas)
    if isinstance(obj, (Match, Support)) or type(obj) in _PARTS:
        return _fields(obj, curation=curation)
    raise ArgumentError("obj", obj, "a record, a part of one, an atlas or a result of the library")


_PARTS = frozenset({*(kind.record_class for kind in KINDS), Referral, Spared, Link})


def to_json(
    obj: Ranking | Candidate | Place | TermReading | Path | Step | Serializable | Sequence[Serializable | Path],
    *,
    curation: bool = False,
    atlas: Atlas | None = None,
    indent: int | None = None,
) -> str:
    """Return a record or a result (or a list of them) as JSON text: :func:`to_dict`, written out.

    Args:
        obj: What :func:`to_dict` takes, or a list or tuple of such (the paths of
            :func:`trace`, the matches of a search).
        curation: Keep the curation notes (left out by default).
        atlas: Where a :class:`ReferralHit`'s ids get their names.
        indent: Indent nested data by this many spaces (``None``: one line).

    Returns:
        JSON text, non-ASCII characters kept as they are.

    Raises:
        ArgumentError: ``obj`` is none of the above.

    Examples:
        >>> import triggerpoints as tp
        >>> print(tp.to_json(tp.load().search("glute max", limit=1), indent=1))
        [
         {
          "id": "muscle:gluteus-maximus",
          "kind": "muscle",
          "name": "Gluteus maximus",
          "matched": "glute max",
          "score": 1.0
         }
        ]
    """
    if isinstance(obj, (list, tuple)):
        data: object = [to_dict(item, curation=curation, atlas=atlas) for item in obj]
    else:
        data = to_dict(obj, curation=curation, atlas=atlas)  # type: ignore[arg-type]
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _plain(value: object, *, curation: bool) -> JSONValue:
    if attrs.has(type(value)):
        return _fields(value, curation=curation)
    if isinstance(value, enum.Enum):
        return _plain(value.value, curation=curation)
    if isinstance(value, (tuple, list, frozenset)):
        return [_plain(item, curation=curation) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item, curation=curation) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise ArgumentError("obj", value, "a value JSON can hold")  # pragma: no cover - records hold only these


def _fields(value: Any, *, curation: bool) -> dict[str, JSONValue]:
    return {
        field.name: _plain(getattr(value, field.name), curation=curation)
        for field in attrs.fields(type(value))
        if (curation or field.name != "curation") and field.repr is not False
    }


def _hit(hit: ReferralHit, *, curation: bool, atlas: Atlas) -> dict[str, JSONValue]:
    ids = (hit.trigger_point, hit.muscle, hit.region)
    return {
        "trigger_point": hit.trigger_point,
        "muscle": hit.muscle,
        "region": hit.region,
        "zone": hit.zone.value,
        "match": hit.match,
        "referral": _fields(hit.referral, curation=curation),
        "support": _fields(hit.support, curation=curation),
        "names": {key: _name(atlas, key) for key in ids},
    }


def _name(atlas: Atlas, key: str) -> str:
    try:
        return atlas.name_of(key)
    except LookupError:
        return key


def _json(value: object) -> dict[str, JSONValue]:
    """Data that is already JSON-ready, typed as such."""
    return value  # type: ignore[return-value]


def _drop_curation(data: dict[str, JSONValue], *, keep: bool) -> dict[str, JSONValue]:
    if keep:
        return data

    def drop(value: JSONValue) -> JSONValue:
        if isinstance(value, dict):
            return {key: drop(item) for key, item in value.items() if key != "curation"}
        if isinstance(value, list):
            return [drop(item) for item in value]
        return value

    return {key: drop(value) for key, value in data.items()}


# --- schemas --------------------------------------------------------------------------------


@functools.cache
def _documents() -> tuple[dict[str, JSONValue], dict[str, JSONValue]]:
    from importlib.resources import files  # noqa: PLC0415 - read only when a schema is asked for

    data = files("triggerpoints") / "data"
    dataset = json.loads((data / _DATASET_SCHEMA).read_text(encoding="utf-8"))
    results = json.loads((data / "schemas" / _RESULTS_SCHEMA).read_text(encoding="utf-8"))
    return dataset, results


def json_schema(name: str = "ranking") -> dict[str, JSONValue]:
    """Return the JSON Schema of one output, whole (every definition it needs is inside).

    The schemas are shipped in the package: ``data/schemas/results.schema.json`` for
    results, which refers to the dataset's ``data/triggerpoints.schema.json`` for
    records. This function joins the two, so the schema stands alone (draft 2020-12).

    Args:
        name: One of :data:`SCHEMAS`: ``"ranking"`` (:meth:`Ranking.to_dict`, ``rank
            --json``), ``"candidate"``, ``"place"``, ``"term_reading"``, ``"path"``,
            ``"step"``, ``"referral_hit"``, ``"match"``, ``"support"``, ``"coverage"``
            (``coverage --json``), ``"show"`` (``show --json``), a record kind
            (``"muscle"``, ``"trigger_point"``, ...) or a part of a record
            (``"referral"``, ``"spared"``, ``"link"``).

    Returns:
        A new JSON Schema document each call (change it freely).

    Raises:
        ArgumentError: ``name`` is not one of :data:`SCHEMAS`.

    Examples:
        >>> import triggerpoints as tp
        >>> schema = tp.json_schema("ranking")
        >>> schema["$ref"], "candidate" in schema["$defs"], "muscle" in schema["$defs"]
        ('#/$defs/ranking', True, True)
    """
    if name not in SCHEMAS:
        raise ArgumentError("name", name, f"one of {', '.join(repr(known) for known in SCHEMAS)}")
    dataset, results = _documents()
    prefix = f"{_DATASET_SCHEMA}#/$defs/"
    text = json.dumps(results["$defs"]).replace(f'"{prefix}', '"#/$defs/')
    definitions: dict[str, JSONValue] = {**json.loads(json.dumps(dataset["$defs"])), **json.loads(text)}
    target = _RECORD_DEFS.get(name, name)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"triggerpoints {name.replace('_', ' ')}",
        "$ref": f"#/$defs/{target}",
        "$defs": definitions,
    }
