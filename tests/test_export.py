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


def test_the_new_tables_hold_every_record_of_their_kind() -> None:
    """Sources, factors (general ones too), symptoms, conditions, treatments and prevalence: one row per record."""
    atlas, tables = tp.load(), tp.tables()
    for section in ("sources", "factors", "symptoms", "conditions", "treatments"):
        assert [record.id for record in getattr(atlas, section)] == [row["id"] for row in tables[section]], section
    assert [record.id for record in atlas.dataset.prevalence] == [row["id"] for row in tables["prevalence"]]
    general = [row for row in tables["factors"] if row["general"] == "true"]
    assert general
    assert any(row["muscles"] == "" for row in general)


def test_linked_record_tables_keep_kind_category_description_and_caution() -> None:
    """A treatment row has its kind, description and caution; a factor row its kind and category."""
    atlas, tables = tp.load(), tp.tables()
    treatment = next(t for t in atlas.treatments if t.caution)
    row = next(r for r in tables["treatments"] if r["id"] == treatment.id)
    assert (treatment.kind.value, treatment.description, treatment.caution) == (
        row["kind"],
        row["description"],
        row["caution"],
    )
    factor = next(f for f in atlas.factors if f.category is not None)
    row = next(r for r in tables["factors"] if r["id"] == factor.id)
    assert (factor.kind.value, factor.category.value if factor.category else "") == (row["kind"], row["category"])


def test_relations_and_links_name_both_ends(mini: tp.Atlas) -> None:
    """The mini relation reads Alpha muscle -> Beta muscle TrP1 by name as well as id."""
    tables = tp.tables(atlas=mini)
    relation = tables["relations"][0]
    assert (mini.name_of(relation["source"]), mini.name_of(relation["target"])) == (
        relation["source_name"],
        relation["target_name"],
    )
    assert all(row["muscle_name"] == mini.name_of(row["muscle"]) for row in tables["links"])


def test_regions_carry_depth_and_ancestry() -> None:
    """The sits bone's depth is the number of its ancestors, listed from the whole body down."""
    row = next(r for r in tp.tables()["regions"] if r["id"] == "region:ischial-tuberosity")
    ancestors = [region.id for region in reversed(tp.load().ancestors_of("region:ischial-tuberosity"))]
    assert ("|".join(ancestors), str(len(ancestors))) == (row["ancestors"], row["depth"])


def test_sources_carry_tier_publisher_concern_and_citation() -> None:
    """Every source row has its tier, its publisher (derived where not stated) and its one-line citation."""
    atlas = tp.load()
    for row in tp.tables()["sources"]:
        source = atlas.source(row["id"])
        assert (source.tier.value, source.publisher_name(), source.citation()) == (
            row["tier"],
            row["publisher"],
            row["citation"],
        )
        assert (source.concern.value if source.concern else "") == row["concern"]


def test_every_table_has_rows_with_the_same_columns() -> None:
    """Each packaged table is non-empty and all its rows share one column list (CSV-ready)."""
    for name, rows in tp.tables().items():
        assert rows, name
        assert 1 == len({tuple(row) for row in rows}), name
