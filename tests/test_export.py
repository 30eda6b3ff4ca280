"""Tests of the flat tables (triggerpoints._export): support columns and curation kept apart, on the mini dataset."""

from __future__ import annotations

import triggerpoints as tp


def test_referral_rows_carry_support_split_and_curation(mini: tp.Atlas) -> None:
    """alpha-lower -> shin: two independent sources, best textbook, split by a source, no curation text."""
    rows = tp.tables(atlas=mini)["referrals"]
    shin = next(row for row in rows if (row["trigger_point"], row["region"]) == ("tp:alpha-lower", "region:shin"))
    assert {
        "independent_sources": "2",
        "best_tier": "textbook",
        "split": "source",
        "curation": "",
        "weak_sources": "",
    } == {key: shin[key] for key in ("independent_sources", "best_tier", "split", "curation", "weak_sources")}


def test_relation_and_link_rows_carry_support(mini: tp.Atlas) -> None:
    """The relation cites the textbook; the ball treatment's link only the practitioner page."""
    tables = tp.tables(atlas=mini)
    assert ("1", "textbook") == (tables["relations"][0]["independent_sources"], tables["relations"][0]["best_tier"])
    ball = next(row for row in tables["links"] if row["record"] == "treatment:ball")
    assert ("1", "practitioner", "") == (ball["independent_sources"], ball["best_tier"], ball["curation"])


def test_every_table_with_free_text_has_a_curation_column() -> None:
    """Trigger points, referrals, spared regions, relations and links each have a curation column."""
    tables = tp.tables()
    for name in ("trigger_points", "referrals", "spared", "relations", "links"):
        assert "curation" in tables[name][0], name


def test_rows_of_a_table_share_their_columns() -> None:
    """Every row of the packaged referrals table has the same keys in the same order (CSV-ready)."""
    rows = tp.tables()["referrals"]
    assert 1 == len({tuple(row) for row in rows})


def test_packaged_curator_splits_and_curation_reach_the_table() -> None:
    """The referrals table counts as many curator splits as the data, and curation text is kept."""
    atlas = tp.load()
    rows = tp.tables(atlas=atlas)["referrals"]
    expected = sum(1 for point in atlas.trigger_points for r in point.referrals if r.split.value == "curator")
    assert expected == sum(1 for row in rows if row["split"] == "curator")
    assert any(row["curation"] for row in rows)
