"""Shared fixtures: the hand-made mini dataset and a loaded atlas of it.

The mini dataset (tests/fixtures/mini.json), drawn as its graph::

    region:body ─┬─ region:back ── region:low-back  ("belt line", caution)
                 └─ region:leg ──┬─ region:thigh ("upper leg")
                                 ├─ region:shin  ("front of the lower leg")
                                 └─ region:knee

    muscle:alpha ─┬─ tp:alpha-upper ──essential──> region:low-back
                  └─ tp:alpha-lower ──essential──> region:thigh
                                    ──spillover──> region:shin
                                    ──spares─────> region:knee
    muscle:beta ──── tp:beta-1 ──────essential──> region:shin

    muscle:alpha ──satellite──> muscle:beta
    factor:lifting ──activates──> muscle:alpha     factor:vitamin-lack (general)
    muscle:alpha ──produces──> symptom:stiffness   muscle:alpha ──mimics──> condition:lumbago
    treatment:ball ──treats──> muscle:beta
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import triggerpoints as tp

# In CI, property tests run the same examples every time: a red build is reproducible.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

MINI = Path(__file__).parent / "fixtures" / "mini.json"


@pytest.fixture(scope="session")
def mini_document() -> dict[str, Any]:
    """The mini dataset as decoded JSON (do not mutate; use ``mini_copy``)."""
    document: dict[str, Any] = json.loads(MINI.read_text(encoding="utf-8"))
    return document


@pytest.fixture
def mini_copy(mini_document: dict[str, Any]) -> dict[str, Any]:
    """A fresh deep copy of the mini dataset, safe to break."""
    return copy.deepcopy(mini_document)


@pytest.fixture(scope="session")
def mini() -> tp.Atlas:
    """The mini dataset, loaded."""
    return tp.load(MINI)
