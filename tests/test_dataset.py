"""Tests for reading and validating datasets (triggerpoints._dataset)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import triggerpoints as tp
from triggerpoints import _dataset

Mutation = Callable[[dict[str, Any]], None]
MINI = Path(__file__).parent / "fixtures" / "mini.json"


def _parent(document: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """Walk a dotted path ("muscles.0.name") to its container; return it and the last key."""
    *parents, last = path.split(".")
    target: Any = document
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    return target, int(last) if last.isdigit() else last


def _set(path: str, value: Any) -> Mutation:
    """Return a mutation that sets the value at a dotted path."""

    def mutate(document: dict[str, Any]) -> None:
        target, key = _parent(document, path)
        target[key] = value

    return mutate


def _delete(path: str) -> Mutation:
    """Return a mutation that deletes the value at a dotted path."""

    def mutate(document: dict[str, Any]) -> None:
        target, key = _parent(document, path)
        del target[key]

    return mutate


def _append(section: str, record: dict[str, Any]) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        document[section].append(record)

    return mutate


_REGION = {"id": "region:extra", "name": "Extra", "parent": "region:body", "views": ["anterior"], "sided": True}

# (what is broken, mutation, expected JSON path, expected words in the message)
MALFORMED: list[tuple[str, Mutation, str, str]] = [
    ("wrong type: number for a name", _set("muscles.0.name", 5), "$.muscles[0].name", "expected a string"),
    ("wrong type: string for a list", _set("muscles.0.aliases", "alpha"), "$.muscles[0].aliases", "expected a list"),
    ("wrong type: string for a boolean", _set("regions.1.sided", "no"), "$.regions[1].sided", "true or false"),
    ("wrong type: string for a year", _set("sources.0.year", "2000"), "$.sources[0].year", "whole number"),
    ("wrong type: record is not an object", _set("muscles.1", "beta"), "$.muscles[1]", "expected an object"),
    ("unknown field", _set("muscles.0.colour", "red"), "$.muscles[0]", "unknown field(s): colour"),
    ("unknown top-level field", _set("musclez", []), "$", "unknown field(s): musclez"),
    ("missing field", _delete("trigger_points.0.muscle"), "$.trigger_points[0].muscle", "required field missing"),
    ("missing schema version", _delete("schema_version"), "$.schema_version", "required field missing"),
    ("unsupported schema version", _set("schema_version", "9.9"), "$.schema_version", "unsupported schema version"),
    (
        "bad enum value",
        _set("trigger_points.1.referrals.1.zone", "spill"),
        "$.trigger_points[1].referrals[1].zone",
        "expected one of 'essential', 'spillover'",
    ),
    ("malformed id", _set("muscles.0.id", "Muscle:Alpha"), "$.muscles[0].id", "malformed id"),
    ("missing source tier", _delete("sources.0.tier"), "$.sources[0].tier", "required field missing"),
    (
        "bad source tier",
        _set("sources.1.tier", "blog"),
        "$.sources[1].tier",
        "expected one of 'textbook', 'peer-reviewed', 'professional-summary', 'practitioner'",
    ),
    ("bad source concern", _set("sources.1.concern", "dubious"), "$.sources[1].concern", "'not-found'"),
    ("blank publisher", _set("sources.1.publisher", " "), "$.sources[1].publisher", "must not be blank"),
    (
        "bad split origin",
        _set("trigger_points.1.referrals.1.split", "guess"),
        "$.trigger_points[1].referrals[1].split",
        "expected one of 'source', 'curator'",
    ),
    (
        "wrong type: number for curation",
        _set("relations.0.curation", 3),
        "$.relations[0].curation",
        "expected a string",
    ),
    ("duplicate id", _set("muscles.1.id", "muscle:alpha"), "$.muscles[1].id", "duplicate id 'muscle:alpha'"),
    (
        "dangling reference: muscle",
        _set("trigger_points.2.muscle", "muscle:gamma"),
        "$.trigger_points[2].muscle",
        "dangling reference: no muscle",
    ),
    (
        "dangling reference: region",
        _set("trigger_points.0.referrals.0.region", "region:moon"),
        "$.trigger_points[0].referrals[0].region",
        "no region",
    ),
    (
        "dangling reference: source",
        _set("muscles.0.sources.0", "source:nowhere"),
        "$.muscles[0].sources[0]",
        "no source",
    ),
    (
        "dangling reference: relation end",
        _set("relations.0.target", "tp:nothing"),
        "$.relations[0].target",
        "no trigger point with id 'tp:nothing'",
    ),
    (
        "cycle in the region hierarchy",
        _set("regions.1.parent", "region:low-back"),
        "$.regions[1].parent",
        "cycle in the region hierarchy",
    ),
    ("second root region", _set("regions.3.parent", None), "$.regions[3].parent", "second root"),
    (
        "fact without a source: referral",
        _set("trigger_points.0.referrals.0.sources", []),
        "$.trigger_points[0].referrals[0].sources",
        "without a source",
    ),
    (
        "fact without a source: link",
        _set("symptoms.0.muscles.0.sources", []),
        "$.symptoms[0].muscles[0].sources",
        "without a source",
    ),
    (
        "fact without a source: missing",
        _delete("relations.0.sources"),
        "$.relations[0].sources",
        "required field missing",
    ),
    (
        "duplicate alias across records",
        _set("muscles.1.aliases", ["ALPHA"]),
        "$.muscles[1].aliases[0]",
        "already names 'muscle:alpha'",
    ),
    (
        "alias equal to another record's name",
        _append("regions", {**_REGION, "aliases": ["Thigh"]}),
        "$.regions[7].aliases[0]",
        "already names 'region:thigh'",
    ),
    (
        "region listed twice in one pattern",
        _set("trigger_points.1.referrals.1.region", "region:thigh"),
        "$.trigger_points[1].referrals[1].region",
        "listed twice",
    ),
    (
        "region both referred and spared",
        _set("trigger_points.1.spared.0.region", "region:thigh"),
        "$.trigger_points[1].spared[0].region",
        "both referred to and spared",
    ),
    (
        "link to another muscle's trigger point",
        _set("factors.0.muscles.0.trigger_points", ["tp:beta-1"]),
        "$.factors[0].muscles[0].trigger_points[0]",
        "belongs to 'muscle:beta'",
    ),
    (
        "trigger point without referrals",
        _set("trigger_points.2.referrals", []),
        "$.trigger_points[2].referrals",
        "must not be empty",
    ),
    (
        "duplicate trigger point label",
        _set("trigger_points.1.label", "UPPER"),
        "$.trigger_points[1].label",
        "already used",
    ),
    ("relation to itself", _set("relations.0.target", "muscle:alpha"), "$.relations[0].target", "to itself"),
    ("web page without url", _delete("sources.1.url"), "$.sources[1].url", "needs its url"),
    ("bad date", _set("sources.1.accessed", "1 Jan 2026"), "$.sources[1].accessed", "YYYY-MM-DD"),
    (
        "bad cross-reference",
        _set("muscles.1.xrefs", ["MESH:D000001"]),
        "$.muscles[1].xrefs",
        "malformed cross-reference",
    ),
    (
        "specific factor without muscles",
        _set("factors.0.muscles", []),
        "$.factors[0].muscles",
        "mark the factor general",
    ),
    ("section is not a list", _set("relations", {}), "$.relations", "expected a list"),
]


@pytest.mark.parametrize(("broken", "mutate", "path", "words"), MALFORMED, ids=[case[0] for case in MALFORMED])
def test_each_malformed_dataset_gives_one_dataset_error_naming_the_path(
    mini_copy: dict[str, Any], broken: str, mutate: Mutation, path: str, words: str
) -> None:
    """Every kind of malformed dataset raises DatasetError, and it names the JSON path."""
    mutate(mini_copy)
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    problems = [(problem.path, problem.message) for problem in caught.value.problems]
    assert any(p == path and words in m for p, m in problems), problems
    assert f"@ {path}" in str(caught.value)


def test_every_problem_is_listed_at_once(mini_copy: dict[str, Any]) -> None:
    """Several problems in one file are all reported in one error, in document order."""
    chosen = {
        "wrong type: number for a name",
        "dangling reference: muscle",
        "cycle in the region hierarchy",
        "region listed twice in one pattern",
    }
    for name, mutate, _path, _words in MALFORMED:
        if name in chosen:
            mutate(mini_copy)
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    paths = [problem.path for problem in caught.value.problems]
    expected = [
        "$.regions[1].parent",
        "$.muscles[0].name",
        "$.trigger_points[1].referrals[1].region",
        "$.trigger_points[2].muscle",
    ]
    assert expected == [path for path in paths if path in expected]


def test_a_broken_record_does_not_cascade_into_dangling_references(mini_copy: dict[str, Any]) -> None:
    """A record that fails to structure still counts as defined for references to it."""
    mini_copy["muscles"][1]["name"] = 5
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    assert ["$.muscles[1].name"] == [problem.path for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "message"),
    [("{not json", "not valid JSON"), ("[]", "expected a JSON object"), ('"text"', "expected a JSON object")],
)
def test_files_that_are_not_a_dataset_object_fail_as_dataset_errors(tmp_path: Path, text: str, message: str) -> None:
    """Bad JSON and non-object documents raise DatasetError at path $."""
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(path)
    assert "$" == caught.value.problems[0].path
    assert message in caught.value.problems[0].message
    assert str(path) == caught.value.source


@pytest.mark.parametrize(
    ("content", "path", "message"),
    [
        (b'{"schema_version": "1.0", "schema_version": "1.0"}', "$.schema_version", "duplicate key 'schema_version'"),
        (b'{"schema_version": "1.0", "title": NaN}', "$", "NaN is not a JSON number"),
        (b'{"schema_version": "1.0", "title": "\xff"}', "$", "cannot read the file"),
        (
            b'{"schema_version": "1.0", "sources": [{"id": "source:a", "kind": "book", "title": "T", "year": 1992.5}]}',
            "$.sources[0].year",
            "got a number with a fraction",
        ),
        (b'{"schema_version": "1.0", "muscles": null}', "$.muscles", "expected a list, got null"),
        (
            b'{"schema_version": "1.0", "regions": [{"id": "region:a", "name": "A", "parent": null, "views": "anterior", "sided": 1}]}',
            "$.regions[0].sided",
            "true or false",
        ),
    ],
    ids=["duplicate key", "NaN", "not UTF-8", "fractional year", "null section", "number for boolean"],
)
def test_awkward_json_is_reported_as_dataset_errors(tmp_path: Path, content: bytes, path: str, message: str) -> None:
    """Duplicate keys, NaN, bad bytes and wrong scalars all give DatasetError with a path."""
    file = tmp_path / "awkward.json"
    file.write_bytes(content)
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(file)
    assert any(p.path == path and message in p.message for p in caught.value.problems), caught.value.problems


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 BOM (as some editors write) does not stop a file from loading."""
    file = tmp_path / "bom.json"
    file.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    assert "1.0" == tp.load(file).schema_version


