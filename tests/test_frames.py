"""Data frames (triggerpoints._frames): typed columns for every table, and the missing-pandas error."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pandas as pd
import pytest

import triggerpoints as tp

FRAMES = tp.frames()


def test_there_is_one_frame_per_table_in_order() -> None:
    """frames() has the tables of TABLES, in that order, with the same rows as tables()."""
    tables = tp.tables()
    assert list(tp.TABLES) == list(FRAMES)
    assert {name: len(rows) for name, rows in tables.items()} == {name: len(frame) for name, frame in FRAMES.items()}


def test_trigger_points_have_integer_columns_and_regions_boolean_ones() -> None:
    """Counts are Int64, flags boolean, shares Float64, text string (not object)."""
    points, regions = FRAMES["trigger_points"], FRAMES["regions"]
    assert ("Int64", "Int64", "Int64") == tuple(str(points[c].dtype) for c in ("essential", "spillover", "spared"))
    assert ("boolean", "Int64", "string") == tuple(str(regions[c].dtype) for c in ("sided", "depth", "name"))
    assert "Float64" == str(FRAMES["prevalence"]["share"].dtype)
    assert "boolean" == str(FRAMES["prevalence"]["active_only"].dtype)
    assert "Int64" == str(FRAMES["referrals"]["independent_sources"].dtype)


def test_missing_values_are_na_and_lists_are_lists() -> None:
    """A region without a caution has NA; aliases and ancestors are Python lists."""
    regions: Any = FRAMES["regions"].set_index("id")
    assert pd.isna(regions.loc["region:ischial-tuberosity", "caution"])
    assert pd.isna(regions.loc["region:body", "parent"])
    assert "sits bone" in regions.loc["region:ischial-tuberosity", "aliases"]
    assert ["region:body", "region:trunk"] == regions.loc["region:ischial-tuberosity", "ancestors"][:2]
    assert 0 == regions.loc["region:body", "depth"]
    assert (
        len(regions.loc["region:ischial-tuberosity", "ancestors"]) == regions.loc["region:ischial-tuberosity", "depth"]
    )


def test_sources_and_factors_are_tables() -> None:
    """Sources carry tier, publisher and concern; factors carry kind, category and general ones without muscles."""
    sources = FRAMES["sources"].set_index("id")
    assert ("textbook", "Travell & Simons") == tuple(sources.loc["source:ts-vol2", ["tier", "publisher"]])
    assert "Int64" == str(sources["year"].dtype)
    assert sources["concern"].isna().any()
    assert sources["concern"].notna().any()
    factors = FRAMES["factors"]
    general = factors[factors["general"].fillna(False)]
    assert len(general) == sum(1 for f in tp.load().factors if f.general)
    assert {"kind", "category", "description", "muscles"} <= set(factors.columns)
    assert {"caution", "kind"} <= set(FRAMES["treatments"].columns)


def test_a_missing_pandas_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, frames() raises MissingDependencyError naming the frames extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(tp.MissingDependencyError, match=r"triggerpoints\[frames\]"):
        tp.frames()


def test_importing_and_ranking_do_not_import_pandas_or_jsonschema() -> None:
    """A fresh import and a rank leave pandas, jsonschema and the serialiser unimported."""
    code = (
        "import sys, triggerpoints as tp; tp.rank(['buttock']).to_dict();"
        "print(sorted(m for m in ('pandas', 'jsonschema', 'triggerpoints._serialize', 'triggerpoints._frames',"
        " 'triggerpoints._shapes', 'html') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == result.stdout.strip()
