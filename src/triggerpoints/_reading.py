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
from triggerpoints._phrase import Found, split_parts
from triggerpoints._place import Place, Side
from triggerpoints._reader import Reader
from triggerpoints._text import (
    CANONICAL_DIRECTIONS,
    CIRCUMSTANCES,
    CONTRASTS,
    DIRECTIONS,
    FILLER,
    GLUE,
    MOVEMENTS,
    NEGATIONS,
    PAIN_WORDS,
    PATH_VERBS,
    SEPARATORS,
    SIDES,
    place_tokens,
)
from triggerpoints.exceptions import AmbiguousKeyError

__all__ = ["Place", "Side", "read_place"]

_FINE = frozenset("fine okay ok alright normal unaffected good spared".split())  # "my knee is fine"
_COPULAS = frozenset("is are was were feels feel seems seem stays".split())
# A circumstance runs on over "to", "from", "with" ("when I sit *next to the spine*"), up to
# a list word or a verb of pain moving on.
_CIRCUMSTANCE_ENDS = frozenset({"and", "or", "then", "also", "plus"}) | PATH_VERBS
_NOT_MOVED = frozenset("of over down forward forwards backward backwards up".split())
_SEAT_WORDS = 6  # words after "on" that may name a seat, at most ("on the back of my head")
_SEAT_GLUE = frozenset("one".split())
# Words that make a circumstance's place one that hurts ("... when I walk *my hip hurts too*").
_PAIN_WORDS = PAIN_WORDS | frozenset(
    "stiff stiffness burns throbs tingling tingles numb numbness cramping cramps too also".split()
)
_BODY_OR_DIRECTION = frozenset("back backs side sides bottom".split())
_OBJECT_MARKERS = frozenset("on onto over against across under beneath underneath".split())
_AFTER_BACK_AGAIN = frozenset({None, "in", "on", "at", "again", "now", "today", "and", "but", "to", "with"})
_LIST_AFTER = frozenset({"and", "or"})
_COMING = frozenset("coming comes came come".split())  # "keeps coming back"
_COPULA_NEGATIONS = frozenset("isnt arent wasnt werent".split())
# Negations that may end a statement about the place before them ("my neck *doesn't*").
_POST_NEGATIONS = _COPULA_NEGATIONS | frozenset("not doesnt dont didnt".split())
_NEGATING_PAIRS = frozenset({("apart", "from")})  # "apart from my thumb", but "falling apart"
_PAIN_UNSAID = _PAIN_WORDS - {"too", "also"} | {"at", "all", "really", "any", "anymore"}
_UNSAID = frozenset("do does did bother bothers bothering anymore any more much too either really now".split())
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
        circumstances: list[tuple[list[str], Found]] = []
        _read_clauses(reader, text, found, circumstances)
        _settle(found, circumstances)
    named = [w for w in words if w not in FILLER and w not in SIDES]
    content = [w for w in named if w not in DIRECTIONS]
    if not found.regions and not found.absent and content:
        # A muscle's whole name keeps its direction words ("tibialis anterior").
        whole = " ".join(named)
        named_muscle = whole in atlas.indexes.names["muscle"]
        key = whole if named_muscle else " ".join(words if len(content) == len(words) else content)
        _read_partial(reader, key, found, exact=named_muscle)
    return _place(reader, text, side, found)


