"""Every fact of the seed text (shared/seed: gluteal-region questions and answers) is in the data."""

from __future__ import annotations

import pytest

import triggerpoints as tp


@pytest.fixture(scope="module")
def atlas() -> tp.Atlas:
    """The packaged atlas."""
    return tp.load()


def _regions(atlas: tp.Atlas, point: str, zone: str | None = None) -> set[str]:
    return {hit.region for hit in atlas.referrals_of(point, zone=zone)}


def test_gluteus_maximus_has_three_trigger_points_reaching_sacrum_buttock_sits_bone_and_coccyx(atlas: tp.Atlas) -> None:
    """Glute max: three trigger points; sacrum/SI joint, buttock, sits bone and coccyx between them."""
    assert ["TrP1", "TrP2", "TrP3"] == [p.label for p in atlas.trigger_points_of("glute max")]
    reached = _regions(atlas, "gluteus maximus")
    assert {"region:sacroiliac-joint", "region:sacrum", "region:ischial-tuberosity", "region:coccyx"} <= reached
    assert "muscle:gluteus-maximus" in {m.id for m in atlas.muscles_referring_to("buttock")}


def test_gluteus_maximus_trp2_spares_the_coccyx_and_trp3_reaches_it(atlas: tp.Atlas) -> None:
    """The manual: TrP2 does not refer to the coccyx; TrP3 does."""
    assert "region:coccyx" in {entry.region for entry in atlas.trigger_point("glute max TrP2").spared}
    assert "region:coccyx" in _regions(atlas, "glute max TrP3")


def test_gluteus_minimus_anterior_runs_down_the_outside_of_thigh_and_leg_to_the_ankle(atlas: tp.Atlas) -> None:
    """Glute min anterior: lateral thigh and leg (essential) to the ankle, with the knee disagreement in the curation note."""
    point = atlas.trigger_point("gluteus minimus anterior")
    essential = _regions(atlas, point.id, zone="essential")
    assert {"region:lateral-thigh", "region:lateral-leg"} <= essential
    assert "region:lateral-ankle" in _regions(atlas, point.id)
    knee = next(r for r in point.referrals if r.region == "region:lateral-knee")
    assert "knee" in knee.curation


def test_gluteus_minimus_posterior_runs_down_the_back_of_the_thigh(atlas: tp.Atlas) -> None:
    """Glute min posterior: buttock and back of the thigh, with the calf disagreement in the curation note."""
    point = atlas.trigger_point("gluteus minimus posterior")
    assert "region:posterior-thigh" in _regions(atlas, point.id, zone="essential")
    calf = next(r for r in point.referrals if r.region == "region:posterior-leg")
    assert "knee" in calf.curation


def test_gluteus_medius_refers_to_low_back_sacrum_and_buttock(atlas: tp.Atlas) -> None:
    """Glute med: low back (belt line), sacrum and buttock, with three trigger points."""
    assert 3 == len(atlas.trigger_points_of("glute med"))
    assert {"region:low-back", "region:sacrum", "region:buttock"} <= _regions(atlas, "gluteus medius")


def test_piriformis_refers_to_buttock_and_hip_joint(atlas: tp.Atlas) -> None:
    """Piriformis: buttock and the back of the hip joint."""
    assert {"region:buttock", "region:posterior-hip"} <= _regions(atlas, "piriformis")


def test_quadratus_lumborum_pattern_and_its_satellites(atlas: tp.Atlas) -> None:
    """QL: SI joint, lower buttock, iliac crest, trochanter; satellites in glute min and med."""
    assert {
        "region:sacroiliac-joint",
        "region:lower-buttock",
        "region:iliac-crest",
        "region:greater-trochanter",
    } <= _regions(atlas, "QL")
    assert {"muscle:gluteus-minimus", "muscle:gluteus-medius"} <= {r.target for r in atlas.satellites_of("QL")}


def test_gluteus_medius_satellites(atlas: tp.Atlas) -> None:
    """Glute med -> satellites in piriformis, glute min and glute max."""
    expected = {"muscle:piriformis", "muscle:gluteus-minimus", "muscle:gluteus-maximus"}
    assert expected <= {r.target for r in atlas.satellites_of("gluteus medius")}