def test_a_missing_file_is_a_dataset_error(tmp_path: Path) -> None:
    """A file that cannot be read raises DatasetError, not OSError."""
    with pytest.raises(tp.DatasetError, match="cannot read the file"):
        tp.load(tmp_path / "missing.json")


def test_dataset_error_is_a_value_error_with_a_readable_message(mini_copy: dict[str, Any]) -> None:
    """DatasetError is also a ValueError, and prints a count and one line per problem."""
    mini_copy["muscles"][0]["name"] = 5
    with pytest.raises(ValueError, match=r"1 problem\n  expected a string, got a number @ \$.muscles\[0\].name"):
        _dataset.parse(mini_copy, origin="mini.json")


def test_parse_of_unstructure_round_trips_the_whole_dataset(mini: tp.Atlas) -> None:
    """Writing a dataset out and reading it back gives an equal dataset."""
    assert mini.dataset == _dataset.parse(json.loads(json.dumps(mini.to_dict())), origin="again")


def test_an_extension_file_adds_records_and_aliases(tmp_path: Path) -> None:
    """extend=True merges a user file into the packaged data, aliases included."""
    packaged = tp.load()
    muscle = packaged.muscles[0]
    point = packaged.trigger_points_of(muscle.id)[0]
    extension = {
        "schema_version": "1.0",
        "sources": [
            {"id": "source:clinic-notes", "kind": "book", "tier": "practitioner", "title": "Our clinic's notes"}
        ],
        "trigger_points": [
            {
                "id": "tp:clinic-extra",
                "muscle": muscle.id,
                "label": "clinic extra",
                "referrals": [
                    {"region": point.referrals[0].region, "zone": "spillover", "sources": ["source:clinic-notes"]}
                ],
                "sources": ["source:clinic-notes"],
            }
        ],
        "extra_aliases": [{"record": muscle.id, "aliases": ["our favourite muscle"]}],
    }
    path = tmp_path / "clinic.json"
    path.write_text(json.dumps(extension), encoding="utf-8")
    atlas = tp.load(path, extend=True)
    assert muscle.id == atlas.muscle("our favourite muscle").id
    assert "tp:clinic-extra" in {p.id for p in atlas.trigger_points_of(muscle.id)}
    assert len(packaged.trigger_points) + 1 == len(atlas.trigger_points)
    assert packaged.dataset_version == atlas.dataset_version
    assert "our favourite muscle" not in packaged.muscle(muscle.id).aliases


