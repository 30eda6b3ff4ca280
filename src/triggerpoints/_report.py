"""Coverage of the dataset per body area, and how well its facts are supported, counted from the data itself."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints._kinds import KINDS
from triggerpoints._load import load
from triggerpoints._models import (
    BodyArea,
    Condition,
    Factor,
    Muscle,
    SourceTier,
    SplitOrigin,
    Symptom,
    Treatment,
    Zone,
)
from triggerpoints._shapes import CoverageDict, CoverageRowDict, GapDict, SupportRowDict
from triggerpoints._support import Fact

__all__ = ["COLUMNS", "LINK_KINDS", "SUPPORT_COLUMNS", "Coverage", "CoverageRow", "Gap", "SupportRow", "coverage"]


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


SUPPORT_COLUMNS = (
    "facts",
    "sources_0",
    "sources_1",
    "sources_2",
    "sources_3_or_more",
    *(f"best_{tier.value.replace('-', '_')}" for tier in SourceTier),
    "single_practitioner",
    "split_by_source",
    "split_by_curator",
)
"""The counted columns of :class:`SupportRow`, in display order."""


@attrs.frozen(kw_only=True)
class SupportRow:
    """How well one kind of fact is supported, counted over the whole dataset.

    Attributes:
        kind: ``"referrals"``, ``"relations"`` or ``"links"`` (muscle links of
            factors, symptoms, conditions and treatments).
        facts: How many facts of the kind there are.
        sources_0: Facts with no independent source left (every citation has a concern).
        sources_1: Facts resting on one publisher.
        sources_2: Facts with two independent sources.
        sources_3_or_more: Facts with three or more.
        best_textbook: Facts whose best source is the manual or another textbook.
        best_peer_reviewed: ... a peer-reviewed article.
        best_professional_summary: ... a professional or educational summary.
        best_practitioner: ... a practitioner's page.
        single_practitioner: Facts resting on one practitioner publisher only.
        split_by_source: Referrals whose essential/spillover split a source made (0 for other kinds).
        split_by_curator: Referrals whose split the curator chose (0 for other kinds).
    """

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

    def counts(self) -> tuple[int, ...]:
        """Return the counts in :data:`SUPPORT_COLUMNS` order."""
        return tuple(getattr(self, column) for column in SUPPORT_COLUMNS)


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
        support: How well referrals, relations and links are supported (see
            :class:`SupportRow`), one row each.

    Totals count distinct records, so a factor linked to muscles of two areas counts
    once in their half and in the total: totals are not always sums of rows.
    """

    dataset_version: str
    rows: tuple[CoverageRow, ...]
    halves: tuple[CoverageRow, CoverageRow]
    total: CoverageRow
    gaps: tuple[Gap, ...] = ()
    support: tuple[SupportRow, ...] = ()

    def __iter__(self) -> Iterator[CoverageRow]:
        """Iterate over the area rows, the two halves and the total."""
        return iter((*self.rows, *self.halves, self.total))

    def to_dict(self) -> CoverageDict:
        """Return the coverage as JSON-ready data.

        Examples:
            >>> import triggerpoints as tp
            >>> data = tp.coverage().to_dict()
            >>> data["total"]["area"], data["total"]["muscles"] > 0
            ('all', True)
        """
        return {
            "dataset_version": self.dataset_version,
            "rows": [_row_dict(row) for row in self.rows],
            "halves": [_row_dict(row) for row in self.halves],
            "total": _row_dict(self.total),
            "gaps": [
                GapDict(muscle=gap.muscle, name=gap.name, area=gap.area, missing=list(gap.missing)) for gap in self.gaps
            ],
            "support": [_support_dict(row) for row in self.support],
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
        if self.support:
            header = ["kind", *(_label(column) for column in SUPPORT_COLUMNS)]
            lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join([row.kind, *map(str, row.counts())]) + " |" for row in self.support]
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

    def support_text(self) -> str:
        """Return the support distribution as plain text: one line per kind of fact and count.

        Examples:
            >>> import triggerpoints as tp
            >>> print(tp.coverage().support_text().splitlines()[0])
            How well facts are supported (independent sources = distinct publishers):
        """
        lines = ["How well facts are supported (independent sources = distinct publishers):"]
        for row in self.support:
            share = f"{100 * row.single_practitioner / row.facts:.0f}%" if row.facts else "0%"
            lines += [
                f"  {row.kind}: {row.facts}",
                (
                    f"    by independent sources: 0: {row.sources_0}, 1: {row.sources_1}, 2: {row.sources_2}, "
                    f"3 or more: {row.sources_3_or_more}"
                ),
                (
                    f"    by best tier: textbook {row.best_textbook}, peer-reviewed {row.best_peer_reviewed}, "
                    f"professional summary {row.best_professional_summary}, practitioner {row.best_practitioner}"
                ),
                f"    resting on one practitioner publisher: {row.single_practitioner} ({share})",
            ]
            if row.kind == "referrals":
                lines.append(
                    f"    essential/spillover split by: a source {row.split_by_source}, "
                    f"the curator {row.split_by_curator}"
                )
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


