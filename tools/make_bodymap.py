"""Generate ``src/triggerpoints/data/bodymap.json``: the zones and markers of the body maps.

The pictures of :mod:`triggerpoints` draw on the anterior and posterior body outlines of
the ``anatomapa`` package (one 540 x 960 frame; see the docs' credits). This script
draws, in that frame, a zone for every region of the region hierarchy that the two views
show, and an X position for every trigger point of the packaged data. It writes them
as plain SVG path data, so drawing needs no geometry at run time.

Everything is built from a few landmarks, measured on the outline once and written
below: the body's midline (x = 270), the edges of the trunk, and the outer (lateral) and
inner (medial) edges of each limb segment. A zone is a box in a segment's own
coordinates: ``u`` runs across the segment from its outer edge (0) to its inner edge (1)
(on the trunk: from the side of the body to the midline), ``v`` along it from its upper
end (0) to its lower end (1). Small features are ellipses or hand-placed polygons.

The geometry is written for the half of the frame on the viewer's left and mirrored for
the other half. On the anterior view the viewer's left is the person's right; on the
posterior view it is the person's left. The soles, which neither view shows, are drawn
as an inset at the bottom corners of the posterior view (seen from below, toes up).

Regions that no view can show (inside the body) are listed under ``not_drawable`` with
the reason. Run from the repository root after changing regions or trigger points:

    python tools/make_bodymap.py            # write the file
    python tools/make_bodymap.py --check    # fail if the file is out of date
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

Point = tuple[float, float]
Polygon = list[Point]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "triggerpoints" / "data" / "bodymap.json"
WIDTH, HEIGHT = 540, 960
MID = WIDTH / 2
OUTLINE = {"package": "anatomapa", "version": "0.4.5", "requirement": "anatomapa>=0.4.5,<0.5"}


# --- geometry -------------------------------------------------------------------------


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _along(line: Sequence[Point], v: float) -> Point:
    """The point at fraction ``v`` of a polyline, by index (its points are evenly spaced in v)."""
    v = min(max(v, 0.0), 1.0) * (len(line) - 1)
    i = min(int(v), len(line) - 2)
    return _lerp(line[i], line[i + 1], v - i)


class Band:
    """A limb or trunk segment between an outer edge (u = 0) and an inner edge (u = 1)."""

    def __init__(self, outer: Sequence[Point], inner: Sequence[Point]) -> None:
        if len(outer) != len(inner) or len(outer) < 2:
            raise ValueError("a band's two edges need the same number (>= 2) of points")
        self.outer, self.inner = list(outer), list(inner)

    def at(self, u: float, v: float) -> Point:
        """The point at ``u`` across and ``v`` along the band."""
        return _lerp(_along(self.outer, v), _along(self.inner, v), u)

    def box(self, u0: float = 0.0, u1: float = 1.0, v0: float = 0.0, v1: float = 1.0) -> Polygon:
        """The polygon of the band between ``u0``-``u1`` across and ``v0``-``v1`` along it."""
        steps = max(2, math.ceil((v1 - v0) * (len(self.outer) - 1) * 2) + 1)
        vs = [v0 + (v1 - v0) * k / (steps - 1) for k in range(steps)]
        return [self.at(u0, v) for v in vs] + [self.at(u1, v) for v in reversed(vs)]


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 16) -> Polygon:
    return [(cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n)) for k in range(n)]


def rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def clip(poly: Polygon, x0: float, y0: float, x1: float, y1: float) -> Polygon:
    """Sutherland-Hodgman clipping of a polygon to an axis-aligned rectangle."""
    edges = ((0, x0, 1), (0, x1, -1), (1, y0, 1), (1, y1, -1))
    out = poly
    for axis, bound, sign in edges:
        src, out = out, []
        for k, cur in enumerate(src):
            prev = src[k - 1]
            cur_in = (cur[axis] - bound) * sign >= 0
            prev_in = (prev[axis] - bound) * sign >= 0
            if cur_in != prev_in:
                t = (bound - prev[axis]) / (cur[axis] - prev[axis])
                out.append(_lerp(prev, cur, t))
            if cur_in:
                out.append(cur)
        if not out:
            return []
    return out


def mirror(poly: Polygon) -> Polygon:
    return [(WIDTH - x, y) for x, y in reversed(poly)]


def path(polys: Iterable[Polygon]) -> str:
    parts = []
    for poly in polys:
        if len(poly) < 3:
            continue
        head, *rest = poly
        parts.append(f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest) + "Z")
    return "".join(parts)


# --- landmarks (viewer's left half of the frame) ----------------------------------------

HEAD = ellipse(270, 63, 43, 55, 48)

# The trunk's side edge below the shoulder (x at y); the arm hangs outside it.
TRUNK_EDGE = [(185, 196), (230, 195), (260, 195), (295, 193), (310, 197), (330, 199), (345, 196), (360, 193),
              (380, 193), (400, 187), (420, 184), (440, 183), (470, 183), (490, 181)]  # fmt: skip


def trunk_x(y: float) -> float:
    pts = TRUNK_EDGE
    if y <= pts[0][0]:
        return pts[0][1]
    for (ya, xa), (yb, xb) in itertools.pairwise(pts):
        if ya <= y <= yb:
            return xa + (xb - xa) * (y - ya) / (yb - ya)
    return pts[-1][1]


TRUNK = Band([(trunk_x(y), y) for y in range(185, 491, 5)], [(MID, y) for y in range(185, 491, 5)])


def trunk(y0: float, y1: float, u0: float = 0.0, u1: float = 1.0) -> Polygon:
    """A zone of the trunk between two heights; ``u`` 0 at the side, 1 at the midline."""
    return TRUNK.box(u0, u1, (y0 - 185) / 305, (y1 - 185) / 305)


UPPER_ARM = Band([(150, 192), (146, 225), (142, 258), (135, 283), (130, 305), (127, 325)],
                 [(196, 200), (196, 240), (194, 275), (190, 297), (184, 315), (172, 338)])  # fmt: skip
ELBOW = Band([(127, 325), (117, 337), (106, 350)], [(172, 338), (166, 351), (160, 364)])
FOREARM = Band([(106, 350), (95, 373), (83, 398), (70, 418), (57, 434)],
               [(160, 364), (146, 386), (131, 405), (116, 424), (102, 444)])  # fmt: skip
WRIST = Band([(57, 434), (46, 447)], [(102, 444), (96, 458)])
HAND = Band([(46, 447), (34, 466), (24, 486)], [(96, 458), (88, 476), (70, 490)])
FINGERS = Band([(24, 486), (19, 530)], [(70, 490), (48, 533)])
THUMB: Polygon = [(22, 462), (30, 452), (46, 450), (52, 458), (40, 470), (28, 474)]

THIGH = Band([(181, 490), (178, 530), (178, 560), (181, 580), (184, 600), (187, 620), (189, 640), (190, 660), (190, 690)],
             [(268, 492), (265, 530), (261, 560), (256, 580), (253, 600), (251, 620), (250, 640), (249, 660), (243, 690)])  # fmt: skip
KNEE = Band([(190, 690), (187, 710), (186, 732)], [(243, 690), (240, 710), (245, 732)])
LEG = Band([(186, 732), (186, 750), (187, 770), (191, 790), (196, 810), (201, 830), (205, 850), (209, 868)],
           [(245, 732), (248, 750), (247, 770), (244, 790), (239, 810), (240, 830), (241, 850), (242, 868)])  # fmt: skip
ANKLE = Band([(209, 868), (209, 898)], [(242, 868), (245, 898)])
HEEL_BACK = Band([(209, 898), (208, 944)], [(245, 898), (248, 944)])
FOOT_TOP = Band([(212, 898), (205, 916), (195, 931), (186, 943)], [(245, 898), (246, 915), (242, 930), (238, 943)])
TOES_TOP = Band([(186, 943), (189, 956)], [(238, 943), (234, 956)])

# The sole inset (posterior view, bottom left: the left sole seen from below, toes up,
# its inner edge toward the middle of the frame).
SOLE = Band([(60, 826), (56, 850), (58, 874), (62, 898), (61, 920), (66, 942)],
            [(108, 826), (106, 850), (97, 874), (93, 898), (93, 920), (88, 942)])  # fmt: skip
SOLE_TOES = Band([(61, 806), (60, 826)], [(111, 800), (108, 826)])

TOP_OF_SHOULDER: Polygon = [(222, 150), (194, 160), (168, 170), (158, 180), (152, 190), (158, 197), (170, 186), (200, 174),
                   (236, 162)]  # fmt: skip
# Inside it: the angle of the neck (its inner part, where the side of the neck meets the
# shoulder) and the point of the shoulder (its outer part, over the acromion and the AC joint).
ANGLE_OF_NECK: Polygon = clip(TOP_OF_SHOULDER, 204, 0, 240, 960)
ACROMION: Polygon = clip(TOP_OF_SHOULDER, 148, 0, 178, 960)


def head(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return clip(HEAD, x0, y0, x1, y1)


# --- zones: region -> shapes on the viewer's left half ----------------------------------
# Keys are region ids without the prefix. A region absent from a view is drawn there as
# the union of its descendants' zones, if any.

ARM_COMMON: dict[str, list[Polygon]] = {
    "lateral-shoulder": [UPPER_ARM.box(0, 0.3, 0.05, 0.4)],
    "top-of-shoulder": [TOP_OF_SHOULDER],
    "angle-of-neck": [ANGLE_OF_NECK],
    "acromion": [ACROMION],
    "lateral-upper-arm": [UPPER_ARM.box(0, 0.3, 0.4, 1)],
    "medial-upper-arm": [UPPER_ARM.box(0.72, 1, 0.4, 1)],
    "lateral-epicondyle": [ELBOW.box(0, 0.3)],
    "medial-epicondyle": [ELBOW.box(0.7, 1)],
    "radial-forearm": [FOREARM.box(0, 0.3)],
    "ulnar-forearm": [FOREARM.box(0.7, 1)],
    "ulnar-hand": [HAND.box(0.75, 1)],
    "thumb": [THUMB],
    "index-finger": [FINGERS.box(0, 0.25)],
    "middle-finger": [FINGERS.box(0.25, 0.5)],
    "ring-finger": [FINGERS.box(0.5, 0.75)],
    "little-finger": [FINGERS.box(0.75, 1)],
}

LEG_COMMON: dict[str, list[Polygon]] = {
    "lateral-hip": [THIGH.box(0, 0.18, 0, 0.15), trunk(440, 490, 0, 0.15)],
    "greater-trochanter": [ellipse(188, 482, 7, 10)],
    "lateral-thigh": [THIGH.box(0, 0.22)],
    "medial-thigh": [THIGH.box(0.78, 1)],
    "lateral-knee": [KNEE.box(0, 0.22)],
    "medial-knee": [KNEE.box(0.78, 1)],
    "lateral-leg": [LEG.box(0, 0.22)],
    "medial-leg": [LEG.box(0.78, 1)],
    "lateral-ankle": [ANKLE.box(0, 0.25)],
    "lateral-malleolus": [ellipse(212, 884, 5, 6)],
    "medial-ankle": [ANKLE.box(0.75, 1)],
    "medial-malleolus": [ellipse(241, 880, 5, 6)],
    "flank": [trunk(320, 385, 0, 0.22)],
}

ANTERIOR: dict[str, list[Polygon]] = {
    **ARM_COMMON,
    **LEG_COMMON,
    # head and face
    "vertex": [head(200, 0, 340, 24)],
    "forehead": [head(234, 26, 306, 55)],
    "temple": [[(227, 44), (238, 38), (241, 66), (229, 72)]],
    "eyebrow": [[(242, 57), (266, 57), (266, 62), (242, 64)]],
    "eye": [ellipse(254, 70, 10, 5)],
    "ear": [[(221, 70), (228, 70), (230, 98), (224, 98)]],
    "nose": [[(264, 64), (276, 64), (280, 96), (260, 96)]],
    "cheek": [[(236, 78), (258, 78), (257, 97), (238, 100)]],
    "sinus": [ellipse(251, 86, 6, 6), ellipse(262, 48, 5, 4)],
    "mouth": [ellipse(270, 105, 11, 3.5)],
    "upper-teeth": [rect(255, 99.5, 269.5, 102.5)],
    "lower-teeth": [rect(255, 107.5, 269.5, 110.5)],
    "jaw": [[(230, 97), (240, 101), (257, 112), (260, 119), (249, 119), (235, 110)]],
    "temporomandibular-joint": [ellipse(231, 87, 4, 5)],
    "chin": [ellipse(270, 115, 10, 5)],
    # neck
    "throat": [rect(258, 122, 282, 155)],
    "suprasternal-notch": [ellipse(270, 161, 6, 5)],
    "anterior-neck": [rect(243, 120, 258, 158)],
    "lateral-neck": [[(233, 118), (243, 118), (243, 150), (232, 147)]],
    "supraclavicular": [[(243, 150), (246, 161), (212, 170), (206, 166), (222, 155), (232, 148)]],
    # chest
    "clavicle": [[(262, 166), (240, 163), (215, 167), (200, 175), (201, 181), (216, 174), (240, 170), (262, 172)]],
    "subclavicular": [[(262, 174), (240, 172), (216, 176), (201, 184), (200, 196), (262, 190)]],
    "sternum": [rect(263, 172, 277, 292)],
    "pectoral": [[(262, 191), (200, 197), (197, 232), (210, 252), (262, 250)]],
    "breast": [ellipse(231, 250, 24, 17)],
    "nipple": [ellipse(231, 255, 3.5, 3.5)],
    "lateral-chest": [[(197, 232), (212, 236), (213, 320), (200, 320), (194, 296), (196, 262)]],
    "axilla": [[(196, 220), (206, 224), (207, 252), (196, 252)]],
    # abdomen and pelvis
    "epigastric": [[(263, 292), (277, 292), (292, 306), (292, 332), (248, 332), (248, 306)]],
    "upper-abdominal-quadrant": [[(214, 292), (250, 300), (250, 356), (202, 356), (199, 330), (202, 300)]],
    "umbilical": [ellipse(270, 360, 14, 11)],
    "lower-abdominal-quadrant": [[(202, 362), (256, 362), (256, 428), (206, 430), (188, 410), (192, 385)]],
    "suprapubic": [rect(248, 431, 292, 454)],
    "pubic-bone": [[(244, 456), (296, 456), (292, 467), (248, 467)]],
    "groin": [[(197, 434), (209, 431), (256, 474), (248, 486)]],
    "anterior-hip": [[(186, 430), (205, 431), (216, 470), (202, 490), (181, 490), (183, 450)]],
    "penis": [rect(265, 470, 275, 498)],
    "scrotum": [ellipse(270, 500, 13, 11)],
    "testicle": [ellipse(264, 502, 5, 7)],
    # arm, front
    "anterior-shoulder": [UPPER_ARM.box(0.3, 1, 0, 0.4)],
    "anterior-upper-arm": [UPPER_ARM.box(0.3, 0.72, 0.4, 1)],
    "antecubital": [ELBOW.box(0.3, 0.7)],
    "volar-forearm": [FOREARM.box(0.3, 0.7)],
    "volar-wrist": [WRIST.box()],
    "palm": [HAND.box(0.3, 0.8, 0.1, 1)],
    "base-of-thumb": [HAND.box(0, 0.35, 0, 0.65)],
    "volar-fingers": [FINGERS.box()],
    # leg, front
    "anterior-thigh": [THIGH.box(0.22, 0.78)],
    "suprapatellar": [THIGH.box(0.3, 0.72, 0.88, 1)],
    "patella": [ellipse(216, 707, 11, 13)],
    "infrapatellar": [LEG.box(0.3, 0.7, 0, 0.1)],
    "anteromedial-knee": [KNEE.box(0.6, 0.85)],
    "anterior-leg": [LEG.box(0.22, 0.78)],
    "anterior-ankle": [ANKLE.box(0.25, 0.75)],
    "anteromedial-ankle": [ANKLE.box(0.6, 0.9)],
    "dorsal-midfoot": [FOOT_TOP.box(0.15, 0.85, 0, 0.55)],
    "dorsal-forefoot": [FOOT_TOP.box(0.15, 0.85, 0.55, 1)],
    "lateral-foot": [FOOT_TOP.box(0, 0.18)],
    "medial-foot": [FOOT_TOP.box(0.82, 1)],
    "dorsal-great-toe": [TOES_TOP.box(0.7, 1)],
    "dorsal-lesser-toes": [TOES_TOP.box(0, 0.7)],
}

POSTERIOR: dict[str, list[Polygon]] = {
    **ARM_COMMON,
    **LEG_COMMON,
    # head and neck
    "vertex": [head(200, 0, 340, 24)],
    "occiput": [head(238, 52, 302, 110)],
    "mastoid": [ellipse(235, 104, 5, 8)],
    "suboccipital": [rect(242, 108, 268, 124)],
    "posterior-neck": [[(232, 118), (268, 118), (268, 158), (236, 158), (232, 140)]],
    "lower-neck": [[(232, 142), (268, 142), (268, 160), (226, 160)]],
    "top-of-shoulder": [TOP_OF_SHOULDER],
    "angle-of-neck": [ANGLE_OF_NECK],
    "acromion": [ACROMION],
    # back
    "spine": [rect(265, 160, 275, 380)],
    "paraspinal": [rect(250, 165, 265, 380)],
    "upper-back": [trunk(185, 250, 0, 0.9), [(236, 162), (265, 160), (265, 185), (196, 185), (200, 174)]],
    "suprascapular": [[(244, 190), (212, 184), (199, 192), (200, 198), (244, 207)]],
    "infraspinous": [[(244, 207), (200, 198), (205, 225), (215, 255), (226, 284), (243, 270), (245, 230)]],
    "medial-scapular-border": [[(240, 192), (250, 192), (250, 282), (238, 282)]],
    "superior-scapular-angle": [ellipse(243, 192, 7, 7)],
    "inferior-scapular-angle": [ellipse(229, 288, 8, 8)],
    "lateral-scapular-border": [[(199, 204), (207, 202), (232, 283), (224, 289)]],
    "mid-back": [trunk(250, 330, 0, 0.9)],
    "interscapular": [rect(250, 192, 265, 285)],
    "low-thoracic-back": [trunk(300, 345, 0, 0.9)],
    "low-back": [trunk(330, 378, 0, 0.9)],
    "iliac-crest": [[(192, 372), (248, 366), (250, 376), (193, 382)]],
    # pelvis
    "sacrum": [[(252, 378), (288, 378), (282, 430), (276, 452), (264, 452), (258, 430)]],
    "coccyx": [[(264, 452), (276, 452), (272, 470), (268, 470)]],
    "sacroiliac-joint": [[(245, 382), (253, 380), (260, 426), (253, 430)]],
    "upper-buttock": [[(193, 382), (250, 382), (257, 430), (184, 435), (187, 400)]],
    "lower-buttock": [[(184, 435), (257, 430), (264, 455), (268, 490), (181, 490)]],
    "lateral-buttock": [[(193, 382), (215, 382), (212, 490), (181, 490), (183, 440), (187, 400)]],
    "medial-buttock": [[(240, 382), (250, 382), (258, 430), (264, 455), (268, 490), (246, 490)]],
    "ischial-tuberosity": [ellipse(240, 477, 9, 8)],
    "posterior-hip": [[(185, 440), (215, 440), (215, 486), (182, 486)]],
    "perineum": [ellipse(270, 486, 5, 6)],
    # arm, back
    "posterior-shoulder": [UPPER_ARM.box(0.3, 1, 0, 0.4)],
    "posterior-upper-arm": [UPPER_ARM.box(0.3, 0.72, 0.4, 1)],
    "olecranon": [ELBOW.box(0.3, 0.7)],
    "dorsal-forearm": [FOREARM.box(0.3, 0.7)],
    "dorsal-wrist": [WRIST.box()],
    "dorsal-hand": [HAND.box(0.3, 0.8, 0.1, 1)],
    "thumb-web": [HAND.box(0, 0.35, 0.2, 0.8)],
    "dorsal-fingers": [FINGERS.box()],
    # leg, back
    "posterior-thigh": [THIGH.box(0.22, 0.78)],
    "posterior-knee": [KNEE.box(0.22, 0.78)],
    "posterior-leg": [LEG.box(0.22, 0.78)],
    "achilles-tendon": [LEG.box(0.4, 0.62, 0.75, 1), ANKLE.box(0.4, 0.62)],
    "posterior-ankle": [ANKLE.box(0.25, 0.75)],
    "posterior-heel": [HEEL_BACK.box(0.15, 0.85, 0, 0.85)],
    "medial-heel": [HEEL_BACK.box(0.82, 1, 0.2, 1), SOLE.box(0.72, 1, 0.72, 1)],
    # the sole inset
    "metatarsal-heads": [SOLE.box(0, 1, 0, 0.2)],
    "plantar-midfoot": [SOLE.box(0.15, 1, 0.25, 0.62)],
    "plantar-heel": [SOLE.box(0, 1, 0.72, 1)],
    "plantar-great-toe": [SOLE_TOES.box(0.62, 1)],
    "plantar-lesser-toes": [SOLE_TOES.box(0, 0.62)],
}
POSTERIOR["lateral-foot"] = [SOLE.box(0, 0.18, 0.1, 0.7)]
POSTERIOR["medial-foot"] = [SOLE.box(0.82, 1, 0.1, 0.7)]

# Outlines of the sole inset (drawn like the body outline).
INSET: dict[str, list[Polygon]] = {"posterior": [SOLE.box() + SOLE_TOES.box()[::-1]]}

NOT_DRAWABLE = {
    "tongue": "inside the mouth",
    "bladder": "inside the pelvis",
    "pelvic-floor": "the floor of the pelvis, between the legs: hidden in front and back views",
    "rectum": "inside the pelvis",
    "vagina": "inside the pelvis",
}

VIEWS = {"anterior": ANTERIOR, "posterior": POSTERIOR}
# The person's side that the viewer's left half shows, per view.
LEFT_HALF_SIDE = {"anterior": "right", "posterior": "left"}


# --- trigger point markers: (view, x, y) on the viewer's left half ----------------------

A, P = "anterior", "posterior"
MARKERS: dict[str, tuple[str, float, float]] = {
    # lower torso
    "gluteus-maximus-trp1": (P, 250, 424), "gluteus-maximus-trp2": (P, 236, 464), "gluteus-maximus-trp3": (P, 258, 463),
    "gluteus-medius-trp1": (P, 240, 393), "gluteus-medius-trp2": (P, 216, 391), "gluteus-medius-trp3": (P, 194, 398),
    "gluteus-minimus-anterior": (A, 196, 442), "gluteus-minimus-posterior": (P, 208, 412),
    "piriformis-lateral": (P, 202, 446), "piriformis-medial": (P, 240, 433),
    "quadratus-femoris-central": (P, 214, 476), "obturator-externus-central": (P, 226, 482),
    "quadratus-lumborum-superficial-upper": (P, 222, 334), "quadratus-lumborum-superficial": (P, 220, 366),
    "quadratus-lumborum-deep": (P, 250, 346), "quadratus-lumborum-deep-lower": (P, 248, 368),
    "iliopsoas-distal": (A, 232, 498), "iliopsoas-iliacus": (A, 212, 440), "iliopsoas-psoas": (A, 246, 380),
    "coccygeus-trp": (P, 260, 458), "levator-ani-trp": (P, 266, 478), "obturator-internus-trp": (P, 250, 470),
    "sphincter-ani-trp": (P, 268, 484), "bulbospongiosus-trp": (A, 267, 512), "ischiocavernosus-trp": (A, 257, 506),
    # head and neck
    "sternocleidomastoid-sternal-upper": (A, 240, 116), "sternocleidomastoid-sternal-division": (A, 250, 135),
    "sternocleidomastoid-sternal-lower": (A, 261, 157), "sternocleidomastoid-clavicular-division": (A, 235, 126),
    "sternocleidomastoid-clavicular-middle": (A, 243, 143),
    "masseter-superficial-upper": (A, 241, 91), "masseter-superficial-mid-belly": (A, 243, 103),
    "masseter-superficial-lower": (A, 240, 113), "masseter-deep-layer": (A, 233, 91),
    "temporalis-trp1": (A, 238, 66), "temporalis-trp2": (A, 234, 56), "temporalis-trp3": (A, 230, 50),
    "temporalis-trp4": (A, 227, 64),
    "medial-pterygoid-central": (A, 243, 112), "lateral-pterygoid-central": (A, 238, 93),
    "digastric-posterior-belly": (A, 233, 112), "digastric-anterior-belly": (A, 262, 121),
    "orbicularis-oculi-central": (A, 254, 64), "zygomaticus-major-central": (A, 252, 92),
    "platysma-central": (A, 240, 146), "buccinator-central": (A, 250, 102),
    "occipitofrontalis-frontal-belly": (A, 255, 40), "occipitofrontalis-occipital-belly": (P, 245, 80),
    "trapezius-trp1": (P, 226, 157), "trapezius-trp2": (P, 205, 170), "trapezius-trp3": (P, 241, 274),
    "trapezius-trp4": (P, 244, 210), "trapezius-trp5": (P, 256, 214), "trapezius-trp6": (P, 212, 189),
    "splenius-capitis-central": (P, 246, 122), "splenius-cervicis-upper": (P, 240, 145),
    "splenius-cervicis-lower": (P, 237, 160), "semispinalis-capitis-upper": (P, 258, 116),
    "semispinalis-capitis-middle": (P, 258, 131), "semispinalis-cervicis-central": (P, 258, 148),
    "cervical-multifidi-mid-cervical": (P, 263, 138), "suboccipitals-group": (P, 250, 113),
    "levator-scapulae-upper": (P, 232, 150), "levator-scapulae-lower": (P, 240, 188),
    "scalenes-composite": (A, 238, 150),
    # shoulder and arm
    "rhomboids-medial-border": (P, 252, 240), "serratus-posterior-superior-central": (P, 236, 205),
    "supraspinatus-belly": (P, 225, 195), "supraspinatus-attachment": (P, 200, 190),
    "infraspinatus-medial-border": (P, 238, 256), "infraspinatus-upper-medial": (P, 236, 215),
    "infraspinatus-upper-lateral": (P, 216, 215), "teres-minor-central": (P, 206, 236),
    "latissimus-dorsi-upper": (P, 202, 272), "latissimus-dorsi-lower": (P, 201, 345),
    "teres-major-inferior-angle": (P, 221, 280), "teres-major-axillary-fold": (P, 203, 258),
    "subscapularis-lateral": (A, 201, 244),
    "deltoid-anterior": (A, 180, 214), "deltoid-middle": (A, 158, 222), "deltoid-posterior": (P, 178, 214),
    "coracobrachialis-central": (A, 188, 256), "biceps-brachii-long-head": (A, 160, 282),
    "biceps-brachii-short-head": (A, 176, 286), "brachialis-distal": (A, 150, 315),
    "triceps-brachii-trp1": (P, 170, 274), "triceps-brachii-trp2": (P, 146, 305), "triceps-brachii-trp3": (P, 151, 286),
    "triceps-brachii-trp4": (P, 141, 331), "triceps-brachii-deep-medial-head": (P, 162, 310),
    "anconeus-central": (P, 124, 341),
    # forearm and hand
    "extensor-carpi-radialis-longus-trp": (P, 108, 356), "extensor-carpi-radialis-brevis-trp": (P, 110, 372),
    "extensor-carpi-ulnaris-trp": (P, 130, 380), "brachioradialis-trp": (A, 112, 362),
    "extensor-digitorum-middle-finger": (P, 116, 381), "extensor-digitorum-ring-finger": (P, 121, 393),
    "extensor-indicis-trp": (P, 82, 421), "supinator-trp": (A, 117, 352), "palmaris-longus-trp": (A, 132, 378),
    "flexor-carpi-radialis-trp": (A, 121, 381), "flexor-carpi-ulnaris-trp": (A, 146, 381),
    "flexor-digitorum-superficialis-trp": (A, 106, 401), "flexor-digitorum-profundus-trp": (A, 119, 393),
    "flexor-pollicis-longus-trp": (A, 78, 421), "pronator-teres-trp": (A, 128, 367),
    "adductor-pollicis-trp": (A, 41, 474), "opponens-pollicis-trp": (A, 48, 465),
    "interossei-of-hand-first-dorsal": (P, 40, 476), "interossei-of-hand-other": (P, 56, 487),
    "abductor-digiti-minimi-of-hand-trp": (A, 82, 487),
    # chest, abdomen and back
    "pectoralis-major-clavicular": (A, 240, 187), "pectoralis-major-sternal": (A, 235, 215),
    "pectoralis-major-costal": (A, 208, 244), "pectoralis-major-arrhythmia": (A, 246, 263),
    "pectoralis-major-parasternal": (A, 258, 216), "sternalis-central": (A, 262, 205),
    "pectoralis-minor-central": (A, 222, 206), "subclavius-central": (A, 232, 177),
    "serratus-anterior-central": (A, 201, 284), "serratus-posterior-inferior-central": (P, 240, 330),
    "intercostals-central": (A, 216, 270), "diaphragm-costal-margin": (A, 226, 300),
    "rectus-abdominis-upper": (A, 255, 301), "rectus-abdominis-lower": (A, 258, 445),
    "rectus-abdominis-mcburney": (A, 238, 405), "rectus-abdominis-periumbilical": (A, 248, 360),
    "external-oblique-upper": (A, 215, 306), "external-oblique-lower-lateral": (A, 200, 410),
    "external-oblique-pubic-rim": (A, 250, 455), "internal-oblique-abdominal-wall": (A, 205, 380),
    "transversus-abdominis-abdominal-wall": (A, 236, 374), "pyramidalis-central": (A, 264, 449),
    "iliocostalis-thoracis-mid-thoracic": (P, 228, 262), "iliocostalis-thoracis-low-thoracic": (P, 228, 320),
    "iliocostalis-lumborum-central": (P, 230, 345), "longissimus-thoracis-upper": (P, 250, 314),
    "longissimus-thoracis-lower": (P, 250, 334), "multifidi-lumbar": (P, 260, 356), "multifidi-s1": (P, 262, 383),
    "multifidi-thoracic": (P, 262, 226), "rotatores-central": (P, 263, 292),
    # hip, thigh and knee
    "tensor-fasciae-latae-anterior": (A, 200, 455), "tensor-fasciae-latae-lateral": (A, 188, 470),
    "sartorius-upper": (A, 215, 520), "sartorius-middle": (A, 235, 580), "sartorius-lower": (A, 246, 668),
    "pectineus-central": (A, 248, 494), "rectus-femoris-upper": (A, 220, 506), "rectus-femoris-lower": (A, 220, 670),
    "vastus-medialis-proximal": (A, 245, 612), "vastus-medialis-trp1": (A, 238, 668),
    "vastus-intermedius-central": (A, 218, 562), "vastus-lateralis-lateral": (A, 187, 590),
    "vastus-lateralis-posterior": (P, 190, 600), "vastus-lateralis-distal": (A, 198, 676),
    "adductor-longus-proximal": (A, 256, 510), "adductor-longus-distal": (A, 252, 560),
    "adductor-brevis-central": (A, 250, 526), "adductor-magnus-mid-thigh": (P, 250, 590),
    "adductor-magnus-upper": (P, 252, 502), "gracilis-central": (A, 258, 562),
    "biceps-femoris-lower": (P, 198, 640), "semitendinosus-central": (P, 242, 620),
    "semimembranosus-central": (P, 235, 642), "popliteus-central": (P, 228, 718),
    # leg, ankle and foot
    "gastrocnemius-trp3-trp4": (P, 218, 729), "gastrocnemius-trp1": (P, 236, 751), "gastrocnemius-trp2": (P, 200, 753),
    "soleus-trp1": (P, 232, 836), "soleus-trp2": (P, 200, 766), "soleus-trp3": (P, 215, 824),
    "plantaris-central": (P, 208, 722), "tibialis-anterior-central": (A, 212, 766),
    "tibialis-posterior-central": (P, 220, 772), "peroneus-longus-central": (A, 192, 760),
    "peroneus-brevis-central": (A, 201, 830), "peroneus-tertius-central": (A, 211, 855),
    "extensor-digitorum-longus-central": (A, 202, 766), "extensor-hallucis-longus-central": (A, 219, 836),
    "flexor-digitorum-longus-central": (P, 238, 776), "flexor-hallucis-longus-central": (P, 210, 830),
    "extensor-digitorum-brevis-central": (A, 207, 911), "extensor-hallucis-brevis-central": (A, 226, 912),
    "abductor-hallucis-central": (P, 96, 905), "flexor-digitorum-brevis-central": (P, 79, 868),
    "abductor-digiti-minimi-of-foot-central": (P, 63, 896), "quadratus-plantae-central": (P, 78, 912),
    "flexor-hallucis-brevis-central": (P, 100, 846), "adductor-hallucis-central": (P, 82, 838),
    "dorsal-interossei-of-foot-interossei": (A, 221, 926),
    "dorsal-interossei-of-foot-first-dorsal-interosseous": (A, 233, 921),
}  # fmt: skip


# --- output -------------------------------------------------------------------------------


def _sided(view: str, shapes: list[Polygon]) -> dict[str, str]:
    near = LEFT_HALF_SIDE[view]
    far = "left" if near == "right" else "right"
    return {near: path(shapes), far: path(mirror(s) for s in shapes)}


def _centred(shapes: list[Polygon]) -> dict[str, str]:
    return {"center": path(shapes)}


def _point(view: str, x: float, y: float) -> dict[str, list[float]]:
    near = LEFT_HALF_SIDE[view]
    far = "left" if near == "right" else "right"
    return {near: [round(x, 1), round(y, 1)], far: [round(WIDTH - x, 1), round(y, 1)]}


def build(regions: dict[str, bool], trigger_points: list[str]) -> dict[str, object]:
    """The bodymap document for the given regions (id -> sided) and trigger point ids."""
    problems = []
    views: dict[str, dict[str, dict[str, str]]] = {}
    for view, zones in VIEWS.items():
        out: dict[str, dict[str, str]] = {}
        for name in sorted(zones):
            rid = f"region:{name}"
            if rid not in regions:
                problems.append(f"{view}: zone for unknown region {rid}")
                continue
            out[rid] = _sided(view, zones[name]) if regions[rid] else _centred(zones[name])
        views[view] = out
    problems += [
        f"not_drawable: unknown region region:{name}" for name in NOT_DRAWABLE if f"region:{name}" not in regions
    ]
    markers = {}
    for tid in sorted(trigger_points):
        key = tid.removeprefix("tp:")
        if key not in MARKERS:
            problems.append(f"no marker for {tid}")
            continue
        view, x, y = MARKERS[key]
        markers[tid] = {"view": view, **_point(view, x, y)}
    known = {t.removeprefix("tp:") for t in trigger_points}
    problems += [f"marker for unknown trigger point tp:{key}" for key in sorted(set(MARKERS) - known)]
    if problems:
        raise SystemExit("make_bodymap: " + "\n  ".join(["problems:", *problems]))
    return {
        "bodymap_version": "1.0",
        "description": "Zones (SVG path data) per view and region, and trigger point positions, in the "
        "540 x 960 frame of the anatomapa body outlines. Generated by tools/make_bodymap.py.",
        "frame": [WIDTH, HEIGHT],
        "outline": OUTLINE,
        "views": views,
        "insets": {view: path([*shapes, *(mirror(shape) for shape in shapes)]) for view, shapes in INSET.items()},
        "not_drawable": {f"region:{k}": v for k, v in sorted(NOT_DRAWABLE.items())},
        "markers": markers,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the packaged file is out of date")
    args = parser.parse_args(argv)
    data = json.loads((ROOT / "src" / "triggerpoints" / "data" / "triggerpoints.json").read_text(encoding="utf-8"))
    regions = {r["id"]: r["sided"] for r in data["regions"]}
    text = json.dumps(build(regions, [t["id"] for t in data["trigger_points"]]), indent=1) + "\n"
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python tools/make_bodymap.py", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
