"""Tests for tracing pain paths (triggerpoints._trace)."""

from __future__ import annotations

import pytest

import triggerpoints as tp


def test_direct_and_satellite_paths_ranked_by_plausibility(mini: tp.Atlas) -> None:
    """Alpha reaches the shin through beta's essential zone (0.5) before its own spillover (0.4)."""
    paths = tp.trace("alpha", "shin", atlas=mini)
    assert [
        "Alpha muscle -> satellite -> Beta muscle TrP1 -> refers (essential, exact) -> Shin",
        "Alpha muscle lower -> refers (spillover, exact) -> Shin",
    ] == [str(path) for path in paths]
    assert pytest.approx([0.5, 0.4]) == [path.plausibility for path in paths]
    assert ["satellite", "refers"] == [step.kind for step in paths[0].steps]


def test_max_depth_zero_keeps_direct_referral_only(mini: tp.Atlas) -> None:
    """No relation is followed at depth 0."""
    assert ["Alpha muscle lower -> refers (spillover, exact) -> Shin"] == [
        str(p) for p in tp.trace("alpha", "shin", max_depth=0, atlas=mini)
    ]


def test_a_trigger_point_source_starts_from_that_point(mini: tp.Atlas) -> None:
    """Starting from one trigger point uses only its own referrals at the first step."""
    assert [] == [str(p) for p in tp.trace("tp:alpha-upper", "thigh", max_depth=0, atlas=mini)]
    assert ["Alpha muscle lower -> refers (essential, subregion) -> Thigh"] == [
        str(p) for p in tp.trace("tp:alpha-lower", "leg", max_depth=0, atlas=mini) if "essential" in str(p)
    ]


def test_unknown_names_and_bad_depth_fail_before_work(mini: tp.Atlas) -> None:
    """Unknown source or target raises UnknownIdError; a negative depth ValueError."""
    with pytest.raises(tp.UnknownIdError):
        tp.trace("gamma", "shin", atlas=mini)
    with pytest.raises(tp.UnknownIdError):
        tp.trace("alpha", "moon", atlas=mini)
    with pytest.raises(ValueError, match="max_depth"):
        tp.trace("alpha", "shin", max_depth=-1, atlas=mini)


def test_quadratus_lumborum_reaches_the_lateral_leg_through_gluteus_minimus() -> None:
    """The issue's example: QL -> satellite -> gluteus minimus anterior -> lateral leg."""
    lines = [str(path) for path in tp.trace("quadratus lumborum", "lateral leg")]
    assert (
        "Quadratus lumborum -> satellite -> Gluteus minimus anterior -> refers (essential, exact) -> Lateral leg"
        == lines[0]
    )


def test_a_target_phrase_is_read_like_a_pain_phrase() -> None:
    """'behind my knee' is the back of the knee; a path to it starts from a muscle that refers there."""
    paths = tp.trace("popliteus", "behind my knee", max_depth=0)
    assert paths
    assert "Posterior knee" == paths[0].steps[-1].names[1]


def test_a_muscle_target_gives_the_relation_chains_that_reach_it() -> None:
    """'gluteus minimus' as a target is the muscle: paths are satellite chains ending at it, not an unknown region."""
    lines = [(round(path.plausibility, 3), str(path)) for path in tp.trace("QL", "gluteus minimus")]
    assert [
        (0.5, "Quadratus lumborum -> satellite -> Gluteus minimus"),
        (0.25, "Quadratus lumborum -> satellite -> Gluteus medius -> satellite -> Gluteus minimus"),
    ] == lines


def test_a_trigger_point_target_is_reached_through_its_muscle_and_never_read_as_a_place() -> None:
    """'tp:gluteus-minimus-anterior' is that trigger point (reached by relations to it or its muscle), not the forehead."""
    assert [str(path) for path in tp.trace("QL", "gluteus minimus")] == [
        str(path) for path in tp.trace("QL", "tp:gluteus-minimus-anterior")
    ]
    with pytest.raises(tp.UnknownIdError) as caught:
        tp.trace("QL", "tp:gluteus-minimus-anteriorx")
    assert "tp:gluteus-minimus-anterior" == caught.value.suggestions[0]


def test_a_target_of_another_kind_is_refused_clearly() -> None:
    """A source id as target is an ArgumentError naming what a target may be."""
    with pytest.raises(tp.ArgumentError, match="a region, a muscle or a trigger point"):
        tp.trace("QL", "source:ts-vol2")


def test_a_target_the_path_cannot_reach_gives_no_path(mini: tp.Atlas) -> None:
    """Beta reaches nothing by relations; alpha cannot reach itself (a muscle appears once in a path)."""
    assert () == tp.trace("beta", "alpha", atlas=mini)
    assert () == tp.trace("alpha", "tp:alpha-upper", atlas=mini)
    assert ["Alpha muscle -> satellite -> Beta muscle"] == [str(p) for p in tp.trace("alpha", "tp:beta-1", atlas=mini)]


def test_the_walk_stops_when_nothing_is_left_to_visit(mini: tp.Atlas) -> None:
    """With one relation in the atlas, any depth from 1 on gives the same paths as depth 1."""
    once = [str(path) for path in tp.trace("alpha", "shin", max_depth=1, atlas=mini)]
    assert once == [str(path) for path in tp.trace("alpha", "shin", max_depth=10, atlas=mini)]