def test_an_extension_may_not_redefine_or_clash_with_packaged_records(tmp_path: Path) -> None:
    """Extension ids and aliases are checked against the packaged data, with paths in the file."""
    packaged = tp.load()
    first, second = packaged.muscles[:2]
    extension = {
        "schema_version": "1.0",
        "muscles": [{"id": first.id, "name": "Again", "body_area": "lower-torso", "sources": [packaged.sources[0].id]}],
        "extra_aliases": [
            {"record": second.id, "aliases": [first.name]},
            {"record": "muscle:not-there", "aliases": ["x"]},
        ],
    }
    path = tmp_path / "clinic.json"
    path.write_text(json.dumps(extension), encoding="utf-8")
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(path, extend=True)
    problems = {problem.path: problem.message for problem in caught.value.problems}
    assert "duplicate id" in problems["$.muscles[0].id"]
    assert "already names" in problems["$.extra_aliases[0].aliases[0]"]
    assert "dangling reference" in problems["$.extra_aliases[1].record"]


def test_alias_patches_apply_in_standalone_files_and_skip_words_already_known(
    mini_copy: dict[str, Any], tmp_path: Path
) -> None:
    """A file's own extra_aliases are applied; repeated or already-known words are skipped, not errors."""
    mini_copy["extra_aliases"] = [
        {"record": "muscle:alpha", "aliases": ["first muscle", "FIRST MUSCLE", "alpha"]},
        {"record": "region:shin", "aliases": ["shinbone area"]},
    ]
    path = tmp_path / "patched.json"
    path.write_text(json.dumps(mini_copy), encoding="utf-8")
    atlas = tp.load(path)
    assert ("alpha", "Älpha", "first muscle") == atlas.muscle("first muscle").aliases
    assert "region:shin" == atlas.region("shinbone area").id
    assert () == atlas.dataset.extra_aliases


