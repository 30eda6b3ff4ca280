"""Tests for ranking pain sources (triggerpoints._rank, _scoring): hand-computed cases and properties."""

from __future__ import annotations

import itertools
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import triggerpoints as tp
from triggerpoints._geometry import geometry
from triggerpoints._text import TERM_FILLER, normalize

LN = math.log
UNREPORTED = LN(1 - 0.1 * 0.9 * 1.0)  # one essential zone that no queried region reaches, default weights


def _scores(ranking: tp.Ranking) -> dict[str, float]:
    return {candidate.muscle.id: candidate.score for candidate in ranking}


def test_hand_computed_exact_matches(mini: tp.Atlas) -> None:
    """Shin: beta's essential zone beats alpha's spillover, whose essential thigh zone was not reported."""
    ranking = tp.rank(["shin"], atlas=mini)
    assert ["muscle:beta", "muscle:alpha"] == [c.muscle.id for c in ranking]
    beta, alpha = ranking
    assert pytest.approx(LN((0.9 + 0.05) / 0.05)) == beta.score
    assert pytest.approx(LN((0.9 * 0.4 + 0.05) / 0.05) + UNREPORTED) == alpha.score
    assert ("spillover", "exact") == (alpha.explained[0].zone.value, alpha.explained[0].match)
    assert [("tp:alpha-lower", "region:thigh")] == [(u.trigger_point, u.region) for u in alpha.unreported]


def test_a_referral_inside_the_queried_region_gets_full_credit_and_ties_share_a_rank(mini: tp.Atlas) -> None:
    """Leg: both muscles refer inside it with essential zones; equal scores share rank 1, ordered by name."""
    ranking = tp.rank(["leg"], atlas=mini)
    expected = LN((0.9 * 1.0 + 0.05) / 0.05)
    assert ["muscle:alpha", "muscle:beta"] == [c.muscle.id for c in ranking]
    assert pytest.approx([expected, expected]) == [c.score for c in ranking]
    assert [(1, True, "=1"), (1, True, "=1")] == [(c.rank, c.tied, c.place) for c in ranking]
    assert "subregion" == ranking[0].explained[0].match


def test_ranks_are_shared_by_equal_scores_only(mini: tp.Atlas) -> None:
    """Different scores get their own ranks, untied."""
    ranking = tp.rank(["shin"], atlas=mini)
    assert [(1, False, "1"), (2, False, "2")] == [(c.rank, c.tied, c.place) for c in ranking]


def test_a_weight_changes_the_subregion_credit(mini: tp.Atlas) -> None:
    """With subregion=0.5, a referral inside the queried region counts half."""
    ranking = tp.rank(["leg"], atlas=mini, subregion=0.5)
    assert pytest.approx(LN((0.9 * 0.5 + 0.05) / 0.05)) == ranking[0].score


def test_absent_regions_count_against_a_candidate(mini: tp.Atlas) -> None:
    """A pain-free thigh, where alpha's essential zone lies, lowers alpha's score (and is not also 'unreported')."""
    ranking = tp.rank(["shin"], absent=["thigh"], atlas=mini)
    alpha = next(c for c in ranking if c.muscle.id == "muscle:alpha")
    assert pytest.approx(LN((0.36 + 0.05) / 0.05) + LN(1 - 0.8 * 0.9)) == alpha.score
    assert ["region:thigh"] == [a.query for a in alpha.absent]
    assert () == alpha.unreported


def test_a_phrase_that_says_where_it_does_not_hurt_gives_an_absent_region(mini: tp.Atlas) -> None:
    """'shin, but not the upper leg' ranks as shin with the thigh free of pain."""
    ranking = tp.rank(["shin, but not the upper leg"], atlas=mini)
    assert (("region:shin",), ("region:thigh",)) == (ranking.regions, ranking.absent)


def test_activities_and_symptoms_add_their_likelihood_ratios(mini: tp.Atlas) -> None:
    """A matching activity adds ln(activity_lr); a general factor is not an activity match."""
    plain = _scores(tp.rank(["shin"], atlas=mini))
    ranking = tp.rank(["shin"], activities=["heavy lifting"], symptoms=["stiffness"], atlas=mini, activity_lr=4.0)
    assert pytest.approx(plain["muscle:alpha"] + LN(4.0) + LN(3.0)) == _scores(ranking)["muscle:alpha"]
    assert plain["muscle:beta"] == _scores(ranking)["muscle:beta"]


