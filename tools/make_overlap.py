"""Generate ``src/triggerpoints/data/overlap.json``: how the regions overlap on the body maps.

The region hierarchy has one parent per region, so places that overlap on the body can sit
in different branches of the tree (the angle of the neck under the shoulder, the eyebrow
under the face but the forehead under the head). Ranking uses this file to let such
regions explain each other in part, and to measure how much of an asked-for region a
muscle's referral zones cover.

The zones are those of ``src/triggerpoints/data/bodymap.json`` (made by
``tools/make_bodymap.py``): per view, each region's own zone together with the zones of the
regions inside it. Each zone is filled on a grid of one pixel of the
540 x 960 frame (both sides of the body), then grown by MARGIN pixels (about 5 mm on an
adult), so that zones drawn edge to edge count as touching. Written for each view:

- ``regions``: every region with a zone in some view: its parent (ranking uses the
  file only for regions whose id and parent match the atlas it ranks with) and its area
  in pixels per view (of the grown zone);
- ``shared``: for each pair of regions neither of which lies inside the other in the
  hierarchy, the pixels their grown zones share, per view (pairs that share none are
  left out);
- ``sites``: the smallest region whose zone holds each trigger point's marker, so that a
  muscle's name can be read as the place where it lies;
- ``hidden``: the regions the body maps cannot show, with the reason (from the body
  map), so that their overlaps are known to be unknown;
- ``apart``: the regions (with those inside them) that share no area with any other
  region, whatever their drawn zones touch, with the reason (the table APART below).

Run from the repository root after changing the body map or the regions:

    python tools/make_overlap.py            # write the file
    python tools/make_overlap.py --check    # fail if the file is out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "triggerpoints" / "data"
OUT = DATA / "overlap.json"
MARGIN = 3
# Structures beneath the surface that a person names rather than points at. Their zones
# are drawn over the surface regions in front of them, but pain in one is not pain in
# the other: a toothache is not felt in the lips or the palate, and a referral to the
# mouth does not explain it. Their overlaps are left out; the region tree still links
# them (a referral to the upper teeth explains pain in the teeth).
APART = {
    "region:teeth": "the teeth lie behind the lips and cheeks: a person names them rather than points at them",
}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")

Polygon = list[tuple[float, float]]


def polygons(path: str) -> list[Polygon]:
    """The polygons of SVG path data made of ``M``, ``L`` and ``Z`` commands only."""
    found: list[Polygon] = []
    for part in path.split("M")[1:]:
        numbers = [float(n) for n in _NUMBER.findall(part)]
        found.append(list(zip(numbers[0::2], numbers[1::2], strict=True)))
    return found


def fill(shapes: Iterable[Polygon], width: int) -> int:
    """The pixels (as bits of an int, row by row) whose centres lie inside any shape (even-odd rule)."""
    mask = 0
    for poly in shapes:
        ys = [y for _, y in poly]
        for row in range(max(0, int(min(ys))), int(max(ys)) + 1):
            centre = row + 0.5
            crossings = sorted(
                x0 + (centre - y0) * (x1 - x0) / (y1 - y0)
                for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True)
                if (y0 <= centre < y1) or (y1 <= centre < y0)
            )
            for left, right in zip(crossings[0::2], crossings[1::2], strict=False):
                first, last = max(0, round(left)), min(width, round(right))
                if last > first:
                    mask |= ((1 << (last - first)) - 1) << (row * width + first)
    return mask


def grow(mask: int, width: int, steps: int) -> int:
    """The mask grown by ``steps`` pixels (a diamond: left, right, up and down per step)."""
    for _ in range(steps):
        mask |= (mask << 1) | (mask >> 1) | (mask << width) | (mask >> width)
    return mask


def zones(bodymap: Mapping[str, Any], parents: Mapping[str, str | None]) -> dict[str, dict[str, int]]:
    """Per view, each region's grown zone: its own together with those of the regions inside it."""
    width = int(bodymap["frame"][0])
    children: dict[str, list[str]] = {}
    for region, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(region)
    result: dict[str, dict[str, int]] = {}
    for view, drawn in bodymap["views"].items():
        own = {
            region: fill((p for side in paths.values() for p in polygons(side)), width)
            for region, paths in drawn.items()
        }
        masks: dict[str, int] = {}

        def union(region: str, own: dict[str, int] = own, masks: dict[str, int] = masks) -> int:
            if region not in masks:
                masks[region] = own.get(region, 0) | _union_of(union(child) for child in children.get(region, ()))
            return masks[region]

        for region in parents:
            union(region)
        result[view] = {region: grow(mask, width, MARGIN) for region, mask in masks.items() if mask}
    return result


