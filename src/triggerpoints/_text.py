"""How text is compared: case folding, accent folding and close matches.

Every name, alias and query goes through :func:`normalize` before it is compared, so
``"Glute Max"``, ``"glute-max"`` and ``"GLUTE  MAX"`` are the same key, and so are
``"golfer's elbow"`` and ``"golfers elbow"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "ABBREVIATIONS",
    "CANONICAL_DIRECTIONS",
    "CIRCUMSTANCES",
    "CONNECTIVES",
    "CONTRASTS",
    "DIRECTIONS",
    "FILLER",
    "GLUE",
    "MOVEMENTS",
    "NEGATIONS",
    "PAIN_WORDS",
    "PATH_VERBS",
    "QUALIFIERS",
    "SEPARATORS",
    "SIDES",
    "SYNONYMS",
    "TERM_FILLER",
    "Similarity",
    "close_matches",
    "normalize",
    "place_tokens",
    "place_words",
    "similarity",
    "singular",
]

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalize(text: str) -> str:
    """Return the comparison key of ``text``.

    Case-folds, strips accents, drops apostrophes, turns every other run of
    punctuation or space into one space, and trims. Not cached: the indexes hold
    the normalized words of a dataset, so only queries are normalized at run time.

    Args:
        text: Any text.

    Returns:
        The key: lower-case ASCII letters and digits separated by single spaces.

    Examples:
        >>> from triggerpoints._text import normalize
        >>> normalize("  Golfer\u2019s \u00c9lbow ")
        'golfers elbow'
        >>> normalize("region:lateral-leg")
        'region lateral leg'
    """
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", folded)).strip()


def close_matches(key: str, candidates: Iterable[str], *, limit: int = 3, cutoff: float = 0.6) -> list[str]:
    """Return the candidates that look most like ``key``, best first.

    Both ``key`` and the candidates are expected to be normalized already. Ties keep
    the candidates' order.

    Args:
        key: A normalized query.
        candidates: Normalized keys to choose from.
        limit: At most this many are returned.
        cutoff: The lowest similarity ratio (0 to 1) worth suggesting.

    Returns:
        Up to ``limit`` candidates.

    Examples:
        >>> from triggerpoints._text import close_matches
        >>> close_matches("sits bon", ["sits bone", "shin", "sacrum"])
        ['sits bone']
    """
    import difflib  # noqa: PLC0415 - only suggestions and fuzzy search need it

    return difflib.get_close_matches(key, list(candidates), n=limit, cutoff=cutoff)


def similarity(query: str, candidate: str) -> float:
    """Score how well a normalized ``candidate`` matches a normalized ``query``.

    The tiers, so that a better kind of match always outranks a worse one:

    ============================================  =====================
    match                                         score
    ============================================  =====================
    identical                                     1.0
    the candidate starts with the query           0.9
    every query word starts a candidate word      0.8
    spelling close enough (difflib ratio r>=0.6)  0.7 * r
    otherwise                                     0.0
    ============================================  =====================

    To score many candidates against one query, make one :class:`Similarity` and call it.

    Args:
        query: A normalized query.
        candidate: A normalized name or alias.

    Returns:
        A score from 0 to 1.

    Examples:
        >>> from triggerpoints._text import similarity
        >>> similarity("glute", "glute max")
        0.9
        >>> similarity("max glute", "glute max")
        0.8
    """
    return Similarity(query)(candidate)


class Similarity:
    """:func:`similarity` against one query, for scoring many candidates.

    The query's words and letters are worked out once, and one
    :class:`difflib.SequenceMatcher` is kept with the query as its second sequence (the
    one it indexes), so each candidate costs a cheap bound check and, only when the
    bounds allow a close spelling, one ratio.

    Examples:
        >>> from triggerpoints._text import Similarity
        >>> score = Similarity("max glute")
        >>> score("glute max"), score("piriformis")
        (0.8, 0.0)
    """

    __slots__ = ("_counts", "_letters", "_matcher", "_parts", "_query")

    def __init__(self, query: str) -> None:
        import difflib  # noqa: PLC0415 - only suggestions and fuzzy search need it

        self._query = query
        self._parts = query.split()
        self._letters = tuple(sorted(set(query)))
        self._counts = tuple(query.count(letter) for letter in self._letters)
        self._matcher = difflib.SequenceMatcher(None)
        self._matcher.set_seq2(query)

    def __call__(self, candidate: str) -> float:  # noqa: PLR0911 - one return per tier reads best
        """The score of ``candidate`` against the query (see :func:`similarity`)."""
        query = self._query
        if not query or not candidate:
            return 0.0
        if query == candidate:
            return 1.0
        if candidate.startswith(query):
            return 0.9
        # Every query word starts a candidate word: tested with substring searches, which
        # run in C, before any splitting.
        spaced = " " + candidate
        if all(" " + part in spaced for part in self._parts):
            return 0.8
        # Upper bounds of the ratio 2M/T: the shorter length bounds the matches M, and
        # so do the characters the two share; most candidates fail one before the ratio.
        total = len(query) + len(candidate)
        if 2 * min(len(query), len(candidate)) < 0.6 * total:
            return 0.0
        # The characters the two have in common, counted with repeats (difflib's
        # quick_ratio), worked out in C: each of the query's letters counted in the candidate.
        if 2 * sum(map(min, map(candidate.count, self._letters), self._counts)) < 0.6 * total:
            return 0.0
        matcher = self._matcher
        matcher.set_seq1(candidate)
        ratio = matcher.ratio()
        return round(0.7 * ratio, 6) if ratio >= 0.6 else 0.0


#: Words that join places and carry nothing else ("thigh *to* the ankle").
CONNECTIVES = frozenset(
    "and or to into onto toward towards till until then plus also from with while when where".split()
)

#: Verbs of pain moving on ("*radiating* to the ankle"): they join places, and they may name
#: an activity or a symptom ("reaching", "running", "shooting pain").
PATH_VERBS = frozenset(
    """
    spreading spreads radiating radiates running runs going goes reaching reaches extending extends
    travels travelling traveling shooting shoots radiate radiated travel traveled travelled
    """.split()
)

#: Words that end one place in a phrase and may start the next.
SEPARATORS = CONNECTIVES | PATH_VERBS

#: Words skipped when looking at the word after a direction ("back *of my* thigh").
GLUE = frozenset("of the my his her their your our a an this that these those left right both bilateral".split())

#: Words that make what follows them, up to the end of the clause, a place without pain.
NEGATIONS = frozenset(
    """
    not no never nothing none neither nor without except sparing spares doesnt dont didnt isnt arent wasnt werent
    deny denies denied negative
    """.split()
)

#: Words that start a circumstance ("pain in my knee *when* I sit on my heels"): a body part
#: named in it is where the person is or what they do, not where it hurts, unless the
#: phrase names no other place ("pain *when* swallowing in my throat").
CIRCUMSTANCES = frozenset("when whenever while if".split())

#: Words that end the reach of a negation ("not in the foot *but* in the ankle").
CONTRASTS = frozenset("but though although yet however instead".split())

#: Verbs of movement: the body part they govern is moved, not in pain ("can't *turn* my head").
MOVEMENTS = frozenset(
    """
    turn turning turned move moving moved lift lifting lifted raise raising raised bend bending bent
    straighten straightening rotate rotating tilt tilting nod nodding open opening clench clenching
    """.split()
)

#: Words for the course and extent of pain ("chronic", "diffuse"): no place, though they
#: may be part of an activity's or a symptom's name ("sudden twisting").
QUALIFIERS = frozenset(
    """
    acute chronic constant diffuse intermittent localised localized mild moderate persistent recurrent severe
    sudden
    """.split()
)

#: Words for pain itself ("it *hurts*", "*tender*"): filler for places, but they say a place hurts.
PAIN_WORDS = frozenset(
    """
    pain pains painful ache aches aching achy hurt hurts hurting sore soreness tender tenderness discomfort
    burning throbbing
    """.split()
)

#: Words that carry no place: they are dropped from phrases and aliases alike.
FILLER = (
    frozenset(
        """
        a an the my his her their your our this that these those of in on at all way whole some
        sometimes often usually mostly mainly especially occasionally also just very really quite
        slightly feel feels felt feeling sensation sharp dull nagging down up along across through
        over as far area region part i have has get gets muscle muscles aspect aspects
        """.split()
    )
    | PAIN_WORDS
    | SEPARATORS
    | QUALIFIERS
)

#: Filler in an activity or symptom phrase: the same, except the verbs of pain moving on,
#: the qualifiers and "over", which may be part of the activity or the symptom itself
#: ("reaching", "sudden", "turning over in bed").
TERM_FILLER = FILLER - PATH_VERBS - QUALIFIERS - {"over"}

#: Direction words and their canonical form ("back" and "rear" only before another place word:
#: "back of the thigh", but "lower back"; "side" only where no direction word precedes it).
DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(("outside", "outer", "lateral", "laterally", "side", "sides"), "lateral"),
    **dict.fromkeys(("inside", "inner", "medial", "medially"), "medial"),
    **dict.fromkeys(("front", "anterior", "anteriorly", "frontal"), "anterior"),
    **dict.fromkeys(("back", "rear", "posterior", "posteriorly", "behind"), "posterior"),
    **dict.fromkeys(("upper", "top"), "upper"),
    **dict.fromkeys(("lower", "low"), "lower"),
}

#: Words with one canonical spelling among place words ("little finger" = "small finger").
SYNONYMS: dict[str, str] = {
    "little": "small",
    "pinkie": "pinky",
    "mid": "middle",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    **dict.fromkeys(("under", "underneath", "beneath"), "underside"),  # "under my heel": its underside
}

#: Abbreviations of case notes spelled out before a phrase is read ("RUQ pain").
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "ruq": ("right", "upper", "quadrant"),
    "luq": ("left", "upper", "quadrant"),
    "rlq": ("right", "lower", "quadrant"),
    "llq": ("left", "lower", "quadrant"),
}

#: Side words and the side they name ("l" and "r" as in case notes: "R shoulder pain").
SIDES: dict[str, str] = {
    **dict.fromkeys(("left", "lt", "l"), "left"),
    **dict.fromkeys(("right", "rt", "r"), "right"),
    **dict.fromkeys(("both", "bilateral", "bilaterally", "bilat"), "both"),
}


def singular(word: str) -> str:
    """Return a crude singular of an English body word ("thighs" -> "thigh").

    Examples:
        >>> from triggerpoints._text import singular
        >>> [singular(word) for word in ("thighs", "buttocks", "gluteus", "pelvis", "glass", "ribs")]
        ['thigh', 'buttock', 'gluteus', 'pelvis', 'glass', 'rib']
        >>> [singular(word) for word in ("arches", "pinkies", "feet", "toes", "knees", "headaches")]
        ['arch', 'pinky', 'foot', 'toe', 'knee', 'headache']
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes")) and not word.endswith("aches"):
        return word[:-2]  # "arches", but "headaches"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_IRREGULAR = {"feet": "foot"}


