"""Walking the graph: the ways a muscle or trigger point can produce pain in a region.

A path starts at a muscle (or one of its trigger points), may follow satellite and key
relations to other muscles, and ends with a trigger point referring pain to the target
region (or to a region inside or around it), or, for a muscle or trigger point target,
with the relation that reaches it. Only the atlas's indexes are walked;
networkx is not needed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints._display import cut
from triggerpoints._evidence import DEFAULT_WEIGHTS, Weights, specificity
from triggerpoints._kinds import KINDS
from triggerpoints._limits import MAX_TRACE_DEPTH, check_text
from triggerpoints._load import load
from triggerpoints._lookup import resolve_place
from triggerpoints._models import Muscle, Record, Region, RelationKind, TriggerPoint, Zone
from triggerpoints.exceptions import ArgumentError

if TYPE_CHECKING:
    from triggerpoints._shapes import PathDict, StepDict

__all__ = ["Path", "Step", "trace"]

StepKind = Literal["satellite", "key", "refers"]
_FOLLOWED = (RelationKind.SATELLITE, RelationKind.KEY)
_PREFIXES = frozenset(kind.prefix for kind in KINDS)


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

    def to_dict(self) -> StepDict:
        """Return the step as JSON-ready data, with the display names of its two ends."""
        return {
            "kind": self.kind,
            "source": self.source,
            "target": self.target,
            "source_name": self.names[0],
            "target_name": self.names[1],
            "weight": self.weight,
            "detail": self.detail,
        }


@attrs.frozen(kw_only=True)
class Path:
    """A way for the source to produce pain in the target.

    Attributes:
        steps: The steps, in order.
        plausibility: The product of the steps' weights.
    """

    steps: tuple[Step, ...]
    plausibility: float

    def __repr__(self) -> str:
        return f"Path(plausibility={self.plausibility:.3f}, steps={len(self.steps)}, text={cut(str(self), 160)!r})"

    def to_dict(self) -> PathDict:
        """Return the path as JSON-ready data: its plausibility, its steps and the path in words.

        Examples:
            >>> import triggerpoints as tp
            >>> path = tp.trace("QL", "lateral leg")[0]
            >>> data = path.to_dict()
            >>> sorted(data), data["steps"][-1]["kind"], data["text"] == str(path)
            (['plausibility', 'steps', 'text'], 'refers', True)
        """
        return {"plausibility": self.plausibility, "steps": [step.to_dict() for step in self.steps], "text": str(self)}

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
        target: A region (id, name, alias or phrase naming one region), or a muscle or
            trigger point (id, name or alias). A path to a muscle or trigger point is a
            chain of satellite and key relations that ends at it; a relation to a muscle
            reaches each of its trigger points.
        max_depth: The most satellite/key relations a path may follow (0 for direct
            referral only), at most ``MAX_TRACE_DEPTH`` (10).
        atlas: The atlas to walk (default: the packaged one).
        relation_weight: Plausibility of following one relation.
        essential: Plausibility of an essential referral.
        spillover: Plausibility of a spillover referral.
        subregion: Factor when the referral names a region inside the target.
        broader: Factor when the target lies inside the referral's region.

    Returns:
        The paths, by plausibility (then fewer steps, then text). A muscle appears at
        most once in a path, so a target that is the source (or its muscle) has none.

    Raises:
        UnknownIdError: ``source`` or ``target`` names nothing (text written as an id,
            ``"tp:..."``, is looked up as an id only); raised before any work.
        ArgumentError: ``max_depth`` is negative or over the limit, a weight is out of
            range, or ``target`` names several regions or a record of another kind.
        InputTooLargeError: ``source`` or ``target`` is longer than the query limit.

    Notes:
        ``plausibility = relation_weight ** hops * zone * specificity``, where
        ``zone`` is ``essential`` or ``spillover`` and ``specificity`` is 1 for the
        target itself, ``subregion`` or ``broader`` otherwise. A path to a muscle or
        trigger point has no referral: its plausibility is ``relation_weight ** hops``.
        The walk stops as soon as no path can be extended, whatever ``max_depth``.

    Examples:
        >>> import triggerpoints as tp
        >>> paths = tp.trace("quadratus lumborum", "lateral leg")
        >>> [p.plausibility for p in paths] == sorted((p.plausibility for p in paths), reverse=True)
        True
        >>> path = next(p for p in paths if "satellite -> Gluteus minimus anterior" in str(p))
        >>> print(f"{path.plausibility:.2f}", path)  # doctest: +NORMALIZE_WHITESPACE
        0.50 Quadratus lumborum -> satellite -> Gluteus minimus anterior -> refers (essential, exact)
             -> Lateral leg
        >>> "Quadratus lumborum -> satellite -> Gluteus minimus" in [str(p) for p in tp.trace("QL", "gluteus minimus")]
        True
    """
    atlas = load() if atlas is None else atlas
    check_text("trace source", source)
    check_text("trace target", target)
    if isinstance(max_depth, bool) or not isinstance(max_depth, int) or not 0 <= max_depth <= MAX_TRACE_DEPTH:
        raise ArgumentError("max_depth", max_depth, f"a whole number from 0 to {MAX_TRACE_DEPTH}")
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