@pytest.mark.parametrize(
    ("patch", "path", "words"),
    [
        ({"record": "source:book", "aliases": ["the book"]}, "$.extra_aliases[0].record", "have no aliases"),
        ({"record": "relation:alpha-satellite-beta", "aliases": ["r"]}, "$.extra_aliases[0].record", "have no aliases"),
        ({"record": "muscle:alpha", "aliases": ["!!!"]}, "$.extra_aliases[0].aliases[0]", "no letters or digits"),
        ({"record": "muscle:alpha", "aliases": []}, "$.extra_aliases[0].aliases", "must not be empty"),
        ({"record": "muscle:alpha", "aliases": ["x", "x"]}, "$.extra_aliases[0].aliases", "more than once"),
        (
            {"record": "muscle:alpha", "aliases": ["beta"]},
            "$.extra_aliases[0].aliases[0]",
            "already names 'muscle:beta'",
        ),
    ],
)
def test_bad_alias_patches_are_dataset_errors(
    mini_copy: dict[str, Any], patch: dict[str, Any], path: str, words: str
) -> None:
    """Patches on kinds without aliases, empty or clashing words: DatasetError with a path."""
    mini_copy["extra_aliases"] = [patch]
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    assert any(p.path == path and words in p.message for p in caught.value.problems), caught.value.problems


