"""triggerpoints: myofascial trigger points, their referred pain, and where it comes from.

A typed, cited, machine-readable atlas of muscles, trigger points, referred-pain
regions and the relations between them, after Travell & Simons' *Myofascial Pain and
Dysfunction: The Trigger Point Manual*.

Reference software, not a diagnostic device: it does not replace a clinician.

Importing the package loads no data; :func:`load` does, once.

Examples:
    >>> import triggerpoints as tp
    >>> tp.load().muscle("glute max").name
    'Gluteus maximus'
"""

from __future__ import annotations

import gc as _gc
import importlib
from typing import TYPE_CHECKING, Any

# Importing makes some 35 attrs classes, their generated methods and the package's
# tables: tens of thousands of objects that live as long as the process. The garbage
# collector would scan them again and again while they are made, for nothing, so it is
# paused for the import and then left as it was found.
_collecting = _gc.isenabled()
try:
    _gc.disable()
    from triggerpoints._atlas import Atlas, ReferralHit
    from triggerpoints._candidates import MODEL_VERSION, Candidate, Ranking
    from triggerpoints._evidence import Specificity, Weights
    from triggerpoints._index import Indexes
    from triggerpoints._kinds import KINDS, AliasPatch, Dataset, Kind, KindInfo
    from triggerpoints._load import load
    from triggerpoints._lookup import Place, resolve_place
    from triggerpoints._matches import (
        AbsentMatch,
        FactorMatch,
        PriorMatch,
        RegionMatch,
        RelationMatch,
        UnreportedMatch,
    )
    from triggerpoints._models import (
        BodyArea,
        Condition,
        ConditionId,
        Factor,
        FactorCategory,
        FactorId,
        FactorKind,
        Laterality,
        Link,
        LinkedRecord,
        Muscle,
        MuscleId,
        Prevalence,
        Record,
        RecordId,
        Referral,
        Region,
        RegionId,
        Relation,
        RelationId,
        RelationKind,
        Source,
        SourceConcern,
        SourceId,
        SourceKind,
        SourceTier,
        Spared,
        SplitOrigin,
        Symptom,
        SymptomId,
        Treatment,
        TreatmentId,
        TreatmentKind,
        TriggerPoint,
        TriggerPointId,
        View,
        Zone,
    )
    from triggerpoints._names import Match, Names
    from triggerpoints._rank import rank
    from triggerpoints._support import MinSupport, MinSupportLike, Support
    from triggerpoints._terms import TermReading
    from triggerpoints.exceptions import (
        AmbiguousKeyError,
        ArgumentError,
        DatasetError,
        InputTooLargeError,
        InvariantError,
        MissingDependencyError,
        Problem,
        TriggerPointsError,
        UnknownIdError,
    )
finally:
    if _collecting:
        _gc.enable()
    del _collecting

if TYPE_CHECKING:  # imported on first use, below, so that importing the package stays light
    from triggerpoints._draw import (
        VIEWS,
        Picture,
        draw_body_map,
        draw_muscle,
        draw_ranking,
        draw_regions,
        draw_trigger_point,
        to_png,
    )
    from triggerpoints._export import TABLES, graphml, node_link, tables
    from triggerpoints._frames import frames
    from triggerpoints._report import Coverage, CoverageRow, Gap, SupportRow, coverage
    from triggerpoints._serialize import SCHEMAS, Serializable, json_schema, to_dict, to_json
    from triggerpoints._shapes import (
        AbsentMatchDict,
        CandidateDict,
        CautionDict,
        CoverageDict,
        CoverageRowDict,
        FactorMatchDict,
        GapDict,
        JSONValue,
        NamedDict,
        PathDict,
        PlaceDict,
        PriorMatchDict,
        RankingDict,
        RegionMatchDict,
        RelationNoteDict,
        StepDict,
        SupportRowDict,
        TermReadingDict,
        TriggerPointNameDict,
        UnreportedMatchDict,
        WeightsDict,
    )
    from triggerpoints._trace import Path, Step, trace

