"""Check the packaged data against public region guides: does each listed muscle refer to the guide's area?

The guides (benchmarks/data/region-guides.json) follow the pain guides of Travell & Simons'
Trigger Point Manual: for a pain area, the muscles whose trigger points may refer pain there.
For every area and every muscle it lists, a muscle **agrees** when the dataset has a referral
of one of its trigger points to one of the area's regions or to a region inside it
(``atlas.referrals_to``); a name that stands for a group of muscles agrees when any of them
does. A muscle that does not agree is **near** when it refers to a region around the area
(an enclosing region, short of the whole body) or to a region sharing the area's body-part
word ("upper back" and "mid back", "inner knee" and "back of the knee"), and **missing**
otherwise. Names the dataset has no record for are listed by the data file as unmapped and
counted apart. Every referral the check finds carries its sources (the dataset requires them).

Prints the areas grouped by the region they map to: listed, agreeing, near and missing
muscles, then agreement (agreeing / listed) by guide and overall; ``--json`` prints the same
as JSON. Nothing is timed and nothing is asserted: a missing pair is for a curator to judge
(a referral without a source yet, or a guide that disagrees with the manual's figures).

Usage: python benchmarks/region_guides.py [--json] [GUIDES.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import triggerpoints as tp

DEFAULT = Path(__file__).parent / "data" / "region-guides.json"
DECISIONS = Path(__file__).resolve().parent.parent / "data" / "curation" / "region-guide-gaps.json"

#: Words of a region id that say which part of a structure, not which structure; with them
#: dropped, the rest names the body part ("posterior-knee" -> {"knee"}).
QUALIFIERS = frozenset(
    "anterior posterior lateral medial anteromedial superior inferior upper lower low mid middle top "
    "dorsal volar plantar palmar great lesser little index ring of the joint".split()
)

Status = Literal["agree", "near", "missing"]


@dataclass(frozen=True)
class Finding:
    """What the dataset says about one muscle a guide lists for an area.

    Attributes:
        name: The guide's own name for the muscle.
        status: ``"agree"``, ``"near"`` or ``"missing"``.
        via: The referrals behind the status, as ``"tp:... -> region:..."``.
        gloss: An English gloss of ``name``, when the guide is not in English.
        same_parent: For a missing muscle, its referrals to other regions under the area's
            parent region (a hint for the curator, not counted).
    """

    name: str
    status: Status
    via: tuple[str, ...] = ()
    gloss: str = ""
    same_parent: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The guide's name, with its gloss in brackets when there is one."""
        return f"{self.name} [{self.gloss}]" if self.gloss else self.name


@dataclass(frozen=True)
class AreaResult:
    """The findings for one area of one guide.

    Attributes:
        guide: The guide's id in the data file.
        area: The guide's own name for the area.
        regions: The dataset regions the area maps to.
        findings: One per listed muscle, in the guide's order.
        unmapped: Listed names the dataset has no record for.
        gloss: An English gloss of ``area``, when the guide is not in English.
    """

    guide: str
    area: str
    regions: tuple[str, ...]
    findings: tuple[Finding, ...]
    unmapped: tuple[str, ...] = field(default=())
    gloss: str = ""

    def names(self, status: Status) -> list[str]:
        """The listed names with a given status, in the guide's order."""
        return [finding.name for finding in self.findings if finding.status == status]


def body_part_words(region_id: str) -> frozenset[str]:
    """The words of a region id that name the body part, singular (``"region:dorsal-lesser-toes"`` -> ``{"toe"}``)."""
    words = region_id.removeprefix("region:").split("-")
    return frozenset(re.sub(r"(?<=...)s$", "", word) for word in words if word not in QUALIFIERS)


def _near(atlas: tp.Atlas, referred: str, area_region: str) -> bool:
    """Whether a referral region lies around an area's region, or shares its body-part word."""
    if atlas.compare_regions(referred, area_region) == "around":
        return atlas.region(referred).parent is not None  # the whole body is around everything
    return bool(body_part_words(referred) & body_part_words(area_region))


def check_muscle(atlas: tp.Atlas, regions: Sequence[str], muscles: Iterable[str]) -> tuple[Status, tuple[str, ...]]:
    """Say whether any of some muscles refers to the regions, near them, or not at all.

    Args:
        atlas: The dataset to check.
        regions: Region ids of one guide area.
        muscles: Muscle ids one listed name stands for.

    Returns:
        The status and the referrals behind it (``"tp:... -> region:..."``), in dataset order.
    """
    wanted = frozenset(muscles)
    agree = [
        f"{hit.trigger_point} -> {hit.region}"
        for region in regions
        for hit in atlas.referrals_to(region)
        if hit.muscle in wanted
    ]
    if agree:
        return "agree", tuple(dict.fromkeys(agree))
    near = [
        f"{hit.trigger_point} -> {hit.region}"
        for muscle in sorted(wanted)
        for hit in atlas.referrals_of(muscle)
        if any(_near(atlas, hit.region, region) for region in regions)
    ]
    return ("near", tuple(dict.fromkeys(near))) if near else ("missing", ())


