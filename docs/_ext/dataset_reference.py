"""Sphinx extension: fill the dataset reference page from the packaged data at build time.

A page containing the line ``<!-- dataset-reference -->`` gets, in its place, Markdown
generated from ``tp.load()``: versions, coverage counts per body area, how well facts are
supported (independent sources, best tier, who split the zones) and the sources by tier
and concern, and per body area the muscles and their trigger points with essential and
spillover regions (curator-split zones marked) followed by the curation notes; the
line ``<!-- region-reference -->`` becomes the region hierarchy, and
``<!-- schema-reference -->`` a table of the JSON Schema's record types. So the reference
cannot drift from the data it documents.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import triggerpoints as tp

DATASET_MARK = "<!-- dataset-reference -->"
REGION_MARK = "<!-- region-reference -->"
SCHEMA_MARK = "<!-- schema-reference -->"
_RECORDS = (
    "source",
    "region",
    "muscle",
    "triggerPoint",
    "referral",
    "spared",
    "relation",
    "factor",
    "symptom",
    "condition",
    "treatment",
    "link",
    "extraAlias",
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def dataset_markdown(atlas: tp.Atlas) -> str:
    """Return the generated part of the dataset reference, as MyST Markdown."""
    report = tp.coverage(atlas=atlas)
    lines = [
        (
            f"Dataset version **{atlas.dataset_version}**, format (schema) version **{atlas.schema_version}**, "
            f"package version **{tp.__version__}**. Licence: {atlas.dataset.license or 'see DATA-LICENSE'}."
        ),
        "",
        "### Coverage",
        "",
        "Counted from the data when these pages were built (`triggerpoints coverage` prints the same).",
        "",
        report.to_markdown(),
        "",
        "### Gaps",
        "",
        (
            f"{len(report.gaps)} of {len(atlas.muscles)} muscles lack some kind of linked fact "
            "(`triggerpoints coverage --gaps` prints the same list). The manual's chapters cover each kind "
            "for their muscle; a gap usually means no source we could check gives it."
        ),
        "",
        "| body area | muscle | lacks |",
        "|---|---|---|",
        *(f"| {gap.area} | {_cell(gap.name)} | {', '.join(gap.missing)} |" for gap in report.gaps),
        "",
        *_evidence_lines(atlas, report),
    ]
    for area in tp.BodyArea:
        muscles = [m for m in atlas.muscles if m.body_area is area]
        if not muscles:
            continue
        lines += [f"### {area.value.replace('-', ' ').capitalize()}", ""]
        lines += ["| muscle | trigger point | essential | spillover |", "|---|---|---|---|"]
        notes: list[str] = []
        for muscle in sorted(muscles, key=lambda m: m.name.casefold()):
            for i, point in enumerate(atlas.trigger_points_of(muscle.id)):
                zones = [", ".join(_zone_cell(atlas, r) for r in point.referrals if r.zone is zone) for zone in tp.Zone]
                name = f"{muscle.name} (`{muscle.id}`)" if i == 0 else ""
                lines.append(f"| {_cell(name)} | {_cell(point.label)} | {_cell(zones[0])} | {_cell(zones[1])} |")
                notes += _curation_lines(atlas, point)
        lines.append("")
        if notes:
            lines += ["Curation notes (how each fact was established; not shown to end users):", "", *notes, ""]
    return "\n".join(lines)


def _zone_cell(atlas: tp.Atlas, referral: tp.Referral) -> str:
    """A region name, marked with a dagger when the curator chose its zone."""
    return atlas.name_of(referral.region) + (" †" if referral.split.value == "curator" else "")


def _curation_lines(atlas: tp.Atlas, point: tp.TriggerPoint) -> list[str]:
    parts = [point.curation] if point.curation else []
    parts += [f"{atlas.name_of(r.region)}: {r.curation}" for r in point.referrals if r.curation]
    parts += [f"spares {atlas.name_of(s.region)}: {s.curation}" for s in point.spared if s.curation]
    return [f"- *{_cell(atlas.name_of(point.id))}*: {_cell(' / '.join(parts))}"] if parts else []


def _evidence_lines(atlas: tp.Atlas, report: Any) -> list[str]:
    """The support distribution, and the sources by tier and by concern."""
    tiers = {tier: [s for s in atlas.sources if s.tier is tier] for tier in type(atlas.sources[0].tier)}
    weak = [s for s in atlas.sources if s.concern is not None]
    return [
        "### Evidence",
        "",
        (
            "Each referral, relation and muscle link is graded by its sources: how many independent sources "
            "(distinct publishers) state it, the best tier among them, and for referrals whether a source or the "
            "curator split it into essential and spillover (`triggerpoints coverage --support` prints the same; "
            "zones marked † below are the curator's). Sources with a concern do not count."
        ),
        "",
        "```text",
        report.support_text(),
        "```",
        "",
        "| tier | sources |",
        "|---|---|",
        *(f"| {tier.value} | {len(found)} |" for tier, found in tiers.items()),
        "",
        f"{len(weak)} sources carry a concern and wait for a replacement:",
        "",
        *(f"- `{s.id}` ({s.concern.value}): {_cell(s.citation())}" for s in weak if s.concern is not None),
        "",
    ]


def region_markdown(atlas: tp.Atlas) -> str:
    """Return the region hierarchy as a nested Markdown list with ids and aliases."""
    lines: list[str] = []

    def walk(region: tp.Region, depth: int) -> None:
        words = f" — {', '.join(region.aliases)}" if region.aliases else ""
        caution = " (caution)" if region.caution else ""
        lines.append(f"{'  ' * depth}- **{region.name}** `{region.id}`{caution}{_cell(words)}")
        for child in atlas.children_of(region.id):
            walk(child, depth + 1)

    walk(atlas.region("region:body"), 0)
    return "\n".join(lines) + "\n"


def schema_markdown() -> str:
    """Return a table of the record types of the packaged JSON Schema and their fields."""
    schema = json.loads(files("triggerpoints").joinpath("data", "triggerpoints.schema.json").read_text("utf-8"))
    lines = ["| record | required fields | optional fields | what it is |", "|---|---|---|---|"]
    for name in _RECORDS:
        record = schema["$defs"][name]
        required = record.get("required", [])
        optional = [field for field in record.get("properties", {}) if field not in required]
        cells = [name, ", ".join(f"`{f}`" for f in required), ", ".join(f"`{f}`" for f in optional)]
        lines.append(f"| {' | '.join(cells)} | {_cell(record.get('description', ''))} |")
    return "\n".join(lines) + "\n"


def _fill(_app: Any, _docname: str, source: list[str]) -> None:
    if SCHEMA_MARK in source[0]:
        source[0] = source[0].replace(SCHEMA_MARK, schema_markdown())
    if DATASET_MARK in source[0] or REGION_MARK in source[0]:
        atlas = tp.load()
        source[0] = source[0].replace(DATASET_MARK, dataset_markdown(atlas))
        source[0] = source[0].replace(REGION_MARK, region_markdown(atlas))


def setup(app: Any) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    app.connect("source-read", _fill)
    return {"version": tp.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
