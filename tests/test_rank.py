"""Tests for ranking pain sources (triggerpoints._rank): hand-computed cases and properties."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import triggerpoints as tp

LN = math.log


def _scores(ranking: tp.Ranking) -> dict[str, float]:
    return {candidate.muscle.id: candidate.score for candidate in ranking}


def test_hand_computed_exact_matches(mini: tp.Atlas) -> None:
    """Shin: beta's essential zone beats alpha's spillover; scores follow the formula."""
    ranking = tp.rank(["shin"], atlas=mini)
    assert ["muscle:beta", "muscle:alpha"] == [c.muscle.id for c in ranking]
    beta, alpha = ranking
    assert pytest.approx(LN((0.9 + 0.05) / 0.05)) == beta.score
    assert pytest.approx(LN((0.9 * 0.4 + 0.05) / 0.05)) == alpha.score
    assert ("spillover", "exact") == (alpha.explained[0].zone.value, alpha.explained[0].match)


def test_hand_computed_subregion_match_and_tie_break(mini: tp.Atlas) -> None:
    """Leg: both muscles refer inside it with essential zones; the tie goes by name."""
    ranking = tp.rank(["leg"], atlas=mini)
    expected = LN((0.9 * 0.8 + 0.05) / 0.05)
    assert ["muscle:alpha", "muscle:beta"] == [c.muscle.id for c in ranking]
    assert pytest.approx([expected, expected]) == [c.score for c in ranking]
    assert "subregion" == ranking[0].explained[0].match


def test_hand_computed_broader_match(tmp_path: object, mini: tp.Atlas) -> None:
    """A query inside a referral's region matches it as 'broader', weighted by `broader`."""
    ranking = tp.rank(["low back"], atlas=mini, broader=0.3)
    assert "exact" == ranking[0].explained[0].match
    assert pytest.approx(LN((0.9 + 0.05) / 0.05)) == ranking[0].score


def test_absent_regions_count_against_a_candidate(mini: tp.Atlas) -> None:
    """A pain-free thigh, where alpha's essential zone lies, lowers alpha's score."""
    ranking = tp.rank(["shin"], absent=["thigh"], atlas=mini)
    alpha = next(c for c in ranking if c.muscle.id == "muscle:alpha")
    assert pytest.approx(LN((0.36 + 0.05) / 0.05) + LN(1 - 0.8 * 0.9)) == alpha.score
    assert ["region:thigh"] == [a.query for a in alpha.absent]


def test_activities_and_symptoms_add_their_likelihood_ratios(mini: tp.Atlas) -> None:
    """A matching activity adds ln(activity_lr); a general factor is not an activity match."""
    plain = _scores(tp.rank(["shin"], atlas=mini))
    ranking = tp.rank(["shin"], activities=["heavy lifting"], symptoms=["stiffness"], atlas=mini, activity_lr=4.0)
    assert pytest.approx(plain["muscle:alpha"] + LN(4.0) + LN(3.0)) == _scores(ranking)["muscle:alpha"]
    assert plain["muscle:beta"] == _scores(ranking)["muscle:beta"]


def test_without_pain_activities_choose_the_candidates(mini: tp.Atlas) -> None:
    """No pain given: the muscles tied to the activities are ranked."""
    assert ["muscle:alpha"] == [c.muscle.id for c in tp.rank([], activities=["factor:lifting"], atlas=mini)]


def test_relations_and_cautions_are_reported(mini: tp.Atlas) -> None:
    """The satellite relation between two candidates is stated; cautions of queried regions travel along."""
    ranking = tp.rank(["shin", "low back"], atlas=mini)
    assert all("treat Alpha muscle first" in " ".join(c.relations) for c in ranking)
    assert ("region:low-back",) == tuple(region for region, _ in ranking.cautions)
    assert all(c.cautions == ranking.cautions for c in ranking)


def test_unresolved_phrases_raise_or_are_reported(mini: tp.Atlas) -> None:
    """Strict (the default) raises on a phrase naming nothing; strict=False lists it."""
    with pytest.raises(tp.UnknownIdError):
        tp.rank(["shin", "moon"], atlas=mini)
    ranking = tp.rank(["shin", "moon"], atlas=mini, strict=False)
    assert (("moon",), ("region:shin",)) == (ranking.unresolved, ranking.regions)


def test_unknown_activities_and_bad_options_fail_before_work(mini: tp.Atlas) -> None:
    """Unknown activities, symptoms and absent regions raise; so do bad weights and limits."""
    with pytest.raises(tp.UnknownIdError):
        tp.rank(["shin"], activities=["juggling"], atlas=mini)
    with pytest.raises(tp.UnknownIdError):
        tp.rank(["shin"], absent=["moon"], atlas=mini)
    with pytest.raises(ValueError, match="positive"):
        tp.rank(["shin"], atlas=mini, leak=0)
    with pytest.raises(ValueError, match="at most 1"):
        tp.rank(["shin"], atlas=mini, spillover=2)
    with pytest.raises(ValueError, match="limit"):
        tp.rank(["shin"], atlas=mini, limit=-1)


