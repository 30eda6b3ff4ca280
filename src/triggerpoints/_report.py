"""Coverage of the dataset per body area: what is in it, counted from the data itself."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints._kinds import KINDS
from triggerpoints._load import load
from triggerpoints._models import BodyArea, Muscle, Zone

__all__ = ["COLUMNS", "LINK_KINDS", "Coverage", "CoverageRow", "Gap", "coverage"]

COLUMNS = (
    "muscles",
    "trigger_points",
    "essential",
    "spillover",
    "relations",
    "factors",
    "symptoms",
    "conditions",
    "treatments",
    "sources",
)
"""The counted columns of :class:`CoverageRow`, in display order."""

LINK_KINDS = ("relations", *(kind.section for kind in KINDS if kind.linked))
"""What the manual gives for each muscle besides its trigger points; see :class:`Gap`."""


@attrs.frozen(kw_only=True)
class CoverageRow:
    """The counts for one body area (or for the whole dataset).

    Attributes:
        area: The body area's value (``"head-and-neck"``, ...), ``"upper half"``,
            ``"lower half"`` or ``"all"``.
        half: ``"upper"``, ``"lower"`` or ``"all"``: the manual's volume.
        muscles: Muscles in the area.
        trigger_points: Their trigger points.
        essential: Essential referrals (trigger point to region) of those points.
        spillover: Spillover referrals of those points.
        relations: Relations whose driving (source) muscle is in the area.
        factors: Distinct factors linked to the area's muscles (general ones excluded).
        symptoms: Distinct symptoms linked to them.
        conditions: Distinct look-alike conditions linked to them.
        treatments: Distinct treatments linked to them.
        sources: Distinct sources cited by any of the above.
    """

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

    def counts(self) -> tuple[int, ...]:
        """Return the counts in :data:`COLUMNS` order."""
        return tuple(getattr(self, column) for column in COLUMNS)


@attrs.frozen(kw_only=True)
class Gap:
    """A muscle that the dataset does not yet link to some kind of fact.

    The manual gives every muscle relations to other muscles, activating and
    perpetuating factors, symptoms, look-alike conditions and self-treatment; a gap is
    a kind the data has nothing of for this muscle yet, usually because no source we
    could check gives it.

    Attributes:
        muscle: The muscle's id.
        name: Its name.
        area: Its body area's value.
        missing: The kinds it has nothing of, in the order ``"relations"`` (in either
            direction), ``"factors"``, ``"symptoms"``, ``"conditions"``, ``"treatments"``.
    """

    muscle: str
    name: str
    area: str
    missing: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Coverage:
    """The dataset's coverage: one row per body area, then the whole.

    Attributes:
        dataset_version: The dataset's version.
        rows: One row per body area, in the manual's order (areas without muscles
            included, with zeros).
        halves: The upper half (the manual's first volume), then the lower half.
        total: The whole dataset.
        gaps: The muscles lacking some kind of linked fact, in dataset order.

    Totals count distinct records, so a factor linked to muscles of two areas counts
    once in their half and in the total: totals are not always sums of rows.
    """

    dataset_version: str
    rows: tuple[CoverageRow, ...]
    halves: tuple[CoverageRow, CoverageRow]
    total: CoverageRow
    gaps: tuple[Gap, ...] = ()

    def __iter__(self) -> Iterator[CoverageRow]:
        """Iterate over the area rows, the two halves and the total."""
        return iter((*self.rows, *self.halves, self.total))

    def to_dict(self) -> dict[str, Any]:
        """Return the coverage as JSON-ready data."""
        return {
            "dataset_version": self.dataset_version,
            "rows": [attrs.asdict(row) for row in self.rows],
            "halves": [attrs.asdict(row) for row in self.halves],
            "total": attrs.asdict(self.total),
            "gaps": [attrs.asdict(gap) for gap in self.gaps],
        }

    def to_markdown(self) -> str:
        """Return the coverage as a Markdown table.

        Examples:
            >>> import triggerpoints as tp
            >>> print(tp.coverage().to_markdown().splitlines()[0].split(" | ")[:4])
            ['| body area', 'half', 'muscles', 'trigger points']
        """
        header = ["body area", "half", *(column.replace("_", " ") for column in COLUMNS)]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for row in self:
            cells = [row.area, row.half, *(str(count) for count in row.counts())]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def __str__(self) -> str:
        """Return the coverage as a plain-text table."""
        header = ["body area", "half", *(column.replace("_", " ") for column in COLUMNS)]
        rows = [header, *([row.area, row.half, *(str(c) for c in row.counts())] for row in self)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = []
        for row in rows:
            pairs = enumerate(zip(row, widths, strict=True))
            cells = (cell.ljust(width) if i < 2 else cell.rjust(width) for i, (cell, width) in pairs)
            lines.append("  ".join(cells).rstrip())
        return "\n".join(lines)

    def gaps_text(self) -> str:
        """Return the gaps as plain text, one muscle a line.

        Examples:
            >>> import triggerpoints as tp
            >>> report = tp.coverage()
            >>> len(report.gaps_text().splitlines()) == len(report.gaps)
            True
        """
        return "\n".join(f"{gap.area}: {gap.name}: no {', no '.join(gap.missing)}" for gap in self.gaps)


def coverage(*, atlas: Atlas | None = None) -> Coverage:
    """Count what the dataset holds, per body area of the manual.

    Args:
        atlas: The atlas to count; the packaged one by default.

    Returns:
        The coverage table.

    Examples:
        >>> import triggerpoints as tp
        >>> report = tp.coverage()
        >>> report.total.muscles == len(tp.load().muscles)
        True
        >>> [row.area for row in report.rows][:2]
        ['head-and-neck', 'upper-back-shoulder-and-arm']
    """
    atlas = load() if atlas is None else atlas
    rows = tuple(
        _row(atlas, area.value, area.half, {m.id for m in atlas.muscles if m.body_area is area}) for area in BodyArea
    )
    upper, lower = (
        _row(atlas, f"{half} half", half, {m.id for m in atlas.muscles if m.body_area.half == half})
        for half in ("upper", "lower")
    )
    return Coverage(
        dataset_version=atlas.dataset_version,
        rows=rows,
        halves=(upper, lower),
        total=_row(atlas, "all", "all", {m.id for m in atlas.muscles}),
        gaps=tuple(gap for gap in (_gap(atlas, muscle) for muscle in atlas.muscles) if gap.missing),
    )


def _gap(atlas: Atlas, muscle: Muscle) -> Gap:
    found = {
        "relations": atlas.relations_of(muscle.id),
        "factors": atlas.factors_of(muscle.id),
        "symptoms": atlas.symptoms_of(muscle.id),
        "conditions": atlas.conditions_of(muscle.id),
        "treatments": atlas.treatments_of(muscle.id),
    }
    missing = tuple(kind for kind in LINK_KINDS if not found[kind])
    return Gap(muscle=muscle.id, name=muscle.name, area=muscle.body_area.value, missing=missing)


def _row(atlas: Atlas, area: str, half: str, muscles: set[str]) -> CoverageRow:
    points = [p for p in atlas.trigger_points if p.muscle in muscles]
    referrals = [r for p in points for r in p.referrals]
    relations = [r for r in atlas.relations if atlas.muscle_of(r.source) in muscles]
    cited: set[str] = set()
    cited.update(source for m in muscles for source in atlas.muscle(m).sources)
    for point in points:
        cited.update(point.sources)
        cited.update(source for spared in point.spared for source in spared.sources)
    cited.update(source for referral in referrals for source in referral.sources)
    cited.update(source for relation in relations for source in relation.sources)
    linked: dict[str, int] = {}
    for kind, records in (
        ("factors", atlas.factors),
        ("symptoms", atlas.symptoms),
        ("conditions", atlas.conditions),
        ("treatments", atlas.treatments),
    ):
        links = [(record, link) for record in records for link in record.muscles if link.muscle in muscles]
        linked[kind] = len({record.id for record, _ in links})
        cited.update(source for _, link in links for source in link.sources)
    return CoverageRow(
        area=area,
        half=half,
        muscles=len(muscles),
        trigger_points=len(points),
        essential=_count(referrals, Zone.ESSENTIAL),
        spillover=_count(referrals, Zone.SPILLOVER),
        relations=len(relations),
        sources=len(cited),
        **linked,
    )


def _count(referrals: Iterable[Any], zone: Zone) -> int:
    return sum(1 for referral in referrals if referral.zone is zone)