def _read_clauses(reader: Reader, text: str, found: Found, circumstances: list[tuple[list[str], Found]]) -> None:
    """Each clause: places before a negation hurt; after it, up to "but", they do not; moved parts are skipped.

    A circumstance ("when I sit on my heels"), up to "and", "or" or a verb of pain moving
    on, says when it hurts, not where: after a place that hurts, its places are kept apart
    in ``circumstances`` for :func:`_settle`. Before any such place, or with a word of
    pain of its own ("... and when I walk *my hip hurts*"), it may name the place that
    hurts: only what the person sits or leans on (the place after "on", "over",
    "against", ...) is kept apart.
    """
    fine_said = False  # "my neck is fine but my shoulder is not": the shoulder is not fine
    for clause in _CLAUSES.split(text):
        words = reader.words(clause)
        words = _without_back_again(reader, words, found)
        state, run = "pain", list[str]()
        for number, word in enumerate([*words, ""]):
            following = words[number + 1] if number + 1 < len(words) else ""
            # "the bend of my elbow" is a place; "when I bend over" moves no named part
            moves = word in MOVEMENTS and following not in _NOT_MOVED
            negates = word in NEGATIONS or (word, following) in _NEGATING_PAIRS
            # (whether the word before is a place: looked at for a negation only, so linear)
            after_place = word in NEGATIONS and number > 0 and reader.is_place_word(words[number - 1])
            if state == "pain" and run and _says_free(words, number, after_fine=fine_said, after_place=after_place):
                # "my back hurts and *my neck doesn't*", "but my knee is fine": the last place
                # before it is free of pain.
                cut = _last_place(reader, run)
                _end_run(reader, "pain", run[:cut], found, circumstances)
                _end_run(reader, "not", run[cut:], found, circumstances)
                found.ignored.append(word)
                fine_said = fine_said or word in _FINE
                run = []
                continue
            if negates or word in CONTRASTS or moves or word in CIRCUMSTANCES or not word:
                _end_run(reader, state, run, found, circumstances)
                run = []
                if negates:
                    state = "not"
                elif word in CONTRASTS:
                    state = "pain"
                elif moves or word in CIRCUMSTANCES:
                    after = "circumstance" if found.regions else "leading"
                    state = ("moved" if moves else after) if state != "not" else "not"
                    found.ignored.append(word)
            elif (state == "moved" and word in SEPARATORS) or (
                state in ("circumstance", "leading") and word in _CIRCUMSTANCE_ENDS
            ):
                _end_run(reader, state, run, found, circumstances)
                state, run = "pain", [word]
            else:
                run.append(word)


def _last_place(reader: Reader, run: list[str]) -> int:
    """Where the last place of a run starts: after its last separator, unless a name runs across it.

    "my back hurts and *my neck*"; but "*between my thumb and index finger*" and "*next
    to the spine*" are one place each.
    """
    if "between" in run:
        return run.index("between")
    parts = reader.bound(split_parts(run))
    return len(run) - (len(parts[-1]) - (1 if parts[-1][0] == "" else 0)) if len(parts) > 1 else 0


def _says_free(words: list[str], number: int, *, after_fine: bool = False, after_place: bool = False) -> bool:
    """Word ``number`` says the place before it is free of pain: "doesn't (hurt)", "is fine".

    Only where nothing but filler follows it up to the clause's end or a contrast ("my knee
    doesn't hurt but ..."); a negation followed by a place negates that place instead. A
    bare "is not" or "isn't" at the end negates what was said before: after "is fine" the
    place hurts ("my neck is fine but my shoulder *is not*"), else it does not ("my
    shoulder hurts but my neck *isn't*").
    """
    word = words[number] if number < len(words) else ""
    copula = number > 0 and words[number - 1] in _COPULAS
    # "my neck doesn't"; "neck negative", "my knee never hurts" only right after the place
    # ("my knee xray was negative but it hurts", "neck pain nothing more" free nothing)
    verbal = word in _POST_NEGATIONS or (word in _FINE and copula)
    if not (verbal or (word in NEGATIONS and after_place)):
        return False
    unsaid = _UNSAID if verbal else _PAIN_UNSAID  # "my knee no *sharp* pain" says how, not whether
    said = False
    for later in range(number + 1, len(words)):  # by position, stopping early: no copy of the rest
        if words[later] in CONTRASTS:
            break
        if (words[later] not in FILLER or not verbal) and words[later] not in unsaid:
            return False
        said = True
    return said or not after_fine or not (word in _COPULA_NEGATIONS or (word == "not" and copula))


def _end_run(
    reader: Reader, state: str, run: list[str], found: Found, circumstances: list[tuple[list[str], Found]]
) -> None:
    """Read the words of one run into the reading, as its state says."""
    if state == "moved":
        found.ignored += [w for w in run if w not in FILLER and w not in SIDES]
        found.drop(run)
    elif state == "circumstance" and not _PAIN_WORDS.intersection(run):
        apart = Found()
        apart.regions = reader.places(run, apart) if run else []
        circumstances.append((run, apart))
    elif state in ("circumstance", "leading"):
        # "when I sit *on my heels* my knee hurts": the seat is kept apart, the rest hurts.
        start = 0
        for mark in [n for n, w in enumerate(run) if w in _OBJECT_MARKERS]:
            if mark < start:
                continue
            if run[start:mark]:
                found.regions.extend(reader.places(run[start:mark], found))
            start = _seat_end(reader, run, mark)
            apart = Found()
            apart.regions = reader.places(run[mark:start], apart)
            circumstances.append((run[mark:start], apart))
        if run[start:]:
            found.regions.extend(reader.places(run[start:], found))
    elif run:
        (found.absent if state == "not" else found.regions).extend(reader.places(run, found))


