"""How the command line shows records as text and as JSON-ready data (public API only).

What is shown is what a reader needs: user-facing text and citations (each source's
one-line :meth:`~triggerpoints.Source.citation`, not its id). Curation notes (how a
fact was established) are never shown, in text or JSON; they stay in the data and its
exports.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

import triggerpoints as tp

__all__ = [
    "citation_lines",
    "muscle_text",
    "other_text",
    "plain",
    "point_text",
    "referral_lines",
    "region_text",
    "show_data",
    "sources_in",
]


def plain(value: Any) -> Any:
    """Records and their parts as JSON-ready data (enums as their values), without curation notes."""
    if attrs.has(type(value)):
        return {
            field.name: plain(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if field.name != "curation"
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, list, frozenset)):
        return [plain(item) for item in value]
    return value


def citation_lines(atlas: tp.Atlas, sources: tuple[str, ...], indent: str) -> list[str]:
    """``sources: <citation>`` then one further citation per line, aligned."""
    citations = [atlas.source(source).citation() for source in sources]
    if not citations:
        return []
    head = f"{indent}sources: "
    return [head + citations[0], *(" " * len(head) + citation for citation in citations[1:])]


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
    lines += citation_lines(atlas, muscle.sources, "  ")
    return lines


def point_text(atlas: tp.Atlas, point: tp.TriggerPoint) -> list[str]:
    lines = [f"{atlas.name_of(point.id)}  [{point.id}]", f"  muscle: {atlas.name_of(point.muscle)}"]
    lines += [f"  where: {point.location}"] if point.location else []
    lines += [f"  palpation: {point.palpation}"] if point.palpation else []
    lines += referral_lines(atlas, point, "  ")
    lines += [f"  note: {point.note}"] if point.note else []
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
    for field in ("kind", "category", "description", "mechanism", "caution", "url", "note"):
        value = getattr(record, field, None)
        if value:
            lines.append(f"  {field}: {value.value if isinstance(value, enum.Enum) else value}")
    lines.extend(f"  muscle: {atlas.name_of(link.muscle)}" for link in getattr(record, "muscles", ()))
    if not isinstance(record, tp.Source):
        lines += citation_lines(atlas, getattr(record, "sources", ()), "  ")
    return lines


def show_data(atlas: tp.Atlas, record: Any) -> dict[str, Any]:
    kind = next(kind.name for kind in tp.KINDS if isinstance(record, kind.record_class))
    data: dict[str, Any] = {"kind": kind, "record": plain(record)}
    if isinstance(record, tp.Muscle):
        data["trigger_points"] = [plain(point) for point in atlas.trigger_points_of(record.id)]
        data["relations"] = [plain(relation) for relation in atlas.relations_of(record.id)]
        for key, records in (
            ("factors", atlas.factors_of(record.id)),
            ("symptoms", atlas.symptoms_of(record.id)),
            ("conditions", atlas.conditions_of(record.id)),
            ("treatments", atlas.treatments_of(record.id)),
        ):
            data[key] = [{"id": r.id, "name": r.name} for r in records]
    if isinstance(record, tp.Region):
        data["children"] = [child.id for child in atlas.children_of(record.id)]
        data["referrals"] = [
            {"trigger_point": hit.trigger_point, "muscle": hit.muscle, "zone": hit.zone.value, "match": hit.match}
            for hit in atlas.referrals_to(record.id)
        ]
        data["cautions"] = [{"region": region, "caution": text} for region, text in atlas.cautions_for(record.id)]
    cited = sorted(sources_in(data["record"]) | sources_in(data.get("trigger_points", [])))
    data["sources"] = [plain(atlas.source(source)) for source in cited]
    return data


def sources_in(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(sources_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(sources_in(v) for v in value)) if value else set()
    return {value} if isinstance(value, str) and value.startswith("source:") else set()
