"""Reading the activities and symptoms a person names ("lifting", "stiffness") as records.

A name, an alias or an id names its record. Otherwise the beginning of exactly one
record's name or alias names it ("gardening"), and the beginning of several is ambiguous.
With ``strict=False`` a phrase may also name every record in whose name or alias each of
its words begins a word, after plurals and the endings "-ing", "-ness" and "-ed" are
taken off ("lifting" names every factor about lifting, "stiffness" every stiff-something
symptom); the ranking counts such a phrase once for a muscle tied to any of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints._display import record_repr
from triggerpoints._limits import check_text
from triggerpoints._text import TERM_FILLER, normalize, singular
from triggerpoints.exceptions import AmbiguousKeyError

if TYPE_CHECKING:
    from triggerpoints._shapes import TermReadingDict

__all__ = ["TermKind", "TermReading", "read_terms"]

#: What a term names: an activity (a factor) or a symptom.
TermKind = Literal["activity", "symptom"]
_KINDS: Mapping[TermKind, Literal["factor", "symptom"]] = MappingProxyType({"activity": "factor", "symptom": "symptom"})
_ENDINGS = ("ness", "ing", "ed")
_SHORTEST = 4


@attrs.frozen(kw_only=True)
class TermReading:
    """How one activity or symptom phrase was read.

    Attributes:
        phrase: The phrase as given.
        kind: ``"activity"`` or ``"symptom"``.
        ids: The factor or symptom ids it names (several only for a word match).
        how: ``"name"`` (a name, alias or id), ``"beginning"`` (the beginning of one
            name) or ``"words"`` (its words begin words of each record's name).
        names: Display names of ``ids``.
    """

    phrase: str
    kind: TermKind
    ids: tuple[str, ...]
    how: Literal["name", "beginning", "words"]
    names: Mapping[str, str] = attrs.field(factory=lambda: MappingProxyType({}), eq=False, repr=False)

    __repr__ = record_repr

    def describe(self) -> str:
        """Return one line saying how the phrase was read.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.rank("calf", activities=["gardening"]).terms[0].describe()
            "read activity 'gardening' as Gardening: weeding, digging and pruning"
        """
        named = ", ".join(self.names.get(key, key) for key in self.ids)
        return f"read {self.kind} {self.phrase!r} as {named}" + (" (by its words)" if self.how == "words" else "")

    def to_dict(self) -> TermReadingDict:
        """Return the reading as JSON-ready data, with the display names of its ids.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.rank("calf", activities=["gardening"]).terms[0].to_dict()["ids"]
            ['factor:gardening-weeding-pruning']
        """
        return {
            "phrase": self.phrase,
            "kind": self.kind,
            "ids": list(self.ids),
            "how": self.how,
            "text": self.describe(),
            "names": {key: self.names.get(key, key) for key in self.ids},
        }


def read_terms(
    atlas: Atlas, phrases: Iterable[str], kind: TermKind, *, strict: bool
) -> tuple[tuple[TermReading, ...], tuple[str, ...]]:
    """Read activity or symptom phrases; return the readings and the phrases that named nothing.

    Raises:
        UnknownIdError: With ``strict``, a phrase names nothing (close names suggested).
        AmbiguousKeyError: With ``strict``, a phrase is the beginning of several names.
        InputTooLargeError: A phrase is longer than the query limit (whatever ``strict``).
    """
    readings: list[TermReading] = []
    unresolved: list[str] = []
    for phrase in phrases:
        check_text(f"{kind} phrase", phrase)
        found = _read(atlas, phrase, kind, strict=strict)
        if found is None:
            unresolved.append(phrase)
        else:
            display = atlas.indexes.display
            names = MappingProxyType({key: display[key] for key in found[0]})
            readings.append(TermReading(phrase=phrase, kind=kind, ids=found[0], how=found[1], names=names))
    return tuple(readings), tuple(unresolved)


def _read(
    atlas: Atlas, phrase: str, kind: TermKind, *, strict: bool
) -> tuple[tuple[str, ...], Literal["name", "beginning", "words"]] | None:
    record_kind = _KINDS[kind]
    exact = atlas.find(phrase, kind=record_kind)
    if len(exact) == 1:
        return exact, "name"
    key = normalize(phrase) if isinstance(phrase, str) else ""
    table = atlas.indexes.names[record_kind]
    display = atlas.indexes.display
    leading = sorted({i for word, ids in table.items() if len(key) >= _SHORTEST and word.startswith(key) for i in ids})
    if len(leading) == 1:
        return (leading[0],), "beginning"
    if len(leading) > 1 and strict:
        raise AmbiguousKeyError(phrase, sorted(display[i] for i in leading))
    stems = [_stem(word) for word in key.split() if word not in TERM_FILLER]
    if not strict and stems and all(len(stem) >= _SHORTEST - 1 for stem in stems):
        matching = {i for word, ids in table.items() if _begins(stems, word.split()) for i in ids}
        if matching:
            position = atlas.indexes.position
            return tuple(sorted(matching, key=position.__getitem__)), "words"
    if strict:
        raise atlas.names.unknown(kind if kind == "symptom" else "factor", str(phrase), (record_kind,))
    return None


def _stem(word: str) -> str:
    """The word without a plural and the endings -ness, -ing and -ed ("stiffness" -> "stiff")."""
    word = singular(word)
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST - 1:
            return word[: -len(ending)]
    return word


def _begins(stems: list[str], words: list[str]) -> bool:
    """Every stem begins one of the words, or its singular ("grocery" begins "groceries")."""
    return all(any(word.startswith(stem) or singular(word).startswith(stem) for word in words) for stem in stems)
