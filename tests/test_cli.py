"""The command line, through ``main([...])``: output, JSON, exit statuses and errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

import triggerpoints as tp
from triggerpoints.cli import main

if TYPE_CHECKING:
    import pytest

MINI = Path(__file__).parent / "fixtures" / "mini.json"

DATA = ["--data", str(MINI)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    status, out, err = run(capsys, *argv, "--json")
    assert (0, "") == (status, err)
    return json.loads(out)


def test_show_a_muscle_lists_its_points_referrals_relations_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` prints a muscle's trigger points with their zones, relations, links and sources."""
    status, out, _ = run(capsys, "show", "alpha", *DATA)
    assert 0 == status
    assert "Alpha muscle  [muscle:alpha]" in out
    assert "essential: Thigh" in out
    assert "spillover: Shin" in out
    assert "spares: Knee" in out
    assert "-satellite-> Beta muscle" in out
    assert "factors: Heavy lifting" in out
    assert "sources: " in out


def test_show_json_carries_the_record_its_points_and_the_cited_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """``show --json`` gives the record, its trigger points and every source they cite, in full."""
    data = run_json(capsys, "show", "muscle:alpha", *DATA)
    assert "muscle" == data["kind"]
    assert "muscle:alpha" == data["record"]["id"]
    assert ["tp:alpha-upper", "tp:alpha-lower"] == [p["id"] for p in data["trigger_points"]]
    assert {"essential", "spillover"} == {r["zone"] for p in data["trigger_points"] for r in p["referrals"]}
    assert all("title" in source for source in data["sources"])
    assert data["sources"]


def test_show_a_region_names_the_muscles_referring_there_and_its_caution(capsys: pytest.CaptureFixture[str]) -> None:
    """A region shows its place in the hierarchy, who refers pain there, and its caution."""
    status, out, _ = run(capsys, "show", "belt line", *DATA)
    assert 0 == status
    assert "part of: Back" in out
    assert "essential pain from: Alpha muscle" in out
    assert "caution:" in out


def test_show_a_trigger_point_and_another_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """Trigger points and linked records (a factor) have their own views."""
    assert "muscle: Alpha" in run(capsys, "show", "tp:alpha-lower", *DATA)[1]
    status, out, _ = run(capsys, "show", "factor:lifting", *DATA)
    assert 0 == status
    assert "muscle: Alpha" in out


def test_an_unknown_name_gets_suggestions_on_stderr_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt muscle: exit 1, nothing on stdout, a 'did you mean' on stderr."""
    status, out, err = run(capsys, "show", "glute mni")
    assert (1, "") == (status, out)
    assert err.startswith("triggerpoints: error: unknown")
    assert "did you mean" in err
    assert "'glute min'" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Missing arguments, unknown commands and bad option values are usage errors."""
    for argv in (["rank"], ["frobnicate"], ["search", "x", "--limit", "0"], [], ["rank", "x", "--extend"]):
        status, out, err = run(capsys, *argv)
        assert (2, "") == (status, out), argv
        assert "triggerpoints: error:" in err, argv


def test_search_prints_kind_id_and_score(capsys: pytest.CaptureFixture[str]) -> None:
    """``search`` lists matches best first; ``--json`` gives the same as data."""
    status, out, _ = run(capsys, "search", "upper leg", *DATA)
    assert 0 == status
    assert out.splitlines()[0].split()[:2] == ["region", "region:thigh"]
    assert "region:thigh" == run_json(capsys, "search", "upper leg", *DATA)[0]["id"]


def test_search_with_no_match_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """Text that matches nothing is reported, not silently empty."""
    status, out, err = run(capsys, "search", "xyzzy", *DATA)
    assert (1, "") == (status, out)
    assert "nothing matches" in err
    assert [] == run_json(capsys, "search", "xyzzy", *DATA)