def same_parent(atlas: tp.Atlas, regions: Sequence[str], muscles: Iterable[str]) -> tuple[str, ...]:
    """Return the referrals of some muscles to other regions under the parent of the area's regions.

    For a missing muscle, this shows where nearby the dataset sends its pain instead
    (the guide's "upper back", the dataset's "between the shoulder blades").
    """
    parents = {atlas.region(region).parent for region in regions} - {None}
    inside = {inner.id for parent in parents if parent for inner in atlas.descendants_of(parent)}
    return tuple(
        dict.fromkeys(
            f"{hit.trigger_point} -> {hit.region}"
            for muscle in sorted(set(muscles))
            for hit in atlas.referrals_of(muscle)
            if hit.region in inside
        )
    )


def check_area(atlas: tp.Atlas, area: Mapping[str, Any]) -> AreaResult:
    """Check every muscle one guide area lists (an entry of the data file's ``areas``)."""
    regions = tuple(area["regions"])
    findings = []
    for entry in area["muscles"]:
        status, via = check_muscle(atlas, regions, entry["muscles"])
        hint = same_parent(atlas, regions, entry["muscles"]) if status == "missing" else ()
        findings.append(
            Finding(name=entry["name"], status=status, via=via, gloss=entry.get("gloss", ""), same_parent=hint)
        )
    return AreaResult(
        guide=area["guide"],
        area=area["area"],
        regions=regions,
        findings=tuple(findings),
        unmapped=tuple(entry["name"] for entry in area.get("unmapped", ())),
        gloss=area.get("gloss", ""),
    )


def check_document(atlas: tp.Atlas, document: Mapping[str, Any]) -> list[str]:
    """List what is wrong with a guides file: missing fields, unknown ids, unmapped names without a reason.

    Returns:
        One line per problem; empty when the file is well-formed and every id it names is in ``atlas``.
    """
    regions = {region.id for region in atlas.regions}
    muscles = {muscle.id for muscle in atlas.muscles}
    guides = [guide.get("id") for guide in document.get("guides", ())]
    problems = [] if document.get("areas") else ["no areas"]
    for guide in document.get("guides", ()):
        problems += _record_problems(f"guide {guide.get('id')!r}", guide, ("id", "title", "url", "basis"))
    for number, area in enumerate(document.get("areas", ())):
        where = f"areas[{number}] {area.get('area')!r}"
        problems += _record_problems(where, area, ("guide", "area", "url", "regions", "muscles"))
        if area.get("guide") not in guides:
            problems.append(f"{where}: unknown guide {area.get('guide')!r}")
        problems += [
            f"{where}: unknown region {region!r}" for region in area.get("regions", ()) if region not in regions
        ]
        for entry in area.get("muscles", ()):
            if not entry.get("name") or not entry.get("muscles"):
                problems.append(f"{where}: {entry!r} needs a name and at least one muscle id")
            problems += [f"{where}: unknown muscle {m!r}" for m in entry.get("muscles", ()) if m not in muscles]
        problems += [
            f"{where}: unmapped {entry.get('name')!r} needs a name and a reason"
            for entry in area.get("unmapped", ())
            if not entry.get("name") or not entry.get("reason")
        ]
    for number, area in enumerate(document.get("skipped_areas", ())):
        problems += _record_problems(f"skipped_areas[{number}]", area, ("guide", "area", "url", "reason"))
    return problems


def _record_problems(where: str, record: Mapping[str, Any], keys: Sequence[str]) -> list[str]:
    """The required keys a record lacks, and an ``accessed`` date that is not YYYY-MM-DD."""
    problems = [f"{where}: no {key!r}" for key in keys if not record.get(key)]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(record.get("accessed", ""))):
        problems.append(f"{where}: 'accessed' is not a YYYY-MM-DD date")
    return problems


def run(atlas: tp.Atlas, document: Mapping[str, Any]) -> list[AreaResult]:
    """Check every area of a guides file, ordered by the dataset position of its first region, then by guide."""
    position: dict[str, int] = {region.id: number for number, region in enumerate(atlas.regions)}
    guides = [guide["id"] for guide in document["guides"]]
    results = [check_area(atlas, area) for area in document["areas"]]
    return sorted(results, key=lambda r: (position[r.regions[0]], guides.index(r.guide), r.area))


