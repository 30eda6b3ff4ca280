"""Measure ranking quality on a benchmark file (default: benchmarks/data/ranking-dev.json).

Every figure is **tie-averaged**: candidates that share a rank are taken in a random
order, and a figure is the expected value over those orders (an expected muscle tied
with four others for places 2 to 6 counts 2/5 within the top 3), so the alphabet, which
orders a tie, never counts as quality. The plain figures, with ties in the documented
order, are printed beside them.

- Pain guide: for each area, its first three muscles; the share of them within our top 5
  and top 10 (the area's words are the pain phrase).
- Vignettes: the chance that an expected muscle is at top 1 and within the top 3, and
  recall within the top 10. ``--mode phrases`` (the default) ranks each vignette from its
  own words (its ``pain`` phrases, as a person wrote them); ``--mode regions`` from the
  short area names a curator gave it (its ``regions``).

Benchmark muscle names are matched to dataset muscles by name or alias, then with the
qualifier in brackets moved or dropped ("trapezius (upper)" -> "upper trapezius",
"psoas (iliopsoas)" -> "iliopsoas"), then without a leading part word ("anterior
deltoid" -> "deltoid"); the guides' group names ("forearm extensors", "erector spinae",
...) stand for the muscles in GROUPS, and a group counts as found when any of its muscles
is. A name the dataset lacks is reported as such. ``--weight name=value`` (repeatable)
ranks with other weights, to compare variants of the model.

A benchmark file without a pain guide (``benchmarks/data/ranking-cases.json``, vignettes
written from published case reports) is measured on its vignettes alone.

Usage: python benchmarks/ranking_quality.py [--mode phrases|regions] [--weight NAME=VALUE] [BENCHMARK.json]
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import triggerpoints as tp

DEFAULT = Path(__file__).resolve().parent / "data" / "ranking-dev.json"


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


def tie_groups(ranking: tp.Ranking) -> list[list[str]]:
    """The candidates' muscle ids, grouped by shared rank, best group first."""
    groups: list[list[str]] = []
    previous = 0
    for candidate in ranking:
        if groups and candidate.rank == previous:
            groups[-1].append(candidate.muscle.id)
        else:
            groups.append([candidate.muscle.id])
        previous = candidate.rank
    return groups


def hit(groups: list[list[str]], wanted: frozenset[str], k: int) -> float:
    """The chance that a wanted muscle is within the top ``k`` when each tie is in a random order."""
    seen = 0
    for group in groups:
        inside = len(wanted.intersection(group))
        if seen + len(group) <= k:
            if inside:
                return 1.0
            seen += len(group)
            continue
        slots = k - seen
        if slots <= 0 or not inside:
            return 0.0
        return 1 - math.comb(len(group) - inside, slots) / math.comb(len(group), slots)
    return 0.0


def plain(groups: list[list[str]], wanted: frozenset[str], k: int) -> float:
    """Whether a wanted muscle is within the top ``k`` in the documented order (ties by name)."""
    return float(bool(wanted.intersection([m for group in groups for m in group][:k])))


