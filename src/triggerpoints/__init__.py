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

import importlib
from typing import TYPE_CHECKING, Any

from triggerpoints._atlas import Atlas, ReferralHit
from triggerpoints._candidates import (
    MODEL_VERSION,
    AbsentMatch,
    Candidate,
    FactorMatch,
    PriorMatch,
    Ranking,
    RegionMatch,
    UnreportedMatch,
)
from triggerpoints._evidence import Specificity, Weights
from triggerpoints._index import Indexes
from triggerpoints._kinds import KINDS, AliasPatch, Dataset, Kind, KindInfo
from triggerpoints._load import load
from triggerpoints._lookup import Place, resolve_place
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
    InvariantError,
    MissingDependencyError,
    Problem,
    TriggerPointsError,
    UnknownIdError,
)

if TYPE_CHECKING:  # imported on first use, below, so that importing the package stays light
    from triggerpoints._draw import (
        VIEWS,
        draw_body_map,
        draw_muscle,
        draw_ranking,
        draw_regions,
        draw_trigger_point,
        to_png,
    )
    from triggerpoints._export import TABLES, graphml, node_link, tables
    from triggerpoints._report import Coverage, CoverageRow, Gap, SupportRow, coverage
    from triggerpoints._trace import Path, Step, trace

#: Public names whose module is imported when the name is first used: drawing, export,
#: the coverage report and tracing are not needed to look up or rank, and cost import time.
_ON_FIRST_USE = {
    **dict.fromkeys(
        ("VIEWS", "draw_body_map", "draw_muscle", "draw_ranking", "draw_regions", "draw_trigger_point", "to_png"),
        "_draw",
    ),
    **dict.fromkeys(("TABLES", "graphml", "node_link", "tables"), "_export"),
    **dict.fromkeys(("Coverage", "CoverageRow", "Gap", "SupportRow", "coverage"), "_report"),
    **dict.fromkeys(("Path", "Step", "trace"), "_trace"),
}

__all__ = [
    "KINDS",
    "MODEL_VERSION",
    "TABLES",
    "VIEWS",
    "AbsentMatch",
    "AliasPatch",
    "AmbiguousKeyError",
    "ArgumentError",
    "Atlas",
    "BodyArea",
    "Candidate",
    "Condition",
    "ConditionId",
    "Coverage",
    "CoverageRow",
    "Dataset",
    "DatasetError",
    "Factor",
    "FactorCategory",
    "FactorId",
    "FactorKind",
    "FactorMatch",
    "Gap",
    "Indexes",
    "InvariantError",
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
    "Names",
    "Path",
    "Place",
    "Prevalence",
    "PriorMatch",
    "Problem",
    "Ranking",
    "Record",
    "RecordId",
    "Referral",
    "ReferralHit",
    "Region",
    "RegionId",
    "RegionMatch",
    "Relation",
    "RelationId",
    "RelationKind",
    "Source",
    "SourceConcern",
    "SourceId",
    "SourceKind",
    "SourceTier",
    "Spared",
    "Specificity",
    "SplitOrigin",
    "Step",
    "Support",
    "SupportRow",
    "Symptom",
    "SymptomId",
    "TermReading",
    "Treatment",
    "TreatmentId",
    "TreatmentKind",
    "TriggerPoint",
    "TriggerPointId",
    "TriggerPointsError",
    "UnknownIdError",
    "UnreportedMatch",
    "View",
    "Weights",
    "Zone",
    "coverage",
    "draw_body_map",
    "draw_muscle",
    "draw_ranking",
    "draw_regions",
    "draw_trigger_point",
    "graphml",
    "load",
    "node_link",
    "rank",
    "resolve_place",
    "tables",
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