def totals(results: Iterable[AreaResult]) -> dict[str, int | float]:
    """Listed, agreeing, near, missing and unmapped names, and agreement in per cent of those listed."""
    results = list(results)
    counts: dict[str, int | float] = {
        status: sum(len(r.names(status)) for r in results) for status in ("agree", "near", "missing")
    }
    counts["listed"] = sum(len(r.findings) for r in results)
    counts["unmapped"] = sum(len(r.unmapped) for r in results)
    counts["agreement_percent"] = round(100 * counts["agree"] / counts["listed"], 1) if counts["listed"] else 0.0
    return {key: counts[key] for key in ("listed", "agree", "near", "missing", "unmapped", "agreement_percent")}


def by_guide(document: Mapping[str, Any], results: Sequence[AreaResult]) -> dict[str, dict[str, int | float]]:
    """The totals of each guide, in the data file's order, then of all guides together."""
    report = {guide["id"]: totals(r for r in results if r.guide == guide["id"]) for guide in document["guides"]}
    report["all guides"] = totals(results)
    return report


def decided(results: Iterable[AreaResult], decisions: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How the still-missing pairs stand against the curators' recorded decisions.

    ``decisions`` come from ``data/curation/region-guide-gaps.json``: each names a guide,
    an area and a listed name, and says whether the data lacked a referral (since added),
    the guide and the figures disagree, or the two name the place differently.
    """
    recorded = {(entry["guide"], entry["area"], entry["name"]): entry["decision"] for entry in decisions}
    counts = {"disagree": 0, "vocabulary": 0, "missing-referral": 0, "undecided": 0}
    for result in results:
        for name in result.names("missing"):
            counts[recorded.get((result.guide, result.area, name), "undecided")] += 1
    return counts


def _summary(counts: Mapping[str, int | float]) -> str:
    return (
        f"{counts['agree']}/{counts['listed']} agree ({counts['agreement_percent']}%), "
        f"{counts['near']} near, {counts['missing']} missing, {counts['unmapped']} unmapped"
    )


def print_text(atlas: tp.Atlas, document: Mapping[str, Any], results: Sequence[AreaResult]) -> None:
    """Print the areas grouped by region, with their near and missing muscles, then the totals by guide."""
    print(f"dataset {atlas.dataset_version}: {len(results)} guide areas from {len(document['guides'])} guides")
    current: tuple[str, ...] = ()
    for result in results:
        if result.regions != current:
            current = result.regions
            print(f"\n{' + '.join(current)}")
        listed, agree = len(result.findings), len(result.names("agree"))
        gloss = f" [{result.gloss}]" if result.gloss else ""
        print(f"  {result.guide}: {result.area!r}{gloss}: {agree}/{listed} agree")
        for status in ("near", "missing"):
            for finding in (f for f in result.findings if f.status == status):
                via = f" (via {'; '.join(finding.via)})" if finding.via else ""
                hint = f" (under the same parent: {'; '.join(finding.same_parent)})" if finding.same_parent else ""
                print(f"    {status:8}{finding.label}{via}{hint}")
        if result.unmapped:
            print(f"    unmapped {', '.join(result.unmapped)}")
    print("\nagreement by guide:")
    for guide, counts in by_guide(document, results).items():
        print(f"  {guide}: {_summary(counts)}")
    state = decided(results, _decisions())
    print(
        f"missing pairs with a recorded decision: {state['disagree']} guide and data disagree, "
        f"{state['vocabulary']} named differently, {state['missing-referral']} referral still to add; "
        f"{state['undecided']} undecided"
    )


def as_json(atlas: tp.Atlas, document: Mapping[str, Any], results: Sequence[AreaResult]) -> dict[str, Any]:
    """The report as JSON-able data: dataset version, totals by guide, and every area's findings."""
    return {
        "dataset_version": atlas.dataset_version,
        "by_guide": by_guide(document, results),
        "missing_decided": decided(results, _decisions()),
        "areas": [asdict(result) for result in results],
    }


def _decisions() -> list[dict[str, Any]]:
    """The curators' decisions on missing pairs, if the curation file is there (a source checkout)."""
    if not DECISIONS.exists():
        return []
    decisions: list[dict[str, Any]] = json.loads(DECISIONS.read_text(encoding="utf-8"))["decisions"]
    return decisions


def main(argv: Sequence[str] | None = None) -> int:
    """Check the guides file and print the report; exit 1 if the file is malformed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("guides", nargs="?", type=Path, default=DEFAULT, help="the guides file (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    document = json.loads(args.guides.read_text(encoding="utf-8"))
    atlas = tp.load()
    problems = check_document(atlas, document)
    if problems:
        print(f"{args.guides}: {len(problems)} problems", *problems, sep="\n  ", file=sys.stderr)
        return 1
    results = run(atlas, document)
    if args.json:
        print(json.dumps(as_json(atlas, document, results), indent=1, ensure_ascii=False))
    else:
        print_text(atlas, document, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
