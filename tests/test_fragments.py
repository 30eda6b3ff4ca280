"""tools/fragments.py: folding curators' fragments into the packaged dataset, or checking them.

The tool reads and writes ``ROOT / "src/triggerpoints/data/triggerpoints.json"``. Every test
here runs it against a temporary copy of that layout (by patching the module's ``ROOT`` and
``PACKAGED``, or by running a copy of the script inside the temporary layout), and an autouse
fixture checks that the real data file's bytes are the same after each test as before it.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import triggerpoints as tp

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "fragments.py"
DATA = Path("src") / "triggerpoints" / "data" / "triggerpoints.json"
XREFS = Path("data") / "anatomy-xrefs" / "uberon-muscles.tsv"
REAL = ROOT / DATA


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fragments_tool_under_test", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fragments = _load_tool()
PACKAGED: dict[str, Any] = json.loads(REAL.read_text(encoding="utf-8"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record(section: str, key: str) -> dict[str, Any]:
    """A deep copy of one packaged record."""
    found = next(record for record in PACKAGED[section] if record["id"] == key)
    return copy.deepcopy(found)


def _index(section: str, key: str) -> int:
    return next(i for i, record in enumerate(PACKAGED[section]) if record["id"] == key)


def _factor(key: str, *links: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A factor record for a fragment: ``key`` linked to ``links``."""
    sources = sorted({source for link in links for source in link["sources"]})
    record = {"id": key, "kind": "activity", "category": "postural", "name": "Name", "description": "Words."}
    return {**record, "muscles": list(links), "sources": sources, **fields}


@pytest.fixture(autouse=True)
def _real_data_untouched() -> Iterator[None]:
    """Fail any test after which the packaged data file's bytes have changed."""
    before = _digest(REAL)
    yield
    assert before == _digest(REAL), "a test changed src/triggerpoints/data/triggerpoints.json"


@pytest.fixture
def base() -> dict[str, Any]:
    """A deep copy of the packaged dataset, decoded."""
    return copy.deepcopy(PACKAGED)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A temporary copy of the repository layout the tool reads and writes."""
    layout = tmp_path / "repo"
    for part in (DATA, XREFS):
        (layout / part).parent.mkdir(parents=True)
        shutil.copyfile(ROOT / part, layout / part)
    (layout / "tools").mkdir()
    shutil.copyfile(TOOL, layout / "tools" / "fragments.py")
    return layout


@pytest.fixture
def tool(repo: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The tool, pointed at the temporary layout (and its sys.path change undone afterwards)."""
    assert REAL == fragments.PACKAGED, "the tool no longer names its target PACKAGED: fix this fixture"
    monkeypatch.setattr(fragments, "ROOT", repo)
    monkeypatch.setattr(fragments, "PACKAGED", repo / DATA)
    monkeypatch.setattr(sys, "path", [*sys.path])
    return fragments


def write(folder: Path, name: str, fragment: Any) -> Path:
    """Write one fragment as JSON and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(fragment, indent=1), encoding="utf-8")
    return path


def run(tool: ModuleType, capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    """Run the tool's main() in this process; return its exit status and what it printed."""
    status: int = tool.main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert "" == err
    return status, out


def merged(*named: tuple[str, dict[str, Any]], base: dict[str, Any] | None = None) -> Any:
    """A Merger over ``base`` (the packaged data by default) with each (name, fragment) added."""
    merger = fragments.Merger(copy.deepcopy(PACKAGED) if base is None else base)
    for name, fragment in named:
        merger.add(name, fragment)
    return merger


# --- muscles, trigger points and relations: replaced by id ----------------------------


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("muscles", "muscle:gluteus-minimus"),
        ("trigger_points", "tp:gluteus-minimus-anterior"),
        ("relations", "relation:gluteus-minimus-associated-piriformis"),
    ],
)
def test_a_fragment_record_replaces_the_packaged_one_with_its_id_in_place(section: str, key: str) -> None:
    """A muscle, trigger point or relation whose id is packaged replaces that record where it stood."""
    record = {**_record(section, key), "aliases": ["a fragment's alias"]}
    merger = merged(("a.json", {section: [record]}))
    assert [] == merger.conflicts
    assert len(PACKAGED[section]) == len(merger.document[section])
    assert record == merger.document[section][_index(section, key)]


