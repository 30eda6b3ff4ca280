"""How the command line shows records as text and as JSON-ready data (public API only).

What is shown is what a reader needs: user-facing text and citations (each source's
one-line :meth:`~triggerpoints.Source.citation`, not its id). Curation notes (how a
fact was established) are never shown, in text or JSON; they stay in the data and its
exports.
"""

from __future__ import annotations

import enum
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import triggerpoints as tp

__all__ = [
    "WIDTH",
    "caution_lines",
    "citation_lines",
    "muscle_text",
    "other_text",
    "point_text",
    "referral_lines",
    "region_text",
    "show_data",
    "width",
    "write",
]


def citation_lines(atlas: tp.Atlas, sources: tuple[str, ...], indent: str) -> list[str]:
    """``sources: <citation>`` then one further citation per line, aligned."""
    citations = [atlas.source(source).citation() for source in sources]
    if not citations:
        return []
    head = f"{indent}sources: "
    return [head + citations[0], *(" " * len(head) + citation for citation in citations[1:])]


#: The width of text output when it does not go to a terminal.
WIDTH = 100


def width(out: TextIO) -> int:
    """The terminal's width if ``out`` is a terminal (at least 40 columns), else :data:`WIDTH`."""
    isatty = getattr(out, "isatty", None)
    if callable(isatty) and isatty():
        return max(40, shutil.get_terminal_size((WIDTH, 24)).columns)
    return WIDTH


def write(out: TextIO, lines: Sequence[str]) -> None:
    """Write lines of text, each wrapped to the width; wrapped parts hang four spaces under it."""
    columns = width(out)
    for line in lines:
        if len(line) <= columns:
            out.write(line + "\n")
            continue
        hang = " " * (len(line) - len(line.lstrip(" ")) + 4)
        parts = textwrap.wrap(line, columns, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False)
        out.write("\n".join(parts) + "\n")


def caution_lines(atlas: tp.Atlas, regions: Iterable[str], indent: str) -> list[str]:
    """``caution: ...`` once for each caution note of the regions (or of regions around them)."""
    cautions = dict.fromkeys(text for region in regions for _, text in atlas.cautions_for(region))
    return [f"{indent}caution: {text}" for text in cautions]


def referral_lines(atlas: tp.Atlas, point: tp.TriggerPoint, indent: str) -> list[str]:
    lines = []
    for zone in tp.Zone:
        regions = [atlas.name_of(r.region) for r in point.referrals if r.zone is zone]
        if regions:
            lines.append(f"{indent}{zone.value}: {', '.join(regions)}")
    if point.spared:
        lines.append(f"{indent}spares: {', '.join(atlas.name_of(s.region) for s in point.spared)}")
    return lines


def muscle_text(atlas: tp.Atlas, muscle: tp.Muscle) -> list[str]:
    lines = [f"{muscle.name}  [{muscle.id}]", f"  body area: {muscle.body_area.value}"]
    if muscle.aliases:
        lines.append(f"  also: {', '.join(muscle.aliases)}")
    lines += [f"  where: {muscle.location}"] if muscle.location else []
    lines += [f"  action: {muscle.action}"] if muscle.action else []
    lines += [f"  xrefs: {', '.join(muscle.xrefs)}"] if muscle.xrefs else []
    lines.append("  trigger points:")
    for point in atlas.trigger_points_of(muscle.id):
        lines.append(f"    {point.label}  [{point.id}]")
        lines += referral_lines(atlas, point, "      ")
    for relation in atlas.relations_of(muscle.id):
        arrow = f"{atlas.name_of(relation.source)} -{relation.kind.value}-> {atlas.name_of(relation.target)}"
        lines.append(f"  relation: {arrow}: {relation.mechanism}")
    for label, records in (
        ("factors", atlas.factors_of(muscle.id)),
        ("symptoms", atlas.symptoms_of(muscle.id)),
        ("mimics", atlas.conditions_of(muscle.id)),
        ("self-treatment", atlas.treatments_of(muscle.id)),
    ):
        if records:
            lines.append(f"  {label}: {', '.join(record.name for record in records)}")
    points = atlas.trigger_points_of(muscle.id)
    lines += caution_lines(atlas, (r.region for point in points for r in point.referrals), "  ")
    lines += citation_lines(atlas, muscle.sources, "  ")
    return lines


def point_text(atlas: tp.Atlas, point: tp.TriggerPoint) -> list[str]:
    lines = [f"{atlas.name_of(point.id)}  [{point.id}]", f"  muscle: {atlas.name_of(point.muscle)}"]
    lines += [f"  where: {point.location}"] if point.location else []
    lines += [f"  palpation: {point.palpation}"] if point.palpation else []
    lines += referral_lines(atlas, point, "  ")
    lines += [f"  note: {point.note}"] if point.note else []
    lines += caution_lines(atlas, (r.region for r in point.referrals), "  ")
    lines += citation_lines(atlas, point.sources, "  ")
    return lines


