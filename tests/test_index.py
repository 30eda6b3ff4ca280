"""The lookup tables built once per dataset (triggerpoints/_index.py), checked on the mini dataset."""

from __future__ import annotations

import json

import pytest

import triggerpoints as tp
from triggerpoints._index import PREPARED_KINDS, build, prepare
from triggerpoints._text import normalize


def test_records_by_id_and_their_position_in_their_section(mini: tp.Atlas) -> None:
    """by_id holds every record; position is the record's index in its own section."""
    indexes = mini.indexes
    assert len(indexes.by_id) == sum(len(getattr(mini.dataset, kind.section)) for kind in tp.KINDS)
    assert 1 == indexes.position["tp:alpha-lower"]
    assert 0 == indexes.position["muscle:alpha"]


def test_display_names(mini: tp.Atlas) -> None:
    """Trigger points are named '<muscle> <label>', relations by id, the rest by name."""
    assert "Alpha muscle lower" == mini.indexes.display["tp:alpha-lower"]
    relation = mini.relations[0]
    assert relation.id == mini.indexes.display[relation.id]


def test_names_are_normalized_per_kind(mini: tp.Atlas) -> None:
    """A muscle's alias and a trigger point's '<muscle alias> <label>' are normalized keys of their kinds."""
    names = mini.indexes.names
    assert frozenset({"muscle:alpha"}) == names["muscle"]["alpha"]
    assert frozenset({"muscle:alpha"}) == names["muscle"][normalize("Älpha")]  # accents fold away
    assert frozenset({"tp:alpha-upper"}) == names["trigger_point"]["alpha upper"]
    assert "alpha upper" not in names["muscle"]


def test_region_hierarchy_tables(mini: tp.Atlas) -> None:
    """Children in dataset order, ancestors nearest first, descendants depth first."""
    indexes = mini.indexes
    assert ("region:thigh", "region:shin", "region:knee") == indexes.children["region:leg"]
    assert ("region:back", "region:body") == indexes.ancestors["region:low-back"]
    assert ("region:back", "region:low-back", "region:leg", "region:thigh", "region:shin", "region:knee") == (
        indexes.descendants["region:body"]
    )


def test_referrals_relations_and_links_by_key(mini: tp.Atlas) -> None:
    """Referrals are grouped by region, relations by the muscle at each end, links by muscle."""
    indexes = mini.indexes
    assert ["tp:alpha-lower", "tp:beta-1"] == [point.id for point, _ in indexes.referrals_to["region:shin"]]
    assert ["muscle:beta"] == [relation.target for relation in indexes.relations_out["muscle:alpha"]]
    assert ["muscle:alpha"] == [relation.source for relation in indexes.relations_in["muscle:beta"]]
    assert {"factor:lifting", "symptom:stiffness", "condition:lumbago"} <= {
        record.id for record in indexes.links["muscle:alpha"]
    }


def test_name_tables_are_made_per_kind_on_first_use(mini: tp.Atlas) -> None:
    """Each kind's name table is made when first asked for, and then the same object every time."""
    indexes = build(mini.dataset)
    assert tuple(kind.name for kind in tp.KINDS) == tuple(indexes.names)
    regions = indexes.names["region"]
    assert regions is indexes.names["region"]
    assert "upper leg" == indexes.spelled[("region:thigh", "upper leg")]
    assert frozenset({"region:thigh"}) == indexes.places[frozenset({"thigh"})]


def test_an_empty_dataset_has_empty_indexes() -> None:
    """A dataset with no records builds empty tables, not an error."""
    indexes = build(tp.Dataset(schema_version="1.0"))
    assert {} == dict(indexes.by_id)
    assert {} == dict(indexes.referrals_to)


def test_prepared_tables_are_the_tables_made_at_run_time(mini: tp.Atlas) -> None:
    """Tables made ahead by prepare() and read back are those build() makes; spellings still come out."""
    prepared = json.loads(json.dumps(prepare(mini.dataset)))  # as the prebuilt file holds them
    assert set(PREPARED_KINDS) == set(prepared["names"])
    fresh, ready = build(mini.dataset), build(mini.dataset, prepared=prepared)
    for kind in PREPARED_KINDS:
        assert dict(fresh.names[kind]) == dict(ready.names[kind])
    assert dict(fresh.places) == dict(ready.places)
    assert dict(fresh.spelled) == dict(ready.spelled)
    assert "upper leg" == build(mini.dataset, prepared=prepared).spelled[("region:thigh", "upper leg")]


def test_the_packaged_atlas_uses_the_prepared_tables_and_they_are_current() -> None:
    """The packaged atlas's region and place tables equal those made afresh from its records."""
    atlas = tp.load()
    fresh = build(atlas.dataset)
    assert dict(fresh.names["region"]) == dict(atlas.indexes.names["region"])
    assert dict(fresh.places) == dict(atlas.indexes.places)


def test_indexes_are_passed_only_with_validated(mini: tp.Atlas) -> None:
    """Indexes given to an Atlas are trusted, so they need validated=True; then they are used as given."""
    indexes = build(mini.dataset)
    with pytest.raises(tp.ArgumentError, match="validated=True"):
        tp.Atlas(mini.dataset, indexes=indexes)
    assert tp.Atlas(mini.dataset, validated=True, indexes=indexes).indexes is indexes
