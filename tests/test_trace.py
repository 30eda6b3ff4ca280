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
