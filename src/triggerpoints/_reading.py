"""Reading a pain phrase as people say it: the regions it names, and how it was read.

The reader works on body structure, not on word fragments. A phrase is cut into clauses
at punctuation and into places at words such as "and", "to" and "into"; in each place a
*head word* names a body part ("thigh", "molar", "kneecap"), and direction words
("outside", "back of", "upper") narrow it only within that part: they never name a
region alone. See :func:`read_place` for the rules.
"""

from __future__ import annotations

import re
import threading
from types import MappingProxyType

from triggerpoints._atlas import Atlas
from triggerpoints._phrase import Found
from triggerpoints._place import Place, Side
from triggerpoints._reader import Reader
from triggerpoints._text import (
    CONTRASTS,
    DIRECTIONS,
    FILLER,
    MOVEMENTS,
    NEGATIONS,
    SEPARATORS,
    SIDES,
)
from triggerpoints.exceptions import AmbiguousKeyError

__all__ = ["Place", "Side", "read_place"]

_CLAUSES = re.compile(r"[,;:/()\[\]{}.!?\"]+")
_BROAD_DEPTH = 1  # the body's direct parts (head, trunk, limbs) ...
_BROAD_PARTS = 10  # ... with many parts of their own are broad areas


_LOCK = threading.Lock()
_READERS: dict[int, tuple[Atlas, Reader]] = {}


def _reader_for(atlas: Atlas) -> Reader:
    found = _READERS.get(id(atlas))
    if found is not None and found[0] is atlas:
        return found[1]
    with _LOCK:
        if len(_READERS) >= 8:
            _READERS.pop(next(iter(_READERS)))
        made = _READERS[id(atlas)] = (atlas, Reader(atlas))
    return made[1]


def read_place(phrase: str, atlas: Atlas) -> Place:
    """Read a pain phrase; see :func:`triggerpoints.resolve_place` for the rules.

    Returns:
        The reading; its ``regions`` and ``absent`` may both be empty.

    Raises:
        AmbiguousKeyError: The phrase is the start of the names of several muscles or regions.
    """
    text = phrase if isinstance(phrase, str) else ""
    reader = _reader_for(atlas)
    words = reader.words(text)
    side = _side(words)
    exact = atlas.find(text, kind="region")
    found = Found()
    if len(exact) == 1:
        found.regions = list(exact)
        found.reuse(w for w in words if w not in FILLER and w not in SIDES)
    else:
        _read_clauses(reader, text, found)
    content = [w for w in words if w not in FILLER and w not in SIDES and w not in DIRECTIONS]
    if not found.regions and not found.absent and content:
        _read_partial(reader, " ".join(words if len(content) == len(words) else content), found)
    return _place(reader, text, side, found)


def _read_clauses(reader: Reader, text: str, found: Found) -> None:
    """Each clause: places before a negation hurt; after it, up to "but", they do not; moved parts are skipped."""
    for clause in _CLAUSES.split(text):
        words = reader.words(clause)
        state, run = "pain", list[str]()
        for word in [*words, ""]:
            if word in NEGATIONS or word in CONTRASTS or word in MOVEMENTS or not word:
                regions = reader.places(run, found) if run else []
                if state == "moved":
                    found.ignored += [w for w in run if w not in FILLER and w not in SIDES]
                    found.drop(run)
                else:
                    (found.absent if state == "not" else found.regions).extend(regions)
                run = []
                if word in NEGATIONS:
                    state = "not"
                elif word in CONTRASTS:
                    state = "pain"
                elif word in MOVEMENTS:
                    state, run = ("moved" if state != "not" else "not"), []
                    found.ignored.append(word)
            elif state == "moved" and word in SEPARATORS:
                found.ignored += [w for w in run if w not in FILLER and w not in SIDES]
                state, run = "pain", [word]
            else:
                run.append(word)


def _read_partial(reader: Reader, key: str, found: Found) -> None:
    """A phrase that starts the name of one region, or names a muscle: where that muscle lies."""
    if len(key) < 4:
        return
    atlas = reader.atlas
    names = atlas.indexes.names
    regions = {rid for word, ids in names["region"].items() if word.startswith(key) for rid in ids}
    if len(regions) > 1:
        raise AmbiguousKeyError(key, sorted(atlas.indexes.display[r] for r in regions))
    if regions:
        found.regions = sorted(regions)
        found.reuse(key.split())
        return
    muscles = reader.muscles_named(key)
    if len(muscles) > 1:
        raise AmbiguousKeyError(key, sorted(atlas.indexes.display[m] for m in muscles))
    for muscle in muscles:
        found.regions = reader.muscle_sites(muscle)
        if found.regions:
            found.reuse(key.split())
            found.warnings.append(reader.muscle_warning(key, muscle))


def _place(reader: Reader, text: str, side: Side | None, found: Found) -> Place:
    """The reading: enclosing regions dropped for the ones inside them, warnings for broad areas."""
    ancestors = reader.atlas.indexes.ancestors
    regions = tuple(dict.fromkeys(found.regions))
    absent = tuple(dict.fromkeys(r for r in found.absent if r not in regions))
    display = reader.atlas.indexes.display
    for region in regions:
        if not ancestors[region]:
            found.warnings.append(
                f"{display[region]} is the whole body: any muscle fits, so the ranking can only prefer the widest "
                "patterns; name the places that hurt most"
            )
        elif len(ancestors[region]) <= _BROAD_DEPTH and len(reader.atlas.indexes.descendants[region]) >= _BROAD_PARTS:
            found.warnings.append(f"{display[region]} is a broad area: name the part that hurts most")
    used = tuple(dict.fromkeys(found.kept()))
    said = set(used)
    return Place(
        phrase=text,
        regions=regions,
        side=side,
        absent=absent,
        used=used,
        ignored=tuple(dict.fromkeys(w for w in found.ignored if w not in said)),
        warnings=tuple(dict.fromkeys(found.warnings)),
        names=MappingProxyType({region: display[region] for region in (*regions, *absent)}),
    )


def _side(words: list[str]) -> Side | None:
    """The side a phrase names: left, right, both (both words, or "both"), or none."""
    sides = {SIDES[word] for word in words if word in SIDES}
    if not sides:
        return None
    if len(sides) > 1 or "both" in sides:
        return "both"
    return "left" if "left" in sides else "right"