def test_a_new_record_is_appended() -> None:
    """A muscle whose id is not packaged is added after the packaged ones."""
    record = {"id": "muscle:test-new", "name": "Test new", "body_area": "lower-torso", "sources": []}
    merger = merged(("a.json", {"muscles": [record]}))
    assert [*PACKAGED["muscles"], record] == merger.document["muscles"]


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("muscles", "muscle:gluteus-minimus"),
        ("trigger_points", "tp:gluteus-minimus-anterior"),
        ("relations", "relation:gluteus-minimus-associated-piriformis"),
        ("muscles", "muscle:test-new"),
    ],
)
def test_the_same_replaced_id_in_two_fragments_is_a_conflict(section: str, key: str) -> None:
    """Two fragments defining the same muscle, trigger point or relation conflict; the first stays."""
    first = {"id": key, "name": "first"}
    merger = merged(("a.json", {section: [first]}), ("b.json", {section: [{"id": key, "name": "second"}]}))
    assert [f"b.json $.{section}[0]: {key} is also defined by a.json"] == merger.conflicts
    assert [first] == [record for record in merger.document[section] if record["id"] == key]


# --- factors, symptoms, conditions and treatments: united ----------------------------


def test_two_fragments_linking_one_factor_to_their_own_muscles_are_united() -> None:
    """Links, aliases and sources of a factor in two fragments are united; the first name, description and kind win."""
    key = "factor:head-forward-posture"
    packaged = _record("factors", key)
    link_a = {"muscle": "muscle:gluteus-minimus", "sources": ["source:ts-vol2-ch9"]}
    link_b = {"muscle": "muscle:piriformis", "sources": ["source:ts-vol2-ch10"]}
    a = _factor(key, link_a, aliases=["alias a"], name="Name A", kind="perpetuating")
    b = _factor(key, link_b, aliases=["alias a", "alias b"], name="Name B", description="Other words.")
    merger = merged(("a.json", {"factors": [a]}), ("b.json", {"factors": [b]}))
    united = merger.document["factors"][_index("factors", key)]
    assert [] == merger.conflicts
    assert len(PACKAGED["factors"]) == len(merger.document["factors"])
    assert [*packaged["muscles"], link_a, link_b] == united["muscles"]
    assert [*packaged["aliases"], "alias a", "alias b"] == united["aliases"]
    assert [*packaged["sources"], "source:ts-vol2-ch9", "source:ts-vol2-ch10"] == united["sources"]
    expected = (packaged["name"], packaged["description"], packaged["kind"])
    assert expected == (united["name"], united["description"], united["kind"])


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("symptoms", "symptom:limited-hip-internal-rotation"),
        ("conditions", "condition:sciatica"),
        ("treatments", "treatment:ball-pressure-release"),
    ],
)
def test_symptoms_conditions_and_treatments_are_united_too(section: str, key: str) -> None:
    """A symptom, condition or treatment in a fragment adds its links and sources to the packaged one."""
    link = {"muscle": "muscle:test-new", "sources": ["source:test-new"]}
    merger = merged(("a.json", {section: [{"id": key, "name": "ignored", "muscles": [link], "sources": []}]}))
    united = merger.document[section][_index(section, key)]
    assert [] == merger.conflicts
    assert link == united["muscles"][-1]
    assert _record(section, key)["name"] == united["name"]


def _united_links(*links: dict[str, Any]) -> Any:
    """The links of a new factor that each of ``links`` adds to, one fragment per link."""
    named = [(f"{i}.json", {"factors": [_factor("factor:test-new", link)]}) for i, link in enumerate(links)]
    return merged(*named).document["factors"][-1]["muscles"]


