"""Resolving human words ("sits bone", "glute max") to records, on the packaged atlas.

Each function here is the module-level twin of the :class:`~triggerpoints.Atlas`
method of the same name, run on :func:`triggerpoints.load`'s packaged atlas. Use the
methods of an atlas you loaded yourself to ask your own data.
"""

from __future__ import annotations

from typing import Literal

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints._load import load
from triggerpoints._text import DIRECTIONS, SIDES, normalize, place_tokens

__all__ = ["Place", "resolve_place"]

Side = Literal["left", "right", "both"]


@attrs.frozen(kw_only=True)
class Place:
    """A pain phrase resolved to regions.

    Attributes:
        phrase: The phrase as given.
        regions: The region ids it names, in the order they appear in the phrase.
        side: ``"left"``, ``"right"`` or ``"both"`` if the phrase says so.
        leftover: Place words of the phrase that named no region (after a match,
            such as a stray direction word); empty when every word was used.
    """

    phrase: str
    regions: tuple[str, ...]
    side: Side | None = None
    leftover: tuple[str, ...] = ()


def resolve_place(phrase: str, *, atlas: Atlas | None = None) -> Place:
    """Resolve a pain phrase, as people say it, to body regions.

    The resolver is deterministic and works in two steps:

    1. The whole phrase as an id, a region name or an alias ("sits bone",
       "golfer's elbow", "region:lateral-leg"), after normalization.
    2. Otherwise the phrase's place words (filler such as "pain down my" dropped, side words noted, direction words
       made canonical: outside/outer -> lateral, inside/inner -> medial, front ->
       anterior, back/behind -> posterior, top/upper -> upper, low/lower/bottom ->
       lower) are split greedily, left to right, into the longest runs whose word set
       is exactly the place words of one region's name or alias; a run never repeats
       a word ("back of the thigh and back of the knee" is two runs). Words that start
       no run are kept as ``leftover``. A word set shared by two regions is skipped.
       Direction words carry over "and" to a bare place word that follows, where
       that names a region: "back of the wrist and hand" is the back of the wrist
       and the back of the hand, "front of the thigh and knee" the front of each.
       Of the regions found, one that encloses another found region is dropped
       ("headache at the temple" is the temple, not the head and the temple).

    Args:
        phrase: "pain down the outside of my thigh to the ankle", "left shoulder
            blade", "sits bone", ...
        atlas: The atlas to resolve against (default: the packaged one).

    Returns:
        The resolved place.

    Raises:
        UnknownIdError: The phrase names no region; close region words are suggested.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.resolve_place("pain down the outside of my thigh to the ankle").regions
        ('region:lateral-thigh', 'region:ankle')
        >>> place = tp.resolve_place("Left shoulder blade")
        >>> (place.regions, place.side)
        (('region:scapula',), 'left')
    """
    atlas = load() if atlas is None else atlas
    text = phrase if isinstance(phrase, str) else ""
    side = _side(normalize(text).split())
    exact = atlas.find(text, kind="region")
    if len(exact) == 1:
        return Place(phrase=phrase, regions=exact, side=side)
    parts = _coordinated(text, atlas)
    if parts is None:
        regions, leftover = _segment(place_tokens(text), atlas)
    else:
        regions, leftover = [], []
        for part in parts:
            found, left = _segment(part, atlas)
            regions += found
            leftover += left
    if not regions:  # the error works out what the phrase may have meant only if it is read
        raise atlas.names.unknown("region", str(phrase), ("region",))
    enclosing = {ancestor.id for found in regions for ancestor in atlas.ancestors_of(found)}
    specific = tuple(dict.fromkeys(found for found in regions if found not in enclosing))
    return Place(phrase=phrase, regions=specific, side=side, leftover=tuple(leftover))


_DIRECTION_WORDS = frozenset(DIRECTIONS.values())


def _coordinated(text: str, atlas: Atlas) -> list[list[str]] | None:
    """The place words of each "and"-joined part, with directions carried over; None if nothing carries.

    A part with no direction word takes the direction words of the last part that had
    some, when together they name exactly one region.
    """
    parts = [place_tokens(part) for part in normalize(text).split(" and ")]
    if len(parts) < 2:
        return None
    carried = False
    directions: list[str] = []
    for number, words in enumerate(parts):
        own = [word for word in words if word in _DIRECTION_WORDS]
        if own:
            directions = own
        elif words and directions and len(atlas.places.get(frozenset([*directions, *words]), ())) == 1:
            parts[number] = [*directions, *words]
            carried = True
    return parts if carried else None


def _side(words: list[str]) -> Side | None:
    """The side a phrase names: left, right, both (both words, or "both"), or none."""
    sides = {SIDES[word] for word in words if word in SIDES}
    if not sides:
        return None
    if len(sides) > 1 or "both" in sides:
        return "both"
    return "left" if "left" in sides else "right"


def _segment(tokens: list[str], atlas: Atlas) -> tuple[list[str], list[str]]:
    """Greedy longest-match split of place words into regions, left to right."""
    regions: list[str] = []
    leftover: list[str] = []
    start = 0
    while start < len(tokens):
        for end in range(len(tokens), start, -1):
            run = tokens[start:end]
            ids = atlas.places.get(frozenset(run), frozenset()) if len(set(run)) == len(run) else frozenset()
            if len(ids) == 1:
                regions.extend(ids)
                start = end
                break
        else:
            leftover.append(tokens[start])
            start += 1
    return regions, leftover
