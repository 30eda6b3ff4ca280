"""Serialisation (triggerpoints._serialize, _shapes): to_dict, to_json and the shipped JSON Schemas, on real outputs."""

from __future__ import annotations

import inspect
import json
import typing
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import jsonschema
import pytest

import triggerpoints as tp
from triggerpoints import _shapes
from triggerpoints.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEV = json.loads((ROOT / "benchmarks" / "data" / "ranking-dev.json").read_text(encoding="utf-8"))
ATLAS = tp.load()


def validate(data: Any, name: str) -> None:
    """Validate data, through JSON text, against the named schema; raise on the first error."""
    jsonschema.Draft202012Validator(tp.json_schema(name)).validate(json.loads(json.dumps(data)))


@pytest.mark.parametrize("mode", ["pain", "regions"])
def test_every_dev_vignette_ranking_matches_the_ranking_schema(mode: str) -> None:
    """Ranking.to_dict() of every dev-benchmark vignette, from its phrases or its regions, is valid."""
    for vignette in DEV["vignettes"]:
        ranking = tp.rank(vignette[mode], strict=False)
        validate(ranking.to_dict(), "ranking")
        if ranking:
            validate(ranking[0].to_dict(), "candidate")


def test_rank_json_matches_the_schema_and_is_the_ranking(capsys: pytest.CaptureFixture[str]) -> None:
    """`rank --json` is valid against the ranking schema and equals Ranking.to_dict()."""
    assert 0 == main(["rank", "headache behind my eye", "--activity", "reading", "--lenient", "--json"])
    data = json.loads(capsys.readouterr().out)
    validate(data, "ranking")
    assert tp.rank("headache behind my eye", activities=["reading"], strict=False, limit=10).to_dict() == data


@pytest.mark.parametrize(
    "key", ["glute min", "tp:gluteus-minimus-anterior", "sits bone", "factor:gardening-weeding-pruning"]
)
def test_show_json_matches_the_show_schema(capsys: pytest.CaptureFixture[str], key: str) -> None:
    """`show --json` for a muscle, a trigger point, a region and a factor is valid, with names and citations."""
    assert 0 == main(["show", key, "--json"])
    data = json.loads(capsys.readouterr().out)
    validate(data, "show")
    assert set(data["citations"]) == {source["id"] for source in data["sources"]}
    assert data["record"]["id"] in data["names"]


def test_every_record_matches_its_kind_schema() -> None:
    """to_dict of every packaged record is valid against its kind's schema (the dataset format)."""
    for kind in tp.KINDS:
        validator = jsonschema.Draft202012Validator(tp.json_schema(kind.name))
        for record in getattr(ATLAS.dataset, kind.section):
            validator.validate(tp.to_dict(record, curation=True))


def test_other_results_match_their_schemas() -> None:
    """Paths, steps, search matches, referral hits, support, readings and the coverage report are valid."""
    path = tp.trace("QL", "lateral leg")[0]
    hit = ATLAS.referrals_of("glute min")[0]
    for data, name in (
        (path.to_dict(), "path"),
        (path.steps[0].to_dict(), "step"),
        (tp.to_dict(ATLAS.search("glute", limit=1)[0]), "match"),
        (tp.to_dict(hit), "referral_hit"),
        (tp.to_dict(hit.support), "support"),
        (tp.resolve_place("left butt cheek, not into the foot").to_dict(), "place"),
        (tp.rank("calf", activities=["gardening"]).terms[0].to_dict(), "term_reading"),
        (tp.to_dict(tp.coverage()), "coverage"),
        (tp.to_dict(hit.referral), "referral"),
    ):
        validate(data, name)


def test_curation_notes_are_left_out_unless_asked_for() -> None:
    """A trigger point with curation notes: none in to_dict, all with curation=True."""
    point = next(p for p in ATLAS.trigger_points if p.curation)
    assert "curation" not in json.dumps(tp.to_dict(point))
    assert point.curation == tp.to_dict(point, curation=True)["curation"]
    assert '"curation"' not in tp.to_json(tp.load(Path(__file__).parent / "fixtures" / "mini.json"))


def test_to_json_is_to_dict_written_out() -> None:
    """to_json of a ranking reads back as its to_dict; a list of paths as a list."""
    ranking = tp.rank(["sits bone"])
    assert ranking.to_dict() == json.loads(tp.to_json(ranking))
    paths = tp.trace("QL", "lateral leg")
    assert [path.to_dict() for path in paths] == json.loads(tp.to_json(paths))