def test_links_to_the_same_muscle_merge_their_sources_points_and_notes() -> None:
    """Two links to one muscle become one: sources and trigger points united in order, notes joined."""
    first = {"muscle": "muscle:m", "sources": ["source:a"], "trigger_points": ["tp:m-1"], "note": "One."}
    second = {"muscle": "muscle:m", "sources": ["source:b", "source:a"], "trigger_points": ["tp:m-2"], "note": "Two."}
    expected = {"muscle": "muscle:m", "sources": ["source:a", "source:b"], "trigger_points": ["tp:m-1", "tp:m-2"]}
    assert [{**expected, "note": "One. Two."}] == _united_links(first, second)


def test_the_same_note_twice_is_kept_once() -> None:
    """Two fragments giving one link the same note keep it once."""
    link = {"muscle": "muscle:m", "sources": ["source:a"], "note": "One."}
    assert [link] == _united_links(link, dict(link))


def test_a_note_repeated_by_a_third_fragment_is_kept_once() -> None:
    """Three fragments whose links carry notes One, Two and One again join them as 'One. Two.'."""
    links = [{"muscle": "muscle:m", "sources": ["source:a"], "note": note} for note in ("One.", "Two.", "One.")]
    assert "One. Two." == _united_links(*links)[0]["note"]


@pytest.mark.parametrize("narrowed_first", [True, False])
def test_a_link_to_the_whole_muscle_wins_over_one_narrowed_to_points(narrowed_first: bool) -> None:
    """United with a link to the whole muscle, a link narrowed to some trigger points loses its narrowing."""
    narrowed = {"muscle": "muscle:m", "sources": ["source:a"], "trigger_points": ["tp:m-1"]}
    whole = {"muscle": "muscle:m", "sources": ["source:b"]}
    links = (narrowed, whole) if narrowed_first else (whole, narrowed)
    expected_sources = [link["sources"][0] for link in links]
    assert [{"muscle": "muscle:m", "sources": expected_sources}] == _united_links(*links)


links_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "muscle": st.sampled_from(["muscle:a", "muscle:b", "muscle:c"]),
            "sources": st.lists(st.sampled_from("xyz"), unique=True),
        }
    ),
    unique_by=lambda link: link["muscle"],
)


aliases_strategy = st.lists(st.sampled_from(["p", "q", "r"]), unique=True)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the autouse guard is fine to share
@given(first=links_strategy, second=links_strategy, first_aliases=aliases_strategy, second_aliases=aliases_strategy)
def test_uniting_keeps_every_muscle_once_with_every_source(
    first: list[dict[str, Any]],
    second: list[dict[str, Any]],
    first_aliases: list[str],
    second_aliases: list[str],
) -> None:
    """However links overlap, the united record names each muscle once, with both links' sources in order."""
    base = {"factors": [{"id": "factor:f", "muscles": first, "aliases": first_aliases, "sources": []}]}
    fragment = {"factors": [{"id": "factor:f", "muscles": second, "aliases": second_aliases, "sources": []}]}
    united = merged(("a.json", fragment), base=base).document["factors"][0]
    muscles = [link["muscle"] for link in (*first, *second)]
    assert list(dict.fromkeys(muscles)) == [link["muscle"] for link in united["muscles"]]
    for link in united["muscles"]:
        every = [source for old in (*first, *second) if old["muscle"] == link["muscle"] for source in old["sources"]]
        assert list(dict.fromkeys(every)) == link["sources"]
    assert list(dict.fromkeys([*first_aliases, *second_aliases])) == united["aliases"]


# --- sources and regions: the first definition wins ----------------------------------


def test_a_source_defined_again_keeps_its_first_definition() -> None:
    """A source already packaged, repeated with the same volume and chapter, keeps the packaged title."""
    packaged = _record("sources", "source:ts-vol2-ch9")
    merger = merged(("a.json", {"sources": [{**packaged, "title": "Another title"}]}))
    assert [] == merger.conflicts
    assert PACKAGED["sources"] == merger.document["sources"]