#: What a path ends at: a region it refers pain to, or a muscle or trigger point it reaches.
_GoalKind = Literal["region", "muscle", "trigger_point"]
_GOALS: tuple[_GoalKind, ...] = ("region", "trigger_point", "muscle")
_ID = re.compile(r"[a-z]+:\S+")


def _goal(atlas: Atlas, target: str) -> tuple[_GoalKind, str]:
    """The target's kind and id: an id, a region, trigger point or muscle name, or a phrase naming one region."""
    text = target if isinstance(target, str) else ""
    if _ID.fullmatch(text) and text.partition(":")[0] in _PREFIXES:  # an id is never read as a phrase
        return _kind_of_goal(target, atlas.get(text))
    for kind in _GOALS:
        found = atlas.find(text, kind=kind)
        if len(found) == 1:
            return kind, found[0]
    place = resolve_place(target, atlas=atlas)
    if len(place.regions) != 1:
        raise ArgumentError("target", target, f"one region, not {len(place.regions)} ({', '.join(place.regions)})")
    return "region", place.regions[0]


def _kind_of_goal(target: str, record: Record) -> tuple[_GoalKind, str]:
    if isinstance(record, Region):
        return "region", record.id
    if isinstance(record, TriggerPoint):
        return "trigger_point", record.id
    if isinstance(record, Muscle):
        return "muscle", record.id
    raise ArgumentError("target", target, "a region, a muscle or a trigger point")


#: One path being extended: its last muscle, the trigger points it may refer from, its
#: steps, its plausibility so far and the muscles it has passed.
_Head = tuple[str, tuple[TriggerPoint, ...], tuple[Step, ...], float, frozenset[str]]


class _Walker:
    def __init__(self, atlas: Atlas, goal: tuple[_GoalKind, str], weights: Weights, relation_weight: float) -> None:
        self.atlas = atlas
        self.kind, self.goal = goal
        self.goal_muscle = atlas.muscle_of(self.goal) if self.kind != "region" else ""
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
        """Breadth first, one relation deeper each round, until ``max_depth`` or until no path can go on."""
        paths: list[Path] = []
        muscle = points[0].muscle if points else ""
        frontier: list[_Head] = [(muscle, points, (), 1.0, frozenset({muscle}))]
        depth = 0
        while frontier:
            next_frontier: list[_Head] = []
            for current, current_points, hops, weight, seen in frontier:
                if self.kind == "region":
                    for point in current_points:
                        paths.extend(self.referrals(point, hops, weight))
                if depth < max_depth:
                    next_frontier.extend(self.follow(current, hops, weight, seen, paths))
            frontier = next_frontier
            depth += 1
        return paths

    def follow(
        self, current: str, hops: tuple[Step, ...], weight: float, seen: frozenset[str], paths: list[Path]
    ) -> list[_Head]:
        """The paths one relation longer from ``current``; those that reach a muscle or trigger point goal end."""
        heads: list[_Head] = []
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
            if target_muscle == self.goal_muscle:  # the path ends at the goal's muscle
                if self.kind == "muscle" or relation.target in (self.goal, self.goal_muscle):
                    paths.append(Path(steps=(*hops, step), plausibility=weight * step.weight))
                continue
            targets = self._points_of(relation.target)
            heads.append((target_muscle, targets, (*hops, step), weight * step.weight, seen | {target_muscle}))
        return heads

    def _points_of(self, record_id: str) -> tuple[TriggerPoint, ...]:
        record = self.atlas.get(record_id)
        return (record,) if isinstance(record, TriggerPoint) else self.atlas.trigger_points_of(record_id)
