"""The loaded, indexed, immutable dataset: queries by id, name and relation.

An :class:`Atlas` is built once from a validated :class:`~triggerpoints._models.Dataset`.
Name lookups are delegated to :class:`~triggerpoints._names.Names`, record access to
:class:`~triggerpoints._records.RecordAccess`, referral queries and support to
:class:`~triggerpoints._referrals.ReferralQueries`; loading is in :mod:`triggerpoints._load`.
Every index a query needs (names and aliases, trigger points by muscle, referrals by
region, the region hierarchy, relations and links by muscle) is built in its
constructor, so queries are dictionary reads. The networkx graph is built only when
:attr:`Atlas.graph` is first read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from triggerpoints._index import Indexes, build
from triggerpoints._kinds import Dataset
from triggerpoints._models import (
    Condition,
    Factor,
    FactorKind,
    Muscle,
    Relation,
    RelationKind,
    Symptom,
    Treatment,
    TriggerPoint,
)
from triggerpoints._names import Match, Names
from triggerpoints._records import Lazy, as_member
from triggerpoints._referrals import ReferralHit, ReferralQueries
from triggerpoints._support import MinSupportLike, min_support_of
from triggerpoints.exceptions import ArgumentError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Atlas", "Match", "ReferralHit"]

_R = TypeVar("_R")


@attrs.frozen(init=False, eq=False)
class Atlas(ReferralQueries):
    """A loaded dataset with every index built: immutable and safe to share.

    Get one with :func:`triggerpoints.load`. Methods that take a ``key`` accept an
    id, a name or an alias, compared without regard to case, accents or
    punctuation.

    Examples:
        >>> import triggerpoints as tp
        >>> atlas = tp.load()
        >>> atlas.muscle("Glute Max").name
        'Gluteus maximus'
        >>> "TrP1" in [point.label for point in atlas.trigger_points_of("gluteus maximus")]
        True
    """

    dataset: Dataset
    """The validated dataset this atlas indexes."""
    origin: str
    """The file path the data came from, or a note that it is the packaged dataset."""
    indexes: Indexes = attrs.field(repr=False)
    """Every lookup table the queries read (read-only mappings), built once."""
    names: Names = attrs.field(repr=False)
    """Lookup by name and alias, "did you mean" and fuzzy search over the indexes."""
    _graph: Lazy = attrs.field(repr=False, alias="_graph")
    _support: Lazy = attrs.field(repr=False, alias="_support")

    def __init__(
        self,
        dataset: Dataset,
        *,
        origin: str = "<memory>",
        validated: bool = False,
        indexes: Indexes | None = None,
    ) -> None:
        """Index ``dataset``, checking it first unless ``validated`` says it was.

        Args:
            dataset: The records. A dataset built or changed in Python is checked
                exactly like a file (references, duplicates, aliases, hierarchy).
            origin: How to name the data in messages.
            validated: Skip the check; the loaders pass this for data that was
                checked when it was read (or when the package was built).
            indexes: The dataset's indexes, when the caller built them already (the
                packaged loader does, with tables made when the package was built).
                Only with ``validated``: they are trusted to be this dataset's.

        Raises:
            DatasetError: The dataset is not valid; every problem is listed.
            ArgumentError: ``indexes`` without ``validated``.
        """
        if indexes is not None and not validated:
            raise ArgumentError(
                "indexes", "an Indexes", "given only with validated=True (they are trusted as they are)"
            )
        if not validated:
            from triggerpoints import _dataset  # noqa: PLC0415 - cattrs is imported only when data is checked

            dataset = _dataset.parse(_dataset.unstructure(dataset), origin=origin)
        if indexes is None:
            indexes = build(dataset)
        self.__attrs_init__(dataset, origin, indexes, Names(indexes), Lazy(), Lazy())

    def __repr__(self) -> str:
        counts = f"{len(self.muscles)} muscles, {len(self.trigger_points)} trigger points, {len(self.regions)} regions"
        return f"<Atlas {self.origin} v{self.dataset_version}: {counts}>"

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.indexes.by_id

    def __len__(self) -> int:
        return len(self.indexes.by_id)

    def __bool__(self) -> bool:
        """An atlas is always true, even with no records (so ``atlas or load()`` is never a trap)."""
        return True

    # --- muscles and trigger points -------------------------------------------------

    def trigger_points_of(self, muscle: str) -> tuple[TriggerPoint, ...]:
        """Return a muscle's trigger points, in dataset order.

        Examples:
            >>> import triggerpoints as tp
            >>> points = tp.load().trigger_points_of("piriformis")
            >>> {p.muscle for p in points}, "TrP1" in [p.label for p in points]
            ({'muscle:piriformis'}, True)
        """
        return self.indexes.points_of.get(self.muscle(muscle).id, ())

    # --- relations ------------------------------------------------------------------

    def relations_of(
        self,
        key: str,
        *,
        kind: RelationKind | str | None = None,
        direction: Literal["out", "in", "both"] = "both",
        min_support: MinSupportLike = None,
    ) -> tuple[Relation, ...]:
        """Return the relations that touch a muscle (or any of its trigger points).

        Args:
            key: A muscle or trigger point.
            kind: Only relations of this kind.
            direction: ``"out"`` where it drives, ``"in"`` where it is driven.
            min_support: Only relations with at least this support: a number of
                independent sources, a tier, both as ``(count, tier)``, or a
                ``MinSupport`` (see :meth:`support_of`).

        Returns:
            Outgoing relations first, then incoming, each in dataset order.

        Raises:
            UnknownIdError: ``key`` names no muscle or trigger point.
            ArgumentError: ``direction``, ``kind`` or ``min_support`` is not one of the allowed values.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> relations = atlas.relations_of("gluteus medius", direction="out", kind="satellite")
            >>> {r.kind.value for r in relations}, {atlas.muscle_of(r.source) for r in relations}
            ({'satellite'}, {'muscle:gluteus-medius'})
        """
        if direction not in ("out", "in", "both"):
            raise ArgumentError("direction", direction, "'out', 'in' or 'both'")
        wanted = None if kind is None else as_member(RelationKind, "kind", kind)
        needed = min_support_of(min_support)
        muscle = self.muscle_of(key)
        found: list[Relation] = []
        if direction in ("out", "both"):
            found.extend(self.indexes.relations_out.get(muscle, ()))
        if direction in ("in", "both"):
            found.extend(self.indexes.relations_in.get(muscle, ()))
        return tuple(
            relation
            for relation in found
            if (wanted is None or relation.kind is wanted) and self._admit(needed, relation)
        )

    def satellites_of(self, key: str, *, min_support: MinSupportLike = None) -> tuple[Relation, ...]:
        """Return the satellite relations in which a muscle is the primary.

        ``min_support`` filters as in :meth:`relations_of`.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> "Gluteus minimus" in [atlas.name_of(r.target) for r in atlas.satellites_of("QL")]
            True
        """
        return self.relations_of(key, kind=RelationKind.SATELLITE, direction="out", min_support=min_support)

    def keys_of(self, key: str, *, min_support: MinSupportLike = None) -> tuple[Relation, ...]:
        """Return the relations whose source drives this muscle (key or primary).

        ``min_support`` filters as in :meth:`relations_of`.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> "Gluteus medius" in [atlas.name_of(r.source) for r in atlas.keys_of("piriformis")]
            True
        """
        driving = (RelationKind.KEY, RelationKind.SATELLITE)
        found = self.relations_of(key, direction="in", min_support=min_support)
        return tuple(relation for relation in found if relation.kind in driving)

    # --- factors, symptoms, conditions, treatments ----------------------------------

    def _linked(self, key: str, cls: type[_R]) -> tuple[_R, ...]:
        muscle = self.muscle(key).id
        records = {record.id: record for record in self.indexes.links.get(muscle, ()) if isinstance(record, cls)}
        return tuple(records.values())

    def factors_of(
        self, muscle: str, *, kind: FactorKind | str | None = None, include_general: bool = False
    ) -> tuple[Factor, ...]:
        """Return the factors tied to a muscle.

        Args:
            muscle: A muscle.
            kind: Only activities, mechanisms or perpetuating factors.
            include_general: Also return the factors that apply to every muscle
                (such as vitamin deficiencies), after the specific ones.

        Examples:
            >>> import triggerpoints as tp
            >>> factors = tp.load().factors_of("gluteus maximus", kind="activity")
            >>> "factor:crawl-stroke-swimming" in {factor.id for factor in factors}
            True
        """
        wanted = None if kind is None else as_member(FactorKind, "kind", kind)
        found = self._linked(muscle, Factor)
        if include_general:
            seen = {factor.id for factor in found}
            found += tuple(factor for factor in self.dataset.factors if factor.general and factor.id not in seen)
        return tuple(factor for factor in found if wanted is None or factor.kind is wanted)

    def symptoms_of(self, muscle: str) -> tuple[Symptom, ...]:
        """Return the symptoms beyond pain tied to a muscle.

        Examples:
            >>> import triggerpoints as tp
            >>> "symptom:pain-upright-relieved-by-arm-bracing" in [s.id for s in tp.load().symptoms_of("QL")]
            True
        """
        return self._linked(muscle, Symptom)

    def conditions_of(self, muscle: str) -> tuple[Condition, ...]:
        """Return the conditions a muscle's trigger points can be mistaken for.

        Examples:
            >>> import triggerpoints as tp
            >>> "Piriformis syndrome" in [c.name for c in tp.load().conditions_of("piriformis")]
            True
        """
        return self._linked(muscle, Condition)

    def treatments_of(self, muscle: str) -> tuple[Treatment, ...]:
        """Return the treatments for a muscle (self-treatments unless their kind is clinical).

        Examples:
            >>> import triggerpoints as tp
            >>> "Pressure release with a ball" in [t.name for t in tp.load().treatments_of("gluteus minimus")]
            True
        """
        return self._linked(muscle, Treatment)

    def muscles_of(self, key: str) -> tuple[Muscle, ...]:
        """Return the muscles tied to a factor, symptom, condition or treatment.

        Examples:
            >>> import triggerpoints as tp
            >>> "Piriformis" in [m.name for m in tp.load().muscles_of("sciatica")]
            True
        """
        record = self.lookup(key)
        if not isinstance(record, Factor | Symptom | Condition | Treatment):
            raise ArgumentError("key", key, "a factor, symptom, condition or treatment")
        return tuple(dict.fromkeys(self.muscle(link.muscle) for link in record.muscles))

    # --- the graph ------------------------------------------------------------------

    @property
    def graph(self) -> nx.MultiDiGraph[str]:
        """The whole dataset as a frozen networkx ``MultiDiGraph``, built on first use.

        See :doc:`/graph` for the nodes, edges and their direction.

        Examples:
            >>> import triggerpoints as tp
            >>> graph = tp.load().graph
            >>> graph.nodes["muscle:piriformis"]["kind"], graph is tp.load().graph
            ('muscle', True)
        """
        return self._graph.get(self._build_graph)

    def _build_graph(self) -> nx.MultiDiGraph[str]:
        from triggerpoints import _graph  # noqa: PLC0415 - networkx is imported only here

        return _graph.build(self.dataset, self.indexes.display)

    def to_dict(self) -> dict[str, Any]:
        """Return the dataset as JSON-ready data (the file format).

        Examples:
            >>> import json, triggerpoints as tp
            >>> data = tp.load().to_dict()
            >>> data["schema_version"], len(json.dumps(data)) > 0
            ('1.0', True)
        """
        from triggerpoints import _dataset  # noqa: PLC0415 - cattrs is imported only when data is read or written

        return _dataset.unstructure(self.dataset)
