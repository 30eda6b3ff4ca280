"""What :func:`~triggerpoints.rank` returns: candidates with their evidence, and the ranking.

The model itself is in :mod:`triggerpoints._rank`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, cast, overload

import attrs

from triggerpoints._display import (
    brief,
    caution_dicts,
    cautions_html,
    cut,
    escape,
    html_table,
    names_of,
)
from triggerpoints._evidence import Weights
from triggerpoints._lookup import Place
from triggerpoints._matches import (
    AbsentMatch,
    FactorMatch,
    PriorMatch,
    RegionMatch,
    RelationMatch,
    UnreportedMatch,
)
from triggerpoints._models import Muscle, TriggerPoint
from triggerpoints._terms import TermReading

if TYPE_CHECKING:
    from triggerpoints._shapes import (
        AbsentMatchDict,
        CandidateDict,
        FactorMatchDict,
        PriorMatchDict,
        RankingDict,
        RegionMatchDict,
        RelationNoteDict,
        UnreportedMatchDict,
        WeightsDict,
    )

__all__ = ["MODEL_VERSION", "Candidate", "Ranking"]

#: The version of the ranking model; it changes whenever scores would.
MODEL_VERSION = "2.0"


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
        relations: Key and satellite relations with other candidates, with their advice.
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
    relations: tuple[RelationMatch, ...] = ()
    cautions: tuple[tuple[str, str], ...] = ()
    names: Mapping[str, str] = attrs.field(factory=lambda: MappingProxyType({}), eq=False, repr=False)
    rank: int = 1
    tied: bool = False
    priors: tuple[PriorMatch, ...] = ()
    unreported: tuple[UnreportedMatch, ...] = ()

    @property
    def place(self) -> str:
        """The rank as text (``"3"``, or ``"=3"`` when tied).

        Examples:
            >>> import triggerpoints as tp
            >>> ranking = tp.rank("sits bone")
            >>> ranking[0].place.lstrip("="), all(c.place.startswith("=") == c.tied for c in ranking)
            ('1', True)
        """
        return f"={self.rank}" if self.tied else str(self.rank)

    @property
    def evidence(self) -> tuple[RegionMatch | FactorMatch | AbsentMatch | UnreportedMatch | PriorMatch, ...]:
        """Every piece of evidence, in the order the score adds them."""
        return (*self.explained, *self.factors, *self.absent, *self.unreported, *self.priors)

    def __repr__(self) -> str:
        name = self.names.get(self.muscle.id, self.muscle.name)
        return (
            f"Candidate(place={self.place!r}, muscle={self.muscle.id!r}, name={brief(name)}, "
            f"score={self.score:.2f}, explains={len(self.explained)}/{len(self.explained) + len(self.unexplained)}, "
            f"evidence={len(self.evidence)})"
        )

    def _repr_html_(self) -> str:
        """The candidate as an HTML table, for notebooks."""
        return _candidates_html((self,), caption=f"Candidate {escape(self.place)}") + cautions_html(
            self.cautions, self.names
        )

    def explain(self, *, cautions: bool = True) -> str:
        """Return one paragraph of plain text saying why this candidate is here.

        Args:
            cautions: Whether to end with the caution notes of the queried regions
                (leave them out where they are shown once for every candidate, as the
                command line does).

        Examples:
            >>> import triggerpoints as tp
            >>> ranking = tp.rank(["sits bone"])
            >>> text = next(c for c in ranking if c.muscle.name == "Gluteus maximus").explain()
            >>> text.startswith("Gluteus maximus (score "), "refers pain to the" in text, "Ischial tuberosity" in text
            (True, True, True)
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
        parts.extend(f"{r.text[0].upper()}{r.text[1:]}." for r in self.relations)
        if cautions:
            parts.extend(f"Caution ({name(region, region)}): {text}" for region, text in self.cautions)
        return " ".join(parts)

    def to_dict(self) -> CandidateDict:
        """Return the candidate as JSON-ready data, with its cautions and the names of the ids it shows.

        Relations come as their kind, their two ends by id and the advice in words.
        Inside :meth:`Ranking.to_dict` the cautions and names are given once for all
        candidates instead.

        Examples:
            >>> import triggerpoints as tp
            >>> ranking = tp.rank(["sits bone"])
            >>> data = ranking[0].to_dict()
            >>> data["muscle"] == {"id": ranking[0].muscle.id, "name": ranking[0].muscle.name}
            True
            >>> data["names"]["region:ischial-tuberosity"]
            'Ischial tuberosity'
        """
        data = self._core(cautions=True)
        data["cautions"] = caution_dicts(self.cautions, self.names)
        data["names"] = names_of(self.ids(), self.names)
        return data

    def _core(self, *, cautions: bool) -> CandidateDict:
        name = self.names.get
        return {
            "rank": self.rank,
            "tied": self.tied,
            "place": self.place,
            "muscle": {"id": self.muscle.id, "name": self.muscle.name},
            "trigger_points": [{"id": p.id, "label": p.label, "name": name(p.id, p.id)} for p in self.trigger_points],
            "score": self.score,
            "explained": [_match_dict(m) for m in self.explained],
            "unexplained": list(self.unexplained),
            "factors": [cast("FactorMatchDict", attrs.asdict(f)) for f in self.factors],
            "absent": [cast("AbsentMatchDict", attrs.asdict(a)) for a in self.absent],
            "unreported": [cast("UnreportedMatchDict", attrs.asdict(u)) for u in self.unreported],
            "priors": [cast("PriorMatchDict", attrs.asdict(p)) for p in self.priors],
            "relations": [cast("RelationNoteDict", attrs.asdict(r)) for r in self.relations],
            "explanation": self.explain(cautions=cautions),
        }

    def ids(self) -> tuple[str, ...]:
        """Every record id the candidate's evidence, relations and cautions name, each once.

        Examples:
            >>> import triggerpoints as tp
            >>> candidate = tp.rank(["sits bone"])[0]
            >>> candidate.ids()[0] == candidate.muscle.id, "region:ischial-tuberosity" in candidate.ids()
            (True, True)
        """
        found = [self.muscle.id, *(p.id for p in self.trigger_points), *self.unexplained]
        for item in self.evidence:
            found += [getattr(item, key) for key in _ID_FIELDS if hasattr(item, key)]
        found += [end for r in self.relations for end in (r.source, r.target)]
        found += [region for region, _ in self.cautions]
        return tuple(dict.fromkeys(found))


