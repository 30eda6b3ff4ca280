"""Measure ranking quality on a benchmark file (default: ../shared/benchmark/ranking-dev.json).

Prints, for the pain-guide areas, the recall of each source's first three muscles within
our top 5 and top 10, and for the vignettes the hit rate of an expected muscle at top 1
and top 3, listing every miss with its reason. Benchmark muscle names are matched to
dataset muscles by name or alias, then with the qualifier in brackets moved or dropped
("trapezius (upper)" -> "upper trapezius", "psoas (iliopsoas)" -> "iliopsoas"), then
without a leading part word ("anterior deltoid" -> "deltoid"); the guides' group names
("forearm extensors", "erector spinae", ...) stand for the muscles in GROUPS, and a group
counts as found when any of its muscles is. A name the dataset lacks is reported as such.

Usage: python benchmarks/ranking_quality.py [BENCHMARK.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import triggerpoints as tp

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmark" / "ranking-dev.json"


# Group names the public guides use, and the manual's muscles they stand for.
GROUPS = {
    "forearm extensors": ("extensor carpi radialis longus", "extensor carpi radialis brevis", "extensor carpi ulnaris"),
    "finger extensors": ("extensor digitorum", "extensor indicis"),
    "forearm flexors": (
        "flexor carpi radialis",
        "flexor carpi ulnaris",
        "flexor digitorum superficialis",
        "flexor digitorum profundus",
        "flexor pollicis longus",
    ),
    "erector spinae": ("iliocostalis thoracis", "iliocostalis lumborum", "longissimus thoracis"),
    "deep paraspinals": ("multifidi", "rotatores"),
    "abdominal obliques": ("external oblique", "internal oblique"),
    "interossei (foot)": ("dorsal interossei of foot", "plantar interossei of foot"),
    "interossei": ("interossei of hand",),
}
PART_WORDS = ("anterior", "middle", "posterior", "upper", "lower")


def _one(atlas: tp.Atlas, name: str) -> str | None:
    try:
        return atlas.muscle(name).id
    except (tp.UnknownIdError, tp.AmbiguousKeyError):
        return None


def _spellings(name: str) -> list[str]:
    head, _, rest = name.partition("(")
    head, qualifier = head.strip(), rest.rstrip(")").strip()
    spellings = [name]
    if qualifier:
        spellings += [f"{qualifier} {head}", f"{head} of {qualifier}", qualifier, head]
    words = head.split()
    if len(words) > 1 and words[0] in PART_WORDS:
        spellings.append(" ".join(words[1:]))
    return spellings


def muscle_ids(atlas: tp.Atlas, name: str) -> frozenset[str]:
    """The dataset muscles a benchmark name means (empty if the dataset lacks them)."""
    if name in GROUPS:
        return frozenset(filter(None, (_one(atlas, member) for member in GROUPS[name])))
    if "/" in name:
        head, _, rest = name.partition("(")
        members = (f"{head.strip()} {part.strip()}" for part in rest.rstrip(")").split("/"))
        return frozenset(filter(None, (_one(atlas, member) for member in members)))
    for spelling in _spellings(name):
        found = _one(atlas, spelling)
        if found:
            return frozenset({found})
    return frozenset()


def ranked(atlas: tp.Atlas, pain: list[str]) -> tuple[list[str], tuple[str, ...]]:
    ranking = tp.rank(pain, strict=False, atlas=atlas)
    return [candidate.muscle.id for candidate in ranking], ranking.unresolved


def pain_guide(atlas: tp.Atlas, areas: list[dict[str, Any]]) -> None:
    hits = {5: 0, 10: 0}
    total = present = 0
    misses: list[str] = []
    for area in areas:
        order, unresolved = ranked(atlas, [area["area"]])
        for entry in sorted(area["muscles"], key=lambda m: m["order"])[:3]:
            total += 1
            wanted = muscle_ids(atlas, entry["name"])
            present += bool(wanted)
            for k in hits:
                hits[k] += bool(wanted & set(order[:k]))
            if not wanted & set(order[:10]):
                why = "not in the dataset" if not wanted else "not in our top 10"
                if unresolved:
                    why += "; the area phrase named no region"
                misses.append(f"  {area['area']!r}: {entry['name']} ({why})")
    print(f"pain guide: {len(areas)} areas, {total} first-three muscles")
    for k, count in hits.items():
        print(f"  recall within top {k:2}: {count}/{total} = {count / total:.0%}", end="")
        print(f"; of the {present} the dataset has: {count}/{present}" if present else "")
    print(f"  misses ({len(misses)}):")
    print("\n".join(misses))


def vignettes(atlas: tp.Atlas, cases: list[dict[str, Any]]) -> None:
    top1 = top3 = present = 0
    misses: list[str] = []
    for case in cases:
        order, unresolved = ranked(atlas, case["pain"])
        wanted = frozenset().union(*(muscle_ids(atlas, e["muscle"]) for e in case["expected"]))
        present += bool(wanted)
        top1 += bool(wanted & set(order[:1]))
        top3 += bool(wanted & set(order[:3]))
        if not wanted & set(order[:3]):
            names = ", ".join(e["muscle"] for e in case["expected"])
            why = "expected muscle not in the dataset" if not wanted else f"got {order[:3]}"
            extra = f"; unresolved phrases {list(unresolved)}" if unresolved else ""
            misses.append(f"  {case['id']}: expected {names} ({why}{extra})")
    n = len(cases)
    print(f"vignettes: {n}")
    print(f"  hit at top 1: {top1}/{n} = {top1 / n:.0%}")
    print(f"  hit at top 3: {top3}/{n} = {top3 / n:.0%}")
    print(f"  of the {present} whose expected muscle the dataset has: top 1 {top1}/{present}, top 3 {top3}/{present}")
    print(f"  misses ({len(misses)}):")
    print("\n".join(misses))


def main(argv: list[str]) -> None:
    """Run the benchmark named on the command line, or the default one."""
    path = Path(argv[0]) if argv else DEFAULT
    data = json.loads(path.read_text(encoding="utf-8"))
    atlas = tp.load()
    header = f"dataset {atlas.dataset_version} ({len(atlas.muscles)} muscles), model {tp.MODEL_VERSION}"
    print(f"{header}, benchmark {path.name}")
    pain_guide(atlas, data["pain_guide"])
    vignettes(atlas, data["vignettes"])


if __name__ == "__main__":
    main(sys.argv[1:])