def place_words(words: list[str]) -> list[str | None]:
    """Return the canonical place word of each normalized word, or ``None`` for filler and sides.

    Direction words become one canonical form (``outside`` and ``outer`` become
    ``lateral``). "back" is a direction only when another place word follows it (after
    "of", "the", "my", ...): "back of the thigh" and "back teeth", but "lower back" and
    "back pain". "side" after a direction word adds nothing ("outer side"), nor after a
    side of the body ("on the right side", "both sides of"). "over" is a place word only
    in "all over". Synonyms are made one and plurals singular.

    Examples:
        >>> from triggerpoints._text import place_words
        >>> place_words("back of my thigh and lower back".split())
        ['posterior', None, None, 'thigh', None, 'lower', 'back']
        >>> place_words("tender over the sacrum".split()), place_words("hurts all over".split())
        ([None, None, None, 'sacrum'], [None, None, 'over'])
    """
    tokens: list[str | None] = []
    previous: str | None = None
    for number, word in enumerate(words):
        token: str | None
        if word == "over" and number > 0 and words[number - 1] == "all":
            token = word  # "over" is filler ("tender over the sacrum"), but "all over" is the body
        elif word in FILLER or word in SIDES:
            token = None
        elif word == "backs":  # "the backs of my knees"; but "my back's killing me"
            token = "posterior" if words[number + 1 : number + 2] == ["of"] else "back"
        elif word in _NOUN_OR_DIRECTION:
            token = _back_or_side(_NOUN_OR_DIRECTION[word], words, number, previous)
        else:
            one = singular(word)  # "the *tops* of my feet"
            token = DIRECTIONS.get(word) or DIRECTIONS.get(one) or SYNONYMS.get(word) or one
        tokens.append(token)
        if token is not None:
            previous = token
    return tokens


