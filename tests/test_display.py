"""Short reprs and notebook display (triggerpoints._display and the results' __repr__ / _repr_html_)."""

from __future__ import annotations

import pytest

import triggerpoints as tp

ATLAS = tp.load()


def test_a_ranking_repr_is_short() -> None:
    """repr(tp.rank(["outside of thigh", "ankle"])) is under 500 characters (it was 56,221) and names the top muscle."""
    text = repr(tp.rank(["outside of thigh", "ankle"]))
    assert len(text) < 500
    assert "Gluteus minimus" in text
    assert text.startswith("Ranking(read 'outside of thigh' as Lateral thigh")


def test_candidates_paths_hits_and_readings_have_short_reprs() -> None:
    """Every candidate of a ranking, every traced path, hit and reading has a repr under 500 characters."""
    ranking = tp.rank(["outside of thigh", "outside of lower leg", "ankle"], activities=["running"], strict=False)
    objects: list[object] = [*ranking, *ranking.places, *ranking.terms, *tp.trace("QL", "lateral leg")]
    objects += [*ATLAS.search("glute"), *(hit.referral for hit in ATLAS.referrals_to("buttock"))]
    assert [] == [repr(item) for item in objects if len(repr(item)) >= 500]
    assert "Candidate(place='1', muscle='muscle:gluteus-minimus'" in repr(ranking[0])


def test_referral_hits_have_short_reprs() -> None:
    """Every referral hit to the buttock has a repr under 300 characters."""
    assert [] == [repr(hit) for hit in ATLAS.referrals_to("buttock") if len(repr(hit)) >= 300]
    assert [] == [repr(hit.support) for hit in ATLAS.referrals_to("buttock") if len(repr(hit.support)) >= 300]


@pytest.mark.parametrize("kind", [kind.section for kind in tp.KINDS])
def test_every_record_has_a_short_repr_without_curation(kind: str) -> None:
    """Every packaged record's repr is at most about 300 characters and never shows curation notes."""
    for record in getattr(ATLAS.dataset, kind):
        text = repr(record)
        assert len(text) <= 300, text
        assert "curation=" not in text
        assert text.startswith(f"{type(record).__name__}(id=")


def test_records_rankings_and_candidates_show_as_html_in_notebooks() -> None:
    """_repr_html_ gives a table: a record's fields, a ranking's candidates with the cautions once."""
    muscle = ATLAS.muscle("glute min")
    assert "<table>" in muscle._repr_html_()
    assert "Gluteus minimus" in muscle._repr_html_()
    ranking = tp.rank("headache behind my eye")
    page = ranking._repr_html_()
    assert 1 == page.count("Caution (Eye)")
    assert page.count("<tr>") == len(ranking) + 1
    assert "not a diagnosis" in page
    assert "Caution (Eye)" in ranking[0]._repr_html_()


def test_record_html_leaves_out_curation_and_escapes_text() -> None:
    """A trigger point with curation notes: the notes are not in its HTML; '<' in data is escaped."""
    point = next(p for p in ATLAS.trigger_points if p.curation)
    assert point.curation[:30] not in point._repr_html_()
    odd = tp.Region(id=tp.RegionId("region:odd"), name="a < b", parent=None, views=(tp.View.ANTERIOR,), sided=False)
    assert "a &lt; b" in odd._repr_html_()
