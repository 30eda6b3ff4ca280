"""How a dataset's indexes are built: every lookup table a query reads, made once.

:func:`build` turns a validated :class:`~triggerpoints._models.Dataset` into an
:class:`Indexes` of read-only mappings; the :class:`~triggerpoints.Atlas` answers every
query from them.
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from triggerpoints._kinds import KINDS, Dataset, Kind, kind_of
from triggerpoints._models import LinkedRecord, Muscle, Record, Referral, Region, Relation, TriggerPoint
from triggerpoints._text import normalize, place_tokens
from triggerpoints._vocab import display_name, words

__all__ = ["PREPARED_KINDS", "Indexes", "build", "muscle_of", "prepare"]

#: The kinds whose name tables the build makes ahead of time for the packaged data, with
#: the place table: the ones every ranking reads (a query's places are regions).
PREPARED_KINDS: tuple[Kind, ...] = ("region",)

_R = TypeVar("_R")


@attrs.frozen(kw_only=True, eq=False)
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

    def __repr__(self) -> str:
        return f"<Indexes of {len(self.by_id)} records>"


class _Words:
    """The name and place tables of a dataset, each kind's made the first time it is asked for.

    Normalizing every name and alias is most of the cost of indexing, and most processes
    ask about a kind or two (a ranking needs the regions' words, not the sources'), so each
    kind's table is made on first use, once, under a lock.
    """

    def __init__(
        self,
        records: Mapping[Kind, tuple[Record, ...]],
        muscles: Mapping[str, Muscle],
        prepared: Mapping[str, Any] | None = None,
    ) -> None:
        self._records = records
        self._muscles = muscles
        self._lock = threading.Lock()
        self._names: dict[Kind, Mapping[str, frozenset[str]]] = {}
        self.spelled: dict[tuple[str, str], str] = {}
        self._spelled_kinds: set[Kind] = set()
        self._places: Mapping[frozenset[str], frozenset[str]] | None = None
        if prepared is not None:
            for kind, table in prepared["names"].items():
                self._names[kind] = MappingProxyType({word: frozenset(ids) for word, ids in table.items()})
            self._places = MappingProxyType({frozenset(words): frozenset(ids) for words, ids in prepared["places"]})

    def names(self, kind: Kind) -> Mapping[str, frozenset[str]]:
        """The normalized words of one kind's records, each with the ids it names."""
        found = self._names.get(kind)
        if found is None:
            with self._lock:
                found = self._names.get(kind)
                if found is None:
                    found = self._names[kind] = self._build(kind)
        return found

    def _build(self, kind: Kind) -> Mapping[str, frozenset[str]]:
        """Make one kind's names table, noting how each word is written (under the lock)."""
        table: dict[str, set[str]] = defaultdict(set)
        for record in self._records.get(kind, ()):
            for _field, word in words(record, self._muscles):
                key = normalize(word)
                table[key].add(record.id)
                self.spelled.setdefault((record.id, key), word)
        self._spelled_kinds.add(kind)
        return MappingProxyType({word: frozenset(ids) for word, ids in table.items()})

    def spell(self, kind: Kind) -> None:
        """Note how each of one kind's words is written (a table made ahead of time does not say)."""
        if kind not in self._spelled_kinds:
            with self._lock:
                if kind not in self._spelled_kinds:
                    table = self._build(kind)
                    self._names.setdefault(kind, table)

    def written(self, record_id: str, word: str) -> str:
        """How a record's normalized word is written in the data."""
        found = kind_of(record_id)
        if found is not None:
            self.spell(found.name)
        return self.spelled[(record_id, word)]

    def places(self) -> Mapping[frozenset[str], frozenset[str]]:
        """The place-word sets of every region's name and aliases."""
        if self._places is None:
            with self._lock:
                if self._places is None:
                    self._places = _places(
                        region for region in self._records.get("region", ()) if isinstance(region, Region)
                    )
        return self._places


