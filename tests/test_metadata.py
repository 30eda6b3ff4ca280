"""Project metadata agrees with itself: versions, licences, citation, console script."""

from __future__ import annotations

import re
from importlib.metadata import metadata
from pathlib import Path

import triggerpoints as tp

ROOT = Path(__file__).resolve().parent.parent


def test_citation_names_the_package_version() -> None:
    """CITATION.cff's version is the package's."""
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert [tp.__version__] == re.findall(r"^version: (\S+)$", text, re.M)


def test_metadata_names_both_licences_and_typing() -> None:
    """The distribution declares the code licence, ships the data licence and is typed."""
    meta = metadata("triggerpoints")
    assert "MIT" == meta["License-Expression"]
    assert {"LICENSE", "DATA-LICENSE"} <= set(meta.get_all("License-File") or [])
    assert "Typing :: Typed" in (meta.get_all("Classifier") or [])
    assert "CC BY 4.0" in (ROOT / "DATA-LICENSE").read_text(encoding="utf-8")


def test_changelog_has_an_entry_for_this_version_line() -> None:
    """The changelog has an Unreleased (or this version's) section at the top."""
    heads = re.findall(r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert heads[0] in {"Unreleased", tp.__version__}
