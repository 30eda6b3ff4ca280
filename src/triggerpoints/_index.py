"""How a dataset's indexes are built: every lookup table a query reads, made once.

:func:`build` turns a validated :class:`~triggerpoints._models.Dataset` into an
:class:`Indexes` of read-only mappings; the :class:`~triggerpoints.Atlas` answers every
query from them.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from triggerpoints._kinds import KINDS, Dataset, Kind, kind_of
from triggerpoints._models import LinkedRecord, Muscle, Record, Referral, Region, Relation, TriggerPoint
from triggerpoints._text import normalize, place_tokens
from triggerpoints._vocab import display_name, words

__all__ = ["Indexes", "NameTables", "build", "muscle_of", "name_tables"]

_R = TypeVar("_R")


@attrs.frozen(kw_only=True)
class Indexes:
    """Every lookup table of one dataset; all mappings are read-only.

    Attributes:
        by_id: Record id -> record.
        position: Record id -> its index in its section (dataset order).
        display: Record id -> display name (trigger points: "<muscle> <label>").
        names: Kind -> normalized word (id, slug, name, alias) -> the ids it names.
        spelled: (record id, normalized word) -> the word as written in the data.
        places: Place-word set of a region name or alias -> region ids.
        points_of: Muscle id -> its trigger points, in dataset order.
        children: Region id -> its direct sub-region ids.
        ancestors: Region id -> enclosing region ids, nearest first.
        descendants: Region id -> every region id inside it, depth first.
        referrals_to: Region id -> (trigger point, referral) pairs naming it.
        relations_out: Muscle id -> relations it (or its trigger points) drives.
        relations_in: Muscle id -> relations that drive it (or its trigger points).
        links: Muscle id -> factors, symptoms, conditions and treatments tied to it.
    """

    by_id: Mapping[str, Record]
    position: Mapping[str, int]
    display: Mapping[str, str]
    names: Mapping[Kind, Mapping[str, frozenset[str]]]
    spelled: Mapping[tuple[str, str], str]
    places: Mapping[frozenset[str], frozenset[str]]
    points_of: Mapping[str, tuple[TriggerPoint, ...]]
    children: Mapping[str, tuple[str, ...]]
    ancestors: Mapping[str, tuple[str, ...]]
    descendants: Mapping[str, tuple[str, ...]]
    referrals_to: Mapping[str, tuple[tuple[TriggerPoint, Referral], ...]]
    relations_out: Mapping[str, tuple[Relation, ...]]
    relations_in: Mapping[str, tuple[Relation, ...]]
    links: Mapping[str, tuple[LinkedRecord, ...]]


@attrs.frozen(kw_only=True)
class NameTables:
    """The indexes made from normalized words: the costly part of indexing, made once at build time.

    Attributes:
        names: Kind -> normalized word -> the ids it names.
        spelled: (record id, normalized word) -> the word as written in the data.
        places: Place-word set of a region name or alias -> region ids.
    """

    names: Mapping[Kind, Mapping[str, frozenset[str]]]
    spelled: Mapping[tuple[str, str], str]
    places: Mapping[frozenset[str], frozenset[str]]


def name_tables(dataset: Dataset) -> NameTables:
    """Normalize every word of ``dataset`` into its name and place tables."""
    records = [record for kind in KINDS for record in getattr(dataset, kind.section)]
    names, spelled = _names(records, {muscle.id: muscle for muscle in dataset.muscles})
    return NameTables(names=names, spelled=spelled, places=_places(dataset.regions))


def muscle_of(record: Record | None, record_id: str) -> str:
    """The muscle a record belongs to: a trigger point's muscle, or the id itself.

    Args:
        record: The record ``record_id`` names, if it is known.
        record_id: A muscle or trigger point id (relations point at either).
    """
    return record.muscle if isinstance(record, TriggerPoint) else record_id


def build(dataset: Dataset, tables: NameTables | None = None) -> Indexes:
    """Build every index of a validated dataset.

    ``tables`` are the dataset's name tables when they were made before (the packaged
    data ships them); otherwise they are made here.

    Garbage collection is paused while the tables are built: they are many small
    containers that all stay alive, which the collector would otherwise scan again and
    again as they grow.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(dataset, name_tables(dataset) if tables is None else tables)
    finally:
        if enabled:
            gc.enable()


