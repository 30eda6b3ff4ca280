"""Tests over every record of the packaged dataset: integrity, provenance and the seed facts."""

from __future__ import annotations

import csv
import json
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import triggerpoints as tp
from triggerpoints._text import normalize

ROOT = Path(__file__).resolve().parent.parent
XREF_TABLE = ROOT / "data" / "anatomy-xrefs" / "uberon-muscles.tsv"


@pytest.fixture(scope="module")
def atlas() -> tp.Atlas:
    """The packaged atlas."""
    return tp.load()


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    """The packaged JSON, as shipped."""
    text = files("triggerpoints").joinpath("data", "triggerpoints.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def _cited_parts(atlas: tp.Atlas) -> list[tuple[str, tuple[str, ...]]]:
    """Every fact-bearing part of the dataset with its sources."""
    parts: list[tuple[str, tuple[str, ...]]] = []
    for kind in tp.KINDS:  # every kind but sources and regions cites its sources
        for record in getattr(atlas.dataset, kind.section):
            if isinstance(record, tp.Source | tp.Region):
                continue
            parts.append((record.id, record.sources))
            if isinstance(record, tp.TriggerPoint):
                entries: tuple[tp.Referral | tp.Spared, ...] = (*record.referrals, *record.spared)
                parts.extend((f"{record.id} -> {entry.region}", entry.sources) for entry in entries)
            elif kind.linked:
                links: tuple[tp.Link, ...] = record.muscles
                parts.extend((f"{record.id} -> {link.muscle}", link.sources) for link in links)
    return parts


def test_the_packaged_data_matches_its_json_schema(document: dict[str, Any]) -> None:
    """The shipped JSON Schema accepts the shipped dataset."""
    schema = json.loads(
        files("triggerpoints").joinpath("data", "triggerpoints.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [
        f"{error.json_path}: {error.message}" for error in jsonschema.Draft202012Validator(schema).iter_errors(document)
    ]
    assert [] == errors


def test_the_schema_and_the_loader_reject_the_same_broken_documents(mini_document: dict[str, Any]) -> None:
    """For breakages a schema can see, both the JSON Schema and the loader refuse the document."""
    from test_dataset import MALFORMED  # noqa: PLC0415 - the shared list of breakages

    schema = json.loads(
        files("triggerpoints").joinpath("data", "triggerpoints.schema.json").read_text(encoding="utf-8")
    )
    validator = jsonschema.Draft202012Validator(schema)
    assert [] == list(validator.iter_errors(mini_document))
    cross_record = (
        "duplicate",
        "dangling",
        "cycle",
        "second root",
        "listed twice",
        "both referred",
        "another muscle",
        "itself",
        "alias",
    )
    for name, mutate, _path, _words in MALFORMED:
        if any(word in name for word in cross_record):
            continue
        broken = json.loads(json.dumps(mini_document))
        mutate(broken)
        assert list(validator.iter_errors(broken)), f"the schema accepts: {name}"


def test_every_reference_resolves(atlas: tp.Atlas) -> None:
    """Every id a record mentions names a record of the right kind."""
    regions = {region.id for region in atlas.regions}
    muscles = {muscle.id for muscle in atlas.muscles}
    points = {point.id for point in atlas.trigger_points}
    sources = {source.id for source in atlas.sources}
    for region in atlas.regions:
        assert region.parent is None or region.parent in regions, region.id
    for point in atlas.trigger_points:
        assert point.muscle in muscles
        assert {entry.region for entry in point.referrals} | {entry.region for entry in point.spared} <= regions, (
            point.id
        )
    for relation in atlas.relations:
        assert {relation.source, relation.target} <= muscles | points, relation.id
    linked: tuple[tp.Factor | tp.Symptom | tp.Condition | tp.Treatment, ...] = (
        *atlas.factors,
        *atlas.symptoms,
        *atlas.conditions,
        *atlas.treatments,
    )
    for record in linked:
        assert {link.muscle for link in record.muscles} <= muscles, record.id
        assert {point for link in record.muscles for point in link.trigger_points} <= points, record.id
    for name, cited in _cited_parts(atlas):
        assert set(cited) <= sources, name


def test_every_fact_has_a_source(atlas: tp.Atlas) -> None:
    """Referrals, spared regions, relations, links and records all cite at least one source."""
    assert [] == [name for name, cited in _cited_parts(atlas) if not cited]


def test_every_source_is_used_and_well_formed(atlas: tp.Atlas) -> None:
    """Sources are cited somewhere; pages carry an address and a checked date; chapters a volume."""
    used = {source for _, cited in _cited_parts(atlas) for source in cited}
    assert [] == sorted({source.id for source in atlas.sources} - used)
    for source in atlas.sources:
        if source.kind is tp.SourceKind.WEB_PAGE:
            assert (source.url or "").startswith(("http://", "https://")), source.id
            assert source.accessed, source.id
        if source.kind is tp.SourceKind.BOOK_CHAPTER:
            assert (True, True, True) == (bool(source.volume), bool(source.chapter), bool(source.work)), source.id


def test_no_alias_is_shared_within_a_kind(atlas: tp.Atlas) -> None:
    """After normalization, no word names two records of the same kind."""
    for records in (atlas.regions, atlas.muscles, atlas.factors, atlas.symptoms, atlas.conditions, atlas.treatments):
        owners: dict[str, set[str]] = {}
        for record in records:
            for word in (record.name, *record.aliases):
                owners.setdefault(normalize(word), set()).add(record.id)
        assert {} == {word: ids for word, ids in owners.items() if len(ids) > 1}


def test_muscles_have_trigger_points_and_every_trigger_point_an_essential_zone(atlas: tp.Atlas) -> None:
    """Each muscle has at least one trigger point, and each of those an essential region."""
    assert [] == [muscle.id for muscle in atlas.muscles if not atlas.trigger_points_of(muscle.id)]
    assert [] == [p.id for p in atlas.trigger_points if not any(r.zone is tp.Zone.ESSENTIAL for r in p.referrals)]


def test_cross_references_come_only_from_the_uberon_table(atlas: tp.Atlas) -> None:
    """A muscle's xrefs are one UBERON row's ids (UBERON, FMA, NCIt), never invented."""
    with XREF_TABLE.open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table, delimiter="\t"))
    by_uberon = {row["uberon_id"]: row for row in rows}
    for muscle in atlas.muscles:
        uberon = [xref for xref in muscle.xrefs if xref.startswith("UBERON:")]
        if not muscle.xrefs:
            continue
        assert 1 == len(uberon), muscle.id
        row = by_uberon[uberon[0]]
        allowed = {
            row["uberon_id"],
            *filter(None, row["fma_ids"].split("|")),
            *filter(None, row["ncit_ids"].split("|")),
        }
        assert set(muscle.xrefs) <= allowed, muscle.id