def _match_words(match: RegionMatch, query: str) -> str:
    if match.match == "exact":
        return "exact"
    if match.match == "subregion":
        return f"inside the {query}"
    if match.match == "overlap":
        return f"overlapping the {query}"
    return f"around the {query}"


def _match_dict(match: RegionMatch) -> RegionMatchDict:
    result = attrs.asdict(match)
    result["zone"] = match.zone.value
    return cast("RegionMatchDict", result)


_ID_FIELDS = ("query", "trigger_point", "region", "factor", "prevalence")


def _candidates_html(candidates: Sequence[Candidate], *, caption: str = "") -> str:
    rows = [
        (
            escape(c.place),
            f"{escape(c.muscle.name)}<br><small>{escape(c.muscle.id)}</small>",
            f"{c.score:.2f}",
            escape(c.explain(cautions=False)),
        )
        for c in candidates
    ]
    return html_table(rows, header=("rank", "muscle", "score", "why"), caption=caption)


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
        names: Display names of the ids the ranking shows (the candidates', readings'
            and terms' names are used as well).
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
    names: Mapping[str, str] = attrs.field(factory=lambda: MappingProxyType({}), eq=False, repr=False)

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

    def __repr__(self) -> str:
        read = "; ".join(cut(place.describe(), 60) for place in self.places[:3])
        read += "; ..." if len(self.places) > 3 else ""
        top = ", ".join(f"{c.place} {cut(c.muscle.name, 24)} {c.score:.2f}" for c in self.candidates[:3])
        more = ", ..." if len(self.candidates) > 3 else ""
        return (
            f"Ranking({read}; {len(self.candidates)} candidates: {top}{more}; "
            f"cautions={len(self.cautions)}, model_version={self.model_version!r})"
        )

    def _repr_html_(self) -> str:
        """The ranking as HTML, for notebooks: the readings, the candidates, then the cautions and notes once."""
        names = self._names()
        readings = "".join(f"<li>{escape(text)}</li>" for text in self._readings())
        notes = "".join(f"<p>Note: {escape(note)}</p>" for note in self.notes)
        return (
            f"<ul>{readings}</ul>"
            + _candidates_html(self.candidates, caption=f"Ranking (model {escape(self.model_version)})")
            + cautions_html(self.cautions, names)
            + notes
            + "<p><i>Reference information, not a diagnosis.</i></p>"
        )

    def _readings(self) -> list[str]:
        return [
            *(place.describe() for place in self.places),
            *(term.describe() for term in self.terms),
            *(f"read nothing in {phrase!r}" for phrase in self.unresolved),
        ]

    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        parts: tuple[Place | TermReading | Candidate, ...] = (*self.places, *self.terms, *self.candidates[:1])
        for part in parts:
            names.update(part.names)
        names.update(self.names)
        return names

    def to_dict(self) -> RankingDict:
        """Return the ranking as JSON-ready data: what ``triggerpoints rank --json`` prints.

        The readings of the phrases, the model's version and weights, the cautions
        once, the candidates best first, and ``names``: the display name of every id
        that the ranking shows. Its JSON Schema is ``json_schema("ranking")``.

        Examples:
            >>> import json, triggerpoints as tp
            >>> data = json.loads(json.dumps(tp.rank(["sits bone"]).to_dict()))
            >>> data["model_version"], "muscle:gluteus-maximus" in [c["muscle"]["id"] for c in data["candidates"][:3]]
            ('2.0', True)
            >>> data["readings"][0]["text"]
            "read 'sits bone' as Ischial tuberosity"
            >>> data["names"]["region:ischial-tuberosity"]
            'Ischial tuberosity'
        """
        names = self._names()
        ids = [*self.regions, *self.absent, *self.activities, *self.symptoms, *(r for r, _ in self.cautions)]
        ids += [key for place in self.places for key in (*place.regions, *place.absent)]
        ids += [key for candidate in self.candidates for key in candidate.ids()]
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
            "cautions": caution_dicts(self.cautions, names),
            "weights": cast("WeightsDict", attrs.asdict(self.weights)),
            "candidates": [candidate._core(cautions=False) for candidate in self.candidates],
            "names": names_of(ids, names),
        }
