"""Walking the graph: the ways a muscle or trigger point can produce pain in a region.

A path starts at a muscle (or one of its trigger points), may follow satellite and key
relations to other muscles, and ends with a trigger point referring pain to the target
region (or to a region inside or around it). Only the atlas's indexes are walked;
networkx is not needed.
"""

from __future__ import annotations

from typing import Literal

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints._evidence import DEFAULT_WEIGHTS, Weights, specificity
from triggerpoints._load import load
from triggerpoints._lookup import resolve_place
from triggerpoints._models import RelationKind, TriggerPoint, Zone
from triggerpoints.exceptions import ArgumentError

__all__ = ["Path", "Step", "trace"]

StepKind = Literal["satellite", "key", "refers"]
_FOLLOWED = (RelationKind.SATELLITE, RelationKind.KEY)


@attrs.frozen(kw_only=True)
class Step:
    """One typed step of a path.

    Attributes:
        kind: ``"satellite"`` or ``"key"`` (a relation from one muscle or trigger
            point to another), or ``"refers"`` (a trigger point refers pain).
        source: Where the step starts (muscle or trigger point id).
        target: Where it ends (muscle, trigger point or region id).
        weight: The step's plausibility, from 0 to 1.
        detail: For relations, the relation id; for referrals, the zone and how the
            referred region sits relative to the target ("essential, exact").
        names: Display names of ``source`` and ``target``.
    """

    kind: StepKind
    source: str
    target: str
    weight: float
    detail: str
    names: tuple[str, str]


@attrs.frozen(kw_only=True)
class Path:
    """A way for the source to produce pain in the target.

    Attributes:
        steps: The steps, in order.
        plausibility: The product of the steps' weights.
    """

    steps: tuple[Step, ...]
    plausibility: float

    def __str__(self) -> str:
        """One line: ``A -> satellite -> B anterior -> refers (essential, exact) -> C``.

        The node before ``refers`` is the trigger point that refers the pain.
        """
        parts = [self.steps[0].names[0]]
        for step in self.steps:
            if step.kind == "refers":
                parts[-1] = step.names[0]
                parts.extend([f"refers ({step.detail})", step.names[1]])
            else:
                parts.extend([step.kind, step.names[1]])
        return " -> ".join(parts)


def trace(
    source: str,
    target: str,
    *,
    max_depth: int = 3,
    atlas: Atlas | None = None,
    relation_weight: float = 0.5,
    essential: float = DEFAULT_WEIGHTS.essential,
    spillover: float = DEFAULT_WEIGHTS.spillover,
    subregion: float = DEFAULT_WEIGHTS.subregion,
    broader: float = DEFAULT_WEIGHTS.broader,
) -> tuple[Path, ...]:
    """Return the ways ``source`` can produce pain in ``target``, most plausible first.

    Args:
        source: A muscle or trigger point (id, name or alias).
        target: A region (id, name, alias or phrase naming one region).
        max_depth: The most satellite/key relations a path may follow (0 for direct
            referral only).
        atlas: The atlas to walk (default: the packaged one).
        relation_weight: Plausibility of following one relation.
        essential: Plausibility of an essential referral.
        spillover: Plausibility of a spillover referral.
        subregion: Factor when the referral names a region inside the target.
        broader: Factor when the target lies inside the referral's region.

    Returns:
        The paths, by plausibility (then fewer steps, then text). A muscle appears at
        most once in a path.

    Raises:
        UnknownIdError: ``source`` or ``target`` names nothing; raised before any work.
        ArgumentError: ``max_depth`` is negative, a weight is out of range, or
            ``target`` names several regions.

    Notes:
        ``plausibility = relation_weight ** hops * zone * specificity``, where
        ``zone`` is ``essential`` or ``spillover`` and ``specificity`` is 1 for the
        target itself, ``subregion`` or ``broader`` otherwise.

    Examples:
        >>> import triggerpoints as tp
        >>> for path in tp.trace("quadratus lumborum", "lateral leg")[:2]:
        ...     print(f"{path.plausibility:.2f}", path)  # doctest: +NORMALIZE_WHITESPACE
        0.50 Quadratus lumborum -> satellite -> Gluteus minimus anterior -> refers (essential, exact)
             -> Lateral leg
        0.25 Quadratus lumborum -> satellite -> Gluteus medius -> satellite -> Gluteus minimus anterior
             -> refers (essential, exact) -> Lateral leg
    """
    atlas = load() if atlas is None else atlas
    if isinstance(max_depth, bool) or not isinstance(max_depth, int) or max_depth < 0:
        raise ArgumentError("max_depth", max_depth, "a whole number of at least 0")
    if (
        isinstance(relation_weight, bool)
        or not isinstance(relation_weight, int | float)
        or not 0 < relation_weight <= 1
    ):
        raise ArgumentError("relation_weight", relation_weight, "a number above 0 and at most 1")
    weights = Weights(essential=essential, spillover=spillover, subregion=subregion, broader=broader)
    start_points = _start(atlas, source)
    goal = _goal(atlas, target)
    walker = _Walker(atlas, goal, weights, relation_weight)
    paths = walker.walk(start_points, max_depth)
    return tuple(sorted(paths, key=lambda path: (-path.plausibility, len(path.steps), str(path))))