def test_the_region_hierarchy_is_one_tree(atlas: tp.Atlas) -> None:
    """One root; every region reaches it."""
    roots = [region.id for region in atlas.regions if region.parent is None]
    assert ["region:body"] == roots
    for region in atlas.regions:
        assert "region:body" == (atlas.ancestors_of(region.id) or (region,))[-1].id


# The pain areas and everyday words of shared/REGIONS.md, each with the region it must reach.
REGION_WORDS = {
    "crown": "region:vertex",
    "top of head": "region:vertex",
    "forehead": "region:forehead",
    "temple": "region:temple",
    "eyebrow": "region:eyebrow",
    "eye": "region:eye",
    "cheek": "region:cheek",
    "jaw": "region:jaw",
    "upper teeth": "region:upper-teeth",
    "lower teeth": "region:lower-teeth",
    "ear": "region:ear",
    "temporomandibular joint": "region:temporomandibular-joint",
    "back of head": "region:occiput",
    "throat": "region:throat",
    "front of neck": "region:anterior-neck",
    "back of neck": "region:posterior-neck",
    "side of neck": "region:lateral-neck",
    "front of shoulder": "region:anterior-shoulder",
    "side of shoulder": "region:lateral-shoulder",
    "back of shoulder": "region:posterior-shoulder",
    "top of shoulder": "region:top-of-shoulder",
    "angle of neck": "region:angle-of-neck",
    "ac joint": "region:acromion",
    "upper thoracic back": "region:upper-back",
    "between the shoulder blades": "region:interscapular",
    "medial border of the scapula": "region:medial-scapular-border",
    "front of upper arm": "region:anterior-upper-arm",
    "back of upper arm": "region:posterior-upper-arm",
    "side of upper arm": "region:lateral-upper-arm",
    "inner arm": "region:medial-upper-arm",
    "golfer's elbow": "region:medial-epicondyle",
    "tennis elbow": "region:lateral-epicondyle",
    "back of the elbow": "region:olecranon",
    "front of the elbow": "region:antecubital",
    "ulnar forearm": "region:ulnar-forearm",
    "radial forearm": "region:radial-forearm",
    "dorsal forearm": "region:dorsal-forearm",
    "volar forearm": "region:volar-forearm",
    "back of the hand": "region:dorsal-hand",
    "palm": "region:palm",
    "watchband area": "region:wrist",
    "base of the thumb": "region:base-of-thumb",
    "web of the thumb": "region:thumb-web",
    "dorsal fingers": "region:dorsal-fingers",
    "volar fingers": "region:volar-fingers",
    "sternum": "region:sternum",
    "breastbone": "region:sternum",
    "breast": "region:breast",
    "side of chest": "region:lateral-chest",
    "upper abdomen": "region:upper-abdomen",
    "lower abdomen": "region:lower-abdomen",
    "low thoracic back": "region:low-thoracic-back",
    "lumbar": "region:low-back",
    "low back": "region:low-back",
    "belt line": "region:iliac-crest",
    "buttock": "region:buttock",
    "si joint": "region:sacroiliac-joint",
    "iliosacral": "region:sacroiliac-joint",
    "sacrum": "region:sacrum",
    "tailbone": "region:coccyx",
    "groin": "region:groin",
    "pubic bone": "region:pubic-bone",
    "pelvic floor": "region:pelvic-floor",
    "perineum": "region:perineum",
    "rectum": "region:rectum",
    "vagina": "region:vagina",
    "scrotum": "region:scrotum",
    "sits bone": "region:ischial-tuberosity",
    "upper buttock": "region:upper-buttock",
    "lower buttock": "region:lower-buttock",
    "greater trochanter": "region:greater-trochanter",
    "hip pocket": "region:lateral-buttock",
    "anterior thigh": "region:anterior-thigh",
    "medial thigh": "region:medial-thigh",
    "posterior thigh": "region:posterior-thigh",
    "lateral thigh": "region:lateral-thigh",
    "kneecap": "region:patella",
    "anteromedial knee": "region:anteromedial-knee",
    "lateral knee": "region:lateral-knee",
    "popliteal fossa": "region:posterior-knee",
    "shin": "region:anterior-leg",
    "lateral leg": "region:lateral-leg",
    "calf": "region:posterior-leg",
    "anterior ankle": "region:anterior-ankle",
    "outer ankle bone": "region:lateral-malleolus",
    "medial ankle": "region:medial-ankle",
    "achilles tendon": "region:achilles-tendon",
    "top of the foot": "region:dorsal-foot",
    "dorsal great toe": "region:dorsal-great-toe",
    "dorsal lesser toes": "region:dorsal-lesser-toes",
    "arch": "region:plantar-midfoot",
    "ball of the foot": "region:metatarsal-heads",
    "plantar great toe": "region:plantar-great-toe",
    "plantar lesser toes": "region:plantar-lesser-toes",
    "heel": "region:heel",
    "shoulder blade": "region:scapula",
}


