"""Tests for the body-map geometry of regions (triggerpoints._geometry, tools/make_overlap.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import triggerpoints as tp
from triggerpoints._geometry import geometry

ROOT = Path(__file__).resolve().parent.parent


def test_the_overlap_file_is_up_to_date() -> None:
    """tools/make_overlap.py --check passes: the checked-in file matches the body map and the regions."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_overlap.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == result.returncode, result.stderr


def test_regions_in_other_branches_that_meet_on_the_body_overlap() -> None:
    """The eyebrow (under the face) meets the forehead (under the head); the heel and the ear do not meet."""
    shape = geometry(tp.load())
    assert shape.touches("region:eyebrow", "region:forehead")
    assert 0 < shape.fraction("region:eyebrow", "region:forehead") <= 1
    assert shape.touches("region:heel", "region:ear") is False
    assert 0 == shape.fraction("region:heel", "region:ear")


def test_structures_named_rather_than_pointed_at_share_no_area() -> None:
    """The teeth, drawn behind the mouth and the chin, touch neither (nor do the regions inside them)."""
    shape = geometry(tp.load())
    for tooth in ("region:teeth", "region:upper-teeth", "region:lower-teeth"):
        assert shape.area(tooth) > 0
        assert {} == dict(shape.overlaps(tooth))
        assert shape.touches(tooth, "region:mouth") is False
    assert shape.touches("region:mouth", "region:chin")


def test_hidden_regions_and_sites_are_known() -> None:
    """The tongue cannot be drawn (with the reason); a trigger point's marker lies in a region."""
    shape = geometry(tp.load())
    assert "inside the mouth" == shape.hidden("region:tongue")
    assert shape.touches("region:tongue", "region:cheek") is None
    assert "region:cheek" == shape.site("tp:zygomaticus-major-central")


def test_a_dataset_with_its_own_regions_is_read_by_its_tree_alone(mini: tp.Atlas) -> None:
    """Mini's thigh has another parent than the packaged thigh, so its shape is unknown."""
    shape = geometry(mini)
    assert 0 == shape.area("region:thigh")
    assert shape.area("region:low-back") > 0
