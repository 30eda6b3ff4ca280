"""The pieces a pain phrase is cut into: its parts, their place words, and what a reading found.

:mod:`triggerpoints._reader` and :mod:`triggerpoints._reading` read phrases with these;
they know nothing of an atlas.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from triggerpoints._text import GLUE, SEPARATORS, place_words

__all__ = ["Found", "Word", "part_words", "split_parts", "subsets"]

_COMPOUND = {  # one word, two directions
    "anterolateral": ("anterior", "lateral"),
    "anteromedial": ("anterior", "medial"),
    "posterolateral": ("posterior", "lateral"),
    "posteromedial": ("posterior", "medial"),
}


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Word:
    """One word of a place: as written, its canonical place word, and what comes before it.

    ``of`` is true when "of" comes between it and the place word before it; ``gap`` when
    another filler word does ("pain", "felt"), which "of", "the", "my", ... do not.
    """

    raw: str
    token: str
    of: bool = False
    gap: bool = False


@attrs.define(eq=False, repr=False)
class Found:
    """Regions read so far, with the words they rest on and the words left out.

    Words taken back from ``used`` are not searched for and removed there (which would
    cost the length of ``used`` each time): :meth:`drop` notes where ``used`` ended when a
    word was taken back, and :meth:`kept` leaves out every earlier use of it.
    """

    regions: list[str] = attrs.Factory(list)
    absent: list[str] = attrs.Factory(list)
    used: list[str] = attrs.Factory(list)
    ignored: list[str] = attrs.Factory(list)
    warnings: list[str] = attrs.Factory(list)
    dropped: dict[str, int] = attrs.Factory(dict)

    def drop(self, words: Iterable[str]) -> None:
        """Take back every use of ``words`` so far (uses added later stay)."""
        self.dropped.update(dict.fromkeys(words, len(self.used)))

    def reuse(self, words: Iterable[str]) -> None:
        """Replace the words used so far with ``words``."""
        self.used, self.dropped = list(words), {}

    def kept(self) -> list[str]:
        """The words used, without those taken back."""
        dropped = self.dropped
        return [word for number, word in enumerate(self.used) if number >= dropped.get(word, 0)]


def subsets(items: list[int], size: int) -> list[tuple[int, ...]]:
    """The subsets of ``items`` of one size, nearest to the head word (the end of the list) first."""
    if size == 0:
        return [()]
    if size > len(items):
        return []
    with_last = [(*rest, items[-1]) for rest in subsets(items[:-1], size - 1)]
    return with_last + subsets(items[:-1], size)


def split_parts(words: list[str]) -> list[list[str]]:
    """Words cut before every separator; each part starts with its separator (or "")."""
    parts: list[list[str]] = [[""]]
    for word in words:
        if word in SEPARATORS:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def part_words(part: list[str]) -> list[Word]:
    """The place words of one part, each with its raw word and whether "of" precedes it."""
    words = part[1:]
    tokens: list[Word] = []
    of = gap = False
    for raw, token in zip(words, place_words(words), strict=True):
        if token is not None:
            tokens += [Word(raw=raw, token=part, of=of, gap=gap) for part in _COMPOUND.get(token, (token,))]
            of = gap = False
        elif raw == "of":
            of = True
        elif raw not in GLUE:
            gap = True
    return tokens