@pytest.mark.parametrize(("word", "region"), sorted(REGION_WORDS.items()))
def test_every_pain_area_and_everyday_word_names_its_region(atlas: tp.Atlas, word: str, region: str) -> None:
    """REGIONS.md's areas and words resolve to the intended region."""
    assert region == atlas.region(word).id


@pytest.mark.parametrize(
    "region", ["chest", "head", "abdomen", "low back", "calf", "jaw", "throat", "pelvic floor", "kidney area"]
)
def test_red_flag_regions_carry_caution_notes(atlas: tp.Atlas, region: str) -> None:
    """Regions where pain can be an emergency carry a caution (their own or inherited)."""
    assert atlas.cautions_for(region)


def test_the_sub_regions_of_red_flag_areas_inherit_their_cautions(atlas: tp.Atlas) -> None:
    """The breastbone inherits the chest's caution; the sits bone has none."""
    assert "region:chest" in {region for region, _ in atlas.cautions_for("breastbone")}
    assert () == atlas.cautions_for("sits bone")


def test_the_dataset_round_trips_through_its_own_format(atlas: tp.Atlas) -> None:
    """to_dict() written out and read back gives the same dataset."""
    from triggerpoints._dataset import parse  # noqa: PLC0415 - private, for this check only

    assert atlas.dataset == parse(json.loads(json.dumps(atlas.to_dict())), origin="round trip")


def test_region_names_and_ids_are_consistent(atlas: tp.Atlas) -> None:
    """No two regions share a name, and sided regions are not midline words."""
    assert 1 == max(Counter(normalize(region.name) for region in atlas.regions).values())