def test_a_single_string_is_one_phrase(mini: tp.Atlas) -> None:
    """rank("shin") is rank(["shin"]), not five one-letter phrases."""
    assert tp.rank(["shin"], atlas=mini) == tp.rank("shin", atlas=mini)


def test_results_explain_themselves_and_serialize(mini: tp.Atlas) -> None:
    """Each candidate has a paragraph and a JSON-ready dict; the ranking records its model version."""
    ranking = tp.rank(["shin"], limit=1, atlas=mini)
    assert 1 == len(ranking)
    text = ranking[0].explain()
    assert text.startswith(
        "Beta muscle (score 2.94): its TrP1 trigger point refers pain to the Shin (essential, exact)."
    )
    data = json.loads(json.dumps(ranking.to_dict()))
    assert tp.MODEL_VERSION == data["model_version"]
    assert "muscle:beta" == data["candidates"][0]["muscle"]["id"]
    assert ranking[0].score == data["candidates"][0]["score"]


def test_the_issue_examples_on_the_packaged_data() -> None:
    """Sits bone -> gluteus maximus; the lateral leg band -> gluteus minimus, anterior trigger point."""
    assert "Gluteus maximus" == tp.rank(["sits bone"])[0].muscle.name
    best = tp.rank(["outside of thigh", "outside of lower leg", "ankle"])[0]
    assert "Gluteus minimus" == best.muscle.name
    assert {"tp:gluteus-minimus-anterior"} == {m.trigger_point for m in best.explained}


_PACKAGED = tp.load()
_REFERRED = sorted({r.region for p in _PACKAGED.trigger_points for r in p.referrals})
_REGIONS = st.sampled_from(_REFERRED) | st.sampled_from([r.id for r in _PACKAGED.regions])
# Regions that exactly one muscle explains, found by asking: the monotonicity property's inputs.
_ONLY_ONE: list[str] = [region.id for region in _PACKAGED.regions if len(tp.rank([region.id])) == 1]


@settings(max_examples=60, deadline=None)
@given(st.lists(_REGIONS, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_order_and_repetition_of_inputs_do_not_matter(regions: list[str], random: object) -> None:
    """Shuffled or repeated pain regions give the same candidates and scores."""
    shuffled = regions + regions[:1]
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = tp.rank(regions), tp.rank(shuffled)
    assert [(c.muscle.id, c.score) for c in first] == [(c.muscle.id, c.score) for c in second]


def test_some_regions_are_explained_by_one_muscle_only() -> None:
    """The monotonicity property below has inputs to work on."""
    assert _ONLY_ONE


@settings(max_examples=60, deadline=None)
@given(st.lists(_REGIONS, min_size=1, max_size=3), st.sampled_from(_ONLY_ONE or ["region:body"]))
def test_adding_a_region_only_x_explains_never_moves_x_down(regions: list[str], extra: str) -> None:
    """If only muscle X explains `extra`, adding it keeps every muscle that was below X below X.

    (A muscle X that was not ranked before has no place to lose.)
    """
    only = tp.rank([extra])
    assert 1 == len(only)
    x = only[0].muscle.id
    before = [c.muscle.id for c in tp.rank(regions)]
    after = [c.muscle.id for c in tp.rank([*regions, extra])]
    assert x in after
    below_before = set(before[before.index(x) + 1 :]) if x in before else set()
    below_after = set(after[after.index(x) + 1 :])
    assert below_before <= below_after


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_REGIONS, min_size=1, max_size=4),
    st.lists(st.sampled_from([f.id for f in _PACKAGED.factors if not f.general]), max_size=2),
)
def test_every_score_is_reproduced_by_its_own_evidence(regions: list[str], activities: list[str]) -> None:
    """Each contribution follows from its probability, and the score is their sum."""
    ranking = tp.rank(regions, activities=activities)
    w = ranking.weights
    for candidate in ranking:
        for match in candidate.explained:
            assert pytest.approx(math.log((match.probability + w.leak) / w.leak)) == match.contribution
        for factor in candidate.factors:
            assert pytest.approx(math.log(w.activity_lr)) == factor.contribution
        assert math.fsum(e.contribution for e in candidate.evidence) == candidate.score
        assert set(candidate.unexplained) | {m.query for m in candidate.explained} == set(ranking.regions)


def test_explanations_name_unexplained_regions_by_name(mini: tp.Atlas) -> None:
    """A queried region a candidate does not explain is given by its name, not its id."""
    ranking = tp.rank(["shin", "low back"], atlas=mini)
    partial = next(c for c in ranking if c.unexplained)
    text = partial.explain()
    assert "It does not explain:" in text
    assert "region:" not in text.split("It does not explain:")[1]
