"""The phrase corpus (tests/data/phrases.json): lay pain phrases and the readings they must get.

Each entry gives a phrase and either its reading (the regions in the order named, the
pain-free regions, the side, whether a warning is due and words that must be ignored) or
how it must be refused (``"unknown"``: it names no region; ``"ambiguous"``: it begins
several names). The corpus covers every misreading listed in issue 14.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import triggerpoints as tp

CORPUS: list[dict[str, Any]] = json.loads((Path(__file__).parent / "data" / "phrases.json").read_text("utf-8"))[
    "phrases"
]
READ = [entry for entry in CORPUS if "refused" not in entry]
REFUSED = [entry for entry in CORPUS if "refused" in entry]
ERRORS: dict[str, type[Exception]] = {"unknown": tp.UnknownIdError, "ambiguous": tp.AmbiguousKeyError}


def test_the_corpus_is_large_and_covers_sides_refusals_and_pain_free_places() -> None:
    """At least 300 phrases, with both sides, refusals, pain-free places and warnings among them."""
    assert len(CORPUS) >= 300
    assert {"left", "right", "both"} <= {entry.get("side") for entry in READ}
    assert {"unknown", "ambiguous"} == {entry["refused"] for entry in REFUSED}
    assert any(entry["absent"] for entry in READ)
    assert any(entry["warns"] for entry in READ)


@pytest.mark.parametrize("entry", READ, ids=[entry["phrase"] for entry in READ])
def test_a_phrase_is_read_as_expected(entry: dict[str, Any]) -> None:
    """The regions, pain-free regions, side and warning of the reading are the expected ones."""
    place = tp.resolve_place(entry["phrase"])
    expected = (entry["regions"], entry["absent"], entry["side"], entry["warns"])
    assert expected == (list(place.regions), list(place.absent), place.side, bool(place.warnings))
    assert set(entry.get("ignored_include", ())) <= set(place.ignored)


@pytest.mark.parametrize("entry", REFUSED, ids=[entry["phrase"] for entry in REFUSED])
def test_a_phrase_naming_no_place_is_refused(entry: dict[str, Any]) -> None:
    """A phrase that names no region raises UnknownIdError; the beginning of several names AmbiguousKeyError."""
    with pytest.raises(ERRORS[entry["refused"]]):
        tp.resolve_place(entry["phrase"])


def test_every_reading_accounts_for_its_words() -> None:
    """No word is both used and ignored, and every region of a reading has a display name."""
    for entry in READ:
        place = tp.resolve_place(entry["phrase"])
        assert set() == set(place.used) & set(place.ignored)
        assert set(place.regions) | set(place.absent) == set(place.names)


def test_a_refused_phrase_suggests_places_for_the_words_it_could_not_place() -> None:
    """Nothing is close to the whole phrase, so the suggestions are those for its unread word "side"."""
    with pytest.raises(tp.UnknownIdError) as caught:
        tp.resolve_place("a stitch in my side")
    assert caught.value.suggestions
    assert all("side" in suggestion for suggestion in caught.value.suggestions)
    with pytest.raises(tp.UnknownIdError) as nothing:
        tp.resolve_place("xyzzy plugh")
    assert () == nothing.value.suggestions


def test_only_known_pairs_of_regions_share_the_place_words_of_a_name() -> None:
    """Inside a longer phrase a name is read by its place words; words two regions share name neither.

    These few are left shared on purpose, as the words themselves are ambiguous: "brow"
    is the eyebrow or the forehead, "medial forearm" is its inner edge (ulnar) or its
    inner face (volar), and "anterior chest wall" is the front of the chest or its
    pectoral part. A new pair is a name that silently stops working inside phrases.
    """
    shared = {tuple(sorted(words)): sorted(ids) for words, ids in tp.load().indexes.places.items() if len(ids) > 1}
    assert shared == {
        ("brow",): ["region:eyebrow", "region:forehead"],
        ("forearm", "medial"): ["region:ulnar-forearm", "region:volar-forearm"],
        ("anterior", "chest", "wall"): ["region:anterior-chest", "region:pectoral"],
    }
