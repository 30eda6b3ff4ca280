"""Check, per pain area of a benchmark, that the data says the first-listed muscles refer there.

For each pain-guide area of the benchmark (default: ../shared/benchmark/ranking-dev.json),
the area phrase is resolved to regions (``tp.resolve_place``), and the muscles whose
trigger points refer to those regions or to regions inside them
(``atlas.muscles_referring_to``) are compared with the first three muscles the source
lists. Areas are grouped by half of the body: the lower half is the pelvis and the lower
limb (the manual's second volume), the upper half everything else. Muscle names are
matched as in ``ranking_quality.py``.

Usage: python benchmarks/area_coverage.py [BENCHMARK.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ranking_quality import DEFAULT, muscle_ids

import triggerpoints as tp

LOWER = {"region:pelvis", "region:lower-limb"}


def half(atlas: tp.Atlas, regions: tuple[str, ...]) -> str:
    enclosing = {a.id for r in regions for a in atlas.ancestors_of(r)} | set(regions)
    return "lower" if enclosing & LOWER else "upper"


def main(argv: list[str]) -> None:
    """Print the per-area report."""
    path = Path(argv[0]) if argv else DEFAULT
    areas = json.loads(path.read_text(encoding="utf-8"))["pain_guide"]
    atlas = tp.load()
    print(f"dataset {atlas.dataset_version} ({len(atlas.muscles)} muscles), benchmark {path.name}")
    totals: dict[str, list[int]] = {"upper": [0, 0], "lower": [0, 0]}
    lines: dict[str, list[str]] = {"upper": [], "lower": []}
    for area in areas:
        place = tp.resolve_place(area["area"], atlas=atlas)
        referring = {m.id for region in place.regions for m in atlas.muscles_referring_to(region)}
        part = half(atlas, place.regions)
        found, missing = [], []
        for entry in sorted(area["muscles"], key=lambda m: m["order"])[:3]:
            wanted = muscle_ids(atlas, entry["name"])
            (found if wanted & referring else missing).append(entry["name"])
        totals[part][0] += len(found)
        totals[part][1] += len(found) + len(missing)
        status = "ok  " if not missing else "MISS"
        regions = ", ".join(place.regions) or "no region"
        lines[part].append(
            f"  {status} {area['area']!r} [{regions}]: missing {missing}"
            if missing
            else f"  {status} {area['area']!r} [{regions}]"
        )
    for part in ("upper", "lower"):
        have, of = totals[part]
        print(f"{part} half: {have}/{of} first-three muscles refer there")
        print("\n".join(lines[part]))


if __name__ == "__main__":
    main(sys.argv[1:])
