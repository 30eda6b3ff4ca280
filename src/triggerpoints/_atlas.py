"""The loaded, indexed, immutable dataset, and the cached :func:`load`.

An :class:`Atlas` is built once from a validated :class:`~triggerpoints._models.Dataset`.
Reading and validating data (cattrs) is imported only when :func:`load` first runs,
so ``import triggerpoints`` stays light.
Every index a query needs (names and aliases, trigger points by muscle, referrals by
region, the region hierarchy, relations and links by muscle) is built in its
constructor, so queries are dictionary reads. The networkx graph is built only when
:attr:`Atlas.graph` is first read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from triggerpoints._index import KINDS, Indexes, build, kind_of
from triggerpoints._models import (
    Condition,
    Dataset,
    Factor,
    FactorKind,
    Muscle,
    Record,
    Referral,
    Region,
    Relation,
    RelationKind,
    Source,
    Symptom,
    Treatment,
    TriggerPoint,
    Zone,
)
from triggerpoints._text import close_matches, normalize, similarity
from triggerpoints.exceptions import AmbiguousKeyError, UnknownIdError

if TYPE_CHECKING:
    from pathlib import Path

    import networkx as nx

__all__ = ["Atlas", "Match", "ReferralHit", "load"]

_R = TypeVar("_R")
#: The kinds that ``lookup`` and ``search`` consider when no kind is given. Sources
#: and relations are left out: source titles repeat muscle names ("Gluteus Minimus
#: Muscle") and relation ids are not words people type.
_DEFAULT_KINDS = ("muscle", "trigger_point", "region", "condition", "symptom", "factor", "treatment")
#: Queries are cut to this many characters (after normalization) before matching.
_LONGEST_QUERY = 200
#: The lowest similarity worth suggesting ("did you mean").
_SUGGEST_CUTOFF = 0.5
_ORDER = {
    kind: rank
    for rank, kind in enumerate(
        ("muscle", "trigger_point", "region", "condition", "symptom", "factor", "treatment", "relation", "source")
    )
}


@attrs.frozen(kw_only=True)
class ReferralHit:
    """A trigger point's referral, as a query found it.

    Attributes:
        trigger_point: The trigger point that refers the pain.
        muscle: The muscle it lies in.
        referral: The referral record (region, zone, sources).
        match: ``"exact"`` if the referral names the queried region itself,
            ``"subregion"`` if it names a region inside it.
    """

    trigger_point: str
    muscle: str
    referral: Referral
    match: Literal["exact", "subregion"] = "exact"

    @property
    def region(self) -> str:
        """The region the pain is referred to."""
        return self.referral.region

    @property
    def zone(self) -> Zone:
        """Essential or spillover."""
        return self.referral.zone


@attrs.frozen(kw_only=True)
class Match:
    """One result of :meth:`Atlas.search`.

    Attributes:
        id: The record's id.
        kind: The record's kind (``"muscle"``, ``"region"``, ...).
        name: Its display name.
        matched: The name or alias that matched best, as written in the data.
        score: From 0 to 1; see the similarity tiers in :meth:`Atlas.search`.
    """

    id: str
    kind: str
    name: str
    matched: str
    score: float


class Atlas:
    """A loaded dataset with every index built: immutable and safe to share.

    Get one with :func:`triggerpoints.load`. Methods that take a ``key`` accept an
    id, a name or an alias, compared without regard to case, accents or
    punctuation.

    Examples:
        >>> import triggerpoints as tp
        >>> atlas = tp.load()
        >>> atlas.muscle("Glute Max").name
        'Gluteus maximus'
        >>> [point.label for point in atlas.trigger_points_of("gluteus maximus")]
        ['TrP1', 'TrP2', 'TrP3']
    """

    __slots__ = ("_dataset", "_graph", "_graph_lock", "_ix", "_origin", "_sealed")

    def __init__(self, dataset: Dataset, *, origin: str = "<memory>", validated: bool = False) -> None:
        """Index ``dataset``, checking it first unless ``validated`` says it was.

        Args:
            dataset: The records. A dataset built or changed in Python is checked
                exactly like a file (references, duplicates, aliases, hierarchy).
            origin: How to name the data in messages.
            validated: Skip the check; :func:`load` passes this for data it has just
                read and checked.

        Raises:
            DatasetError: The dataset is not valid; every problem is listed.
        """
        if not validated:
            from triggerpoints import _dataset  # noqa: PLC0415 - cattrs is imported only when data is checked

            dataset = _dataset.parse(_dataset.unstructure(dataset), origin=origin)
        self._dataset = dataset
        self._origin = origin
        self._ix: Indexes = build(dataset)
        self._graph: nx.MultiDiGraph[str] | None = None
        self._graph_lock = threading.Lock()
        self._sealed = True

    @classmethod
    def _from_parts(cls, dataset: Dataset, indexes: Indexes, *, origin: str) -> Atlas:
        """An atlas of a dataset validated and indexed before (read back from the cache)."""
        atlas = cls.__new__(cls)
        for name, value in (("_dataset", dataset), ("_origin", origin), ("_ix", indexes), ("_graph", None)):
            object.__setattr__(atlas, name, value)
        object.__setattr__(atlas, "_graph_lock", threading.Lock())
        object.__setattr__(atlas, "_sealed", True)
        return atlas

    def __setattr__(self, name: str, value: Any) -> None:
        if getattr(self, "_sealed", False):
            raise attrs.exceptions.FrozenInstanceError
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __repr__(self) -> str:
        counts = f"{len(self.muscles)} muscles, {len(self.trigger_points)} trigger points, {len(self.regions)} regions"
        return f"<Atlas {self._origin} v{self.dataset_version}: {counts}>"

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._ix.by_id

    def __len__(self) -> int:
        return len(self._ix.by_id)

    # --- metadata -----------------------------------------------------------------

    @property
    def dataset(self) -> Dataset:
        """The validated dataset this atlas indexes."""
        return self._dataset

    @property
    def origin(self) -> str:
        """The file path the data came from, or a note that it is the packaged dataset."""
        return self._origin

    @property
    def dataset_version(self) -> str:
        """The version of the data (not of the package)."""
        return self._dataset.dataset_version

    @property
    def schema_version(self) -> str:
        """The version of the dataset format."""
        return self._dataset.schema_version

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source, in dataset order."""
        return self._dataset.sources

    @property
    def regions(self) -> tuple[Region, ...]:
        """Every region, in dataset order."""
        return self._dataset.regions

    @property
    def muscles(self) -> tuple[Muscle, ...]:
        """Every muscle, in dataset order."""
        return self._dataset.muscles

    @property
    def trigger_points(self) -> tuple[TriggerPoint, ...]:
        """Every trigger point, in dataset order."""
        return self._dataset.trigger_points

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Every relation, in dataset order."""
        return self._dataset.relations

    @property
    def factors(self) -> tuple[Factor, ...]:
        """Every factor, in dataset order."""
        return self._dataset.factors

    @property
    def symptoms(self) -> tuple[Symptom, ...]:
        """Every symptom, in dataset order."""
        return self._dataset.symptoms

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Every look-alike condition, in dataset order."""
        return self._dataset.conditions

    @property
    def treatments(self) -> tuple[Treatment, ...]:
        """Every self-treatment, in dataset order."""
        return self._dataset.treatments

    # --- access by id, name or alias ------------------------------------------------

    def get(self, record_id: str) -> Record:
        """Return the record with exactly this id, of any kind.

        Raises:
            UnknownIdError: No record has this id; close ids are suggested.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().get("region:coccyx").name
            'Coccyx'
        """
        try:
            return self._ix.by_id[record_id]
        except (KeyError, TypeError):
            raise UnknownIdError("id", str(record_id), close_matches(str(record_id), self._ix.by_id)) from None

    def position(self, record_id: str) -> int:
        """Return a record's index in its section of the dataset (its dataset order).

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> atlas.position(atlas.muscles[2].id)
            2
        """
        try:
            return self._ix.position[record_id]
        except (KeyError, TypeError):
            self.get(record_id)
            raise

    def name_of(self, record_id: str) -> str:
        """Return the display name of a record.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().name_of("tp:gluteus-minimus-anterior")
            'Gluteus minimus anterior'
        """
        try:
            return self._ix.display[record_id]
        except (KeyError, TypeError):
            self.get(record_id)  # raises UnknownIdError with suggestions
            raise

    def _find(self, kind: str, key: object) -> frozenset[str]:
        """The ids of ``kind`` that ``key`` names (empty if none); never raises, even on non-text."""
        if not isinstance(key, str):
            return frozenset()
        record = self._ix.by_id.get(key)
        if record is not None and kind_of(key) == kind:
            return frozenset((key,))
        word = normalize(key)
        return self._ix.names.get(kind, MappingProxyType({})).get(word, frozenset()) if word else frozenset()

    def _resolve(self, kind: str, key: str) -> str:
        """Return the id of the one record of ``kind`` that ``key`` names."""
        ids = self._find(kind, key)
        if not ids:
            raise UnknownIdError(kind.replace("_", " "), str(key), self._suggest(kind, str(key)))
        if len(ids) > 1:
            raise AmbiguousKeyError(key, sorted(ids))
        return next(iter(ids))

    def _suggest(self, kind: str | None, key: str) -> list[str]:
        """Up to three words close to ``key``, as written in the data, one per record.

        Ranked like :meth:`search` (whole word, prefix, word prefixes, then spelling),
        among display names and aliases; ids are not suggested.
        """
        query = normalize(key)[:_LONGEST_QUERY]
        best: dict[str, tuple[float, str]] = {}
        for (record_id, word), written in self._ix.spelled.items() if query else ():
            if (kind is None and kind_of(record_id) in _DEFAULT_KINDS) or kind_of(record_id) == kind:
                if written == record_id or written == record_id.split(":", 1)[1]:
                    continue
                score = similarity(query, word)
                if score >= _SUGGEST_CUTOFF and score > best.get(record_id, (0.0, ""))[0]:
                    best[record_id] = (score, written)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], self._ix.display[item[0]].casefold(), item[0]))
        return [written for _, (_, written) in ranked[:3]]

    def _one(self, kind: str, key: str, cls: type[_R]) -> _R:
        record: object = self._ix.by_id.get(key) if isinstance(key, str) else None
        if isinstance(record, cls):  # an exact id: the common case inside the library
            return record
        record = self._ix.by_id[self._resolve(kind, key)]
        assert isinstance(record, cls)  # noqa: S101 - guaranteed by the index
        return record

    def muscle(self, key: str) -> Muscle:
        """Return a muscle by id, name or alias.

        Args:
            key: ``"muscle:gluteus-maximus"``, ``"Gluteus maximus"``, ``"glute max"``...

        Raises:
            UnknownIdError: Nothing matches; the error suggests close names.
            AmbiguousKeyError: An alias shared by two muscles (only possible in a
                hand-built atlas; loaded datasets forbid it).

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().muscle("QL").id
            'muscle:quadratus-lumborum'
        """
        return self._one("muscle", key, Muscle)

    def trigger_point(self, key: str) -> TriggerPoint:
        """Return a trigger point by id, alias, or muscle name plus label.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().trigger_point("glute max TrP3").id
            'tp:gluteus-maximus-trp3'
        """
        return self._one("trigger_point", key, TriggerPoint)

    def region(self, key: str) -> Region:
        """Return a region by id, name or the words people use.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().region("sits bone").id
            'region:ischial-tuberosity'
        """
        return self._one("region", key, Region)

    def source(self, key: str) -> Source:
        """Return a source by id or title.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().source("source:ts-vol2-ch9").chapter
            9
        """
        return self._one("source", key, Source)

    def factor(self, key: str) -> Factor:
        """Return a factor by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().factor("crawl-stroke swimming").kind.value
            'activity'
        """
        return self._one("factor", key, Factor)

    def symptom(self, key: str) -> Symptom:
        """Return a symptom by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().symptom("sleep disturbance").id
            'symptom:sleep-disturbance'
        """
        return self._one("symptom", key, Symptom)

    def condition(self, key: str) -> Condition:
        """Return a look-alike condition by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().condition("sciatica").id
            'condition:sciatica'
        """
        return self._one("condition", key, Condition)

    def treatment(self, key: str) -> Treatment:
        """Return a treatment by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().treatment("backnobber").kind.value
            'tool'
        """
        return self._one("treatment", key, Treatment)

    def find(self, text: str, *, kind: str | None = None) -> tuple[str, ...]:
        """Return the ids of the records ``text`` names exactly; never raises on text.

        Like :meth:`lookup` without the errors: no match gives ``()``, a shared word
        gives several ids (sorted).

        Args:
            text: An id, a name or an alias.
            kind: Restrict to one kind.

        Raises:
            ValueError: ``kind`` is not a record kind.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> atlas.find("sits bone"), atlas.find("moon")
            (('region:ischial-tuberosity',), ())
        """
        return tuple(sorted({found for name in self._kinds(kind) for found in self._find(name, text)}))

    def lookup(self, text: str, *, kind: str | None = None) -> Record:
        """Return the one record, of any kind, that ``text`` names exactly.

        Args:
            text: An id, a name or an alias.
            kind: Restrict to one kind (``"muscle"``, ``"trigger_point"``,
                ``"region"``, ``"factor"``, ...).

        Raises:
            UnknownIdError: Nothing is named so; close names are suggested.
            AmbiguousKeyError: Records of different kinds share the word.
            ValueError: ``kind`` is not a record kind.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().lookup("tailbone").id
            'region:coccyx'
        """
        ids = self.find(text, kind=kind)
        if not ids:
            raise UnknownIdError(
                kind.replace("_", " ") if kind else "record", str(text), self._suggest(kind, str(text))
            )
        if len(ids) > 1:
            raise AmbiguousKeyError(text, ids)
        return self._ix.by_id[ids[0]]

    def search(self, text: str, *, kind: str | None = None, limit: int | None = 10) -> list[Match]:
        """Return records whose names or aliases match ``text``, best first.

        Never raises for unmatched text: an empty list means nothing came close.
        Each record appears once, scored by its best-matching word; ties are
        broken by kind (muscles, trigger points, regions, then the rest) and name.

        Args:
            text: Free text.
            kind: Restrict to one kind.
            limit: At most this many results (``None`` for all).

        Returns:
            The matches.

        Raises:
            ValueError: ``kind`` is not a record kind, or ``limit`` is negative.

        Examples:
            >>> import triggerpoints as tp
            >>> [match.name for match in tp.load().search("glute", kind="muscle")][:3]
            ['Gluteus maximus', 'Gluteus medius', 'Gluteus minimus']
        """
        kinds = self._kinds(kind)
        if limit is not None and limit < 0:
            raise ValueError("limit must not be negative")
        query = normalize(text)[:_LONGEST_QUERY] if isinstance(text, str) else ""
        best: dict[str, tuple[float, str]] = {}
        for name in kinds:
            for word, ids in self._ix.names.get(name, {}).items():
                score = similarity(query, word)
                for record_id in ids:
                    if score > 0 and score > best.get(record_id, (0.0, ""))[0]:
                        best[record_id] = (score, word)
        matches = [self._match(record_id, score, word) for record_id, (score, word) in best.items()]
        matches.sort(key=lambda match: (-match.score, _ORDER[match.kind], match.name.casefold(), match.id))
        return matches if limit is None else matches[:limit]

    def _match(self, record_id: str, score: float, word: str) -> Match:
        return Match(
            id=record_id,
            kind=kind_of(record_id),
            name=self._ix.display[record_id],
            matched=self._ix.spelled[(record_id, word)],
            score=score,
        )

    @staticmethod
    def _kinds(kind: str | None) -> tuple[str, ...]:
        if kind is None:
            return _DEFAULT_KINDS
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(sorted(KINDS))}")
        return (kind,)

    @property
    def places(self) -> Mapping[frozenset[str], frozenset[str]]:
        """The place-word index, from the canonical words of a region name or alias to region ids.

        Keys are the place words of every region's name,
        aliases and id, as sets ("outside of the thigh" -> ``{"lateral", "thigh"}``).
        A key that two regions share maps to both, and phrase resolution skips it.

        Examples:
            >>> import triggerpoints as tp
            >>> sorted(tp.load().places[frozenset({"lateral", "thigh"})])
            ['region:lateral-thigh']
        """
        return self._ix.places

    # --- muscles and trigger points -------------------------------------------------

    def trigger_points_of(self, muscle: str) -> tuple[TriggerPoint, ...]:
        """Return a muscle's trigger points, in dataset order.

        Examples:
            >>> import triggerpoints as tp
            >>> [p.label for p in tp.load().trigger_points_of("piriformis")]
            ['TrP1', 'TrP2']
        """
        return self._ix.points_of.get(self.muscle(muscle).id, ())

    def _muscle_id(self, key: str) -> str:
        """The muscle a key stands for: the muscle itself, or a trigger point's muscle."""
        exact = self._ix.by_id.get(key) if isinstance(key, str) else None
        if isinstance(exact, Muscle):  # an exact id: the common case inside the library
            return exact.id
        if isinstance(exact, TriggerPoint):
            return exact.muscle
        points = self._find("trigger_point", key)
        if len(points) == 1:
            return self.trigger_point(next(iter(points))).muscle
        if not self._find("muscle", key) and not points:
            suggestions = self._suggest("muscle", key) + self._suggest("trigger_point", key)
            raise UnknownIdError("muscle or trigger point", key, suggestions[:3])
        return self.muscle(key).id

    def _points(self, key: str) -> tuple[TriggerPoint, ...]:
        """The trigger points a key stands for: one trigger point, or a muscle's."""
        points = self._find("trigger_point", key)
        if len(points) == 1:
            return (self.trigger_point(next(iter(points))),)
        return self._ix.points_of.get(self._muscle_id(key), ())

    def referrals_of(self, key: str, *, zone: Zone | str | None = None) -> tuple[ReferralHit, ...]:
        """Return where a trigger point, or each trigger point of a muscle, refers pain.

        Args:
            key: A trigger point or a muscle (id, name or alias).
            zone: Only ``"essential"`` or only ``"spillover"`` referrals.

        Returns:
            Referrals in dataset order (trigger point by trigger point).

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> [hit.region for hit in atlas.referrals_of("glute max TrP1", zone="essential")]
            ['region:medial-buttock', 'region:sacroiliac-joint', 'region:lower-buttock']
        """
        wanted = None if zone is None else Zone(zone)
        return tuple(
            ReferralHit(trigger_point=point.id, muscle=point.muscle, referral=referral)
            for point in self._points(key)
            for referral in point.referrals
            if wanted is None or referral.zone is wanted
        )

    def referrals_to(
        self, region: str, *, zone: Zone | str | None = None, include_subregions: bool = True
    ) -> tuple[ReferralHit, ...]:
        """Return the referrals that reach a region (and by default its sub-regions).

        Args:
            region: A region (id, name or alias).
            zone: Only essential or only spillover referrals.
            include_subregions: Also count referrals to regions inside this one
                (asking for the buttock finds referrals to the sits bone).

        Returns:
            Exact matches first, then sub-region matches; each group in dataset
            order of the trigger points.

        Examples:
            >>> import triggerpoints as tp
            >>> hits = tp.load().referrals_to("buttock")
            >>> ("tp:gluteus-maximus-trp2", "subregion") in {(h.trigger_point, h.match) for h in hits}
            True
        """
        target = self.region(region).id
        wanted = None if zone is None else Zone(zone)
        hits: list[ReferralHit] = []
        for point, referral in self._referral_pairs(target, include_subregions=include_subregions):
            if wanted is None or referral.zone is wanted:
                match: Literal["exact", "subregion"] = "exact" if referral.region == target else "subregion"
                hits.append(ReferralHit(trigger_point=point.id, muscle=point.muscle, referral=referral, match=match))
        hits.sort(key=lambda hit: (hit.match != "exact", self._ix.position[hit.trigger_point], hit.region))
        return tuple(hits)

    def _referral_pairs(
        self, region_id: str, *, include_subregions: bool = True
    ) -> Iterator[tuple[TriggerPoint, Referral]]:
        """(trigger point, referral) pairs naming a region id (and its sub-regions), straight from the index."""
        yield from self._ix.referrals_to.get(region_id, ())
        if include_subregions:
            for inner in self._ix.descendants[region_id]:
                yield from self._ix.referrals_to.get(inner, ())

    def muscles_referring_to(
        self, region: str, *, zone: Zone | str | None = None, include_subregions: bool = True
    ) -> tuple[Muscle, ...]:
        """Return the muscles with a trigger point that refers pain to a region.

        Muscles with an exact match come before those that reach only a
        sub-region; within each group, in dataset order.

        Examples:
            >>> import triggerpoints as tp
            >>> [m.name for m in tp.load().muscles_referring_to("sits bone")]
            ['Gluteus maximus']
        """
        seen: dict[str, Muscle] = {}
        for hit in self.referrals_to(region, zone=zone, include_subregions=include_subregions):
            muscle = self._ix.by_id[hit.muscle]
            assert isinstance(muscle, Muscle)  # noqa: S101 - guaranteed by validation
            seen.setdefault(hit.muscle, muscle)
        return tuple(seen.values())

    # --- relations ------------------------------------------------------------------

    def relations_of(
        self,
        key: str,
        *,
        kind: RelationKind | str | None = None,
        direction: Literal["out", "in", "both"] = "both",
    ) -> tuple[Relation, ...]:
        """Return the relations that touch a muscle (or any of its trigger points).

        Args:
            key: A muscle or trigger point.
            kind: Only relations of this kind.
            direction: ``"out"`` where it drives, ``"in"`` where it is driven.

        Returns:
            Outgoing relations first, then incoming, each in dataset order.

        Examples:
            >>> import triggerpoints as tp
            >>> [r.kind.value for r in tp.load().relations_of("gluteus medius", direction="out", kind="satellite")]
            ['satellite', 'satellite', 'satellite']
        """
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
        wanted = None if kind is None else RelationKind(kind)
        muscle = self._muscle_id(key)
        found: list[Relation] = []
        if direction in ("out", "both"):
            found.extend(self._ix.relations_out.get(muscle, ()))
        if direction in ("in", "both"):
            found.extend(self._ix.relations_in.get(muscle, ()))
        return tuple(relation for relation in found if wanted is None or relation.kind is wanted)

    def satellites_of(self, key: str) -> tuple[Relation, ...]:
        """Return the satellite relations in which a muscle is the primary.

        Examples:
            >>> import triggerpoints as tp
            >>> [tp.load().name_of(r.target) for r in tp.load().satellites_of("QL")][:1]
            ['Gluteus minimus']
        """
        return self.relations_of(key, kind=RelationKind.SATELLITE, direction="out")

    def keys_of(self, key: str) -> tuple[Relation, ...]:
        """Return the relations whose source drives this muscle (key or primary).

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> [atlas.name_of(r.source) for r in atlas.keys_of("piriformis")]
            ['Gluteus medius']
        """
        driving = (RelationKind.KEY, RelationKind.SATELLITE)
        return tuple(relation for relation in self.relations_of(key, direction="in") if relation.kind in driving)

    # --- factors, symptoms, conditions, treatments ----------------------------------

    def _linked(self, key: str, cls: type[_R]) -> tuple[_R, ...]:
        muscle = self.muscle(key).id
        records = {record.id: record for record in self._ix.links.get(muscle, ()) if isinstance(record, cls)}
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
        wanted = None if kind is None else FactorKind(kind)
        found = self._linked(muscle, Factor)
        if include_general:
            seen = {factor.id for factor in found}
            found += tuple(factor for factor in self._dataset.factors if factor.general and factor.id not in seen)
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
            >>> [t.name for t in tp.load().treatments_of("gluteus minimus")][:2]
            ['Pressure release with a ball', 'Ischemic compression / compression inhibition']
        """
        return self._linked(muscle, Treatment)

    def muscles_of(self, key: str) -> tuple[Muscle, ...]:
        """Return the muscles tied to a factor, symptom, condition or treatment.

        Examples:
            >>> import triggerpoints as tp
            >>> [m.name for m in tp.load().muscles_of("sciatica")][:3]
            ['Gluteus minimus', 'Piriformis', 'Quadratus lumborum']
        """
        record = self.lookup(key)
        links = getattr(record, "muscles", None)
        if links is None:
            raise ValueError(f"{record.id!r} is not a factor, symptom, condition or treatment")
        return tuple(dict.fromkeys(self.muscle(link.muscle) for link in links))

    # --- the region hierarchy -------------------------------------------------------

    def children_of(self, region: str) -> tuple[Region, ...]:
        """Return the direct sub-regions of a region, in dataset order.

        Examples:
            >>> import triggerpoints as tp
            >>> [r.id for r in tp.load().children_of("buttock")]
            ['region:upper-buttock', 'region:lower-buttock', 'region:lateral-buttock', 'region:medial-buttock']
        """
        return tuple(self.region(child) for child in self._ix.children.get(self.region(region).id, ()))

    def ancestors_of(self, region: str) -> tuple[Region, ...]:
        """Return the regions that enclose a region, nearest first.

        Examples:
            >>> import triggerpoints as tp
            >>> [r.id for r in tp.load().ancestors_of("sits bone")][:2]
            ['region:lower-buttock', 'region:buttock']
        """
        return tuple(self._ix.by_id[ancestor] for ancestor in self._ix.ancestors[self.region(region).id])  # type: ignore[misc]

    def descendants_of(self, region: str) -> tuple[str, ...]:
        """Return the ids of every region inside a region, depth first.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().descendants_of("lower buttock")
            ('region:ischial-tuberosity',)
        """
        return self._ix.descendants[self.region(region).id]

    def compare_regions(self, region: str, other: str) -> Literal["same", "inside", "around"] | None:
        """Say how ``region`` sits relative to ``other`` in the hierarchy.

        Returns:
            ``"same"``, ``"inside"`` (``region`` lies inside ``other``), ``"around"``
            (``region`` encloses ``other``), or ``None`` when neither holds.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> atlas.compare_regions("sits bone", "buttock"), atlas.compare_regions("buttock", "sits bone")
            ('inside', 'around')
            >>> atlas.compare_regions("sits bone", "calf") is None
            True
        """
        first, second = self.region(region).id, self.region(other).id
        if first == second:
            return "same"
        if second in self._ix.ancestors[first]:
            return "inside"
        if first in self._ix.ancestors[second]:
            return "around"
        return None

    def cautions_for(self, region: str) -> tuple[tuple[str, str], ...]:
        """Return the caution notes that apply to a region: its own and its ancestors'.

        Returns:
            ``(region id, caution)`` pairs, the region's own first.

        Examples:
            >>> import triggerpoints as tp
            >>> [region for region, _ in tp.load().cautions_for("sternum")]
            ['region:chest']
        """
        first = self.region(region)
        return tuple((item.id, item.caution) for item in (first, *self.ancestors_of(first.id)) if item.caution)

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
        if self._graph is None:
            with self._graph_lock:
                if self._graph is None:
                    from triggerpoints import _graph  # noqa: PLC0415 - networkx is imported only here

                    object.__setattr__(self, "_graph", _graph.build(self._dataset, self._ix.display))
        assert self._graph is not None  # noqa: S101
        return self._graph

    def to_dict(self) -> dict[str, Any]:
        """Return the dataset as JSON-ready data (the file format).

        Examples:
            >>> import json, triggerpoints as tp
            >>> data = tp.load().to_dict()
            >>> data["schema_version"], len(json.dumps(data)) > 0
            ('1.0', True)
        """
        from triggerpoints import _dataset  # noqa: PLC0415 - cattrs is imported only when data is read or written

        return _dataset.unstructure(self._dataset)


_PACKAGED: list[Atlas] = []
_PACKAGED_LOCK = threading.Lock()


def load(path: str | Path | None = None, *, extend: bool = False) -> Atlas:
    """Load a dataset and index it.

    With no ``path``, return the packaged atlas: read and validated on the first
    call, then cached (the same object is returned every time, safe to share
    between threads). With a ``path``, read that file afresh on every call.

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
        ValueError: ``extend=True`` without a ``path``.

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
            raise ValueError("extend=True needs the path of a file to extend the packaged data with")
        if not _PACKAGED:
            with _PACKAGED_LOCK:
                if not _PACKAGED:
                    _PACKAGED.append(_packaged_atlas())
        return _PACKAGED[0]
    from triggerpoints import _dataset  # noqa: PLC0415 - cattrs is imported only when data is read or written

    base = load().dataset if extend else None
    return Atlas(_dataset.read(path, base=base), origin=str(path), validated=True)


def _packaged_atlas() -> Atlas:
    """The packaged atlas: from the user cache if this exact data was validated and indexed before."""
    from triggerpoints import _cache  # noqa: PLC0415 - imported on first load, not with the package

    try:
        cache_key: str | None = _cache.key()
    except OSError:
        cache_key = None
    cached = _cache.read(cache_key) if cache_key else None
    if cached is not None:
        return Atlas._from_parts(*cached, origin=_cache.PACKAGED)
    from triggerpoints import _dataset  # noqa: PLC0415 - cattrs is imported only when data is read or written

    atlas = Atlas(_dataset.read_packaged(), origin=_cache.PACKAGED, validated=True)
    if cache_key:
        _cache.write(cache_key, atlas.dataset, atlas._ix)
    return atlas