def test_activity_words_name_every_factor_about_them_when_lenient() -> None:
    """'lifting' begins no name: strictly it is ambiguous; leniently it names every lifting factor, counted once."""
    with pytest.raises(tp.AmbiguousKeyError):
        tp.rank(["calf"], activities=["lifting"])
    ranking = tp.rank(["calf"], activities=["lifting"], strict=False)
    assert "words" == ranking.terms[0].how
    assert len(ranking.terms[0].ids) > 1
    assert all(len(c.factors) <= 1 for c in ranking)
    assert ("symptom", "beginning") == (tp.rank("neck", symptoms=["stiff neck wit"]).terms[0].kind, "beginning")


def test_the_beginning_of_one_activity_name_is_enough() -> None:
    """'gardening' begins the name of one factor."""
    term = tp.rank(["thumb"], activities=["gardening"]).terms[0]
    assert (("factor:gardening",), "beginning") == (term.ids, term.how) or "beginning" == term.how


def test_without_pain_activities_choose_the_candidates(mini: tp.Atlas) -> None:
    """No pain given: the muscles tied to the activities are ranked."""
    assert ["muscle:alpha"] == [c.muscle.id for c in tp.rank([], activities=["factor:lifting"], atlas=mini)]


def test_relations_and_cautions_are_reported(mini: tp.Atlas) -> None:
    """The satellite relation between two candidates is stated; cautions of queried regions travel along."""
    ranking = tp.rank(["shin", "low back"], atlas=mini)
    assert all("treat Alpha muscle first" in " ".join(r.text for r in c.relations) for c in ranking)
    relations: dict[str, tp.Relation] = {r.id: r for r in mini.relations}
    for match in (match for candidate in ranking for match in candidate.relations):
        relation = relations[match.relation]
        assert (relation.kind.value, relation.source, relation.target) == (match.kind, match.source, match.target)
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
    with pytest.raises(ValueError, match="prior"):
        tp.rank(["shin"], atlas=mini, prior=-1)


def test_a_single_string_is_one_phrase(mini: tp.Atlas) -> None:
    """rank("shin") is rank(["shin"]), not five one-letter phrases."""
    assert tp.rank(["shin"], atlas=mini) == tp.rank("shin", atlas=mini)


def test_results_explain_themselves_and_serialize(mini: tp.Atlas) -> None:
    """Each candidate has a paragraph and a JSON-ready dict; the ranking records its reading and model version."""
    ranking = tp.rank(["shin"], limit=1, atlas=mini)
    assert 1 == len(ranking)
    text = ranking[0].explain()
    assert text.startswith(
        "Beta muscle (score 2.94): its TrP1 trigger point refers pain to the Shin (essential, exact)."
    )
    data = json.loads(json.dumps(ranking.to_dict()))
    assert "2.0" == tp.MODEL_VERSION == data["model_version"]
    assert "muscle:beta" == data["candidates"][0]["muscle"]["id"]
    assert (1, False) == (data["candidates"][0]["rank"], data["candidates"][0]["tied"])
    assert ranking[0].score == data["candidates"][0]["score"]
    assert "read 'shin' as Shin" == data["readings"][0]["text"]


def test_the_issue_examples_on_the_packaged_data() -> None:
    """Sits bone -> gluteus maximus; the lateral leg band -> gluteus minimus, anterior trigger point."""
    assert "Gluteus maximus" == tp.rank(["sits bone"])[0].muscle.name
    best = tp.rank(["outside of thigh", "outside of lower leg", "ankle"])[0]
    assert "Gluteus minimus" == best.muscle.name
    assert {"tp:gluteus-minimus-anterior"} == {m.trigger_point for m in best.explained}


def test_back_molar_ranks_tooth_sources_only_and_shows_its_reading() -> None:
    """'back molar' is read as the teeth alone, and every candidate refers pain to the teeth.

    The teeth share no area with the regions drawn in front of them (see APART in
    tools/make_overlap.py), so a referral to the mouth or the chin does not explain a toothache.
    """
    ranking = tp.rank("back molar")
    assert ("region:teeth",) == ranking.regions
    assert "read 'back molar' as Teeth; ignored 'back'" == ranking.places[0].describe()
    teeth = {"region:teeth"} | {region.id for region in tp.load().descendants_of("region:teeth")}
    assert len(ranking) >= 3
    assert all(match.region in teeth for candidate in ranking for match in candidate.explained)