def _row_dict(row: CoverageRow) -> CoverageRowDict:
    return CoverageRowDict(
        area=row.area,
        half=row.half,
        muscles=row.muscles,
        trigger_points=row.trigger_points,
        essential=row.essential,
        spillover=row.spillover,
        relations=row.relations,
        factors=row.factors,
        symptoms=row.symptoms,
        conditions=row.conditions,
        treatments=row.treatments,
        sources=row.sources,
    )


def _support_dict(row: SupportRow) -> SupportRowDict:
    return SupportRowDict(
        kind=row.kind,
        facts=row.facts,
        sources_0=row.sources_0,
        sources_1=row.sources_1,
        sources_2=row.sources_2,
        sources_3_or_more=row.sources_3_or_more,
        best_textbook=row.best_textbook,
        best_peer_reviewed=row.best_peer_reviewed,
        best_professional_summary=row.best_professional_summary,
        best_practitioner=row.best_practitioner,
        single_practitioner=row.single_practitioner,
        split_by_source=row.split_by_source,
        split_by_curator=row.split_by_curator,
    )


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
        support=_support_rows(atlas),
    )


def _support_rows(atlas: Atlas) -> tuple[SupportRow, ...]:
    referrals = [referral for point in atlas.trigger_points for referral in point.referrals]
    linked: tuple[Factor | Symptom | Condition | Treatment, ...] = (
        *atlas.factors,
        *atlas.symptoms,
        *atlas.conditions,
        *atlas.treatments,
    )
    links = [link for record in linked for link in record.muscles]
    groups: tuple[tuple[str, list[Fact]], ...] = (
        ("referrals", list(referrals)),
        ("relations", list(atlas.relations)),
        ("links", list(links)),
    )
    return tuple(_support_row(atlas, kind, facts) for kind, facts in groups)


def _support_row(atlas: Atlas, kind: str, facts: list[Fact]) -> SupportRow:
    supports = [atlas.support_of(fact) for fact in facts]
    sources = [min(support.sources, 3) for support in supports]
    tiers = [support.tier for support in supports]
    splits = [support.split for support in supports]
    return SupportRow(
        kind=kind,
        facts=len(facts),
        sources_0=sources.count(0),
        sources_1=sources.count(1),
        sources_2=sources.count(2),
        sources_3_or_more=sources.count(3),
        best_textbook=tiers.count(SourceTier.TEXTBOOK),
        best_peer_reviewed=tiers.count(SourceTier.PEER_REVIEWED),
        best_professional_summary=tiers.count(SourceTier.PROFESSIONAL_SUMMARY),
        best_practitioner=tiers.count(SourceTier.PRACTITIONER),
        single_practitioner=sum(1 for s in supports if s.sources == 1 and s.tier is SourceTier.PRACTITIONER),
        split_by_source=splits.count(SplitOrigin.SOURCE),
        split_by_curator=splits.count(SplitOrigin.CURATOR),
    )


def _label(column: str) -> str:
    names = {
        "sources_0": "0 sources",
        "sources_1": "1 source",
        "sources_2": "2 sources",
        "sources_3_or_more": "3+ sources",
    }
    return names.get(column, column.replace("_", " "))


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