def _without_back_again(reader: Reader, words: list[str], found: Found) -> list[str]:
    """The words without a "back" that means "again": "my knee pain *is back*", "it is back in my knee".

    After "coming", "came", ...; after "is", "was", ... only at a clause's end or before
    "in", "now", "and", "to", ..., and only where what is back is pain or a place named
    before ("there is back and neck pain" keeps it).
    """
    if "back" not in words:
        return words
    kept: list[str] = []
    said = False  # pain, "it" or a place was named before
    for number, word in enumerate(words):
        following = words[number + 1] if number + 1 < len(words) else None
        # "the pain is back and neck" lists the back; "... is back and my neck hurts" does not
        listed = following in _LIST_AFTER and number + 2 < len(words) and reader.is_place_word(words[number + 2])
        again = said and following in _AFTER_BACK_AGAIN and not listed
        if (
            word == "back"
            and number > 0
            and (words[number - 1] in _COMING or (words[number - 1] in _COPULAS and again))
        ):
            found.ignored.append(word)
            continue
        said = said or word in _PAIN_WORDS or word in ("it", "its") or reader.is_place_word(word)
        kept.append(word)
    return kept


def _seat_end(reader: Reader, run: list[str], mark: int) -> int:
    """Where the place after "on" (at ``mark``) ends: its direction words and its body part.

    "on *my left side*", "on *the back of my head*", "on *one leg*", "on *the outer edge of
    my foot*", "on *my big toe*"; a word that is a body part unless "of" follows ("back",
    "side", "bottom") ends it when no "of" follows.
    """
    end = mark + 1
    while end < len(run) and end - mark <= _SEAT_WORDS:
        word = run[end]
        end += 1
        of_next = run[end : end + 1] == ["of"]
        modifier = word in DIRECTIONS and (word not in _BODY_OR_DIRECTION or of_next)
        if word in GLUE or word in SIDES or word in _SEAT_GLUE or modifier or of_next:
            continue
        pair = place_tokens(f"{word} {run[end]}") if end < len(run) else []
        if len(pair) == 2 and not CANONICAL_DIRECTIONS.intersection(pair) and reader.match(pair):
            end += 1  # a body part of two words ("big toe", "shoulder blade"), not "back neck"
        break
    return end


def _settle(found: Found, circumstances: list[tuple[list[str], Found]]) -> None:
    """What a circumstance's person sits or leans on hurts only in a phrase that names no other place."""
    if not circumstances:
        return
    if found.regions or found.absent:
        found.ignored += [w for run, _ in circumstances for w in run if w not in FILLER and w not in SIDES]
        return
    for _, apart in circumstances:
        found.regions += apart.regions
        found.used += apart.kept()
        found.ignored += apart.ignored
        found.warnings += apart.warnings
    found.ignored = [w for w in found.ignored if w not in CIRCUMSTANCES]


def _read_partial(reader: Reader, key: str, found: Found, *, exact: bool = False) -> None:
    """A phrase that starts the name of one region, or names a muscle: where that muscle lies.

    A beginning must have four letters or more; a muscle's whole name or alias may be
    shorter ("QL").
    """
    if len(key) < 4 and not exact:
        return
    atlas = reader.atlas
    names = atlas.indexes.names
    regions = {rid for word in reader.beginning("region", key) for rid in names["region"][word]}
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
    # A side right after a negation is the side that does not hurt ("left knee, not the right").
    sides = {
        SIDES[word]
        for n, word in enumerate(words)
        if word in SIDES
        and not (
            (n > 0 and words[n - 1] in NEGATIONS) or (n > 1 and words[n - 1] in GLUE and words[n - 2] in NEGATIONS)
        )
    }
    if not sides:
        return None
    if len(sides) > 1 or "both" in sides:
        return "both"
    return "left" if "left" in sides else "right"