@pytest.mark.parametrize(
    ("field", "value", "was"),
    [("volume", 3, 2), ("chapter", 10, 9), ("kind", "book", "book-chapter"), ("url", "https://example.org", None)],
)
def test_a_source_differing_in_volume_chapter_kind_or_address_is_a_conflict(field: str, value: Any, was: Any) -> None:
    """Redefining a packaged source with another volume, chapter, kind or url is a conflict naming both values."""
    record = {**_record("sources", "source:ts-vol2-ch9"), field: value}
    merger = merged(("a.json", {"sources": [record]}))
    expected = f"a.json $.sources[0]: source:ts-vol2-ch9 differs from packaged in {field!r}: {was!r} vs {value!r}"
    assert [expected] == merger.conflicts
    assert PACKAGED["sources"] == merger.document["sources"]


def test_a_new_source_in_two_fragments_conflicts_with_the_first_fragment() -> None:
    """Two fragments giving a new source different addresses conflict, naming the first fragment."""
    source = {"id": "source:web-test", "kind": "web-page", "title": "T", "url": "https://a.example"}
    merger = merged(
        ("a.json", {"sources": [source]}), ("b.json", {"sources": [{**source, "url": "https://b.example"}]})
    )
    expected = (
        "b.json $.sources[0]: source:web-test differs from a.json in 'url': 'https://a.example' vs 'https://b.example'"
    )
    assert [expected] == merger.conflicts
    assert source == merger.document["sources"][-1]


def test_a_region_defined_again_unites_its_aliases_and_keeps_its_name() -> None:
    """A packaged region repeated with the same parent gains the fragment's aliases and keeps its own name."""
    packaged = _record("regions", "region:lateral-leg")
    merger = merged(("a.json", {"regions": [{**packaged, "name": "Other", "aliases": ["outer shin", "new one"]}]}))
    assert [] == merger.conflicts
    assert {**packaged, "aliases": [*packaged["aliases"], "new one"]} == merger.document["regions"][
        _index("regions", "region:lateral-leg")
    ]


def test_a_region_with_another_parent_is_a_conflict() -> None:
    """Redefining a packaged region under another parent is a conflict naming both parents."""
    record = {**_record("regions", "region:lateral-leg"), "parent": "region:thigh"}
    merger = merged(("a.json", {"regions": [record]}))
    expected = (
        "a.json $.regions[0]: region:lateral-leg differs from packaged in parent: 'region:lower-leg' vs 'region:thigh'"
    )
    assert [expected] == merger.conflicts
    assert PACKAGED["regions"] == merger.document["regions"]


# --- extra aliases, remove, unknown keys ---------------------------------------------


def test_extra_aliases_are_appended() -> None:
    """Extra aliases from each fragment are appended in order."""
    a = {"record": "muscle:gluteus-minimus", "aliases": ["smallest glute"]}
    b = {"record": "muscle:gluteus-minimus", "aliases": ["tiny glute"]}
    merger = merged(("a.json", {"extra_aliases": [a]}), ("b.json", {"extra_aliases": [b]}))
    assert [*PACKAGED["extra_aliases"], a, b] == merger.document["extra_aliases"]


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ("muscles", "muscle:gluteus-minimus"),
        ("trigger_points", "tp:gluteus-minimus-posterior"),
        ("relations", "relation:gluteus-minimus-associated-piriformis"),
    ],
)
def test_remove_drops_a_packaged_record(section: str, key: str) -> None:
    """``remove`` drops a packaged muscle, trigger point or relation by id."""
    merger = merged(("a.json", {"remove": [key]}))
    assert [] == merger.conflicts
    assert [record for record in PACKAGED[section] if record["id"] != key] == merger.document[section]