def test_an_id_slug_may_not_equal_another_records_alias(mini_copy: dict[str, Any]) -> None:
    """Lookups accept bare slugs, so a slug that is another record's alias is refused."""
    mini_copy["muscles"][1]["aliases"] = ["alpha-2"]
    mini_copy["muscles"].append(
        {"id": "muscle:alpha-2", "name": "Gamma", "body_area": "lower-torso", "sources": ["source:book"]}
    )
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    assert ["$.muscles[2].id"] == [p.path for p in caught.value.problems]


@pytest.mark.parametrize(
    ("mutate", "path", "words"),
    [
        (_set("sources.1.accessed", "2026-99-99"), "$.sources[1].accessed", "real date"),
        (_set("sources.0.year", 10**6), "$.sources[0].year", "from 1 to 9999"),
        (_set("regions.1.views", []), "$.regions[1].views", "must not be empty"),
        (_set("muscles.0.aliases", ["alpha", "***"]), "$.muscles[0].aliases[1]", "no letters or digits"),
    ],
    ids=["impossible date", "huge year", "no views", "punctuation alias"],
)
def test_values_a_schema_would_refuse_are_refused(
    mini_copy: dict[str, Any], mutate: Mutation, path: str, words: str
) -> None:
    """The loader is at least as strict as the JSON Schema on dates, years, views and aliases."""
    mutate(mini_copy)
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    assert any(p.path == path and words in p.message for p in caught.value.problems), caught.value.problems


def test_a_huge_number_is_a_dataset_error(tmp_path: Path) -> None:
    """1e400 (infinity to Python) is reported, not an OverflowError."""
    file = tmp_path / "big.json"
    file.write_text('{"schema_version": "1.0", "title": 1e400}', encoding="utf-8")
    with pytest.raises(tp.DatasetError, match="too large"):
        tp.load(file)


def test_extend_without_a_path_is_refused() -> None:
    """extend=True needs a file."""
    with pytest.raises(tp.ArgumentError, match="extend needs a file"):
        tp.load(extend=True)


def test_prevalence_records_must_name_a_known_muscle_and_region(mini_copy: dict[str, Any], tmp_path: Path) -> None:
    """A prevalence record whose muscle or region does not exist is refused with its JSON path."""
    mini_copy["prevalence"] = [
        {
            "id": "prevalence:alpha-in-back-pain",
            "name": "Alpha in back pain",
            "muscle": "muscle:gamma",
            "region": "region:nowhere",
            "complaint": "Back pain",
            "population": "Ten people",
            "share": 0.5,
            "sources": [mini_copy["sources"][0]["id"]],
        }
    ]
    path = tmp_path / "prevalence.json"
    path.write_text(json.dumps(mini_copy), encoding="utf-8")
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(path)
    assert {"$.prevalence[0].muscle", "$.prevalence[0].region"} == {problem.path for problem in caught.value.problems}


