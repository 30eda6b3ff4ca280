"""The shapes of the JSON-ready data that results turn into: typed dictionaries.

Each ``to_dict`` of a result returns one of these (:meth:`Ranking.to_dict
<triggerpoints.Ranking.to_dict>` a :class:`RankingDict`, ...), so a type checker and a
web framework know every key; the JSON Schema shipped in the package
(``data/schemas/results.schema.json``, see :func:`~triggerpoints.json_schema`) says
the same for other languages, and a test checks that the two agree.

Ids are kept as ids; a ``names`` mapping beside them gives each id's display name.
"""

from __future__ import annotations

from typing import Literal, TypedDict, Union

__all__ = [
    "AbsentMatchDict",
    "CandidateDict",
    "CautionDict",
    "CoverageDict",
    "CoverageRowDict",
    "FactorMatchDict",
    "GapDict",
    "JSONValue",
    "NamedDict",
    "PathDict",
    "PlaceDict",
    "PriorMatchDict",
    "RankingDict",
    "RegionMatchDict",
    "RelationNoteDict",
    "StepDict",
    "SupportRowDict",
    "TermReadingDict",
    "TriggerPointNameDict",
    "UnreportedMatchDict",
    "WeightsDict",
]

#: Any JSON value, as :func:`json.loads` returns it.
JSONValue = Union[str, int, float, bool, None, list["JSONValue"], dict[str, "JSONValue"]]  # noqa: UP007 - a recursive alias must stay a Union at run time on Python 3.10


class NamedDict(TypedDict):
    """A record named by its id and display name."""

    id: str
    name: str


class TriggerPointNameDict(TypedDict):
    """A trigger point: its id, its label and its display name (muscle and label)."""

    id: str
    label: str
    name: str


class CautionDict(TypedDict):
    """A caution note for a queried region (or a region enclosing it)."""

    region: str
    region_name: str
    caution: str


class PlaceDict(TypedDict):
    """How one pain phrase was read (:meth:`Place.to_dict <triggerpoints.Place.to_dict>`)."""

    phrase: str
    regions: list[str]
    side: Literal["left", "right", "both"] | None
    absent: list[str]
    used: list[str]
    ignored: list[str]
    warnings: list[str]
    text: str
    names: dict[str, str]


class TermReadingDict(TypedDict):
    """How one activity or symptom phrase was read."""

    phrase: str
    kind: Literal["activity", "symptom"]
    ids: list[str]
    how: Literal["name", "beginning", "words"]
    text: str
    names: dict[str, str]


class RegionMatchDict(TypedDict):
    """Evidence: a trigger point refers pain to a queried region (see :class:`~triggerpoints.RegionMatch`)."""

    query: str
    trigger_point: str
    region: str
    zone: Literal["essential", "spillover"]
    match: Literal["exact", "subregion", "broader", "overlap"]
    probability: float
    contribution: float
    coverage: float


class FactorMatchDict(TypedDict):
    """Evidence: a queried activity or symptom is tied to the muscle."""

    factor: str
    kind: Literal["activity", "symptom"]
    contribution: float


class AbsentMatchDict(TypedDict):
    """Evidence against: a region said to be free of pain lies in an essential zone."""

    query: str
    trigger_point: str
    region: str
    probability: float
    contribution: float


class UnreportedMatchDict(TypedDict):
    """Evidence against: an essential zone that no queried region reaches."""

    trigger_point: str
    region: str
    contribution: float


class PriorMatchDict(TypedDict):
    """Evidence: a study found trigger points in the muscle in people with the complaint."""

    prevalence: str
    region: str
    share: float
    contribution: float


class RelationNoteDict(TypedDict):
    """A key or satellite relation between two candidates: its id, its kind, its two ends by id, and the advice."""

    relation: str
    kind: Literal["satellite", "key"]
    source: str
    target: str
    text: str


class _CandidateCore(TypedDict):
    rank: int
    tied: bool
    place: str
    muscle: NamedDict
    trigger_points: list[TriggerPointNameDict]
    score: float
    explained: list[RegionMatchDict]
    unexplained: list[str]
    factors: list[FactorMatchDict]
    absent: list[AbsentMatchDict]
    unreported: list[UnreportedMatchDict]
    priors: list[PriorMatchDict]
    relations: list[RelationNoteDict]
    explanation: str


class CandidateDict(_CandidateCore, total=False):
    """A candidate (:meth:`Candidate.to_dict <triggerpoints.Candidate.to_dict>`).

    On its own it carries ``cautions`` and ``names``; inside a :class:`RankingDict`,
    which carries both once for every candidate, it does not.
    """

    cautions: list[CautionDict]
    names: dict[str, str]


class WeightsDict(TypedDict):
    """The weights a ranking used (see :class:`~triggerpoints.Weights`)."""

    essential: float
    spillover: float
    exact: float
    subregion: float
    broader: float
    overlap: float
    least_overlap: float
    coverage: float
    sensitivity: float
    leak: float
    activity_lr: float
    symptom_lr: float
    absent_weight: float
    unreported: float
    prior: float


class RankingDict(TypedDict):
    """A ranking (:meth:`Ranking.to_dict <triggerpoints.Ranking.to_dict>`), what ``rank --json`` prints."""

    model_version: str
    readings: list[PlaceDict]
    terms: list[TermReadingDict]
    notes: list[str]
    regions: list[str]
    unresolved: list[str]
    activities: list[str]
    symptoms: list[str]
    absent: list[str]
    cautions: list[CautionDict]
    weights: WeightsDict
    candidates: list[CandidateDict]
    names: dict[str, str]


class StepDict(TypedDict):
    """One step of a traced path."""

    kind: Literal["satellite", "key", "refers"]
    source: str
    target: str
    source_name: str
    target_name: str
    weight: float
    detail: str


class PathDict(TypedDict):
    """A traced path (:meth:`Path.to_dict <triggerpoints.Path.to_dict>`)."""

    plausibility: float
    steps: list[StepDict]
    text: str


class CoverageRowDict(TypedDict):
    """:class:`~triggerpoints.CoverageRow` as JSON."""

    area: str
    half: str
    muscles: int
    trigger_points: int
    essential: int
    spillover: int
    relations: int
    factors: int
    symptoms: int
    conditions: int
    treatments: int
    sources: int


class GapDict(TypedDict):
    """:class:`~triggerpoints.Gap` as JSON."""

    muscle: str
    name: str
    area: str
    missing: list[str]


class SupportRowDict(TypedDict):
    """:class:`~triggerpoints.SupportRow` as JSON."""

    kind: str
    facts: int
    sources_0: int
    sources_1: int
    sources_2: int
    sources_3_or_more: int
    best_textbook: int
    best_peer_reviewed: int
    best_professional_summary: int
    best_practitioner: int
    single_practitioner: int
    split_by_source: int
    split_by_curator: int


class CoverageDict(TypedDict):
    """:meth:`~triggerpoints.Coverage.to_dict`'s result."""

    dataset_version: str
    rows: list[CoverageRowDict]
    halves: list[CoverageRowDict]
    total: CoverageRowDict
    gaps: list[GapDict]
    support: list[SupportRowDict]
