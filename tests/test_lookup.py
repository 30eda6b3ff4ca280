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


def test_unused_words_are_reported_as_ignored() -> None:
    """A direction word that narrows no region is kept as ignored, so callers can see it."""
    place = tp.resolve_place("front teeth")
    assert (("region:teeth",), ("front",), ("teeth",)) == (place.regions, place.ignored, place.used)
    assert place.ignored == place.leftover


def test_an_unresolvable_phrase_raises_with_suggestions() -> None:
    """Nothing recognisable: UnknownIdError with close region words."""
    with pytest.raises(tp.UnknownIdError) as caught:
        tp.resolve_place("sitz bnoe")
    assert "sitz bone" in caught.value.suggestions


def test_the_beginning_of_one_name_resolves_and_of_several_is_ambiguous() -> None:
    """'sacroil' begins one region's names; 'gluteus' begins three muscles' names."""
    assert ("region:sacroiliac-joint",) == tp.resolve_place("sacroil").regions
    with pytest.raises(tp.AmbiguousKeyError) as caught:
        tp.resolve_place("gluteus")
    assert ["Gluteus maximus", "Gluteus medius", "Gluteus minimus"] == list(caught.value.matches)


def test_a_muscle_name_is_read_as_where_the_muscle_lies() -> None:
    """'zygomaticus' is read as the region under its trigger point on the body map, with a warning."""
    place = tp.resolve_place("zygomaticus")
    assert ("region:cheek",) == place.regions
    assert "names a muscle" in place.warnings[0]


def test_negated_places_are_pain_free_and_a_but_ends_the_negation() -> None:
    """'not in the foot but the ankle': the foot is free of pain, the ankle hurts."""
    place = tp.resolve_place("pain in the calf, not in the foot but in the ankle")
    assert (("region:posterior-leg", "region:ankle"), ("region:foot",)) == (place.regions, place.absent)


def test_between_two_places_is_the_region_between_them() -> None:
    """The web of the thumb lies between the thumb and the index finger."""
    assert ("region:thumb-web",) == tp.resolve_place("between my thumb and index finger").regions


def test_whole_body_and_broad_areas_warn() -> None:
    """'I hurt all over' is the whole body and warns; a specific place does not."""
    assert "the whole body" in tp.resolve_place("I hurt all over").warnings[0]
    assert "broad area" in tp.resolve_place("my head hurts").warnings[0]
    assert () == tp.resolve_place("sits bone").warnings


def test_a_reading_describes_itself_and_serializes() -> None:
    """describe() says how the phrase was read; to_dict() holds the same, JSON-ready."""
    place = tp.resolve_place("pain down the outside of my left leg, not into the foot")
    text = (
        "read 'pain down the outside of my left leg, not into the foot' as Lateral leg (left side); free of pain: Foot"
    )
    assert text == place.describe()
    data = place.to_dict()
    assert (["region:lateral-leg"], ["region:foot"], "left", text) == (
        data["regions"],
        data["absent"],
        data["side"],
        data["text"],
    )


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
