"""The API reference (docs/api.md) against the package's public names."""

from __future__ import annotations

import re
from pathlib import Path

import triggerpoints as tp

API = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")


def test_the_api_reference_covers_every_public_name() -> None:
    """Every name in triggerpoints.__all__ has an entry (or a reference) in docs/api.md."""
    assert [] == [name for name in tp.__all__ if not re.search(rf"triggerpoints\.{name}\b", API)]
