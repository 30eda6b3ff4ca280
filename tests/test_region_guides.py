"""Smoke tests of the region-guide check: its data file is well-formed and its agreement rule works."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest

import triggerpoints as tp

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
GUIDES = BENCHMARKS / "data" / "region-guides.json"


@pytest.fixture(scope="module")
def script() -> dict[str, Any]:
    """The globals of benchmarks/region_guides.py, run as a module rather than as the main program."""
    return runpy.run_path(str(BENCHMARKS / "region_guides.py"), run_name="region_guides")


@pytest.fixture(scope="module")
def guides() -> dict[str, Any]:
    """The region-guides data file, decoded."""
    document: dict[str, Any] = json.loads(GUIDES.read_text(encoding="utf-8"))
    return document


def test_the_guides_file_names_only_packaged_regions_and_muscles(
    script: dict[str, Any], guides: dict[str, Any]
) -> None:
    """Every area and guide has its fields, and every region and muscle id is in the packaged atlas."""
    assert [] == script["check_document"](tp.load(), guides)


def test_every_unmapped_name_and_skipped_area_gives_a_reason(guides: dict[str, Any]) -> None:
    """A listed name without a muscle id, or an area without a region, says why."""
    unmapped = [entry for area in guides["areas"] for entry in area["unmapped"]]
    assert [] == [entry for entry in unmapped + guides["skipped_areas"] if not entry.get("reason")]


def test_a_malformed_file_is_reported_not_checked(script: dict[str, Any], mini: tp.Atlas) -> None:
    """An unknown region, an unknown muscle and an unmapped name without a reason are each reported."""
    document = {
        "guides": [{"id": "g", "title": "G", "url": "https://example.org", "accessed": "2026-12-03", "basis": "b"}],
        "areas": [
            {
                "guide": "g",
                "area": "shin",
                "url": "https://example.org",
                "accessed": "2026-12-03",
                "regions": ["region:nowhere"],
                "muscles": [{"name": "gamma", "muscles": ["muscle:gamma"]}],
                "unmapped": [{"name": "delta"}],
            }
        ],
    }
    expected = [
        "areas[0] 'shin': unknown region 'region:nowhere'",
        "areas[0] 'shin': unknown muscle 'muscle:gamma'",
        "areas[0] 'shin': unmapped 'delta' needs a name and a reason",
    ]
    assert expected == script["check_document"](mini, document)


def test_a_referral_to_the_area_or_inside_it_agrees(script: dict[str, Any], mini: tp.Atlas) -> None:
    """Alpha refers to the shin and thigh, inside a 'leg' area; beta to a 'shin' area itself: both agree."""
    check = script["check_muscle"]
    expected = [
        ("agree", ("tp:alpha-lower -> region:shin", "tp:alpha-lower -> region:thigh")),
        ("agree", ("tp:beta-1 -> region:shin",)),
    ]
    assert expected == [check(mini, ["region:leg"], ["muscle:alpha"]), check(mini, ["region:shin"], ["muscle:beta"])]


def test_a_group_agrees_when_any_member_does(script: dict[str, Any], mini: tp.Atlas) -> None:
    """A listed group standing for alpha and beta agrees with the low back through alpha alone."""
    expected = ("agree", ("tp:alpha-upper -> region:low-back",))
    assert expected == script["check_muscle"](mini, ["region:low-back"], ["muscle:alpha", "muscle:beta"])


def test_a_referral_only_around_the_area_is_near(
    script: dict[str, Any], mini_copy: dict[str, Any], tmp_path: Path
) -> None:
    """With beta also referring to the whole leg, a 'knee' area finds beta near, never agreeing."""
    mini_copy["trigger_points"][2]["referrals"].append(
        {"region": "region:leg", "zone": "spillover", "sources": ["source:book"]}
    )
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(mini_copy), encoding="utf-8")
    expected = ("near", ("tp:beta-1 -> region:leg",))
    assert expected == script["check_muscle"](tp.load(path), ["region:knee"], ["muscle:beta"])


def test_a_muscle_referring_elsewhere_is_missing(script: dict[str, Any], mini: tp.Atlas) -> None:
    """Beta refers only to the shin, so a 'thigh' area lists it as missing."""
    assert ("missing", ()) == script["check_muscle"](mini, ["region:thigh"], ["muscle:beta"])


def test_regions_sharing_a_body_part_word_are_near(script: dict[str, Any]) -> None:
    """The back of the knee shares 'knee' with the inner knee; the joints of the jaw and the pelvis share nothing."""
    words = script["body_part_words"]
    expected = [frozenset({"knee"}), frozenset({"toe"}), frozenset()]
    actual = [
        words("region:posterior-knee") & words("region:medial-knee"),
        words("region:dorsal-lesser-toes") & words("region:plantar-great-toe"),
        words("region:temporomandibular-joint") & words("region:sacroiliac-joint"),
    ]
    assert expected == actual


def test_agreement_totals_count_each_status(script: dict[str, Any]) -> None:
    """Two areas with one agreeing, one near and two missing names, and one unmapped, agree at 25%."""
    finding, area = script["Finding"], script["AreaResult"]
    results = [
        area(guide="g", area="a", regions=("region:x",), findings=(finding("m1", "agree"), finding("m2", "missing"))),
        area(
            guide="g",
            area="b",
            regions=("region:y",),
            findings=(finding("m3", "near"), finding("m4", "missing")),
            unmapped=("m5",),
        ),
    ]
    expected = {"listed": 4, "agree": 1, "near": 1, "missing": 2, "unmapped": 1, "agreement_percent": 25.0}
    assert expected == script["totals"](results)


def test_every_missing_pair_on_the_packaged_data_has_a_recorded_decision(
    script: dict[str, Any], guides: dict[str, Any]
) -> None:
    """A data change that turns an agreeing or near pair into a missing one must be judged by a curator.

    The decisions are in data/curation/region-guide-gaps.json; data 0.5.1's split of the top
    of the shoulder moved the trapezius out of the back of the shoulder's neighbourhood.
    """
    results = script["run"](tp.load(), guides)
    state = script["decided"](results, script["_decisions"]())
    assert 0 == state["undecided"]
    assert 0 == state["missing-referral"]
