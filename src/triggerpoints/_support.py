"""How well a fact is supported: independent sources, the best tier, who split the zone.

A fact's support is derived from its citations, never stored: the sources it cites are
grouped by publisher (:meth:`~triggerpoints._sources.Source.publisher_name`; two pages of
one site are one publisher), sources with a concern (not found, spam, mirror, content
farm) are left out, and what remains gives the number of independent sources and the
best :class:`~triggerpoints.SourceTier`. For a referral, the support also says whether a
source or the curator split it into essential and spillover (:attr:`Referral.split`).

:class:`MinSupport` is the filter that queries take as ``min_support=``: a number of
independent sources, a tier, or both. :func:`filter_referrals` applies it to
(trigger point, referral) pairs, for code that walks referrals itself (ranking).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol, TypeAlias, TypeVar

import attrs

from triggerpoints._display import record_repr
from triggerpoints._enums import SourceTier, SplitOrigin
from triggerpoints._models import Link, Referral, Relation, Spared
from triggerpoints._sources import Source
from triggerpoints.exceptions import ArgumentError

__all__ = [
    "Fact",
    "MinSupport",
    "MinSupportLike",
    "Support",
    "SupportTable",
    "filter_referrals",
    "min_support_of",
]

#: A fact whose support can be asked for.
Fact: TypeAlias = Referral | Relation | Link | Spared

_P = TypeVar("_P")


@attrs.frozen(kw_only=True)
class Support:
    """How well one fact is supported, derived from the sources it cites.

    Attributes:
        sources: Independent sources: the distinct publishers among the cited sources
            that have no concern.
        tier: The best tier among those sources; ``None`` when none counts.
        split: For a referral, who made it essential or spillover (a source or the
            curator); ``None`` for other facts.
        publishers: The publishers counted, sorted.
        weak: The cited sources left out because they carry a concern (not found,
            spam, mirror, content farm), in citation order.

    Examples:
        >>> import triggerpoints as tp
        >>> atlas = tp.load()
        >>> hit = atlas.referrals_of("glute max TrP1")[0]
        >>> hit.support.sources >= 1, hit.support.tier is not None
        (True, True)
    """

    __repr__ = record_repr

    sources: int
    tier: SourceTier | None
    split: SplitOrigin | None = None
    publishers: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()

    def __str__(self) -> str:
        """``"2 sources, best textbook"``, with ``"; split by the curator"`` where so."""
        count = f"{self.sources} source{'' if self.sources == 1 else 's'}"
        text = f"{count}, best {self.tier.value}" if self.tier is not None else count
        return text + ("; split by the curator" if self.split is SplitOrigin.CURATOR else "")


@attrs.frozen(kw_only=True)
class MinSupport:
    """The least support a fact needs to pass a ``min_support=`` filter.

    Attributes:
        sources: At least this many independent sources (distinct publishers).
        tier: A best tier at least this good (``"professional-summary"`` admits
            textbooks, peer-reviewed articles and professional summaries), or
            ``None`` for any tier.

    Examples:
        >>> from triggerpoints._support import MinSupport, Support
        >>> from triggerpoints._enums import SourceTier
        >>> needed = MinSupport(sources=2, tier=SourceTier.PROFESSIONAL_SUMMARY)
        >>> needed.admits(Support(sources=2, tier=SourceTier.TEXTBOOK))
        True
        >>> needed.admits(Support(sources=3, tier=SourceTier.PRACTITIONER))
        False
    """

    sources: int = 1
    tier: SourceTier | None = None

    def __repr__(self) -> str:
        return f"MinSupport(sources={self.sources!r}, tier={self.tier!r})"

    def admits(self, support: Support) -> bool:
        """Return whether ``support`` is at least this."""
        if support.sources < self.sources:
            return False
        if self.tier is None:
            return True
        return support.tier is not None and support.tier.rank <= self.tier.rank


#: What ``min_support=`` accepts: a number of independent sources, a tier (a
#: :class:`~triggerpoints.SourceTier` or its text), both as ``(count, tier)``, a
#: :class:`MinSupport`, or ``None`` for no filter.
MinSupportLike: TypeAlias = int | str | SourceTier | tuple[int, "str | SourceTier"] | MinSupport | None

_EXPECTED = (
    "a whole number of independent sources (0 or more), a tier ("
    + ", ".join(repr(tier.value) for tier in SourceTier)
    + "), a (count, tier) pair, a MinSupport, or None"
)


def min_support_of(value: MinSupportLike) -> MinSupport | None:
    """Read a ``min_support=`` argument.

    Args:
        value: See :data:`MinSupportLike`.

    Returns:
        The filter, or ``None`` when ``value`` is ``None`` (no filter).

    Raises:
        ArgumentError: ``value`` is none of the accepted forms.

    Examples:
        >>> from triggerpoints._support import min_support_of
        >>> min_support_of(2)
        MinSupport(sources=2, tier=None)
        >>> min_support_of((2, "peer-reviewed")).tier.value
        'peer-reviewed'
    """
    if value is None or isinstance(value, MinSupport):
        return value
    if isinstance(value, tuple) and len(value) == 2 and _is_count(value[0]):
        tier = _tier(value[1])
        if tier is not None:
            return MinSupport(sources=value[0], tier=tier)
    elif _is_count(value):
        assert isinstance(value, int)  # noqa: S101 - narrowed by _is_count
        return MinSupport(sources=value)
    else:
        tier = _tier(value)
        if tier is not None:
            return MinSupport(sources=0, tier=tier)
    raise ArgumentError("min_support", value, _EXPECTED)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _tier(value: object) -> SourceTier | None:
    if isinstance(value, SourceTier):
        return value
    if isinstance(value, str):
        try:
            return SourceTier(value.strip().lower().replace(" ", "-"))
        except ValueError:
            return None
    return None


class SupportTable:
    """The support of facts in one dataset, derived from its sources.

    Made once per atlas (see :meth:`~triggerpoints.Atlas.support_of`); facts that cite
    the same sources share one :class:`Support`, computed on first use.

    Args:
        sources: Every source of the dataset.
    """

    __slots__ = ("_known", "_memo")

    def __init__(self, sources: Iterable[Source]) -> None:
        self._known: Mapping[str, tuple[str, SourceTier, bool]] = {
            source.id: (source.publisher_name(), source.tier, source.concern is not None) for source in sources
        }
        self._memo: dict[tuple[tuple[str, ...], SplitOrigin | None], Support] = {}

    def of(self, fact: Fact) -> Support:
        """Return the support of one fact (a referral, spared region, relation or link)."""
        split = fact.split if isinstance(fact, Referral) else None
        key = (fact.sources, split)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._derive(fact.sources, split)
        return found

    def _derive(self, cited: tuple[str, ...], split: SplitOrigin | None) -> Support:
        publishers: dict[str, str] = {}
        best: SourceTier | None = None
        weak: list[str] = []
        for source_id in cited:
            publisher, tier, flagged = self._known[source_id]
            if flagged:
                weak.append(source_id)
                continue
            publishers.setdefault(publisher.casefold(), publisher)
            if best is None or tier.rank < best.rank:
                best = tier
        return Support(
            sources=len(publishers),
            tier=best,
            split=split,
            publishers=tuple(sorted(publishers.values(), key=str.casefold)),
            weak=tuple(weak),
        )


class _HasSupport(Protocol):
    def support_of(self, fact: Fact) -> Support: ...  # pragma: no cover - a protocol


def filter_referrals(
    atlas: _HasSupport, pairs: Iterable[tuple[_P, Referral]], min_support: MinSupportLike
) -> tuple[tuple[_P, Referral], ...]:
    """Keep the (trigger point, referral) pairs whose referral has at least ``min_support``.

    For code that walks referrals itself (ranking, tracing); the atlas's queries take
    ``min_support=`` directly.

    Args:
        atlas: The atlas the referrals belong to (anything with ``support_of``).
        pairs: ``(trigger point, referral)`` pairs, as
            :meth:`~triggerpoints.Atlas.referral_pairs` gives them.
        min_support: See :data:`MinSupportLike`; ``None`` keeps every pair.

    Returns:
        The pairs that pass, in their order.

    Raises:
        ArgumentError: ``min_support`` is not a valid filter (checked first, even when
            there are no pairs).

    Examples:
        >>> import triggerpoints as tp
        >>> from triggerpoints._support import filter_referrals
        >>> atlas = tp.load()
        >>> pairs = list(atlas.referral_pairs("region:buttock"))
        >>> len(filter_referrals(atlas, pairs, 2)) <= len(pairs)
        True
    """
    needed = min_support_of(min_support)
    if needed is None:
        return tuple(pairs)
    return tuple(pair for pair in pairs if needed.admits(atlas.support_of(pair[1])))