def _start(atlas: Atlas, source: str) -> tuple[TriggerPoint, ...]:
    points = atlas.find(source, kind="trigger_point")
    if len(points) == 1:
        return (atlas.trigger_point(points[0]),)
    return atlas.trigger_points_of(atlas.muscle_of(source))


def _goal(atlas: Atlas, target: str) -> str:
    place = resolve_place(target, atlas=atlas)
    if len(place.regions) != 1:
        raise ArgumentError("target", target, f"one region, not {len(place.regions)} ({', '.join(place.regions)})")
    return place.regions[0]


class _Walker:
    def __init__(self, atlas: Atlas, goal: str, weights: Weights, relation_weight: float) -> None:
        self.atlas = atlas
        self.goal = goal
        self.weights = weights
        self.relation_weight = relation_weight

    def referrals(self, point: TriggerPoint, hops: tuple[Step, ...], weight: float) -> list[Path]:
        found: list[Path] = []
        for referral in point.referrals:
            placement = specificity(self.atlas, referral.region, self.goal, self.weights)
            if placement is None:
                continue
            factor, how = placement
            zone = self.weights.essential if referral.zone is Zone.ESSENTIAL else self.weights.spillover
            step = Step(
                kind="refers",
                source=point.id,
                target=referral.region,
                weight=zone * factor,
                detail=f"{referral.zone.value}, {how}",
                names=(self.atlas.name_of(point.id), self.atlas.name_of(referral.region)),
            )
            found.append(Path(steps=(*hops, step), plausibility=weight * step.weight))
        return found

    def walk(self, points: tuple[TriggerPoint, ...], max_depth: int) -> list[Path]:
        paths: list[Path] = []
        frontier: list[tuple[str, tuple[TriggerPoint, ...], tuple[Step, ...], float, frozenset[str]]] = []
        muscle = points[0].muscle if points else ""
        frontier.append((muscle, points, (), 1.0, frozenset({muscle})))
        for depth in range(max_depth + 1):
            next_frontier = []
            for current, current_points, hops, weight, seen in frontier:
                for point in current_points:
                    paths.extend(self.referrals(point, hops, weight))
                if depth == max_depth:
                    continue
                for relation in self.atlas.relations_of(current, direction="out"):
                    target_muscle: str = self.atlas.muscle_of(relation.target)
                    if relation.kind not in _FOLLOWED or target_muscle in seen:
                        continue
                    step = Step(
                        kind=relation.kind.value,  # type: ignore[arg-type]
                        source=relation.source,
                        target=relation.target,
                        weight=self.relation_weight,
                        detail=relation.id,
                        names=(self.atlas.name_of(relation.source), self.atlas.name_of(relation.target)),
                    )
                    targets = self._points_of(relation.target)
                    next_frontier.append(
                        (target_muscle, targets, (*hops, step), weight * step.weight, seen | {target_muscle})
                    )
            frontier = next_frontier
        return paths

    def _points_of(self, record_id: str) -> tuple[TriggerPoint, ...]:
        record = self.atlas.get(record_id)
        return (record,) if isinstance(record, TriggerPoint) else self.atlas.trigger_points_of(record_id)