class _NamesByKind(Mapping[Kind, Mapping[str, frozenset[str]]]):
    """Kind -> normalized word -> ids, each kind's table made on first use (read-only)."""

    def __init__(self, tables: _Words) -> None:
        self._tables = tables

    def __getitem__(self, kind: Kind) -> Mapping[str, frozenset[str]]:
        if kind not in _KIND_NAMES:
            raise KeyError(kind)
        return self._tables.names(kind)

    def __iter__(self) -> Iterator[Kind]:
        return iter(_KIND_NAMES)

    def __len__(self) -> int:
        return len(_KIND_NAMES)


class _Spelled(Mapping[tuple[str, str], str]):
    """(record id, normalized word) -> the word as written; made with its kind's names."""

    def __init__(self, tables: _Words) -> None:
        self._tables = tables

    def __getitem__(self, key: tuple[str, str]) -> str:
        return self._tables.written(*key)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for kind in _KIND_NAMES:
            self._tables.spell(kind)
        return iter(dict(self._tables.spelled))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Places(Mapping[frozenset[str], frozenset[str]]):
    """Place-word set -> region ids, made on first use."""

    def __init__(self, tables: _Words) -> None:
        self._tables = tables

    def __getitem__(self, key: frozenset[str]) -> frozenset[str]:
        return self._tables.places()[key]

    def __iter__(self) -> Iterator[frozenset[str]]:
        return iter(self._tables.places())

    def __len__(self) -> int:
        return len(self._tables.places())


_KIND_NAMES: tuple[Kind, ...] = tuple(kind.name for kind in KINDS)


def muscle_of(record: Record | None, record_id: str) -> str:
    """The muscle a record belongs to: a trigger point's muscle, or the id itself.

    Args:
        record: The record ``record_id`` names, if it is known.
        record_id: A muscle or trigger point id (relations point at either).
    """
    return record.muscle if isinstance(record, TriggerPoint) else record_id


def build(dataset: Dataset, *, prepared: Mapping[str, Any] | None = None) -> Indexes:
    """Build every index of a validated dataset (the name and place tables on first use).

    Garbage collection is paused while the tables are built: they are many small
    containers that all stay alive, which the collector would otherwise scan again and
    again as they grow.

    Args:
        dataset: The records.
        prepared: The tables :func:`prepare` made for this very dataset at build time
            (the packaged data's); they are used as they are.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(dataset, prepared)
    finally:
        if enabled:
            gc.enable()


def prepare(dataset: Dataset) -> dict[str, Any]:
    """The name tables of :data:`PREPARED_KINDS` and the place table, made ahead of time.

    The build writes them into the packaged data's ready-to-load form, in this JSON
    shape (sorted, so the file does not change between builds); :func:`build` reads
    them back. They are made by the same code that makes them at run time.
    """
    tables = _Words(_records_by_kind(dataset), {muscle.id: muscle for muscle in dataset.muscles})
    return {
        "names": {
            kind: {word: sorted(ids) for word, ids in sorted(tables.names(kind).items())} for kind in PREPARED_KINDS
        },
        "places": sorted([sorted(words), sorted(ids)] for words, ids in tables.places().items()),
    }


def _records_by_kind(dataset: Dataset) -> dict[Kind, tuple[Record, ...]]:
    return {kind.name: getattr(dataset, kind.section) for kind in KINDS}


def _build(dataset: Dataset, prepared: Mapping[str, Any] | None) -> Indexes:
    sections: list[tuple[Record, ...]] = [getattr(dataset, kind.section) for kind in KINDS]
    records = [record for section in sections for record in section]
    by_id: dict[str, Record] = {record.id: record for record in records}
    muscles: dict[str, Muscle] = {muscle.id: muscle for muscle in dataset.muscles}
    display: dict[str, str] = {record.id: display_name(record, muscles) for record in records}
    tables = _Words(_records_by_kind(dataset), muscles, prepared)
    children = _group((region.parent, region.id) for region in dataset.regions if region.parent)
    ancestors, descendants = _hierarchy(dataset.regions, children)
    linked: list[LinkedRecord] = [r for kind in KINDS if kind.linked for r in getattr(dataset, kind.section)]
    return Indexes(
        by_id=MappingProxyType(by_id),
        position=MappingProxyType({r.id: n for section in sections for n, r in enumerate(section)}),
        display=MappingProxyType(display),
        names=_NamesByKind(tables),
        spelled=_Spelled(tables),
        places=_Places(tables),
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
