"""The evidence a candidate of :func:`~triggerpoints.rank` carries: one small record per fact.

Each match holds ids, never records (the candidate's ``names`` give their display names).
"""

from __future__ import annotations

from typing import Literal

import attrs

from triggerpoints._display import record_repr
from triggerpoints._evidence import Specificity
from triggerpoints._models import Zone

__all__ = [
    "AbsentMatch",
    "FactorMatch",
    "MatchKind",
    "PriorMatch",
    "RegionMatch",
    "RelationMatch",
    "UnreportedMatch",
]

#: How a referral's region sits relative to the asked-for region.
MatchKind = Specificity


@attrs.frozen(kw_only=True)
class RegionMatch:
    """Evidence: a candidate's trigger point refers pain to a queried region.

    Attributes:
        query: The queried region.
        trigger_point: The trigger point that refers there.
        region: The region its referral names (the query itself, inside it, around it,
            or overlapping it on the body).
        zone: Essential or spillover.
        match: ``"exact"``, ``"subregion"`` (the referral is inside the queried region),
            ``"broader"`` (the queried region is inside the referral's) or ``"overlap"``
            (the two lie in different branches of the region tree but share area on
            the body maps).
        probability: The model's chance that this trigger point explains the pain there.
        contribution: ``ln((probability + leak) / leak)``, added to the score.
        coverage: The share of the queried region's area that the candidate's referral
            zones cover (spillover zones counted at the ``spillover`` weight); 1 where
            the body maps do not know the region.
    """

    __repr__ = record_repr

    query: str
    trigger_point: str
    region: str
    zone: Zone
    match: MatchKind
    probability: float
    contribution: float
    coverage: float = 1.0


@attrs.frozen(kw_only=True)
class FactorMatch:
    """Evidence: a queried activity or symptom is tied to the candidate.

    Attributes:
        factor: The factor or symptom id.
        kind: ``"activity"`` or ``"symptom"``.
        contribution: ``ln(activity_lr)`` or ``ln(symptom_lr)``, added to the score.
    """

    __repr__ = record_repr

    factor: str
    kind: Literal["activity", "symptom"]
    contribution: float


@attrs.frozen(kw_only=True)
class AbsentMatch:
    """Evidence against: a region said to be pain-free lies in an essential zone.

    Attributes:
        query: The region said to be free of pain.
        trigger_point: The trigger point whose essential zone reaches it.
        region: The region its referral names.
        probability: The chance the pain should have been there.
        contribution: ``ln(1 - absent_weight * probability)``, a negative number.
    """

    __repr__ = record_repr

    query: str
    trigger_point: str
    region: str
    probability: float
    contribution: float


@attrs.frozen(kw_only=True)
class UnreportedMatch:
    """Evidence against: an essential zone of a trigger point that explains the pain was not reported.

    Attributes:
        trigger_point: A trigger point the candidate's explained matches name.
        region: Its essential zone's region, which explains none of the queried regions.
        contribution: ``ln(1 - unreported * sensitivity * essential)``, a negative number.
    """

    __repr__ = record_repr

    trigger_point: str
    region: str
    contribution: float


@attrs.frozen(kw_only=True)
class PriorMatch:
    """Evidence: a study found active trigger points in the muscle in people with the complaint.

    Attributes:
        prevalence: The prevalence record's id.
        region: The queried region the study's complaint covers.
        share: The share of the study's people with active trigger points in the muscle.
        contribution: ``prior * ln(1 + share)``, added to the score (see :func:`rank`).
    """

    __repr__ = record_repr

    prevalence: str
    region: str
    share: float
    contribution: float


@attrs.frozen(kw_only=True)
class RelationMatch:
    """Advice: a key or satellite relation joins the candidate with another candidate.

    Attributes:
        relation: The relation's id.
        kind: ``"satellite"`` (the target's trigger points lie in the source's referral
            zone) or ``"key"`` (the source keeps the target's trigger points active).
        source: The muscle or trigger point to treat first.
        target: The other end: a muscle or trigger point of another candidate.
        text: The advice in words.
    """

    __repr__ = record_repr

    relation: str
    kind: Literal["satellite", "key"]
    source: str
    target: str
    text: str