class Bench:
    """Ranks benchmark cases with one set of weights and keeps score."""

    def __init__(self, atlas: tp.Atlas, weights: dict[str, float]) -> None:
        self.atlas = atlas
        self.weights = weights

    def groups(self, pain: list[str]) -> tuple[list[list[str]], tp.Ranking]:
        """Rank the phrases leniently; return the tie groups and the ranking."""
        ranking = tp.rank(pain, strict=False, atlas=self.atlas, **self.weights)  # type: ignore[arg-type]
        return tie_groups(ranking), ranking

    def pain_guide(self, areas: list[dict[str, Any]]) -> dict[str, float]:
        """Print and return the tie-averaged recall of each area's first three muscles."""
        totals = {"top 5": 0.0, "top 10": 0.0, "top 5 plain": 0.0, "top 10 plain": 0.0}
        count = 0
        misses: list[str] = []
        for area in areas:
            groups, ranking = self.groups([area["area"]])
            for entry in sorted(area["muscles"], key=lambda m: m["order"])[:3]:
                count += 1
                wanted = muscle_ids(self.atlas, entry["name"])
                for k in (5, 10):
                    totals[f"top {k}"] += hit(groups, wanted, k)
                    totals[f"top {k} plain"] += plain(groups, wanted, k)
                if hit(groups, wanted, 10) < 1:
                    why = "not in the dataset" if not wanted else f"top-10 chance {hit(groups, wanted, 10):.2f}"
                    misses.append(f"  {area['area']!r}: {entry['name']} ({why}){_unread(ranking)}")
        print(f"pain guide: {len(areas)} areas, {count} first-three muscles (tie-averaged; plain order in brackets)")
        for k in (5, 10):
            share, strict_share = totals[f"top {k}"] / count, totals[f"top {k} plain"] / count
            print(f"  recall within top {k:2}: {totals[f'top {k}']:.1f}/{count} = {share:.1%} ({strict_share:.1%})")
        print(f"  misses ({len(misses)}):", *misses, sep="\n")
        return {key: value / count for key, value in totals.items()}

    def vignettes(self, cases: list[dict[str, Any]], mode: str) -> dict[str, float]:
        """Print and return the tie-averaged hit rates of the vignettes' expected muscles."""
        totals = dict.fromkeys(("top 1", "top 3", "top 10", "top 1 plain", "top 3 plain", "top 10 plain"), 0.0)
        misses: list[str] = []
        for case in cases:
            groups, ranking = self.groups(case["pain"] if mode == "phrases" else case["regions"])
            wanted = frozenset().union(*(muscle_ids(self.atlas, e["muscle"]) for e in case["expected"]))
            for k in (1, 3, 10):
                totals[f"top {k}"] += hit(groups, wanted, k)
                totals[f"top {k} plain"] += plain(groups, wanted, k)
            if hit(groups, wanted, 3) < 1:
                names = ", ".join(e["muscle"] for e in case["expected"])
                order = [m.removeprefix("muscle:") for group in groups[:3] for m in group][:5]
                chance = hit(groups, wanted, 3)
                misses.append(
                    f"  {case['id']}: expected {names} (top-3 chance {chance:.2f}; got {order}){_unread(ranking)}"
                )
        n = len(cases)
        print(f"vignettes ({mode}): {n} (tie-averaged; plain order in brackets)")
        for k in (1, 3, 10):
            label, found, strict = (
                "hit at top" if k < 10 else "recall within top",
                totals[f"top {k}"],
                totals[f"top {k} plain"],
            )
            print(f"  {label} {k}: {found:.2f}/{n} = {found / n:.1%} ({strict / n:.1%})")
        print(f"  misses ({len(misses)}):", *misses, sep="\n")
        return {key: value / n for key, value in totals.items()}


def _unread(ranking: tp.Ranking) -> str:
    return f"; phrases that named nothing: {list(ranking.unresolved)}" if ranking.unresolved else ""


def _weight(text: str) -> tuple[str, float]:
    name, _, value = text.partition("=")
    return name.strip(), float(value)


def main(argv: Sequence[str] | None = None) -> dict[str, dict[str, float]]:
    """Run the benchmark named on the command line, or the default one; return the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("benchmark", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--mode", choices=("phrases", "regions"), default="phrases")
    parser.add_argument("--weight", action="append", type=_weight, default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    data = json.loads(args.benchmark.read_text(encoding="utf-8"))
    atlas = tp.load()
    weights = dict(args.weight)
    header = f"dataset {atlas.dataset_version} ({len(atlas.muscles)} muscles), model {tp.MODEL_VERSION}"
    print(f"{header}, benchmark {args.benchmark.name}" + (f", weights {weights}" if weights else ""))
    bench = Bench(atlas, weights)
    if args.mode == "regions" and any("regions" not in case for case in data["vignettes"]):
        parser.error(f"{args.benchmark.name}: --mode regions needs every vignette to list its 'regions'")
    return {
        "pain_guide": bench.pain_guide(data["pain_guide"]) if data.get("pain_guide") else {},
        "vignettes": bench.vignettes(data["vignettes"], args.mode),
    }


if __name__ == "__main__":
    main()