def test_a_ranking_gives_cautions_and_names_once() -> None:
    """'headache behind my eye': two cautions at the top, none inside the candidates; every id shown is named."""
    data = tp.rank("headache behind my eye").to_dict()
    assert ["region:eye", "region:head"] == [caution["region"] for caution in data["cautions"]]
    assert all("cautions" not in candidate and "names" not in candidate for candidate in data["candidates"])
    assert all("Caution" not in candidate["explanation"] for candidate in data["candidates"])
    shown = {data_id for candidate in data["candidates"] for data_id in (candidate["muscle"]["id"],)}
    shown |= {m["trigger_point"] for c in data["candidates"] for m in c["explained"]}
    assert shown <= set(data["names"])
    assert "Head" == data["names"]["region:head"]


def test_relations_carry_the_ids_of_both_ends() -> None:
    """Sternocleidomastoid's satellite advice names muscle:sternocleidomastoid and muscle:temporalis by id."""
    ranking = tp.rank("headache behind my eye")
    relations = [relation for candidate in ranking for relation in candidate.to_dict()["relations"]]
    assert {
        "relation": "relation:sternocleidomastoid-satellite-temporalis",
        "kind": "satellite",
        "source": "muscle:sternocleidomastoid",
        "target": "muscle:temporalis",
        "text": "treat Sternocleidomastoid first: Temporalis satellite trigger points lie in its referral zone",
    } in relations
    assert all(":" in relation["source"] and ":" in relation["target"] for relation in relations)


def test_every_relation_of_the_benchmarks_names_its_record_and_ends_by_id() -> None:
    """Every relation the dev vignettes' rankings give is a packaged relation, with its kind and ends."""
    for vignette in DEV["vignettes"]:
        for candidate in tp.rank(vignette["pain"], strict=False):
            for relation in candidate.to_dict()["relations"]:
                record = ATLAS.get(relation["relation"])
                assert isinstance(record, tp.Relation), relation
                assert (record.kind.value, record.source, record.target) == (
                    relation["kind"],
                    relation["source"],
                    relation["target"],
                )


def test_unknown_objects_and_schema_names_are_argument_errors() -> None:
    """to_dict of a plain object and json_schema of an unknown name raise ArgumentError."""
    untyped: Any = tp
    with pytest.raises(tp.ArgumentError, match="obj"):
        untyped.to_dict(object())
    with pytest.raises(tp.ArgumentError, match="'ranking'"):
        tp.json_schema("rankings")


def test_results_and_dataset_schemas_share_no_definition_name() -> None:
    """The joined schema keeps every definition of both files (no name is used twice)."""
    dataset = json.loads((ROOT / "src/triggerpoints/data/triggerpoints.schema.json").read_text(encoding="utf-8"))
    results = json.loads((ROOT / "src/triggerpoints/data/schemas/results.schema.json").read_text(encoding="utf-8"))
    joined: Any = tp.json_schema("ranking")
    assert set() == set(dataset["$defs"]) & set(results["$defs"])
    assert set(joined["$defs"]) == set(dataset["$defs"]) | set(results["$defs"])


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name.removesuffix("Dict")).lstrip("_")


@pytest.mark.parametrize(
    "typed", [getattr(_shapes, n) for n in _shapes.__all__ if typing.is_typeddict(getattr(_shapes, n))]
)
def test_each_typed_dict_and_its_schema_have_the_same_keys(typed: Any) -> None:
    """A TypedDict's keys and required keys are its schema definition's properties and required list."""
    schema: Any = tp.json_schema("ranking")
    definition = schema["$defs"][_snake(typed.__name__)]
    assert (set(typed.__annotations__) | set(get_type_hints(typed))) == set(definition["properties"])
    assert set(typed.__required_keys__) == set(definition["required"])


def _mentions_any(annotation: Any) -> bool:
    if annotation is Any:
        return True
    return any(_mentions_any(arg) for arg in get_args(annotation)) or get_origin(annotation) is Any


@pytest.mark.parametrize(
    "function", [tp.to_dict, tp.to_json, tp.json_schema, tp.Ranking.to_dict, tp.Candidate.to_dict, tp.Path.to_dict]
)
def test_public_serialisers_have_no_any_in_their_signatures(function: Any) -> None:
    """The serialisers' parameters and returns are typed without Any (TypedDicts and JSON values)."""
    hints = get_type_hints(function, localns={name: getattr(tp, name) for name in tp.__all__} | vars(_shapes))
    assert [] == [name for name, hint in hints.items() if _mentions_any(hint)]
    assert inspect.signature(function).return_annotation is not inspect.Signature.empty