def test_regions_prints_the_tree_with_depth(capsys: pytest.CaptureFixture[str]) -> None:
    """``regions`` indents children under parents; ``--depth`` cuts the tree."""
    status, out, _ = run(capsys, "regions", *DATA)
    assert 0 == status
    assert "Body  [region:body]\n  Back  [region:back]\n    Low back  [region:low-back]\n" in out
    tree = run_json(capsys, "regions", "leg", "--depth", "1", *DATA)
    assert ["region:thigh", "region:shin", "region:knee"] == [child["id"] for child in tree["children"]]
    assert all(child["children"] == [] for child in tree["children"])


def test_rank_json_is_the_ranking_with_readings_and_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    """``rank --json`` prints the whole ranking: how each phrase was read, then candidates with id, name, score, evidence."""
    data = run_json(capsys, "rank", "sits bone")
    assert tp.rank(["sits bone"], limit=10).to_dict() == data  # exactly, with the default --limit 10
    assert ["region:ischial-tuberosity"] == data["readings"][0]["regions"]
    candidates = data["candidates"]
    assert candidates
    first = candidates[0]
    assert {"id", "name"} <= set(first["muscle"])
    assert first["muscle"]["id"].startswith("muscle:")
    assert isinstance(first["score"], float)
    assert first["explained"]
    assert "region:ischial-tuberosity" == first["explained"][0]["query"]
    ranks = [item["rank"] for item in candidates]
    assert ranks == sorted(ranks)  # shared ranks repeat; they never go backwards


def test_rank_text_explains_and_options_reach_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    """Text output explains each candidate; ``--activity`` and ``--absent`` change the evidence."""
    status, out, _ = run(capsys, "rank", "thigh", "--activity", "lifting", "--absent", "low back", *DATA)
    assert 0 == status
    assert out.startswith("read 'thigh' as Thigh\n")
    assert "\n1. Alpha" in out
    assert "Fits the activity Heavy lifting" in out
    assert "Against it: Low back is free of pain" in out
    assert "not a diagnosis" in out


def test_rank_with_an_unknown_place_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A pain phrase naming no region is an error with suggestions."""
    status, out, err = run(capsys, "rank", "zzqx", *DATA)
    assert (1, "") == (status, out)
    assert "triggerpoints: error:" in err


def test_trace_prints_paths(capsys: pytest.CaptureFixture[str]) -> None:
    """``trace`` shows each path as a line; ``--json`` as typed steps."""
    status, out, _ = run(capsys, "trace", "alpha", "shin", *DATA)
    assert 0 == status
    assert "Alpha muscle -> satellite -> Beta muscle TrP1 -> refers" in out
    paths = run_json(capsys, "trace", "alpha", "shin", *DATA)
    assert {"satellite", "refers"} <= {step["kind"] for path in paths for step in path["steps"]}


def test_trace_with_nothing_found_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """No path is an answer, not an error."""
    status, out, _ = run(capsys, "trace", "beta", "low back", *DATA)
    assert 0 == status
    assert out.startswith("No path")


def test_export_csv_writes_every_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``export csv -o DIR`` writes one CSV per table with a header row."""
    status, _, _ = run(capsys, "export", "csv", "-o", str(tmp_path), *DATA)
    assert 0 == status
    assert {f"{name}.csv" for name in tp.TABLES} == {path.name for path in tmp_path.iterdir()}
    with (tmp_path / "referrals.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {("tp:alpha-lower", "region:shin", "spillover")} <= {
        (r["trigger_point"], r["region"], r["zone"]) for r in rows
    }