#: Public names whose module is imported when the name is first used: drawing, export,
#: the coverage report, tracing, serialisation and data frames are not needed to look up or
#: rank, and cost import time.
_ON_FIRST_USE = {
    **dict.fromkeys(
        (
            "VIEWS",
            "Picture",
            "draw_body_map",
            "draw_muscle",
            "draw_ranking",
            "draw_regions",
            "draw_trigger_point",
            "to_png",
        ),
        "_draw",
    ),
    **dict.fromkeys(("TABLES", "graphml", "node_link", "tables"), "_export"),
    **dict.fromkeys(("frames",), "_frames"),
    **dict.fromkeys(
        (
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
        ),
        "_shapes",
    ),
    **dict.fromkeys(("SCHEMAS", "Serializable", "json_schema", "to_dict", "to_json"), "_serialize"),
    **dict.fromkeys(("Coverage", "CoverageRow", "Gap", "SupportRow", "coverage"), "_report"),
    **dict.fromkeys(("Path", "Step", "trace"), "_trace"),
}

__all__ = [
    "KINDS",
    "MODEL_VERSION",
    "SCHEMAS",
    "TABLES",
    "VIEWS",
    "AbsentMatch",
    "AbsentMatchDict",
    "AliasPatch",
    "AmbiguousKeyError",
    "ArgumentError",
    "Atlas",
    "BodyArea",
    "Candidate",
    "CandidateDict",
    "CautionDict",
    "Condition",
    "ConditionId",
    "Coverage",
    "CoverageDict",
    "CoverageRow",
    "CoverageRowDict",
    "Dataset",
    "DatasetError",
    "Factor",
    "FactorCategory",
    "FactorId",
    "FactorKind",
    "FactorMatch",
    "FactorMatchDict",
    "Gap",
    "GapDict",
    "Indexes",
    "InputTooLargeError",
    "InvariantError",
    "JSONValue",
    "Kind",
    "KindInfo",
    "Laterality",
    "Link",
    "LinkedRecord",
    "Match",
    "MinSupport",
    "MinSupportLike",
    "MissingDependencyError",
    "Muscle",
    "MuscleId",
    "NamedDict",
    "Names",
    "Path",
    "PathDict",
    "Picture",
    "Place",
    "PlaceDict",
    "Prevalence",
    "PriorMatch",
    "PriorMatchDict",
    "Problem",
    "Ranking",
    "RankingDict",
    "Record",
    "RecordId",
    "Referral",
    "ReferralHit",
    "Region",
    "RegionId",
    "RegionMatch",
    "RegionMatchDict",
    "Relation",
    "RelationId",
    "RelationKind",
    "RelationMatch",
    "RelationNoteDict",
    "Serializable",
    "Source",
    "SourceConcern",
    "SourceId",
    "SourceKind",
    "SourceTier",
    "Spared",
    "Specificity",
    "SplitOrigin",
    "Step",
    "StepDict",
    "Support",
    "SupportRow",
    "SupportRowDict",
    "Symptom",
    "SymptomId",
    "TermReading",
    "TermReadingDict",
    "Treatment",
    "TreatmentId",
    "TreatmentKind",
    "TriggerPoint",
    "TriggerPointId",
    "TriggerPointNameDict",
    "TriggerPointsError",
    "UnknownIdError",
    "UnreportedMatch",
    "UnreportedMatchDict",
    "View",
    "Weights",
    "WeightsDict",
    "Zone",
    "coverage",
    "draw_body_map",
    "draw_muscle",
    "draw_ranking",
    "draw_regions",
    "draw_trigger_point",
    "frames",
    "graphml",
    "json_schema",
    "load",
    "node_link",
    "rank",
    "resolve_place",
    "tables",
    "to_dict",
    "to_json",
    "to_png",
    "trace",
]


def __getattr__(name: str) -> Any:
    """Import the module of a public name on first use; compute ``__version__`` from the metadata."""
    module = _ON_FIRST_USE.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"triggerpoints.{module}"), name)
        globals()[name] = value  # later uses do not come back here
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - only when asked

        try:
            return version("triggerpoints")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    raise AttributeError(f"module 'triggerpoints' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names, including those imported on first use."""
    return sorted({*globals(), *_ON_FIRST_USE})
