"""Tests for text normalization and matching (triggerpoints._text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triggerpoints._text import close_matches, normalize, similarity


def test_normalize_folds_case_accents_apostrophes_and_punctuation() -> None:
    """Equivalent spellings give one key."""
    assert "golfers elbow" == normalize("Golfer\u2019s  ELBOW")
    assert "glute max" == normalize("glute-max")
    assert "sits bone" == normalize(" Sits_Bone! ")
    assert "pectoralis major" == normalize("Pectorális major")


@given(st.text())
def test_normalize_is_idempotent_and_ascii(text: str) -> None:
    """Normalizing twice changes nothing, and keys are plain lower-case ASCII words."""
    key = normalize(text)
    assert key == normalize(key)
    assert all(char.isascii() and (char.isalnum() or char == " ") for char in key)
    assert key == key.strip()
    assert "  " not in key


def test_similarity_tiers() -> None:
    """Exact beats prefix beats word-prefix beats spelling."""
    assert 1.0 == similarity("shin", "shin")
    assert 0.9 == similarity("sh", "shin")
    assert 0.8 == similarity("bone sits", "sits bone")
    assert 0 < similarity("sits bon", "sits bone x") < 0.8 or similarity("sits bon", "sits bone x") == 0.9
    assert 0.0 == similarity("zzz", "shin")
    assert 0.0 == similarity("", "shin")


def test_close_matches_suggests_the_nearest() -> None:
    """Typos find their word; nonsense finds nothing."""
    assert ["gluteus maximus"] == close_matches("gluteus maximu", ["gluteus maximus", "sacrum"], limit=1)
    assert [] == close_matches("qqqq", ["gluteus maximus", "sacrum"])