def test_the_point_of_the_shoulder_and_the_angle_of_the_neck_are_told_apart() -> None:
    """The AC joint ranks the trapezius first, and the angle of the neck the muscles referring there.

    Issue 14 found "top of shoulder" lumping the two, so the AC joint ranked the levator
    scapulae first; data 0.5.1 splits them into two regions inside the top of the shoulder.
    """
    ac = tp.rank("AC joint")
    assert ("region:acromion",) == ac.regions
    assert "muscle:trapezius" == ac[0].muscle.id
    assert "muscle:levator-scapulae" not in {candidate.muscle.id for candidate in ac}
    angle = tp.rank("angle of the neck")
    assert ("region:angle-of-neck",) == angle.regions
    assert {"muscle:levator-scapulae", "muscle:splenius-cervicis"} == {c.muscle.id for c in angle[:2]}
    assert "tp:trapezius-trp6" not in {m.trigger_point for c in angle for m in c.explained}


def test_the_whole_body_warns() -> None:
    """'I hurt all over' reads as the whole body, and the ranking says so."""
    ranking = tp.rank("I hurt all over")
    assert ("region:body",) == ranking.regions
    assert "the whole body" in ranking.notes[0]


def test_overlap_lets_a_region_in_another_branch_explain_in_part() -> None:
    """The top of the shoulder lies under the shoulder, but overlaps the neck: its referrals explain neck pain in part."""
    shape = geometry(tp.load())
    ranking = tp.rank("neck")
    w = ranking.weights
    overlaps = [m for c in ranking for m in c.explained if m.match == "overlap"]
    assert "region:top-of-shoulder" in {m.region for m in overlaps}
    for match in overlaps:
        zone = w.essential if match.zone is tp.Zone.ESSENTIAL else w.spillover
        fraction = shape.fraction(match.region, "region:neck")
        covered = 1 - w.coverage * (1 - match.coverage)
        assert fraction >= w.least_overlap
        assert pytest.approx(w.sensitivity * zone * w.overlap * fraction * covered) == match.probability


def test_coverage_orders_broad_regions_by_how_much_of_them_a_pattern_covers() -> None:
    """For the head, the sternocleidomastoid (many head zones) comes before a muscle with one small zone."""
    head = tp.rank("head")
    names = [c.muscle.name for c in head]
    assert names.index("Sternocleidomastoid") < names.index("Orbicularis oculi")
    assert head[0].explained[0].coverage > head[-1].explained[0].coverage


def test_prevalence_priors_are_opt_in_and_cited() -> None:
    """With prior=1, a muscle a study found in people with low back pain gains ln(1 + share); by default nothing."""
    plain: dict[str, tp.Candidate] = {c.muscle.id: c for c in tp.rank("low back")}
    primed: dict[str, tp.Candidate] = {c.muscle.id: c for c in tp.rank("low back", prior=1.0)}
    ql = primed["muscle:quadratus-lumborum"]
    assert () == plain["muscle:quadratus-lumborum"].priors
    assert pytest.approx(LN(1 + (0.30 + 0.55) / 2)) == ql.priors[0].contribution
    assert pytest.approx(plain["muscle:quadratus-lumborum"].score + ql.priors[0].contribution) == ql.score
    assert "Monclús-Díez 2025" in ql.explain()


def test_no_empty_ranking_without_a_stated_reason() -> None:
    """Every region of the vocabulary either gets candidates or a note saying why none explains it."""
    for region in tp.load().regions:
        ranking = tp.rank(region.id)
        assert len(ranking) or ranking.notes, region.id


_PACKAGED = tp.load()
_REFERRED = sorted({r.region for p in _PACKAGED.trigger_points for r in p.referrals})
_REGIONS = st.sampled_from(_REFERRED) | st.sampled_from([r.id for r in _PACKAGED.regions])


