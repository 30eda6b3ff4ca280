"""Where trigger points refer pain: the referral queries of the Atlas, and each fact's support.

:class:`ReferralQueries` is the part of :class:`~triggerpoints.Atlas` that follows
referrals (from a trigger point or muscle to regions, from a region back to trigger
points and muscles) and derives the support of facts (see :mod:`triggerpoints._support`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import attrs

from triggerpoints._display import record_repr
from triggerpoints._models import Muscle, MuscleId, Referral, TriggerPoint, Zone
from triggerpoints._records import Lazy, RecordAccess, as_member
from triggerpoints._support import Fact, MinSupport, MinSupportLike, Support, SupportTable, min_support_of
from triggerpoints.exceptions import ArgumentError

__all__ = ["ReferralHit", "ReferralQueries"]


@attrs.frozen(kw_only=True)
class ReferralHit:
    """A trigger point's referral, as a query found it.

    Attributes:
        trigger_point: The trigger point that refers the pain.
        muscle: The muscle it lies in.
        referral: The referral record (region, zone, sources).
        match: ``"exact"`` if the referral names the queried region itself,
            ``"subregion"`` if it names a region inside it.
        support: How well the referral is supported: independent sources, best
            tier, and who split it into essential and spillover.
    """

    __repr__ = record_repr

    trigger_point: str
    muscle: str
    referral: Referral
    match: Literal["exact", "subregion"] = "exact"
    support: Support

    @property
    def region(self) -> str:
        """The region the pain is referred to."""
        return self.referral.region

    @property
    def zone(self) -> Zone:
        """Essential or spillover."""
        return self.referral.zone


class ReferralQueries(RecordAccess):
    """Referral queries and support, read from the indexes.

    Not used on its own: :class:`~triggerpoints.Atlas` is a ``ReferralQueries``.
    """

    __slots__ = ()

    _support: Lazy

    # --- support --------------------------------------------------------------------

    def support_of(self, fact: Fact | ReferralHit | str) -> Support:
        """Return how well a fact is supported, derived from the sources it cites.

        Args:
            fact: A referral (or a :class:`ReferralHit`), a spared region, a relation
                (or its id) or a muscle link of a factor, symptom, condition or
                treatment.

        Returns:
            The number of independent sources (distinct publishers, leaving out
            sources with a concern), the best tier, and for referrals who split
            the zone.

        Raises:
            UnknownIdError: ``fact`` is text that is no record id.
            ArgumentError: ``fact`` is a record that carries no single fact's
                citations (a muscle, a trigger point).

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> support = atlas.support_of(atlas.relations[0])
            >>> support.sources >= 1 and support.split is None
            True
        """
        if isinstance(fact, ReferralHit):
            return fact.support
        if isinstance(fact, str):
            fact = self.get(fact)  # type: ignore[assignment] # checked just below
        if not isinstance(fact, Fact):
            raise ArgumentError("fact", fact, "a referral, spared region, relation or muscle link")
        table: SupportTable = self._support.get(lambda: SupportTable(self.dataset.sources))
        return table.of(fact)

    def _admit(self, needed: MinSupport | None, fact: Fact) -> bool:
        return needed is None or needed.admits(self.support_of(fact))

    def _hit(
        self, point: TriggerPoint, referral: Referral, match: Literal["exact", "subregion"] = "exact"
    ) -> ReferralHit:
        support = self.support_of(referral)
        return ReferralHit(trigger_point=point.id, muscle=point.muscle, referral=referral, match=match, support=support)

    # --- referrals ------------------------------------------------------------------

    def _points(self, key: str) -> tuple[TriggerPoint, ...]:
        """The trigger points a key stands for: one trigger point, or a muscle's."""
        points = self.names.find("trigger_point", key)
        if len(points) == 1:
            return (self.trigger_point(next(iter(points))),)
        return self.indexes.points_of.get(self.muscle_of(key), ())

    def muscle_of(self, key: str) -> MuscleId:
        """Return the id of the muscle a key stands for: the muscle itself, or a trigger point's muscle.

        Args:
            key: A muscle or a trigger point (id, name or alias).

        Raises:
            UnknownIdError: ``key`` names neither a muscle nor a trigger point.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> atlas.muscle_of("tp:gluteus-minimus-anterior"), atlas.muscle_of("glute min")
            ('muscle:gluteus-minimus', 'muscle:gluteus-minimus')
        """
        exact = self.indexes.by_id.get(key) if isinstance(key, str) else None
        if isinstance(exact, Muscle):  # an exact id: the common case inside the library
            return exact.id
        if isinstance(exact, TriggerPoint):
            return exact.muscle
        points = self.names.find("trigger_point", key)
        if len(points) == 1:
            return self.trigger_point(next(iter(points))).muscle
        if not points and not self.names.find("muscle", key):
            raise self.names.unknown("muscle or trigger point", str(key), ("muscle", "trigger_point"))
        return self.muscle(key).id

    def referrals_of(
        self, key: str, *, zone: Zone | str | None = None, min_support: MinSupportLike = None
    ) -> tuple[ReferralHit, ...]:
        """Return where a trigger point, or each trigger point of a muscle, refers pain.

        Args:
            key: A trigger point or a muscle (id, name or alias).
            zone: Only ``"essential"`` or only ``"spillover"`` referrals.
            min_support: Only referrals with at least this support: a number of
                independent sources, a tier (``"peer-reviewed"``), both as
                ``(2, "professional-summary")``, or a ``MinSupport``.

        Returns:
            Referrals in dataset order (trigger point by trigger point).

        Raises:
            ArgumentError: ``zone`` or ``min_support`` is not a valid value.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> hits = atlas.referrals_of("glute max TrP1", zone="essential")
            >>> "region:sacroiliac-joint" in [hit.region for hit in hits], {hit.referral.zone.value for hit in hits}
            (True, {'essential'})
            >>> all(hit.support.sources >= 2 for hit in atlas.referrals_of("glute max", min_support=2))
            True
        """
        wanted = None if zone is None else as_member(Zone, "zone", zone)
        needed = min_support_of(min_support)
        return tuple(
            self._hit(point, referral)
            for point in self._points(key)
            for referral in point.referrals
            if (wanted is None or referral.zone is wanted) and self._admit(needed, referral)
        )

    def referrals_to(
        self,
        region: str,
        *,
        zone: Zone | str | None = None,
        include_subregions: bool = True,
        min_support: MinSupportLike = None,
    ) -> tuple[ReferralHit, ...]:
        """Return the referrals that reach a region (and by default its sub-regions).

        Args:
            region: A region (id, name or alias).
            zone: Only essential or only spillover referrals.
            include_subregions: Also count referrals to regions inside this one
                (asking for the buttock finds referrals to the sits bone).
            min_support: Only referrals with at least this support (see
                :meth:`referrals_of`).

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
        wanted = None if zone is None else as_member(Zone, "zone", zone)
        needed = min_support_of(min_support)
        hits: list[ReferralHit] = []
        for point, referral in self.referral_pairs(target, include_subregions=include_subregions):
            if (wanted is None or referral.zone is wanted) and self._admit(needed, referral):
                match: Literal["exact", "subregion"] = "exact" if referral.region == target else "subregion"
                hits.append(self._hit(point, referral, match))
        hits.sort(key=lambda hit: (hit.match != "exact", self.indexes.position[hit.trigger_point], hit.region))
        return tuple(hits)

    def referral_pairs(
        self, region_id: str, *, include_subregions: bool = True
    ) -> Iterator[tuple[TriggerPoint, Referral]]:
        """Yield the (trigger point, referral) pairs naming a region id, and its sub-regions', from the index.

        The fast path under :meth:`referrals_to` for code that already holds an exact id:
        no name resolution and no result objects; in the order of the index. Filter
        the pairs by support with ``filter_referrals`` (in ``triggerpoints._support``; what ``rank`` uses).

        Raises:
            UnknownIdError: ``region_id`` is not a region id.

        Examples:
            >>> import triggerpoints as tp
            >>> pairs = tp.load().referral_pairs("region:ischial-tuberosity")
            >>> ("tp:gluteus-maximus-trp2", "essential") in [(point.id, ref.zone.value) for point, ref in pairs]
            True
        """
        if region_id not in self.indexes.descendants:
            raise self.names.unknown("region", str(region_id), ("region",))
        return self._pairs(region_id, include_subregions=include_subregions)

    def _pairs(self, region_id: str, *, include_subregions: bool) -> Iterator[tuple[TriggerPoint, Referral]]:
        yield from self.indexes.referrals_to.get(region_id, ())
        if include_subregions:
            for inner in self.indexes.descendants[region_id]:
                yield from self.indexes.referrals_to.get(inner, ())

    def muscles_referring_to(
        self,
        region: str,
        *,
        zone: Zone | str | None = None,
        include_subregions: bool = True,
        min_support: MinSupportLike = None,
    ) -> tuple[Muscle, ...]:
        """Return the muscles with a trigger point that refers pain to a region.

        Muscles with an exact match come before those that reach only a
        sub-region; within each group, in dataset order. With ``min_support``, only
        referrals with at least that support count (see :meth:`referrals_of`).

        Examples:
            >>> import triggerpoints as tp
            >>> "Gluteus maximus" in [m.name for m in tp.load().muscles_referring_to("sits bone")]
            True
        """
        seen: dict[str, Muscle] = {}
        hits = self.referrals_to(region, zone=zone, include_subregions=include_subregions, min_support=min_support)
        for hit in hits:
            muscle = self.indexes.by_id[hit.muscle]
            assert isinstance(muscle, Muscle)  # noqa: S101 - guaranteed by validation
            seen.setdefault(hit.muscle, muscle)
        return tuple(seen.values())
