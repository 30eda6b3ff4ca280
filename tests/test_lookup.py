"""Tests for resolving pain phrases to regions (triggerpoints._lookup)."""

from __future__ import annotations

import pytest

import triggerpoints as tp


@pytest.mark.parametrize(
    ("phrase", "regions"),
    [
        ("sits bone", ("region:ischial-tuberosity",)),
        ("along the belt line", ("region:iliac-crest",)),
        ("outside of thigh", ("region:lateral-thigh",)),
        ("outside of lower leg", ("region:lateral-leg",)),
        ("pain down the outside of my thigh to the ankle", ("region:lateral-thigh", "region:ankle")),
        ("pain in the back of the thigh and back of the knee", ("region:posterior-thigh", "region:posterior-knee")),
        ("headache at the temple", ("region:temple",)),
        ("Golfer's elbow", ("region:medial-epicondyle",)),
        ("region:lateral-leg", ("region:lateral-leg",)),
        (
            "pain on the inside of the heel spreading along the inner edge of the foot",
            ("region:medial-heel", "region:medial-foot"),
        ),
    ],
)
def test_phrases_resolve_to_the_regions_they_name(phrase: str, regions: tuple[str, ...]) -> None:
    """Whole aliases, direction words with body words, and several places in one phrase."""
    assert regions == tp.resolve_place(phrase).regions


def test_side_words_are_noted_not_matched() -> None:
    """left/right/both set the side and do not stop a match."""
    assert ("left", ("region:scapula",)) == (
        tp.resolve_place("left shoulder blade").side,
        tp.resolve_place("left shoulder blade").regions,
    )
    assert "both" == tp.resolve_place("right and left calf").side
    assert tp.resolve_place("calf").side is None


def test_unused_place_words_are_reported_as_leftover() -> None:
    """A word that starts no match is kept, so callers can see what was ignored."""
    place = tp.resolve_place("outer side of the thigh")
    assert (("region:lateral-thigh",), ("lateral",)) == (place.regions, place.leftover)


def test_an_unresolvable_phrase_raises_with_suggestions() -> None:
    """Nothing recognisable: UnknownIdError with close region words."""
    with pytest.raises(tp.UnknownIdError) as caught:
        tp.resolve_place("sits bon")
    assert "sits bone" in caught.value.suggestions


def test_resolution_works_on_a_loaded_atlas(mini: tp.Atlas) -> None:
    """The atlas= keyword resolves against your own data."""
    assert ("region:thigh", "region:shin") == tp.resolve_place(
        "upper leg and front of the lower leg", atlas=mini
    ).regions


@pytest.mark.parametrize(
    ("phrase", "regions"),
    [
        ("back of the wrist and hand", ("region:dorsal-wrist", "region:dorsal-hand")),
        ("front of wrist and palm", ("region:volar-wrist", "region:palm")),
        ("front of the thigh and knee", ("region:anterior-thigh", "region:anterior-knee")),
        ("back of the thigh and back of the knee", ("region:posterior-thigh", "region:posterior-knee")),
        ("thigh and knee", ("region:thigh", "region:knee")),
        ("pain down the outside of my thigh to the ankle", ("region:lateral-thigh", "region:ankle")),
    ],
)
def test_direction_words_carry_over_and_to_a_bare_place(phrase: str, regions: tuple[str, ...]) -> None:
    """'back of the wrist and hand' is both backs; without 'and', or with no direction, nothing carries."""
    assert regions == tp.resolve_place(phrase).regions
