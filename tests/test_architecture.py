"""The house rules that keep the architecture honest (the package as a whole).

One table of kinds, one vocabulary, a prebuilt packaged dataset that matches its source,
no per-user files, small modules and no private names across modules.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

import attrs
import pytest

import triggerpoints as tp
from triggerpoints import _dataset
from triggerpoints._text import normalize
from triggerpoints._vocab import words

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "triggerpoints"


def test_the_kinds_table_matches_the_dataset_sections_and_the_kind_names() -> None:
    """Every kind has a Dataset section of its class, and the Kind literal names exactly the kinds."""
    fields = attrs.fields_dict(tp.Dataset)
    for kind in tp.KINDS:
        assert kind.section in fields
        assert kind.record_class.__name__ in str(fields[kind.section].type)
    assert {kind.name for kind in tp.KINDS} == set(get_args(tp.Kind))
    assert len({kind.prefix for kind in tp.KINDS}) == len(tp.KINDS)
    assert {kind.record_class for kind in tp.KINDS} == set(get_args(tp.Record))


def test_the_prebuilt_file_is_up_to_date() -> None:
    """tools/build_data.py --check passes: the shipped prebuilt form is the source JSON's."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_data.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert 0 == result.returncode, result.stderr


def test_the_prebuilt_atlas_equals_the_validated_source() -> None:
    """The packaged atlas, read without checks, holds exactly the records the full checks give."""
    checked = _dataset.read(SRC / "data" / "triggerpoints.json")
    assert checked == tp.load().dataset


def test_a_stale_prebuilt_layout_is_refused_with_a_rebuild_hint() -> None:
    """A prebuilt file whose layout does not match the record classes fails loudly, not silently."""
    from triggerpoints import _prebuilt  # noqa: PLC0415 - the module under test

    text = (SRC / "data" / _prebuilt.FILE).read_text(encoding="utf-8")
    document = json.loads(text)
    document["layouts"]["Muscle"][0][0] = "identifier"
    with pytest.raises(tp.DatasetError, match="rebuild it with"):
        _prebuilt.read(json.dumps(document), origin="test")


def test_validation_and_index_use_the_same_words() -> None:
    """For every packaged record, the index's words are exactly the vocabulary's words."""
    atlas = tp.load()
    muscles: dict[str, tp.Muscle] = {muscle.id: muscle for muscle in atlas.muscles}
    indexed: dict[str, set[str]] = {}
    for table in atlas.indexes.names.values():
        for word, ids in table.items():
            for record_id in ids:
                indexed.setdefault(record_id, set()).add(word)
    for kind in tp.KINDS:
        for record in getattr(atlas.dataset, kind.section):
            assert {normalize(word) for _, word in words(record, muscles)} == indexed[record.id]


def test_a_trigger_point_alias_that_shadows_muscle_plus_label_fails_validation(
    mini_copy: dict[str, Any], tmp_path: Path
) -> None:
    """The alias 'Alpha muscle upper' on another trigger point is refused with its JSON path."""
    mini_copy["trigger_points"][1]["aliases"] = ["Alpha muscle upper"]
    path = tmp_path / "shadow.json"
    path.write_text(json.dumps(mini_copy), encoding="utf-8")
    with pytest.raises(tp.DatasetError) as caught:
        tp.load(path)
    assert ("$.trigger_points[1].aliases[0]", "'Alpha muscle upper' already names 'tp:alpha-upper'") in [
        (problem.path, problem.message) for problem in caught.value.problems
    ]


def test_loading_and_ranking_write_nothing_and_unpickle_nothing(tmp_path: Path) -> None:
    """With HOME pointed at an empty folder, load and rank leave it empty and never import pickle."""
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "TRIGGERPOINTS_"))}
    env["HOME"] = str(home)
    code = "import sys, triggerpoints as tp; tp.load(); tp.rank(['buttock']); print('pickle' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert "False" == result.stdout.strip()
    assert [] == list(home.rglob("*"))


def test_an_empty_atlas_is_not_replaced_by_the_packaged_one() -> None:
    """tables(atlas=<empty atlas>) has no muscles: an empty atlas is still the atlas asked for."""
    body = tp.Region(id=tp.RegionId("region:body"), name="Body", parent=None, views=(tp.View.ANTERIOR,), sided=False)
    empty = tp.Atlas(tp.Dataset(schema_version="1.0", regions=(body,)))  # the least a dataset holds: one root region
    assert bool(empty)
    assert [] == tp.tables(atlas=empty)["muscles"]
    assert 0 == tp.coverage(atlas=empty).total.muscles


def test_suggestions_are_computed_only_when_read() -> None:
    """An UnknownIdError asks for its suggestions only when its message or suggestions are read."""
    calls: list[int] = []

    def suggest() -> list[str]:
        calls.append(1)
        return ["sits bone"]

    error = tp.UnknownIdError("region", "sits bon", suggest)
    assert [] == calls
    assert "unknown region 'sits bon'; did you mean 'sits bone'?" == str(error)
    assert ("sits bone",) == error.suggestions
    assert [1] == calls


def _modules() -> list[Path]:
    return sorted(path for path in SRC.glob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda path: path.name)
def test_modules_stay_small(path: Path) -> None:
    """No module of the package is over 500 lines."""
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


@pytest.mark.parametrize("path", _modules(), ids=lambda path: path.name)
def test_no_private_name_crosses_a_module(path: Path) -> None:
    """No module imports an underscore name from another module (private modules' public names are fine)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
        if alias.name.startswith("_")
        and not alias.name.startswith("__")
        and not (node.module == "triggerpoints" and alias.name.startswith("_"))
    ]
    assert [] == private


def _layers() -> dict[str, int]:
    """Each module's row in the module table of docs/architecture.md, top row first."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text[text.index("| module | responsibility |") :].split("\n\n", 1)[0].splitlines()[2:]
    return {name: row for row, line in enumerate(table) for name in re.findall(r"`(\w+)`", line.split("|")[1])}


def _top_level_imports(tree: ast.Module) -> list[str]:
    """The package modules a module imports outside its functions (``if TYPE_CHECKING`` blocks included)."""
    found: list[str] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("triggerpoints"):
            parts = node.module.split(".")
            found += [parts[1]] if len(parts) > 1 else [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name.split(".")[1] for alias in node.names if alias.name.startswith("triggerpoints.")]
        pending += ast.iter_child_nodes(node)
    return found


def test_every_module_is_in_the_architecture_table() -> None:
    """The table in docs/architecture.md names every module of the package (the package's own files aside)."""
    modules = {path.stem for path in _modules()} - {"__init__", "__main__"}
    assert set() == modules ^ set(_layers())


@pytest.mark.parametrize("path", _modules(), ids=lambda path: path.name)
def test_imports_run_one_way_down_the_architecture_table(path: Path) -> None:
    """A module imports, at its top, only modules of its own row of the table or rows above it."""
    layers = _layers()
    if path.stem not in layers:
        pytest.skip("the package's own files (__init__, __main__) gather everything")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    below = sorted({name for name in _top_level_imports(tree) if layers.get(name, -1) > layers[path.stem]})
    assert [] == below