def test_export_csv_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV cannot go to standard output (several tables): a usage error."""
    status, out, err = run(capsys, "export", "csv", *DATA)
    assert (2, "") == (status, out)
    assert "-o" in err


def test_export_graph_formats_read_back_into_networkx(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """GraphML and node-link output load into networkx with every node and edge."""
    graph = tp.load(MINI).graph
    _, out, _ = run(capsys, "export", "node-link", *DATA)
    linked = nx.node_link_graph(json.loads(out), edges="links")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (linked.number_of_nodes(), linked.number_of_edges())
    target = tmp_path / "mini.graphml"
    assert 0 == run(capsys, "export", "graphml", "-o", str(target), *DATA)[0]
    read = nx.read_graphml(target)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (read.number_of_nodes(), read.number_of_edges())
    assert "refers_to" in {data["relation"] for _, _, data in read.edges(data=True)}


def test_export_json_is_a_loadable_dataset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``export json`` writes the dataset file format, which loads back to the same records."""
    target = tmp_path / "copy.json"
    assert 0 == run(capsys, "export", "json", "-o", str(target), *DATA)[0]
    assert tp.load(MINI).muscles == tp.load(target).muscles


def test_validate_lists_every_problem_with_its_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A malformed file: exit 1 and each problem with its JSON path on stderr (or in JSON)."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "schema_version": "1.0",
                "muscles": [
                    {"id": "muscle:x", "name": 5, "body_area": "lower-torso", "sources": []},
                    {"id": "muscle:y", "name": "Y", "body_area": "nowhere", "sources": ["source:none"]},
                ],
            }
        ),
        encoding="utf-8",
    )
    status, out, err = run(capsys, "validate", str(bad))
    assert (1, "") == (status, out)
    assert "@ $.muscles[0].name" in err
    assert "@ $.muscles[1].body_area" in err
    assert "problem(s)" in err.splitlines()[0]
    status, out, _ = run(capsys, "validate", str(bad), "--json")
    report = json.loads(out)
    assert (1, False) == (status, report["valid"])
    assert {"$.muscles[0].name", "$.muscles[1].body_area"} <= {p["path"] for p in report["problems"]}


def test_validate_a_good_file_and_a_missing_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A valid file reports its counts; a missing file is an error, not a trace."""
    status, out, _ = run(capsys, "validate", str(MINI))
    assert 0 == status
    assert "valid (2 muscles, 3 trigger_points" in out
    status, out, err = run(capsys, "validate", str(tmp_path / "nope.json"))
    assert (1, "") == (status, out)
    assert err.startswith("triggerpoints: error:")
    assert "Traceback" not in err


def test_coverage_counts_per_body_area(capsys: pytest.CaptureFixture[str]) -> None:
    """``coverage`` agrees with the library's report, in text (counts, then support), Markdown and JSON."""
    report = tp.coverage()
    data = run_json(capsys, "coverage")
    assert report.total.muscles == data["total"]["muscles"]
    _, out, _ = run(capsys, "coverage", "--markdown")
    assert out.startswith("| body area |")
    _, out, _ = run(capsys, "coverage")
    table, support = out.split("\n\n", 1)
    assert table.splitlines()[-1].split()[:3] == ["all", "all", str(report.total.muscles)]
    assert report.support_text() == support.rstrip("\n")


def test_coverage_gaps_lists_the_muscles_lacking_linked_facts(capsys: pytest.CaptureFixture[str]) -> None:
    """``coverage --gaps`` prints one line per gap, the same as the library; --json carries them too."""
    report = tp.coverage()
    _, out, _ = run(capsys, "coverage", "--gaps")
    assert (report.gaps_text() or "no gaps") == out.rstrip("\n")
    assert len(report.gaps) == len(run_json(capsys, "coverage")["gaps"])


def test_version_names_package_and_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` gives the package, dataset, schema and ranking model versions."""
    status, out, _ = run(capsys, "--version")
    atlas = tp.load()
    assert 0 == status
    assert out.startswith(f"triggerpoints {tp.__version__} (dataset {atlas.dataset_version}")


def test_python_dash_m_runs_the_same_command() -> None:
    """``python -m triggerpoints`` is the console script."""
    done = subprocess.run(
        [sys.executable, "-m", "triggerpoints", "search", "piriformis", "--json", "--limit", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (0, "") == (done.returncode, done.stderr)
    assert "muscle:piriformis" == json.load(io.StringIO(done.stdout))[0]["id"]