def _build(dataset: Dataset, tables: NameTables) -> Indexes:
    sections: list[tuple[Record, ...]] = [getattr(dataset, kind.section) for kind in KINDS]
    records = [record for section in sections for record in section]
    by_id: dict[str, Record] = {record.id: record for record in records}
    muscles: dict[str, Muscle] = {muscle.id: muscle for muscle in dataset.muscles}
    display: dict[str, str] = {record.id: display_name(record, muscles) for record in records}
    children = _group((region.parent, region.id) for region in dataset.regions if region.parent)
    ancestors, descendants = _hierarchy(dataset.regions, children)
    linked: list[LinkedRecord] = [r for kind in KINDS if kind.linked for r in getattr(dataset, kind.section)]
    return Indexes(
        by_id=MappingProxyType(by_id),
        position=MappingProxyType({r.id: n for section in sections for n, r in enumerate(section)}),
        display=MappingProxyType(display),
        names=tables.names,
        spelled=tables.spelled,
        places=tables.places,
        points_of=_group((point.muscle, point) for point in dataset.trigger_points),
        children=children,
        ancestors=ancestors,
        descendants=descendants,
        referrals_to=_group((r.region, (point, r)) for point in dataset.trigger_points for r in point.referrals),
        relations_out=_group(
            (muscle_of(by_id.get(relation.source), relation.source), relation) for relation in dataset.relations
        ),
        relations_in=_group(
            (muscle_of(by_id.get(relation.target), relation.target), relation) for relation in dataset.relations
        ),
        links=_group((link.muscle, record) for record in linked for link in record.muscles),
    )


def _names(
    records: Iterable[Record], muscles: Mapping[str, Muscle]
) -> tuple[Mapping[Kind, Mapping[str, frozenset[str]]], Mapping[tuple[str, str], str]]:
    """Per kind: normalized word -> ids; and each (id, word) as written."""
    table: dict[Kind, dict[str, set[str]]] = {kind.name: defaultdict(set) for kind in KINDS}
    spelled: dict[tuple[str, str], str] = {}
    for record in records:
        kind = kind_of(record.id)
        if kind is None:  # pragma: no cover - record ids are checked when records are made
            continue
        for _field, word in words(record, muscles):
            key = normalize(word)
            table[kind.name][key].add(record.id)
            spelled.setdefault((record.id, key), word)
    frozen = {kind: MappingProxyType({w: frozenset(ids) for w, ids in found.items()}) for kind, found in table.items()}
    return MappingProxyType(frozen), MappingProxyType(spelled)


def _hierarchy(
    regions: Iterable[Region], children: Mapping[str, tuple[str, ...]]
) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]]:
    """Ancestors (nearest first) and descendants (depth first) of every region."""
    parents = {region.id: region.parent for region in regions}
    ancestors: dict[str, tuple[str, ...]] = {}
    descendants: dict[str, tuple[str, ...]] = {}
    for region_id, parent in parents.items():
        chain: list[str] = []
        current = parent
        while current is not None:
            chain.append(current)
            current = parents.get(current)
        ancestors[region_id] = tuple(chain)
        found: list[str] = []
        stack = list(reversed(children.get(region_id, ())))
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(children.get(node, ())))
        descendants[region_id] = tuple(found)
    return MappingProxyType(ancestors), MappingProxyType(descendants)


def _places(regions: Iterable[Region]) -> Mapping[frozenset[str], frozenset[str]]:
    places: dict[frozenset[str], set[str]] = defaultdict(set)
    for region in regions:
        for word in (region.name, *region.aliases, region.id.split(":", 1)[1]):
            key = frozenset(place_tokens(word))
            if key:
                places[key].add(region.id)
    return MappingProxyType({key: frozenset(ids) for key, ids in places.items()})


def _group(pairs: Iterable[tuple[Any, _R]]) -> Mapping[Any, tuple[_R, ...]]:
    grouped: dict[Any, list[_R]] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return MappingProxyType({key: tuple(values) for key, values in grouped.items()})
