"""Resolving a person's words for where it hurts ("sits bone", "back molar") to regions.

:func:`resolve_place` reads one phrase on the packaged atlas, or on an atlas you pass;
the reader itself is in :mod:`triggerpoints._reading`.
"""

from __future__ import annotations

from triggerpoints._atlas import Atlas
from triggerpoints._limits import check_text
from triggerpoints._load import load
from triggerpoints._reading import Place, Side, read_place

__all__ = ["Place", "Side", "resolve_place"]


def resolve_place(phrase: str, *, atlas: Atlas | None = None) -> Place:
    """Read a pain phrase, as people say it, as body regions.

    The reader is deterministic:

    1. The whole phrase as an id, a region name or an alias ("sits bone",
       "golfer's elbow", "region:lateral-leg"), after normalization.
    2. Otherwise the phrase is cut into clauses at punctuation. In a clause, what
       follows "not", "no", "without", "doesn't", ... is free of pain (``absent``) up
       to "but" or the clause's end ("usually not into the foot"), and a negation
       or "is fine" with only filler after it frees the place before it ("my neck
       doesn't hurt"); what follows a verb of movement ("can't *turn my head*") is
       not in pain, and is ignored up to the next separator; so is what a person
       sits or leans on in a circumstance ("when I sit *on my heels*"), unless the
       phrase names no other place.
    3. The rest is cut into places at separators ("and", "to", "into", "spreading",
       ...). In each place, filler ("pain", "my", "the", ...) and side words are
       dropped and direction words made canonical (outside/outer → lateral,
       inside/inner → medial, front → anterior, back-of/behind → posterior, top/upper
       → upper, low/lower → lower); "back" is the back itself unless another place
       word follows it ("lower back", but "back of the knee", "back molar"). Head
       words name a body part; direction words never name a region alone. Runs of
       words are matched greedily, longest first, to the place words of one region's
       name or alias (a level word may be added: "back of my arm" is the back of the
       upper arm); up to three words that start no match ("outer", "ulnar", "plantar
       aspect of") narrow the next match if they can, and are ignored if not ("front
       teeth" is the teeth); "anterolateral" and its kind are two directions; "bi"
       before a place word is both sides ("bitemporal").
    4. "between X and Y" is the region named as the space between them ("between
       thumb and index finger" is the web of the thumb). A direction word carries
       over "and" to a bare place that follows ("back of the wrist and hand"), and
       modifiers before "and" take the next place's body part ("little and ring
       fingers").
    5. Two regions read from one place whose zones do not meet on the body are one
       body part and a word about it: with "of" between them the second is the part
       ("head of the first metatarsal"), without it the first ("butt cheek", "toe
       knuckles"); a body part directly before "side of" names a side of the next
       ("thumb side of the wrist" is the wrist). Of the regions found, one that encloses another is
       dropped.
    6. A phrase that reads as no region may be the beginning of one region's name
       ("zygomatic"), or a muscle's name or the beginning of one ("zygomaticus"),
       read as the regions where its trigger points lie on the body map; the
       beginning of several names is ambiguous. In a phrase of several places, a
       part that names no region but one muscle is read so too ("neck and upper
       trapezius"), with a warning.

    The reading keeps the words it used and those it ignored, and warns when the
    phrase names the whole body or a broad area.

    Reading takes time linear in the phrase's length; a phrase is at most
    ``MAX_QUERY_LENGTH`` (1,000) characters.

    Args:
        phrase: "pain down the outside of my thigh to the ankle", "left shoulder
            blade", "sits bone", ...
        atlas: The atlas to read against (default: the packaged one).

    Returns:
        The reading.

    Raises:
        UnknownIdError: The phrase names no region, painful or not; region words close
            to the phrase, or else to a word of it that was not placed, are suggested.
        AmbiguousKeyError: The phrase is the beginning of several names.
        InputTooLargeError: The phrase is longer than the limit; it is refused, not cut.

    Examples:
        >>> import triggerpoints as tp
        >>> tp.resolve_place("pain down the outside of my thigh to the ankle").regions
        ('region:lateral-thigh', 'region:ankle')
        >>> place = tp.resolve_place("Left shoulder blade")
        >>> (place.regions, place.side)
        (('region:scapula',), 'left')
        >>> place = tp.resolve_place("down the outside of the leg, not into the foot")
        >>> place.regions, place.absent
        (('region:lateral-leg',), ('region:foot',))
        >>> tp.resolve_place("back molar").describe()
        "read 'back molar' as Teeth; ignored 'back'"
    """
    check_text("pain phrase", phrase)
    atlas = load() if atlas is None else atlas
    place = read_place(phrase, atlas)
    if not place.regions and not place.absent:  # the error works out suggestions only if they are read
        raise atlas.names.unknown("region", str(phrase), ("region",), place.ignored)
    return place
