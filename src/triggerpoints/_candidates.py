"""What :func:`~triggerpoints.rank` returns: candidates with their evidence, and the ranking.

The model itself is in :mod:`triggerpoints._rank`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, overload

import attrs

from triggerpoints._evidence import Specificity, Weights
from triggerpoints._lookup import Place
from triggerpoints._models import Muscle, TriggerPoint, Zone
from triggerpoints._terms import TermReading

__all__ = [
    "MODEL_VERSION",
    "AbsentMatch",
    "Candidate",
    "FactorMatch",
    "MatchKind",
    "PriorMatch",
    "Ranking",
    "RegionMatch",
    "UnreportedMatch",
]

#: The version of the ranking model; it changes whenever scores would.
MODEL_VERSION = "2.0"

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

    prevalence: str
    region: str
    share: float
    contribution: float


@attrs.frozen(kw_only=True)
class Candidate:
    """A muscle that may be the source of the pain, with why.

    Attributes:
        muscle: The muscle.
        trigger_points: Its trigger points that the evidence names, in dataset order.
        score: The sum of every evidence contribution (see :func:`rank`).
        explained: One match per queried region it explains.
        unexplained: The queried regions it does not explain.
        factors: Queried activities and symptoms tied to it.
        absent: Pain-free regions that count against it.
        relations: Key and satellite relations with other candidates, as sentences.
        cautions: ``(region, caution)`` notes for the queried regions.
        names: Display names of ids, for explanations (every id the evidence shows is among them).
        rank: The candidate's place, shared by candidates with equal scores ("competition"
            ranking: 1, 2, 2, 4); within a tie the order is by name and id, which is
            not evidence.
        tied: Whether another candidate has the same score.
        priors: Prevalence evidence (only with a ``prior`` weight above 0).
        unreported: Essential zones of its explaining trigger points that no queried
            region reaches.
    """

    muscle: Muscle
    trigger_points: tuple[TriggerPoint, ...]
    score: float
    explained: tuple[RegionMatch, ...]
    unexplained: tuple[str, ...]
    factors: tuple[FactorMatch, ...]
    absent: tuple[AbsentMatch, ...]
    relations: tuple[str, ...] = ()
    cautions: tuple[tuple[str, str], ...] = ()
    names: Mapping[str, str] = attrs.field(factory=lambda: MappingProxyType({}), eq=False, repr=False)
    rank: int = 1
    tied: bool = False
    priors: tuple[PriorMatch, ...] = ()
    unreported: tuple[UnreportedMatch, ...] = ()

    @property
    def place(self) -> str:
        """The rank as text: ``"3"``, or ``"=3"`` when tied.

        Examples:
            >>> import triggerpoints as tp
            >>> [c.place for c in tp.rank("sits bone")][:2]
            ['1', '=2']
        """
        return f"={self.rank}" if self.tied else str(self.rank)

    @property
    def evidence(self) -> tuple[RegionMatch | FactorMatch | AbsentMatch | UnreportedMatch | PriorMatch, ...]:
        """Every piece of evidence, in the order the score adds them."""
        return (*self.explained, *self.factors, *self.absent, *self.unreported, *self.priors)

    def explain(self) -> str:
        """Return one paragraph of plain text saying why this candidate is here.

        Examples:
            >>> import triggerpoints as tp
            >>> text = tp.rank(["sits bone"])[0].explain()
            >>> print(text[:100])
            Gluteus maximus (score 2.76): its TrP2 trigger point refers pain to the Ischial tuberosity (essentia
        """
        name = self.names.get
        parts = [f"{self.muscle.name} (score {self.score:.2f}):"]
        matches = [
            f"its {name(m.trigger_point, m.trigger_point).removeprefix(self.muscle.name + ' ')} trigger point refers "
            f"pain to the {name(m.region, m.region)} ({m.zone.value}, {_match_words(m, name(m.query, m.query))})"
            for m in self.explained
        ]
        parts.append("; ".join(matches) + "." if matches else "it explains none of the queried regions.")
        if self.unexplained:
            parts.append(f"It does not explain: {', '.join(name(q, q) for q in self.unexplained)}.")
        if self.factors:
            parts.append(f"Fits the {', '.join(f'{f.kind} {name(f.factor, f.factor)}' for f in self.factors)}.")
        if self.absent:
            parts.append(f"Against it: {', '.join(name(a.query, a.query) for a in self.absent)} is free of pain.")
        if self.unreported:
            regions = ", ".join(dict.fromkeys(name(u.region, u.region) for u in self.unreported))
            parts.append(f"Not reported, though essential in its pattern: {regions}.")
        parts.extend(
            f"Prior: a study found trigger points in it in {p.share:.0%} of the people with pain there "
            f"({name(p.prevalence, p.prevalence)})."
            for p in self.priors
        )
        parts.extend(f"{sentence[0].upper()}{sentence[1:]}." for sentence in self.relations)
        parts.extend(f"Caution ({name(region, region)}): {text}" for region, text in self.cautions)
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Return the candidate as JSON-ready data.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.rank(["sits bone"])[0].to_dict()["muscle"]
            {'id': 'muscle:gluteus-maximus', 'name': 'Gluteus maximus'}
        """
        return {
            "rank": self.rank,
            "tied": self.tied,
            "muscle": {"id": self.muscle.id, "name": self.muscle.name},
            "trigger_points": [{"id": p.id, "label": p.label} for p in self.trigger_points],
            "score": self.score,
            "explained": [_match_dict(m) for m in self.explained],
            "unexplained": list(self.unexplained),
            "factors": [attrs.asdict(f) for f in self.factors],
            "absent": [attrs.asdict(a) for a in self.absent],
            "relations": list(self.relations),
            "cautions": [{"region": region, "caution": text} for region, text in self.cautions],
            "unreported": [attrs.asdict(u) for u in self.unreported],
            "priors": [attrs.asdict(p) for p in self.priors],
            "explanation": self.explain(),
        }


def _match_words(match: RegionMatch, query: str) -> str:
    if match.match == "exact":
        return "exact"
    if match.match == "subregion":
        return f"inside the {query}"
    if match.match == "overlap":
        return f"overlapping the {query}"
    return f"around the {query}"


def _match_dict(match: RegionMatch) -> dict[str, Any]:
    result = attrs.asdict(match)
    result["zone"] = match.zone.value
    return result


@attrs.frozen(kw_only=True)
class Ranking(Sequence[Candidate]):
    """The result of :func:`rank`: candidates best first, and what was asked.

    A sequence of :class:`Candidate`; also carries the resolved query.

    Attributes:
        candidates: Best first.
        places: How each pain phrase was read (see :class:`Place`).
        regions: The queried regions, deduplicated, in the order first named.
        unresolved: Phrases (pain, activities, symptoms) that named nothing (only with
            ``strict=False``).
        activities: The queried activity ids.
        symptoms: The queried symptom ids.
        absent: The regions said to be free of pain.
        cautions: ``(region, caution)`` notes for the queried regions.
        weights: The weights used.
        notes: What the reader of the ranking must know: the readings' warnings (the
            whole body, a broad area), and why queried regions are explained by no
            candidate (so an empty ranking always says why).
        terms: How each activity and symptom phrase was read.
        model_version: The ranking model's version.
    """

    candidates: tuple[Candidate, ...]
    places: tuple[Place, ...]
    regions: tuple[str, ...]
    unresolved: tuple[str, ...]
    activities: tuple[str, ...]
    symptoms: tuple[str, ...]
    absent: tuple[str, ...]
    cautions: tuple[tuple[str, str], ...]
    weights: Weights
    notes: tuple[str, ...] = ()
    terms: tuple[TermReading, ...] = ()
    model_version: str = MODEL_VERSION

    def __len__(self) -> int:
        return len(self.candidates)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Candidate, ...]: ...

    def __getitem__(self, index: int | slice) -> Candidate | tuple[Candidate, ...]:
        return self.candidates[index]

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def to_dict(self) -> dict[str, Any]:
        """Return the ranking as JSON-ready data.

        Examples:
            >>> import json, triggerpoints as tp
            >>> data = json.loads(json.dumps(tp.rank(["sits bone"]).to_dict()))
            >>> data["model_version"], data["candidates"][0]["muscle"]["id"]
            ('2.0', 'muscle:gluteus-maximus')
            >>> data["readings"][0]["text"]
            "read 'sits bone' as Ischial tuberosity"
        """
        return {
            "model_version": self.model_version,
            "readings": [place.to_dict() for place in self.places],
            "terms": [term.to_dict() for term in self.terms],
            "notes": list(self.notes),
            "regions": list(self.regions),
            "unresolved": list(self.unresolved),
            "activities": list(self.activities),
            "symptoms": list(self.symptoms),
            "absent": list(self.absent),
            "cautions": [{"region": region, "caution": text} for region, text in self.cautions],
            "weights": attrs.asdict(self.weights),
            "candidates": [candidate.to_dict() for candidate in self.candidates],
        }
