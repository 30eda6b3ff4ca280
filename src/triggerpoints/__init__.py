"""triggerpoints: myofascial trigger points, their referred pain, and where it comes from.

A typed, cited, machine-readable atlas of muscles, trigger points, referred-pain
regions and the relations between them, after Travell & Simons' *Myofascial Pain and
Dysfunction: The Trigger Point Manual*.

Reference software, not a diagnostic device: it does not replace a clinician.

Importing the package loads no data; :func:`load` does, once.

Examples:
    >>> import triggerpoints as tp
    >>> tp.muscle("glute max").name
    'Gluteus maximus'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from triggerpoints._atlas import Atlas, Match, ReferralHit, load
from triggerpoints._lookup import Place, lookup, muscle, region, resolve_place, search, trigger_point
from triggerpoints._models import (
    AliasPatch,
    BodyArea,
    Condition,
    ConditionId,
    Dataset,
    Factor,
    FactorCategory,
    FactorId,
    FactorKind,
    Laterality,
    Link,
    Muscle,
    MuscleId,
    Record,
    Referral,
    Region,
    RegionId,
    Relation,
    RelationId,
    RelationKind,
    Source,
    SourceId,
    SourceKind,
    Spared,
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
from triggerpoints._rank import MODEL_VERSION, AbsentMatch, Candidate, FactorMatch, Ranking, RegionMatch, Weights, rank
from triggerpoints.exceptions import (
    AmbiguousKeyError,
    DatasetError,
    MissingDependencyError,
    Problem,
    TriggerPointsError,
    UnknownIdError,
)

if TYPE_CHECKING:  # imported on first use, below, so that importing the package stays light
    from triggerpoints._draw import VIEWS, draw_muscle, draw_ranking, draw_regions, draw_trigger_point, to_png
    from triggerpoints._export import TABLES, graphml, node_link, tables
    from triggerpoints._report import Coverage, CoverageRow, Gap, coverage
    from triggerpoints._trace import Path, Step, trace

#: Public names whose module is imported when the name is first used: drawing, export,
#: the coverage report and tracing are not needed to look up or rank, and cost import time.
_ON_FIRST_USE = {
    **dict.fromkeys(("VIEWS", "draw_muscle", "draw_ranking", "draw_regions", "draw_trigger_point", "to_png"), "_draw"),
    **dict.fromkeys(("TABLES", "graphml", "node_link", "tables"), "_export"),
    **dict.fromkeys(("Coverage", "CoverageRow", "Gap", "coverage"), "_report"),
    **dict.fromkeys(("Path", "Step", "trace"), "_trace"),
}

__all__ = [
    "MODEL_VERSION",
    "TABLES",
    "VIEWS",
    "AbsentMatch",
    "AliasPatch",
    "AmbiguousKeyError",
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
    "Laterality",
    "Link",
    "Match",
    "MissingDependencyError",
    "Muscle",
    "MuscleId",
    "Path",
    "Place",
    "Problem",
    "Ranking",
    "Record",
    "Referral",
    "ReferralHit",
    "Region",
    "RegionId",
    "RegionMatch",
    "Relation",
    "RelationId",
    "RelationKind",
    "Source",
    "SourceId",
    "SourceKind",
    "Spared",
    "Step",
    "Symptom",
    "SymptomId",
    "Treatment",
    "TreatmentId",
    "TreatmentKind",
    "TriggerPoint",
    "TriggerPointId",
    "TriggerPointsError",
    "UnknownIdError",
    "View",
    "Weights",
    "Zone",
    "coverage",
    "draw_muscle",
    "draw_ranking",
    "draw_regions",
    "draw_trigger_point",
    "graphml",
    "load",
    "lookup",
    "muscle",
    "node_link",
    "rank",
    "region",
    "resolve_place",
    "search",
    "tables",
    "to_png",
    "trace",
    "trigger_point",
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
