"""tools/apply_curation.py: folding the second-source review into the packaged data."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("apply_curation", ROOT / "tools" / "apply_curation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_applying_the_review_again_changes_nothing() -> None:
    """The packaged data already holds the review: a second run leaves every record as it is.

    It once dropped the sources cited only by prevalence records, which it did not count
    as facts.
    """
    tool = _tool()
    document = json.loads(tool.DATA.read_text(encoding="utf-8"))
    findings = [json.loads(path.read_text(encoding="utf-8")) for path in tool.FINDINGS]
    findings.append({"area": "region guides", **json.loads(tool.GUIDE_GAPS.read_text(encoding="utf-8"))})
    before = copy.deepcopy(document)
    tool.apply(document, findings)
    assert before == document


def test_every_section_with_sources_counts_as_facts() -> None:
    """Every record kind that cites sources is among the facts whose citations keep a source."""
    tool = _tool()
    document = json.loads(tool.DATA.read_text(encoding="utf-8"))
    cited = tool._cited(document)
    for section, records in document.items():
        if isinstance(records, list):
            for record in records:
                if isinstance(record, dict) and "sources" in record and section != "sources":
                    assert set(record["sources"]) <= cited, (section, record["id"])