def test_remove_runs_before_the_fragment_adds_its_records() -> None:
    """A fragment may remove a packaged trigger point and define a record with the same id anew, at the end."""
    record = {**_record("trigger_points", "tp:gluteus-minimus-posterior"), "label": "new"}
    merger = merged(("a.json", {"remove": [record["id"]], "trigger_points": [record]}))
    assert [] == merger.conflicts
    assert record == merger.document["trigger_points"][-1]
    assert len(PACKAGED["trigger_points"]) == len(merger.document["trigger_points"])


@pytest.mark.parametrize(
    ("fragments_in_order", "expected"),
    [
        ([("a.json", {"remove": ["muscle:nowhere"]})], "a.json $.remove[0]"),
        ([("a.json", {"remove": ["factor:head-forward-posture"]})], "a.json $.remove[0]"),
        (
            [("a.json", {"muscles": [{"id": "muscle:test-new"}]}), ("b.json", {"remove": ["x", "muscle:test-new"]})],
            "b.json $.remove[1]",
        ),
    ],
    ids=["unknown", "not-removable-kind", "added-by-a-fragment"],
)
def test_remove_of_anything_but_a_packaged_record_is_a_conflict(
    fragments_in_order: list[tuple[str, dict[str, Any]]], expected: str
) -> None:
    """Removing an unknown id, a factor, or a record a fragment added is a conflict at that ``remove`` entry."""
    merger = merged(*fragments_in_order)
    key = fragments_in_order[-1][1]["remove"][-1]
    assert f"{expected}: no packaged muscle, trigger point or relation {key!r}" == merger.conflicts[-1]


def test_unknown_top_level_keys_are_a_conflict() -> None:
    """A fragment with a key the dataset does not have is a conflict naming the keys."""
    merger = merged(("a.json", {"$schema": "x", "schema_version": "1.0", "musles": [], "zzz": 1}))
    assert ["a.json: unknown top-level keys ['musles', 'zzz']"] == merger.conflicts


def test_merging_leaves_the_base_and_the_fragments_unchanged(base: dict[str, Any]) -> None:
    """Merging copies: neither the base document nor the fragments are modified."""
    key = "factor:head-forward-posture"
    fragment = {
        "factors": [_factor(key, {"muscle": "muscle:trapezius", "sources": ["source:x"], "note": "N."})],
        "regions": [{**_record("regions", "region:lateral-leg"), "aliases": ["new one"]}],
        "remove": ["muscle:gluteus-minimus"],
    }
    kept = copy.deepcopy(fragment)
    merged(("a.json", fragment), ("b.json", fragment), base=base)
    assert (PACKAGED, kept) == (base, fragment)


def test_locate_rewrites_a_merged_path_to_the_fragment_it_came_from() -> None:
    """A problem's ``$.section[i]`` in the merged document reads as the fragment's own file and index."""
    removed = _index("muscles", "muscle:gluteus-minimus")
    merger = merged(("a.json", {"remove": ["muscle:gluteus-minimus"]}), ("b.json", {"muscles": [{}, {"id": "m"}]}))
    last = len(merger.document["muscles"]) - 1
    assert "bad @ b.json $.muscles[1].name" == merger.locate(f"bad @ $.muscles[{last}].name")
    assert "bad @ packaged $.muscles[0]" == merger.locate("bad @ $.muscles[0]")
    assert f"x @ packaged $.muscles[{removed + 1}]" == merger.locate(f"x @ $.muscles[{removed}]")
    assert "x @ $.nothing[0]" == merger.locate("x @ $.nothing[0]")


# --- the whole tool: check and merge, in this process ---------------------------------


