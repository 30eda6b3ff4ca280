"""Tests of the coverage report and its gaps (triggerpoints/_report.py), on the mini dataset."""

from __future__ import annotations

import triggerpoints as tp


def test_totals_match_the_mini_dataset_counted_by_hand(mini: tp.Atlas) -> None:
    """Totals: 2 muscles, 3 points, 3 essential and 1 spillover referrals, one of each linked kind."""
    total = tp.coverage(atlas=mini).total
    assert (2, 3, 3, 1, 1, 1, 1, 1, 1) == total.counts()[:9]


def test_rows_split_the_counts_by_body_area(mini: tp.Atlas) -> None:
    """Alpha's row holds its two points and the satellite relation it drives; beta's row its treatment."""
    rows = {row.area: row for row in tp.coverage(atlas=mini).rows}
    assert (1, 2, 1, 0) == (
        rows["lower-torso"].muscles,
        rows["lower-torso"].trigger_points,
        rows["lower-torso"].relations,
        rows["lower-torso"].treatments,
    )
    assert (1, 1, 0, 1) == (
        rows["leg-ankle-and-foot"].muscles,
        rows["leg-ankle-and-foot"].trigger_points,
        rows["leg-ankle-and-foot"].relations,
        rows["leg-ankle-and-foot"].treatments,
    )


def test_gaps_name_what_each_muscle_lacks(mini: tp.Atlas) -> None:
    """Alpha has no treatment; beta (driven by a relation, treated by the ball) has no factor, symptom or condition."""
    gaps = tp.coverage(atlas=mini).gaps
    assert [("muscle:alpha", ("treatments",)), ("muscle:beta", ("factors", "symptoms", "conditions"))] == [
        (gap.muscle, gap.missing) for gap in gaps
    ]
    assert (
        "leg-ankle-and-foot: Beta muscle: no factors, no symptoms, no conditions"
        == (tp.coverage(atlas=mini).gaps_text().splitlines()[1])
    )


def test_a_muscle_with_every_kind_is_no_gap() -> None:
    """Every muscle the packaged data lists as a gap really lacks each kind it names, and no other muscle does."""
    atlas = tp.load()
    gaps = {gap.muscle: set(gap.missing) for gap in tp.coverage().gaps}
    for muscle in atlas.muscles:
        lacking = {
            kind
            for kind, found in (
                ("relations", atlas.relations_of(muscle.id)),
                ("factors", atlas.factors_of(muscle.id)),
                ("symptoms", atlas.symptoms_of(muscle.id)),
                ("conditions", atlas.conditions_of(muscle.id)),
                ("treatments", atlas.treatments_of(muscle.id)),
            )
            if not found
        }
        assert lacking == gaps.get(muscle.id, set())


def test_the_json_form_carries_the_gaps(mini: tp.Atlas) -> None:
    """to_dict() lists each gap with its muscle, name, area and missing kinds."""
    data = tp.coverage(atlas=mini).to_dict()
    assert {"muscle": "muscle:alpha", "name": "Alpha muscle", "area": "lower-torso", "missing": ["treatments"]} == (
        data["gaps"][0]
    )


def test_support_rows_count_the_mini_dataset_by_hand(mini: tp.Atlas) -> None:
    """Referrals: three rest on the book alone, one on book and page; links: three on the book, one on the page."""
    rows = {row.kind: row for row in tp.coverage(atlas=mini).support}
    # facts, 0, 1, 2, 3+ sources, textbook, peer-reviewed, summary, practitioner, single practitioner, splits
    assert (4, 0, 3, 1, 0, 4, 0, 0, 0, 0, 4, 0) == rows["referrals"].counts()
    assert (1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0) == rows["relations"].counts()
    assert (4, 0, 4, 0, 0, 3, 0, 0, 1, 1, 0, 0) == rows["links"].counts()


def test_support_text_and_json_give_the_distribution(mini: tp.Atlas) -> None:
    """The text form names each kind of fact and the split origins; the JSON form carries the rows."""
    report = tp.coverage(atlas=mini)
    text = report.support_text()
    assert "  referrals: 4" in text.splitlines()
    assert "    essential/spillover split by: a source 4, the curator 0" in text.splitlines()
    assert ["referrals", "relations", "links"] == [row["kind"] for row in report.to_dict()["support"]]
    assert "| kind | facts | 0 sources |" in report.to_markdown()


def test_packaged_support_adds_up() -> None:
    """In the packaged data each kind's counts by source number and by tier add up to its facts."""
    for row in tp.coverage().support:
        assert row.facts == row.sources_0 + row.sources_1 + row.sources_2 + row.sources_3_or_more
        tiers = row.best_textbook + row.best_peer_reviewed + row.best_professional_summary + row.best_practitioner
        assert row.facts == tiers + row.sources_0


def test_to_dict_keys_are_the_row_fields() -> None:
    """The coverage's JSON rows carry exactly the fields of their classes (the TypedDicts cannot drift)."""
    import attrs  # noqa: PLC0415 - only this test reads the classes' fields

    from triggerpoints._report import CoverageRow, SupportRow  # noqa: PLC0415

    data = tp.coverage().to_dict()
    assert {field.name for field in attrs.fields(CoverageRow)} == set(data["total"])
    assert {field.name for field in attrs.fields(SupportRow)} == set(data["support"][0])