# --- text every output can carry --------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "words"),
    [
        ("\ud800", "lone surrogate U+D800"),
        ("\udfff", "lone surrogate U+DFFF"),
        ("\x00", "control character U+0000"),
        ("\r", "U+000D (carriage return"),
        ("\x1b", "U+001B (escape)"),
        ("\x7f", "control character U+007F"),
        ("\x9b", "control character U+009B"),
        ("\uffff", "U+FFFF, which is not a character"),
    ],
    ids=["high surrogate", "low surrogate", "null", "carriage return", "escape", "delete", "C1 CSI", "U+FFFF"],
)
def test_text_no_output_can_carry_is_refused_with_its_path(
    mini_copy: dict[str, Any], tmp_path: Path, char: str, words: str
) -> None:
    """A lone surrogate or control character in any text field is a DatasetError at that field's path."""
    mini_copy["trigger_points"][1]["spared"][0]["note"] = f"skips{char} the knee"
    path = tmp_path / "text.json"
    path.write_text(json.dumps(mini_copy), encoding="ascii")
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(path)
    assert [("$.trigger_points[1].spared[0].note", True)] == [
        (problem.path, words in problem.message and "at character 5" in problem.message)
        for problem in caught.value.problems
    ]


def test_a_bad_character_in_a_key_is_reported_without_quoting_it_raw(mini_copy: dict[str, Any]) -> None:
    """An escape character in a key is reported at the object's path; the message shows it escaped."""
    mini_copy["muscles"][0]["name\x1b[31m"] = "red"
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    assert ["$.muscles[0]"] == [problem.path for problem in caught.value.problems]
    assert "\x1b" not in str(caught.value)
    assert "'name\\x1b[31m'" in str(caught.value)


def test_tabs_newlines_and_other_scripts_are_accepted(mini_copy: dict[str, Any]) -> None:
    """Tab, newline, accents, other scripts and astral characters are text every output can carry."""
    mini_copy["trigger_points"][1]["spared"][0]["note"] = "line one\n\tline two: Ωμέγα, Кириллица, \U0001f600"
    atlas = tp.Atlas(_dataset.parse(mini_copy, origin="mini.json"), validated=True)
    assert "line one\n\tline two: Ωμέγα, Кириллица, \U0001f600" == atlas.trigger_point("tp:alpha-lower").spared[0].note


# --- a dataset needs its region hierarchy ------------------------------------------------------


def test_a_dataset_without_regions_is_refused(tmp_path: Path) -> None:
    """{"schema_version": "1.0"} alone is not a dataset: it has no region hierarchy with a single root."""
    path = tmp_path / "empty.json"
    path.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(path)
    assert ["$.regions"] == [problem.path for problem in caught.value.problems]
    assert "single root" in caught.value.problems[0].message


def test_an_extension_file_may_leave_the_regions_out(tmp_path: Path) -> None:
    """With extend=True the packaged hierarchy is there already: a file of aliases alone loads."""
    path = tmp_path / "aliases.json"
    patch = {"record": "muscle:soleus", "aliases": ["calf pump"], "sources": ["source:ts-vol2"]}
    path.write_text(json.dumps({"schema_version": "1.0", "extra_aliases": [patch]}), encoding="utf-8")
    assert "muscle:soleus" == tp.load(path, extend=True).muscle("calf pump").id


# --- look-alike names -------------------------------------------------------------------------