def _union_of(masks: Iterable[int]) -> int:
    total = 0
    for mask in masks:
        total |= mask
    return total


def _ancestors(region: str, parents: Mapping[str, str | None]) -> set[str]:
    found: set[str] = set()
    current = parents.get(region)
    while current is not None:
        found.add(current)
        current = parents.get(current)
    return found


def _sites(bodymap: Mapping[str, Any], areas: Mapping[str, Mapping[str, int]]) -> dict[str, str]:
    """The smallest region whose own zone holds each trigger point marker."""
    width = int(bodymap["frame"][0])
    sites: dict[str, str] = {}
    for point, marker in sorted(bodymap["markers"].items()):
        view = marker["view"]
        x, y = marker.get("left") or marker["right"]
        bit = 1 << (int(y) * width + int(x))
        holding = [
            region
            for region, paths in bodymap["views"][view].items()
            if fill((p for side in paths.values() for p in polygons(side)), width) & bit
        ]
        if holding:
            sites[point] = min(holding, key=lambda region: (sum(areas[region].values()), region))
    return sites


def build(bodymap: Mapping[str, Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """The overlap document for a body map and a dataset document."""
    parents: dict[str, str | None] = {region["id"]: region["parent"] for region in data["regions"]}
    grown = zones(bodymap, parents)
    ids = sorted({region for masks in grown.values() for region in masks})
    areas = {
        region: {view: masks[region].bit_count() for view, masks in grown.items() if region in masks} for region in ids
    }
    ancestors = {region: _ancestors(region, parents) for region in parents}
    apart = {region for region in ids if ({region} | ancestors[region]) & APART.keys()}
    shared: dict[str, list[list[Any]]] = {}
    for view, masks in grown.items():
        pairs: list[list[Any]] = []
        drawn = sorted(masks)
        for number, first in enumerate(drawn):
            for second in drawn[number + 1 :]:
                if first in ancestors[second] or second in ancestors[first] or first in apart or second in apart:
                    continue
                common = (masks[first] & masks[second]).bit_count()
                if common:
                    pairs.append([first, second, common])
        shared[view] = pairs
    return {
        "overlap_version": "1.0",
        "description": "Areas of the regions' zones on the body maps, and the area each pair of regions in "
        f"different branches of the region tree shares, per view, in pixels of the 540 x 960 frame (zones grown "
        f"by {MARGIN} pixels); the region under each trigger point's marker; the regions the maps cannot show; and "
        "the regions whose drawn zones stand for structures beneath the surface, which share no area. "
        "Generated by tools/make_overlap.py from bodymap.json and triggerpoints.json.",
        "margin": MARGIN,
        "regions": {region: {"parent": parents[region], "area": areas[region]} for region in ids},
        "shared": shared,
        "sites": _sites(bodymap, areas),
        "hidden": dict(sorted(bodymap.get("not_drawable", {}).items())),
        "apart": dict(sorted(APART.items())),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write the file, or with ``--check`` fail if it is out of date."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the packaged file is out of date")
    args = parser.parse_args(argv)
    bodymap = json.loads((DATA / "bodymap.json").read_text(encoding="utf-8"))
    data = json.loads((DATA / "triggerpoints.json").read_text(encoding="utf-8"))
    text = json.dumps(build(bodymap, data), separators=(",", ":")) + "\n"
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python tools/make_overlap.py", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