def test_check_of_a_good_fragment_says_ok_and_writes_nothing(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check`` of a fragment that loads cleanly exits 0 with the merged counts, and leaves the data alone."""
    before = _digest(repo / DATA)
    fragment = write(
        tmp_path / "in",
        "a.json",
        {"extra_aliases": [{"record": "muscle:gluteus-minimus", "aliases": ["smallest glute"]}]},
    )
    status, out = run(tool, capsys, "check", fragment)
    counts = (len(PACKAGED[s]) for s in ("muscles", "trigger_points", "regions", "sources"))
    expected = "ok: {} muscles, {} trigger_points, {} regions, {} sources\n".format(*counts)
    assert (0, expected) == (status, out)
    assert before == _digest(repo / DATA)


def test_merge_of_good_fragments_writes_a_dataset_that_loads_with_their_records(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``merge`` writes the merged dataset to its target, which then loads with every fragment's change."""
    muscle = {**_record("muscles", "muscle:gluteus-minimus"), "location": "Replaced by fragment a."}
    link = {"muscle": "muscle:gluteus-minimus", "sources": ["source:ts-vol2-ch9"]}
    a = write(
        tmp_path / "in", "a.json", {"muscles": [muscle], "remove": ["relation:gluteus-minimus-associated-piriformis"]}
    )
    b = write(tmp_path / "in", "b.json", {"factors": [_factor("factor:head-forward-posture", link)]})
    c = write(
        tmp_path / "in",
        "c.json",
        {"extra_aliases": [{"record": "muscle:gluteus-minimus", "aliases": ["smallest glute"]}]},
    )
    status, out = run(tool, capsys, "merge", a, b, c)
    assert 0 == status
    assert out.startswith("ok: ")
    assert out.splitlines()[1] == "written: src/triggerpoints/data/triggerpoints.json"
    atlas = tp.load(repo / DATA)
    assert "Replaced by fragment a." == atlas.muscle("muscle:gluteus-minimus").location
    assert "muscle:gluteus-minimus" == atlas.muscle("smallest glute").id
    assert "relation:gluteus-minimus-associated-piriformis" not in {relation.id for relation in atlas.relations}
    assert "muscle:gluteus-minimus" in {link.muscle for link in atlas.factor("factor:head-forward-posture").muscles}


def test_merge_of_an_empty_fragment_rewrites_the_same_bytes(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A merge that changes nothing writes the file back byte for byte (the tool keeps the house format)."""
    before = (repo / DATA).read_bytes()
    status, _ = run(tool, capsys, "merge", write(tmp_path / "in", "empty.json", {}))
    assert 0 == status
    assert before == (repo / DATA).read_bytes()


def test_a_problem_is_reported_at_the_fragments_own_path_and_nothing_is_written(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record that does not load is reported with the fragment's name and path, and the target is untouched."""
    before = _digest(repo / DATA)
    point = _record("trigger_points", "tp:gluteus-minimus-anterior")
    point["referrals"][0]["region"] = "region:nowhere"
    extra = {"record": "muscle:nowhere", "aliases": ["no such muscle"]}
    fragment = write(tmp_path / "in", "hip.json", {"trigger_points": [point], "extra_aliases": [extra]})
    status, out = run(tool, capsys, "merge", fragment)
    lines = out.splitlines()
    assert 1 == status
    assert any(
        "region:nowhere" in line and "@ hip.json $.trigger_points[0].referrals[0].region" in line for line in lines
    )
    assert any("muscle:nowhere" in line and "@ hip.json $.extra_aliases[0]" in line for line in lines)
    assert lines[-1].endswith("problem(s); nothing written")
    assert before == _digest(repo / DATA)


def test_removing_a_point_that_records_still_name_is_reported_dangling(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Removing a packaged trigger point that a condition still links is reported, and nothing is written."""
    before = _digest(repo / DATA)
    status, out = run(
        tool, capsys, "merge", write(tmp_path / "in", "a.json", {"remove": ["tp:gluteus-minimus-posterior"]})
    )
    assert 1 == status
    assert "'tp:gluteus-minimus-posterior' @ packaged $.conditions[" in out
    assert out.endswith("nothing written\n")
    assert before == _digest(repo / DATA)


def test_a_conflict_stops_a_merge_that_would_load(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two fragments replacing one muscle identically load fine, yet the conflict alone stops the merge."""
    before = _digest(repo / DATA)
    muscle = {"muscles": [_record("muscles", "muscle:gluteus-minimus")]}
    paths = [write(tmp_path / "in", name, muscle) for name in ("a.json", "b.json")]
    status, out = run(tool, capsys, "merge", *paths)
    expected = [
        "conflict: b.json $.muscles[0]: muscle:gluteus-minimus is also defined by a.json",
        "1 conflict(s), 0 problem(s); nothing written",
    ]
    assert (1, expected) == (status, out.splitlines())
    assert before == _digest(repo / DATA)


def test_what_loads_but_the_data_tests_refuse_stops_a_merge(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A muscle without trigger points, or with xrefs outside the Uberon table, is a problem and nothing is written."""
    before = _digest(repo / DATA)
    orphan = {
        "id": "muscle:test-orphan",
        "name": "Test orphan",
        "body_area": "lower-torso",
        "sources": ["source:ts-vol2-ch9"],
    }
    minimus = {**_record("muscles", "muscle:gluteus-minimus"), "xrefs": ["UBERON:0008521", "FMA:1"]}
    status, out = run(tool, capsys, "merge", write(tmp_path / "in", "a.json", {"muscles": [orphan, minimus]}))
    expected = [
        "muscle:test-orphan: no trigger point",
        "muscle:gluteus-minimus: xrefs ['FMA:1'] are not in row UBERON:0008521",
        "0 conflict(s), 2 problem(s); nothing written",
    ]
    assert (1, expected) == (status, out.splitlines())
    assert before == _digest(repo / DATA)


@pytest.mark.parametrize("content", ["{not json", None], ids=["bad-json", "missing"])
def test_a_fragment_that_cannot_be_read_stops_everything(
    tool: ModuleType, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None
) -> None:
    """A fragment that is missing or not JSON is reported as unreadable, exit 1, and nothing is written."""
    before = _digest(repo / DATA)
    path = tmp_path / "broken.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    status, out = run(tool, capsys, "merge", path)
    assert 1 == status
    assert out.startswith(f"{path}: cannot read: ")
    assert before == _digest(repo / DATA)


@pytest.mark.parametrize(
    "argv", [[], ["merge"], ["apply", "a.json"]], ids=["nothing", "no-fragment", "unknown-command"]
)
def test_bad_arguments_print_the_usage_and_exit_2(
    tool: ModuleType, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a command and at least one fragment, the tool prints its usage and exits 2."""
    status, out = run(tool, capsys, *argv)
    assert 2 == status
    assert "python tools/fragments.py check FRAGMENT" in out


# --- bugs found in review, fixed ---------------------------------------------------------


def test_a_problem_in_a_united_link_is_reported_at_the_fragments_path(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dangling muscle in a link a fragment adds to a packaged factor is reported at the fragment's path."""
    link = {"muscle": "muscle:nowhere", "sources": ["source:ts-vol2-ch9"]}
    fragment = write(tmp_path / "in", "neck.json", {"factors": [_factor("factor:head-forward-posture", link)]})
    status, out = run(tool, capsys, "check", fragment)
    assert 1 == status
    assert "@ neck.json $.factors[0].muscles[0].muscle" in out


def test_a_malformed_link_in_a_united_record_is_reported_not_a_crash(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fragment link without sources, to a muscle the packaged factor links, is a reported problem, not a traceback."""
    factor = {**_factor("factor:head-forward-posture"), "muscles": [{"muscle": "muscle:trapezius"}]}
    status, out = run(tool, capsys, "check", write(tmp_path / "in", "neck.json", {"factors": [factor]}))
    assert 1 == status
    assert "neck.json $.factors[0].muscles[0]" in out


def test_a_fragment_that_is_not_an_object_is_reported_not_a_crash(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fragment whose top level is not a JSON object is reported and exits 1 rather than raising."""
    status, out = run(tool, capsys, "check", write(tmp_path / "in", "list.json", []))
    assert 1 == status
    assert "list.json" in out


def test_a_problem_in_a_link_united_with_a_packaged_one_is_reported_at_the_fragments_path(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown source a fragment adds to a link the packaged factor already has is the fragment's problem."""
    packaged = _record("factors", "factor:head-forward-posture")["muscles"][0]
    link = {"muscle": packaged["muscle"], "sources": ["source:nowhere"]}
    fragment = write(tmp_path / "in", "neck.json", {"factors": [_factor("factor:head-forward-posture", link)]})
    status, out = run(tool, capsys, "check", fragment)
    assert 1 == status
    assert "@ neck.json $.factors[0].muscles[0].sources" in out
    assert "packaged $.factors" not in out


def test_a_section_that_is_not_a_list_is_a_conflict_at_its_path(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fragment's ``factors`` given as an object is reported at ``$.factors``, not walked key by key."""
    status, out = run(tool, capsys, "check", write(tmp_path / "in", "neck.json", {"factors": {"id": "x"}}))
    assert 1 == status
    assert "conflict: neck.json $.factors: a list of records, not dict" in out


# --- the command line, in a fresh process on a copy of the layout ----------------------


def cli(repo: Path, *argv: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the copy of the script inside ``repo``, so its ROOT is the temporary layout."""
    command = [sys.executable, str(repo / "tools" / "fragments.py"), *map(str, argv)]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=repo, timeout=120)


def test_the_command_line_check_and_merge_exit_0_and_only_merge_writes(repo: Path, tmp_path: Path) -> None:
    """``check`` exits 0 and writes nothing; ``merge`` of the same fragment exits 0 and writes the layout's file."""
    before = (repo / DATA).read_bytes()
    extra = {"record": "muscle:gluteus-minimus", "aliases": ["smallest glute"]}
    fragment = write(tmp_path / "in", "a.json", {"extra_aliases": [extra]})
    checked = cli(repo, "check", fragment)
    assert (0, "") == (checked.returncode, checked.stderr)
    assert checked.stdout.startswith("ok: ")
    assert before == (repo / DATA).read_bytes()
    done = cli(repo, "merge", fragment)
    assert (0, "") == (done.returncode, done.stderr)
    assert done.stdout.splitlines()[1] == "written: src/triggerpoints/data/triggerpoints.json"
    assert [extra] == json.loads((repo / DATA).read_text(encoding="utf-8"))["extra_aliases"]


@pytest.mark.parametrize(
    ("argv", "expected_status", "expected_last_line"),
    [
        (["merge", "{fragment}"], 1, "1 problem(s); nothing written"),
        (["check", "{fragment}"], 1, "1 problem(s); nothing written"),
        (["merge"], 2, ""),
        (["frobnicate", "{fragment}"], 2, ""),
    ],
    ids=["merge-bad", "check-bad", "merge-no-fragment", "unknown-command"],
)
def test_the_command_line_exits_1_on_problems_and_2_on_bad_arguments(
    repo: Path, tmp_path: Path, argv: list[str], expected_status: int, expected_last_line: str
) -> None:
    """The script exits 1 with the located problems for a bad fragment, 2 with the usage for bad arguments."""
    before = (repo / DATA).read_bytes()
    point = _record("trigger_points", "tp:gluteus-minimus-anterior")
    point["referrals"][0]["region"] = "region:nowhere"
    fragment = write(tmp_path / "in", "hip.json", {"trigger_points": [point]})
    done = cli(repo, *(arg.format(fragment=fragment) for arg in argv))
    lines = done.stdout.splitlines()
    assert (expected_status, "") == (done.returncode, done.stderr)
    if expected_status == 1:
        assert expected_last_line == lines[-1]
        assert "@ hip.json $.trigger_points[0].referrals[0].region" in lines[0]
    else:
        assert "Usage::" in done.stdout
    assert before == (repo / DATA).read_bytes()
