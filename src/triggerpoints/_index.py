"""How a dataset's indexes are built: every lookup table a query reads, made once.

:func:`build` turns a validated :class:`~triggerpoints._models.Dataset` into an
:class:`Indexes` of read-only mappings; the :class:`~triggerpoints.Atlas` answers every
query from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from triggerpoints._models import (
    Condition,
    Dataset,
    Factor,
    Muscle,
    Record,
    Referral,
    Region,
    Relation,
    Source,
    Symptom,
    Treatment,
    TriggerPoint,
)
from triggerpoints._text import normalize, place_tokens

__all__ = ["KINDS", "KIND_OF_PREFIX", "Indexes", "build", "kind_of"]

_R = TypeVar("_R")

#: Record kinds as users name them, with their id prefixes.
KINDS: dict[str, str] = {
    "source": "source",
    "region": "region",
    "muscle": "muscle",
    "trigger_point": "tp",
    "relation": "relation",
    "factor": "factor",
    "symptom": "symptom",
    "condition": "condition",
    "treatment": "treatment",
}
KIND_OF_PREFIX = {prefix: kind for kind, prefix in KINDS.items()}


def kind_of(record_id: str) -> str:
    """The kind of a record id (``"tp:x"`` -> ``"trigger_point"``)."""
    return KIND_OF_PREFIX[record_id.split(":", 1)[0]]


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
    names: Mapping[str, Mapping[str, frozenset[str]]]
    spelled: Mapping[tuple[str, str], str]
    places: Mapping[frozenset[str], frozenset[str]]
    points_of: Mapping[str, tuple[TriggerPoint, ...]]
    children: Mapping[str, tuple[str, ...]]
    ancestors: Mapping[str, tuple[str, ...]]
    descendants: Mapping[str, tuple[str, ...]]
    referrals_to: Mapping[str, tuple[tuple[TriggerPoint, Referral], ...]]
    relations_out: Mapping[str, tuple[Relation, ...]]
    relations_in: Mapping[str, tuple[Relation, ...]]
    links: Mapping[str, tuple[Factor | Symptom | Condition | Treatment, ...]]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as plain dicts (read-only mappings cannot be pickled); see :func:`_restore`."""
        fields = {field.name: dict(getattr(self, field.name)) for field in attrs.fields(Indexes)}
        fields["names"] = {kind: dict(table) for kind, table in self.names.items()}
        return (_restore, (fields,))


def _restore(fields: dict[str, Any]) -> Indexes:
    """Rebuild pickled indexes, every mapping read-only again."""
    fields["names"] = {kind: MappingProxyType(table) for kind, table in fields["names"].items()}
    return Indexes(**{name: MappingProxyType(value) for name, value in fields.items()})


def sections(dataset: Dataset) -> tuple[tuple[Record, ...], ...]:
    """The record sections of a dataset, in document order."""
    return (
        dataset.sources,
        dataset.regions,
        dataset.muscles,
        dataset.trigger_points,
        dataset.relations,
        dataset.factors,
        dataset.symptoms,
        dataset.conditions,
        dataset.treatments,
    )


def build(dataset: Dataset) -> Indexes:
    """Build every index of a validated dataset."""
    records = [record for section in sections(dataset) for record in section]
    by_id: dict[str, Record] = {record.id: record for record in records}
    muscles: dict[str, Muscle] = {muscle.id: muscle for muscle in dataset.muscles}
    display: dict[str, str] = {record.id: _display_name(record, muscles) for record in records}
    names, spelled = _names(records, display, muscles)
    children = _group((region.parent, region.id) for region in dataset.regions if region.parent)
    ancestors, descendants = _hierarchy(dataset.regions, children)

    def muscle_of(record_id: str) -> str:
        record = by_id.get(record_id)
        return record.muscle if isinstance(record, TriggerPoint) else record_id

    linked: tuple[Factor | Symptom | Condition | Treatment, ...] = (
        *dataset.factors,
        *dataset.symptoms,
        *dataset.conditions,
        *dataset.treatments,
    )
    return Indexes(
        by_id=MappingProxyType(by_id),
        position=MappingProxyType({r.id: n for section in sections(dataset) for n, r in enumerate(section)}),
        display=MappingProxyType(display),
        names=names,
        spelled=spelled,
        places=_places(dataset.regions),
        points_of=_group((point.muscle, point) for point in dataset.trigger_points),
        children=children,
        ancestors=ancestors,
        descendants=descendants,
        referrals_to=_group((r.region, (point, r)) for point in dataset.trigger_points for r in point.referrals),
        relations_out=_group((muscle_of(relation.source), relation) for relation in dataset.relations),
        relations_in=_group((muscle_of(relation.target), relation) for relation in dataset.relations),
        links=_group((link.muscle, record) for record in linked for link in record.muscles),
    )


def _display_name(record: Record, muscles: Mapping[str, Muscle]) -> str:
    """A record's name for people: trigger points are "<muscle> <label>"."""
    if isinstance(record, TriggerPoint):
        return f"{muscles[record.muscle].name} {record.label}"
    if isinstance(record, Relation):
        return record.id
    if isinstance(record, Source):
        return record.title
    return record.name


def _words(record: Record, display: Mapping[str, str], muscles: Mapping[str, Muscle]) -> Iterable[str]:
    """The words a record answers to; the display name and aliases come first."""
    yield display[record.id]
    yield from getattr(record, "aliases", ())
    if isinstance(record, TriggerPoint):
        owner = muscles[record.muscle]
        for name in (owner.name, *owner.aliases):
            yield f"{name} {record.label}"
    yield record.id
    yield record.id.split(":", 1)[1]


def _names(
    records: Iterable[Record], display: Mapping[str, str], muscles: Mapping[str, Muscle]
) -> tuple[Mapping[str, Mapping[str, frozenset[str]]], Mapping[tuple[str, str], str]]:
    """Per kind: normalized word -> ids; and each (id, word) as written."""
    words: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    spelled: dict[tuple[str, str], str] = {}
    for record in records:
        kind = kind_of(record.id)
        for word in _words(record, display, muscles):
            key = normalize(word)
            words[kind][key].add(record.id)
            spelled.setdefault((record.id, key), word)
    # Most words name one record, and a record's words all name the same set: share each
    # set, so that it is stored (and read back from the cache) once.
    shared: dict[frozenset[str], frozenset[str]] = {}
    frozen = {
        kind: MappingProxyType({w: shared.setdefault(frozenset(ids), frozenset(ids)) for w, ids in table.items()})
        for kind, table in words.items()
    }
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