def region_text(atlas: tp.Atlas, region: tp.Region) -> list[str]:
    lines = [f"{region.name}  [{region.id}]"]
    lines += [f"  part of: {atlas.name_of(region.parent)}"] if region.parent else []
    lines += [f"  also: {', '.join(region.aliases)}"] if region.aliases else []
    children = atlas.children_of(region.id)
    lines += [f"  contains: {', '.join(child.name for child in children)}"] if children else []
    for zone in tp.Zone:
        hits = atlas.referrals_to(region.id, zone=zone)
        muscles = dict.fromkeys(atlas.name_of(hit.muscle) for hit in hits)
        if muscles:
            lines.append(f"  {zone.value} pain from: {', '.join(muscles)}")
    lines += [f"  caution: {text}" for _, text in atlas.cautions_for(region.id)]
    return lines


def other_text(atlas: tp.Atlas, record: Any) -> list[str]:
    lines = [f"{getattr(record, 'name', None) or getattr(record, 'title', record.id)}  [{record.id}]"]
    if isinstance(record, tp.Source):
        lines.append(f"  citation: {record.citation()}")
    if isinstance(record, tp.Relation):
        lines.append(f"  {atlas.name_of(record.source)} -{record.kind.value}-> {atlas.name_of(record.target)}")
    for field in ("kind", "tier", "concern", "category", "description", "mechanism", "caution", "note"):
        value = getattr(record, field, None)
        if value:
            lines.append(f"  {field}: {value.value if isinstance(value, enum.Enum) else value}")
    lines.extend(f"  muscle: {atlas.name_of(link.muscle)}" for link in getattr(record, "muscles", ()))
    if not isinstance(record, tp.Source):
        lines += citation_lines(atlas, getattr(record, "sources", ()), "  ")
    return lines


def show_data(atlas: tp.Atlas, record: tp.Record) -> dict[str, tp.JSONValue]:
    """What ``show --json`` prints: the record, what belongs with it, names, sources, citations, cautions.

    The schema is ``tp.json_schema("show")``. Curation notes are left out.
    """
    kind = next(kind.name for kind in tp.KINDS if isinstance(record, kind.record_class))
    data: dict[str, tp.JSONValue] = {"kind": kind, "record": tp.to_dict(record)}
    regions: list[str] = []
    if isinstance(record, tp.Muscle):
        points = atlas.trigger_points_of(record.id)
        data["trigger_points"] = [tp.to_dict(point) for point in points]
        data["relations"] = [tp.to_dict(relation) for relation in atlas.relations_of(record.id)]
        for key, records in (
            ("factors", atlas.factors_of(record.id)),
            ("symptoms", atlas.symptoms_of(record.id)),
            ("conditions", atlas.conditions_of(record.id)),
            ("treatments", atlas.treatments_of(record.id)),
        ):
            data[key] = [{"id": r.id, "name": r.name} for r in records]
        regions = [r.region for point in points for r in point.referrals]
    if isinstance(record, tp.TriggerPoint):
        data["relations"] = [tp.to_dict(relation) for relation in atlas.relations_of(record.id)]
        data["referrals"] = [_hit(hit) for hit in atlas.referrals_of(record.id)]
        regions = [r.region for r in record.referrals]
    if isinstance(record, tp.Region):
        data["children"] = [child.id for child in atlas.children_of(record.id)]
        data["referrals"] = [_hit(hit) for hit in atlas.referrals_to(record.id)]
        regions = [record.id]
    if isinstance(record, tp.Prevalence):
        regions = [record.region]
    cautions = dict.fromkeys(note for region in regions for note in atlas.cautions_for(region))
    data["cautions"] = [
        {"region": region, "region_name": atlas.name_of(region), "caution": text} for region, text in cautions
    ]
    cited = sorted(_ids_in(data, ("source:",)))
    data["sources"] = [tp.to_dict(atlas.source(source)) for source in cited]
    data["citations"] = {source: atlas.source(source).citation() for source in cited}
    prefixes = tuple(f"{kind.prefix}:" for kind in tp.KINDS)
    data["names"] = {key: atlas.name_of(key) for key in sorted(_ids_in(data, prefixes))}
    return data


def _hit(hit: tp.ReferralHit) -> dict[str, tp.JSONValue]:
    return {
        "trigger_point": hit.trigger_point,
        "muscle": hit.muscle,
        "region": hit.region,
        "zone": hit.zone.value,
        "match": hit.match,
        "support": tp.to_dict(hit.support),
    }


def _ids_in(value: object, prefixes: tuple[str, ...]) -> set[str]:
    """The strings in nested data that start with one of the prefixes (ids)."""
    if isinstance(value, dict):
        return set().union(*(_ids_in(item, prefixes) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_ids_in(item, prefixes) for item in value))
    return {value} if isinstance(value, str) and value.startswith(prefixes) and " " not in value else set()
