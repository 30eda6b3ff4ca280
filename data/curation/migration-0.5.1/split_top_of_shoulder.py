"""Data 0.5.0 -> 0.5.1: the top of the shoulder split into the angle of the neck and the point of the shoulder.

The ranking issue found that "top of shoulder" lumped the angle of the neck (where the
side of the neck meets the shoulder, the levator scapulae's zone) with the acromion and
the AC joint (trapezius TrP6's zone), so a question about the AC joint ranked the
levator scapulae first. The region stays, with two regions inside it; the referrals whose
notes (written from their cited pages) name one of the two move to it. The diaphragm's
spillover, whose pages say only "the top of the shoulder", stays on the parent.

Run once from the repository root, then ``python tools/make_bodymap.py``,
``python tools/make_overlap.py`` and ``python tools/build_data.py``. Kept as the record
of the change; it refuses to run on a file that already has the new regions.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "src" / "triggerpoints" / "data" / "triggerpoints.json"

ANGLE = {
    "id": "region:angle-of-neck",
    "name": "Angle of the neck",
    "aliases": ["angle of neck", "where the neck meets the shoulder", "neck shoulder angle"],
    "parent": "region:top-of-shoulder",
    "views": ["anterior", "posterior", "lateral"],
    "sided": True,
    "description": "The angle where the side of the neck meets the top of the shoulder.",
    "caution": None,
}
POINT = {
    "id": "region:acromion",
    "name": "Point of the shoulder",
    "aliases": [
        "acromion",
        "ac joint",
        "acromioclavicular joint",
        "tip of the shoulder",
        "shoulder tip",
        "bony point of the shoulder",
    ],
    "parent": "region:top-of-shoulder",
    "views": ["anterior", "posterior", "lateral"],
    "sided": True,
    "description": "The bony point at the outer end of the top of the shoulder, with the joint "
    "between the collarbone and the shoulder blade.",
    "caution": None,
}
MOVED = {
    "region:angle-of-neck": ("tp:splenius-cervicis-lower", "tp:levator-scapulae-upper", "tp:levator-scapulae-lower"),
    "region:acromion": ("tp:trapezius-trp3", "tp:trapezius-trp6"),
}
KEPT_ALIASES = ["top of the shoulder", "shoulder top"]


def main() -> None:
    document = json.loads(DATA.read_text(encoding="utf-8"))
    regions = document["regions"]
    if any(region["id"] in MOVED for region in regions):
        raise SystemExit("already split")
    at = next(n for n, region in enumerate(regions) if region["id"] == "region:top-of-shoulder")
    regions[at]["aliases"] = KEPT_ALIASES
    regions[at + 1 : at + 1] = [ANGLE, POINT]
    points = {point["id"]: point for point in document["trigger_points"]}
    for region, ids in MOVED.items():
        for point_id in ids:
            (referral,) = [r for r in points[point_id]["referrals"] if r["region"] == "region:top-of-shoulder"]
            referral["region"] = region
            note = (
                f"Data 0.5.1: narrowed from region:top-of-shoulder to {region} when that region was split, "
                "as the note written from the cited pages places it."
            )
            referral["curation"] = f"{referral.get('curation', '')} {note}".strip()
    document["dataset_version"] = "0.5.1"
    DATA.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