def test_an_extension_muscle_spelt_with_a_cyrillic_letter_is_refused(tmp_path: Path) -> None:
    """'Gluteus m\u0430ximus' (Cyrillic a) looks exactly like the packaged muscle: validation reports it."""
    muscle = {
        "id": "muscle:gluteus-maximus-2",
        "name": "Gluteus m\u0430ximus",
        "body_area": "lower-torso",
        "sources": ["source:ts-vol2"],
    }
    path = tmp_path / "lookalike.json"
    path.write_text(json.dumps({"schema_version": "1.0", "muscles": [muscle]}), encoding="utf-8")
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(path, extend=True)
    assert [("$.muscles[0].name", True)] == [
        (
            p.path,
            "looks like a word of 'muscle:gluteus-maximus'" in p.message and "CYRILLIC SMALL LETTER A" in p.message,
        )
        for p in caught.value.problems
    ]


def test_look_alike_letters_are_caught_in_aliases_and_patches_of_the_same_kind(mini_copy: dict[str, Any]) -> None:
    """A Greek omicron in a muscle alias and a Cyrillic i in a region alias patch are reported."""
    mini_copy["muscles"][0]["aliases"] = ["alpha", "one"]
    mini_copy["muscles"][1]["aliases"] = ["beta", "\u03bfne"]  # Greek omicron: 'one'
    mini_copy["extra_aliases"] = [{"record": "region:knee", "aliases": ["th\u0456gh"], "sources": ["source:book"]}]
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    assert [("$.muscles[1].aliases[1]", "muscle:alpha"), ("$.extra_aliases[0].aliases[0]", "region:thigh")] == [
        (p.path, p.message.split("looks like a word of ")[1].split("'")[1]) for p in caught.value.problems
    ]


def test_accents_and_look_alikes_across_kinds_are_not_reported(mini_copy: dict[str, Any]) -> None:
    """An accented alias of the record's own name, or a look-alike of a word of another kind, is not a spoof."""
    mini_copy["muscles"].append(
        {
            "id": "muscle:gamma",
            "name": "Gamma",
            "aliases": ["G\u00e4mma"],
            "body_area": "lower-torso",
            "sources": ["source:book"],
        }
    )
    mini_copy["regions"][2]["aliases"] = ["belt line", "lumbar", "\u0430lpha zone"]
    mini_copy["muscles"][0]["aliases"] = ["alpha zone"]
    assert 3 == len(_dataset.parse(mini_copy, origin="mini.json").muscles)


# --- validation time grows linearly ----------------------------------------------------------------


def test_twenty_thousand_aliases_and_a_deep_region_chain_validate(mini_copy: dict[str, Any]) -> None:
    """20,000 aliases on one muscle and a 1,500-deep chain of regions load (benchmarks/input_scaling.py times them)."""
    mini_copy["muscles"][0]["aliases"] = [f"alias {number}" for number in range(20_000)]
    chain = [
        {
            "id": f"region:c{n}",
            "name": f"C{n}",
            "parent": f"region:c{n - 1}" if n else "region:body",
            "views": ["anterior"],
            "sided": False,
        }
        for n in range(1_500)
    ]
    mini_copy["regions"] += chain
    dataset = _dataset.parse(mini_copy, origin="mini.json")
    assert (20_000, 1_507) == (len(dataset.muscles[0].aliases), len(dataset.regions))


def test_a_long_cycle_is_reported_once_from_its_first_region(mini_copy: dict[str, Any]) -> None:
    """A 1,500-region cycle hanging off a tree gives one problem, at the cycle's first region in the document."""
    cycle = [
        {
            "id": f"region:c{n}",
            "name": f"C{n}",
            "parent": f"region:c{(n + 1) % 1_500}",
            "views": ["anterior"],
            "sided": False,
        }
        for n in range(1_500)
    ]
    mini_copy["regions"] += cycle
    with pytest.raises(tp.DatasetError) as caught:
        _dataset.parse(mini_copy, origin="mini.json")
    assert ["$.regions[7].parent"] == [problem.path for problem in caught.value.problems]
    assert caught.value.problems[0].message.startswith("cycle in the region hierarchy: region:c0 -> region:c1 ->")