@settings(max_examples=60, deadline=None)
@given(st.lists(_REGIONS, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_order_and_repetition_of_inputs_do_not_matter(regions: list[str], random: object) -> None:
    """Shuffled or repeated pain regions give the same candidates, scores and ranks."""
    shuffled = regions + regions[:1]
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = tp.rank(regions), tp.rank(shuffled)
    assert [(c.muscle.id, c.score, c.rank) for c in first] == [(c.muscle.id, c.score, c.rank) for c in second]


@settings(max_examples=60, deadline=None)
@given(st.lists(_REGIONS, min_size=1, max_size=3), _REGIONS)
def test_another_painful_region_never_lowers_a_score(regions: list[str], extra: str) -> None:
    """Adding a region keeps every candidate, and each gains at least its match for the new region."""
    before = {c.muscle.id: c.score for c in tp.rank(regions)}
    after = {c.muscle.id: c for c in tp.rank([*regions, extra])}
    assert set(before) <= set(after)
    for muscle, score in before.items():
        gained = sum(m.contribution for m in after[muscle].explained if m.query == extra and extra not in regions)
        assert after[muscle].score >= score + gained - 1e-9


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_REGIONS, min_size=1, max_size=4),
    st.lists(st.sampled_from([f.id for f in _PACKAGED.factors if not f.general]), max_size=2),
)
def test_every_score_is_reproduced_by_its_own_evidence(regions: list[str], activities: list[str]) -> None:
    """Each contribution follows from its probability, the score is their sum, and ranks follow the scores."""
    ranking = tp.rank(regions, activities=activities, prior=1.0)
    w = ranking.weights
    for candidate in ranking:
        for match in candidate.explained:
            assert pytest.approx(math.log((match.probability + w.leak) / w.leak)) == match.contribution
        for factor in candidate.factors:
            assert pytest.approx(math.log(w.activity_lr)) == factor.contribution
        for unreported in candidate.unreported:
            assert pytest.approx(math.log(1 - w.unreported * w.sensitivity * w.essential)) == unreported.contribution
        assert math.fsum(e.contribution for e in candidate.evidence) == candidate.score
        assert set(candidate.unexplained) | {m.query for m in candidate.explained} == set(ranking.regions)
    for before, after in itertools.pairwise(ranking):
        assert before.score >= after.score
        assert (before.rank == after.rank) == (round(before.score, 9) == round(after.score, 9))


def test_explanations_name_unexplained_regions_by_name(mini: tp.Atlas) -> None:
    """A queried region a candidate does not explain is given by its name, not its id."""
    ranking = tp.rank(["shin", "low back"], atlas=mini)
    partial = next(c for c in ranking if c.unexplained)
    text = partial.explain()
    assert "It does not explain:" in text
    assert "region:" not in text.split("It does not explain:")[1]


#: Words of activity and symptom names the activity and symptom reader may drop: grammar,
#: the words for pain, and how it feels. Any other word of a name must read alone.
GENERIC_TERM_WORDS = frozenset(
    """
    aching burning down feeling from hurt hurts into muscle pain painful sharp sore tender
    tenderness that through when while with
    """.split()
)


def test_every_word_of_an_activity_or_symptom_name_reads_as_something_when_lenient() -> None:
    """No word that names part of a factor or symptom is dropped as filler ('reaching', 'running')."""
    atlas = tp.load()
    dropped, unread = set(), []
    for kind, records in (("activity", atlas.factors), ("symptom", atlas.symptoms)):
        for record in records:
            for name in (record.name, *record.aliases):
                for word in normalize(name).split():
                    if len(word) < 4 or not word.isalpha():
                        continue
                    if word in TERM_FILLER:
                        dropped.add(word)
                        continue
                    activities, symptoms = ([word], []) if kind == "activity" else ([], [word])
                    if not tp.rank([], activities=activities, symptoms=symptoms, strict=False).terms:
                        unread.append((record.id, word))
    assert set() == dropped - GENERIC_TERM_WORDS
    assert [] == unread


@pytest.mark.parametrize(
    ("kind", "word"),
    [
        *(("activity", word) for word in ("reach", "reaching", "running", "lifting", "gardening", "typing")),
        *(("activity", word) for word in ("driving", "sitting", "extended", "carrying", "chewing")),
        *(("symptom", word) for word in ("stiffness", "numbness", "burning", "weakness")),
    ],
)
def test_words_people_use_for_activities_and_symptoms_read_when_lenient(kind: str, word: str) -> None:
    """One word, as a person types it after --activity or --symptom, names at least one record."""
    activities, symptoms = ([word], []) if kind == "activity" else ([], [word])
    assert tp.rank([], activities=activities, symptoms=symptoms, strict=False).terms