@pytest.mark.parametrize(
    "factor",
    [
        "factor:fall-or-bracing-against-a-fall",
        "factor:impact-from-a-fall",
        "factor:intramuscular-injection",
        "factor:crawl-stroke-swimming",
        "factor:walking-uphill-leaning-forward",
        "factor:repetitive-kicking",
        "factor:squats-and-deadlifts",
        "factor:prolonged-slouched-sitting",
    ],
)
def test_each_seed_activity_activates_gluteus_maximus(atlas: tp.Atlas, factor: str) -> None:
    """The seed's eight gluteus maximus activities are linked to it."""
    assert factor in {f.id for f in atlas.factors_of("gluteus maximus", kind="activity")}


def test_gluteus_medius_activities(atlas: tp.Atlas) -> None:
    """Running on soft surfaces, exercise equipment overuse and blunt trauma reach glute med."""
    expected = {"factor:running-on-soft-surfaces", "factor:exercise-equipment-overuse", "factor:blunt-trauma"}
    assert expected <= {f.id for f in atlas.factors_of("gluteus medius")}


@pytest.mark.parametrize(
    "mechanism",
    [
        "factor:overuse-repetitive-stress-overload",
        "factor:referred-pain-overload",
        "factor:sustained-postural-overload",
        "factor:degenerative-postural-overload",
        "factor:synergist-overload",
        "factor:antagonist-overload",
    ],
)
def test_the_overload_mechanisms_are_general(atlas: tp.Atlas, mechanism: str) -> None:
    """The seed's overload mechanisms apply to every muscle."""
    factor = atlas.factor(mechanism)
    assert (tp.FactorKind.MECHANISM, True) == (factor.kind, factor.general)


@pytest.mark.parametrize("nutrient", ["b1", "b6", "b12", "folic acid", "vitamin c", "calcium", "potassium", "iron"])
def test_each_nutritional_perpetuating_factor_is_present(atlas: tp.Atlas, nutrient: str) -> None:
    """Vitamins B1, B6, B12, folic acid, C and calcium, potassium, iron perpetuate trigger points."""
    names = {f.name.casefold() for f in atlas.factors if f.kind is tp.FactorKind.PERPETUATING and f.general}
    assert any(nutrient in name for name in names), names


def test_seed_symptoms(atlas: tp.Atlas) -> None:
    """Limited internal rotation (glute med, piriformis); upright pain eased by arm bracing (QL)."""
    assert "symptom:limited-hip-internal-rotation" in {s.id for s in atlas.symptoms_of("piriformis")}
    assert "symptom:pain-upright-relieved-by-arm-bracing" in {s.id for s in atlas.symptoms_of("QL")}


@pytest.mark.parametrize(
    ("condition", "muscle"),
    [
        ("sciatica", "gluteus minimus"),
        ("greater trochanteric pain syndrome", "gluteus minimus"),
        ("deep gluteal syndrome", "piriformis"),
        ("gluteus medius syndrome", "gluteus medius"),
        ("piriformis syndrome", "piriformis"),
    ],
)
def test_seed_look_alike_conditions(atlas: tp.Atlas, condition: str, muscle: str) -> None:
    """Each look-alike the seed names is linked to the muscle whose pattern mimics it."""
    assert atlas.condition(condition) in atlas.conditions_of(muscle)


@pytest.mark.parametrize(
    ("treatment", "muscle"),
    [
        ("treatment:ball-pressure-release", "gluteus maximus"),
        ("treatment:ischemic-compression", "gluteus minimus"),
        ("treatment:hooked-cane-tool", "gluteus minimus"),
        ("treatment:backnobber", "gluteus maximus"),
        ("treatment:seated-cross-legged-forward-lean-stretch", "gluteus medius"),
        ("treatment:heat-after-stretching", "gluteus medius"),
    ],
)
def test_seed_self_treatments(atlas: tp.Atlas, treatment: str, muscle: str) -> None:
    """Ball pressure, ischemic compression, a hooked cane, the Backnobber, the stretch and heat."""
    assert treatment in {t.id for t in atlas.treatments_of(muscle)}
