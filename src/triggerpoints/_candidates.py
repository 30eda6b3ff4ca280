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

__all__ = ["MODEL_VERSION", "AbsentMatch", "Candidate", "FactorMatch", "MatchKind", "Ranking", "RegionMatch"]

#: The version of the ranking model; it changes whenever scores would.
MODEL_VERSION = "1.0"

#: How a referral's region sits relative to the asked-for region.
MatchKind = Specificity


@attrs.frozen(kw_only=True)
class RegionMatch:
    """Evidence: a candidate's trigger point refers pain to a queried region.

    Attributes:
        query: The queried region.
        trigger_point: The trigger point that refers there.
        region: The region its referral names (the query itself, inside it, or around it).
        zone: Essential or spillover.
        match: ``"exact"``, ``"subregion"`` (the referral is inside the queried region)
            or ``"broader"`` (the queried region is inside the referral's).
        probability: The model's chance that this trigger point explains the pain there.
        contribution: ``ln((probability + leak) / leak)``, added to the score.
    """

    query: str
    trigger_point: str
    region: str
    zone: Zone
    match: MatchKind
    probability: float
    contribution: float


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
        names: Display names of every id in the evidence, for explanations.
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

    @property
    def evidence(self) -> tuple[RegionMatch | FactorMatch | AbsentMatch, ...]:
        """Every piece of evidence, in the order the score adds them."""
        return (*self.explained, *self.factors, *self.absent)

    def explain(self) -> str:
        """Return one paragraph of plain text saying why this candidate is here.

        Examples:
            >>> import triggerpoints as tp
            >>> text = tp.rank(["sits bone"])[0].explain()
            >>> print(text[:100])
            Gluteus maximus (score 2.94): its TrP2 trigger point refers pain to the Ischial tuberosity (essentia
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
            "muscle": {"id": self.muscle.id, "name": self.muscle.name},
            "trigger_points": [{"id": p.id, "label": p.label} for p in self.trigger_points],
            "score": self.score,
            "explained": [_match_dict(m) for m in self.explained],
            "unexplained": list(self.unexplained),
            "factors": [attrs.asdict(f) for f in self.factors],
            "absent": [attrs.asdict(a) for a in self.absent],
            "relations": list(self.relations),
            "cautions": [{"region": region, "caution": text} for region, text in self.cautions],
            "explanation": self.explain(),
        }


def _match_words(match: RegionMatch, query: str) -> str:
    if match.match == "exact":
        return "exact"
    if match.match == "subregion":
        return f"inside the {query}"
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
        places: How each pain phrase was resolved.
        regions: The queried regions, deduplicated, in the order first named.
        unresolved: Pain phrases that named no region (only with ``strict=False``).
        activities: The queried activity ids.
        symptoms: The queried symptom ids.
        absent: The regions said to be free of pain.
        cautions: ``(region, caution)`` notes for the queried regions.
        weights: The weights used.
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
            ('1.0', 'muscle:gluteus-maximus')
        """
        return {
            "model_version": self.model_version,
            "regions": list(self.regions),
            "unresolved": list(self.unresolved),
            "activities": list(self.activities),
            "symptoms": list(self.symptoms),
            "absent": list(self.absent),
            "cautions": [{"region": region, "caution": text} for region, text in self.cautions],
            "weights": attrs.asdict(self.weights),
            "candidates": [candidate.to_dict() for candidate in self.candidates],
        }