#: The canonical direction words ("lateral", "posterior", "upper", ...).
CANONICAL_DIRECTIONS = frozenset(DIRECTIONS.values())


#: Words that are a body part or a direction by what follows them, in their singular form.
_NOUN_OR_DIRECTION = {"back": "back", "side": "side", "sides": "side", "bottom": "bottom"}
#: Words after which "back" is an adverb ("my knee pain *is back*", "keeps *coming back*").
#: Words before "the" that make a "back" after a place a direction ("knee *at the back*").
_AT = frozenset("at on from".split())


def _back_or_side(word: str, words: list[str], number: int, previous: str | None) -> str | None:
    if word == "side":
        # "outer side" adds nothing to "outer"; "pain in my knee on the right side" names the
        # side of the body (but "the left side of my waist" is the side of the waist).
        after_side = number > 0 and words[number - 1] in SIDES and words[number + 1 : number + 2] != ["of"]
        return None if previous in CANONICAL_DIRECTIONS or after_side else "lateral"
    # By position, not islice(words, number + 1): islice walks from the start each time,
    # which made "back of the back of the ..." take time quadratic in its length.
    following = next((words[n] for n in range(number + 1, len(words)) if words[n] not in GLUE), None)
    if following is not None and following not in FILLER:
        return "posterior" if word == "back" else "lower"  # "back of the thigh", "bottom of my back"
    if previous is not None and number > 1 and words[number - 1] == "the" and words[number - 2] in _AT:
        # "pain in my knee at the back": the back of the knee; "heel at the bottom": its underside
        return "posterior" if word == "back" else "underside"
    if word == "bottom":
        return "bottom"  # the buttock
    return "back"


def place_tokens(text: str) -> list[str]:
    """Return the canonical place words of ``text``, in order.

    Normalizes, drops filler words and side words, and makes the rest canonical with
    :func:`place_words`. Names, aliases and user phrases all go through this, so they
    meet in the same form.

    Examples:
        >>> from triggerpoints._text import place_tokens
        >>> place_tokens("Pain down the outside of my left thigh")
        ['lateral', 'thigh']
        >>> place_tokens("outer side of the thigh")
        ['lateral', 'thigh']
    """
    return [token for token in place_words(normalize(text).split()) if token is not None]
