"""The body-structure matcher behind the pain-phrase reader: one atlas's region words, arranged.

:class:`Reader` finds the regions a run of words names: a *head word* names a body part
("thigh", "molar", "kneecap") and direction words ("outside", "back of", "upper") narrow
it only within that part; they never name a region alone. :mod:`triggerpoints._reading`
cuts phrases into clauses and places and asks a reader for each.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence

import attrs

from triggerpoints._atlas import Atlas
from triggerpoints._geometry import geometry
from triggerpoints._phrase import Found, Word, part_words, split_parts, subsets
from triggerpoints._text import (
    ABBREVIATIONS,
    CANONICAL_DIRECTIONS,
    CONTRASTS,
    DIRECTIONS,
    FILLER,
    MOVEMENTS,
    NEGATIONS,
    SEPARATORS,
    SIDES,
    normalize,
    singular,
)

__all__ = ["Reader"]

_DIRECTIONS = CANONICAL_DIRECTIONS
_LEVELS = ("upper", "lower", "middle")
_POSTERIOR, _BACK = "posterior", "back"  # the direction word, and the body part it names alone
_SENSES = {"pinky": "small"}  # a head word that is also a modifier: "pinky toe" is a small toe
_BREAKS = SEPARATORS | NEGATIONS | CONTRASTS | MOVEMENTS
_BETWEEN_ENDS = _BREAKS - {"and"}  # "between X and Y" runs to the next other separator
_LIST_WORDS = frozenset({"and", "or"})  # "back of the wrist and/or hand", "index or middle finger"
_SIDE_WORDS = frozenset({"side", "sides"})  # "thumb *side* of the wrist"
_DIRECTIONS_RAW = frozenset(DIRECTIONS) - _SIDE_WORDS  # may follow "bi": "bifrontal"
_PENDING = 3  # words kept to narrow the next match, at most
_MUSCLE_PREFIX = 5  # the shortest beginning of a muscle's name read inside a longer phrase


class Reader:
    """The place words of one atlas's regions, arranged for reading phrases."""

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self.keys = atlas.places
        self.shape = geometry(atlas)
        self._between: dict[frozenset[str], str] | None = None
        self._names_of: dict[str, list[tuple[str, ...]]] | None = None
        # No run of words longer than the longest region key can match (a level word may
        # be added to a run, never taken away): the greedy reader tries no longer run, so
        # it reads a phrase in time linear in its length.
        self.longest = max(map(len, self.keys), default=0)
        self.place_word_set: frozenset[str] = frozenset().union(*self.keys) - _DIRECTIONS
        self.after_bi = self.place_word_set | _DIRECTIONS | _DIRECTIONS_RAW  # "bitemporal", "bifrontal"
        # Names in order, so that the names a key begins are found by bisection, not by a scan.
        self.sorted_names = {kind: sorted(atlas.indexes.names[kind]) for kind in ("muscle", "region")}

    def is_place_word(self, word: str) -> bool:
        """``word`` (normalized) is a word of some region's name or alias, in its singular form."""
        return singular(word) in self.place_word_set

    def words(self, text: str) -> list[str]:
        """The normalized words of ``text``; "bitemporal" becomes "both temporal" (any place word after "bi").

        Abbreviations of case notes are spelled out ("RUQ": "right upper quadrant").
        """
        words: list[str] = []
        for word in normalize(text).split():
            rest = word[2:]
            if word in ABBREVIATIONS:
                words += ABBREVIATIONS[word]
            elif word == "o" and words and words[-1] == "r":  # "r/o": rule out, not the right side
                words[-1] = "ro"
            elif word.startswith("bi") and word not in SIDES and rest in self.after_bi:
                words += ["both", rest]
            elif words and words[-1] == "bi" and word in self.after_bi:  # "bi-temporal"
                words[-1:] = ["both", word]
            else:
                words.append(word)
        return words

    # --- one place: a head word and its modifiers ---------------------------------------

    def match(self, run: Sequence[str]) -> str | None:
        """The one region whose place words are exactly ``run`` (or ``run`` and a level word)."""
        if len(set(run)) != len(run) or all(token in _DIRECTIONS for token in run):
            return None
        key = frozenset(run)
        ids = self.keys.get(key, frozenset())
        if len(ids) == 1:
            return next(iter(ids))
        if not ids and key & _DIRECTIONS:  # "back of my arm": the back of the upper arm
            wider = {r for level in _LEVELS for r in self.keys.get(key | {level}, ())}
            if len(wider) == 1:
                return next(iter(wider))
        for number, token in enumerate(run):
            if token in _SENSES:
                found = self.match([*run[:number], _SENSES[token], *run[number + 1 :]])
                if found:
                    return found
        return None

    def place(self, words: list[Word], found: Found) -> list[tuple[str, int, int]]:
        """Greedy longest matches, left to right; modifiers left before a match narrow it if they can."""
        matches: list[tuple[str, int, int]] = []
        pending: list[int] = []
        start = 0
        while start < len(words):
            found_at = self.longest_at(words, start)
            if found_at is not None and words[start].token in _DIRECTIONS:
                # A direction word does not split the body part after it: "behind my
                # *shoulder blade*" is not the back of the shoulder and a word "blade".
                later = self.longest_at(words, start + 1)
                if later is not None and _body_words(words, start + 1, later[1]) > _body_words(
                    words, start, found_at[1]
                ):
                    found_at = None
            if (
                found_at is not None
                and found_at[1] - start > 1
                and _of_follows(words, found_at[1] - 1)
                and self.longest_at(words, found_at[1]) is not None
            ):
                # Nor is a direction word joined by "of" to the place it names taken from it:
                # "hip down the *side of my thigh*" is the hip and the side of the thigh.
                found_at = self.longest_at(words, start, stop=found_at[1] - 1) or found_at
            if found_at is not None:
                region, end = found_at
                region, kept = self.narrow(region, words, pending, start, end)
                found.ignored += [words[n].raw for n in pending if n not in kept]
                found.used += [words[n].raw for n in (*kept, *range(start, end))]
                matches.append((region, start, end))
                pending, start = [], end
            else:
                # A word that starts no match may narrow the next one ("outer", "ulnar", "plantar").
                pending.append(start)
                if len(pending) > _PENDING:
                    found.ignored.append(words[pending.pop(0)].raw)
                start += 1
        found.ignored += [words[n].raw for n in pending]
        return matches

    def longest_at(self, words: list[Word], start: int, stop: int | None = None) -> tuple[str, int] | None:
        """The region of the longest run of words from ``start`` (to ``stop`` at most) that names one, and its end."""
        for end in range(min(len(words) if stop is None else stop, start + self.longest), start, -1):
            region = self.match([word.token for word in words[start:end]])
            if region is not None:
                return region, end
        return None

    def narrow(
        self, region: str, words: list[Word], pending: list[int], start: int, end: int
    ) -> tuple[str, tuple[int, ...]]:
        """The region with as many of the pending direction words as still name one."""
        run = tuple(word.token for word in words[start:end])
        # "top of my second toe": a direction that narrows no name the phrase used may narrow
        # one of the region's other names ("top of the lesser toes"), to a region inside it.
        inside = self.atlas.indexes.descendants[region]
        names = (run, *(self.names_of(region) if pending and inside else ()))
        for number, name in enumerate(names):
            for size in range(len(pending), 0, -1):
                for kept in subsets(pending, size):
                    narrower = self.match([*(words[n].token for n in kept), *name])
                    if narrower is not None and (number == 0 or narrower in inside):
                        return narrower, kept
        return region, ()

    def names_of(self, region: str) -> list[tuple[str, ...]]:
        """The place words of each of the region's own names, shortest first."""
        if self._names_of is None:
            table: dict[str, list[tuple[str, ...]]] = {}
            for key, ids in sorted(self.keys.items(), key=lambda item: (len(item[0]), sorted(item[0]))):
                if len(ids) == 1:
                    table.setdefault(next(iter(ids)), []).append(tuple(sorted(key)))
            self._names_of = table
        return self._names_of.get(region, [])

    def segment(self, words: list[Word], found: Found) -> list[str]:
        """The regions of one place; of two far-apart regions in it, the body part the phrase is about."""
        mark = len(found.ignored), len(found.used)
        matches = self.place(words, found)
        if not matches and any(word.raw == "back" and word.token == _POSTERIOR for word in words):
            del found.ignored[mark[0] :], found.used[mark[1] :]
            nouns = [attrs.evolve(w, token=_BACK) if w.raw == _BACK else w for w in words]
            matches = self.place(nouns, found)
        kept: list[tuple[str, int, int]] = []
        dropped_words: set[str] = set()
        for match in matches:
            between = words[kept[-1][2] : match[1] + 1] if kept else []
            if len(between) == 2 and between[0].raw in _SIDE_WORDS and not between[0].gap and between[1].of:
                # "thumb side of the wrist": the first part names a side of the second, not a place.
                side = kept.pop()
                raws = [word.raw for word in words[side[1] : side[2]]]
                found.ignored += [*raws, between[0].raw]
                dropped_words.update(raws)
                kept.append(match)
                continue
            of = any(word.of for word in between)
            # Another word between them ("inner thigh *near* the groin"), or a second place
            # that starts with a direction ("arm, *behind the eye*"), keeps both places.
            apart = any(word.gap for word in between) or (
                not of and (len(between) > 1 or words[match[1]].token in _DIRECTIONS)
            )
            if not kept or apart or not self.far_apart(kept[-1][0], match[0]):
                kept.append(match)
                continue
            # Two far-apart regions in one place: "head of the first metatarsal" is about the
            # metatarsal; "butt cheek" and "toe knuckles" about the first body part named.
            dropped = kept.pop() if of else match
            if of:
                kept.append(match)
            raws = [word.raw for word in words[dropped[1] : dropped[2]]]
            found.ignored += raws
            dropped_words.update(raws)
        found.drop(dropped_words)
        return self.innermost([region for region, _, _ in kept])

    def far_apart(self, first: str, second: str) -> bool:
        """Neither region lies inside the other, and their zones do not meet on the body maps."""
        ancestors = self.atlas.indexes.ancestors
        related = first == second or first in ancestors[second] or second in ancestors[first]
        return not related and self.shape.touches(first, second) is False

    # --- "between X and Y" ------------------------------------------------------------

    def between(self) -> Mapping[frozenset[str], str]:
        """Regions named as the space between others ("web between the thumb and index finger")."""
        if self._between is None:
            table: dict[frozenset[str], str] = {}
            for region in self.atlas.regions:
                for alias in (region.name, *region.aliases):
                    words = normalize(alias).split()
                    if "between" in words:
                        rest = words[words.index("between") + 1 :]
                        named = frozenset(self.places(rest, Found(), between=False))
                        if named:
                            table.setdefault(named, region.id)
            self._between = table
        return self._between

    def places(self, words: list[str], found: Found, *, between: bool = True) -> list[str]:
        """The regions of a run of words without punctuation, joined by "and", "to", ... ."""
        regions: list[str] = []
        offset = 0  # the words before it are read: each "between" once, left to right
        while between and (start := _find(words, "between", offset)) is not None:
            # "between X and Y", or "between the shoulder blades" followed by "and ...": the
            # run to the next other separator or the third "and", else to the second or the
            # first "and" (bounded, so a long phrase is still read in linear time).
            ands: list[int] = []
            last = start + 1
            while last < len(words) and words[last] not in _BETWEEN_ENDS and len(ands) < 3:
                if words[last] == "and":
                    ands.append(last)
                last += 1
            last = ands[2] if len(ands) == 3 else last
            space, end = None, last
            for end in (last, *ands[1:2], *ands[:1]):
                named = self.places(words[start + 1 : end], Found(), between=False)
                inner = self.innermost(named)
                # A place enclosing one of the pair is a place of its own ("... and the arm").
                space = self.between().get(frozenset(inner)) if len(inner) == len(set(named)) else None
                if space is not None:
                    break
            if space is None:
                rest = self.separated(words[offset:], found)
                if not set(rest) & set(self.between().values()):  # "between my shoulder blades" is one
                    inner = self.innermost(self.places(words[start + 1 : last], Found(), between=False))
                    found.warnings.append(f"no region between {' and '.join(self.names(inner))} is known: read as each")
                return regions + rest
            found.used += [w for w in words[start:end] if w not in FILLER]
            regions += [*self.places(words[offset:start], found, between=False), space]
            offset = end
        return regions + self.separated(words[offset:], found)

    def separated(self, words: list[str], found: Found) -> list[str]:
        """The regions of a run of words with no "between" to read, cut at separators."""
        regions: list[str] = []
        parts = self.bound(split_parts(words))
        carried: list[Word] = []
        for number, part in enumerate(parts):
            tokens = part_words(part)
            own = [word for word in tokens if word.token in _DIRECTIONS]
            if part[0] in _LIST_WORDS and carried and not own and tokens:
                joined = self.match([*(w.token for w in carried), *(w.token for w in tokens)])
                # A shared level names a place next to the first ("top of my foot and toes"),
                # not one apart from it ("top of my head and neck" is not the upper neck).
                level = any(w.token in _LEVELS for w in carried)
                if joined is not None and not (level and regions and self.far_apart(regions[-1], joined)):
                    regions.append(joined)
                    found.used += [w.raw for w in tokens]
                    continue
            ahead = self.ahead(tokens, parts[number + 1] if number + 1 < len(parts) else [])
            if ahead is not None:
                region, cut = ahead
                regions.append(region)
                found.ignored += [w.raw for w in tokens[:cut]]
                found.used += [w.raw for w in tokens[cut:]]
                continue
            read = self.segment(tokens, found) if tokens else []
            regions += read or (self.muscle_part(part, found) if len(parts) > 1 else [])
            if own:
                # A level before its body part names a part of its own, not a side that
                # the next part shares: "lower back and buttock", "upper arm and hand"; but
                # "top of the foot and toes" and "outer thigh and knee" share theirs.
                # (the last few only: no region's words are longer, and a long run of
                # directions must not be matched again with every later part)
                carried = [w for n, w in enumerate(tokens) if w.token in _DIRECTIONS and _shared(tokens, n)][-_PENDING:]
        return regions

    def muscle_part(self, part: list[str], found: Found) -> list[str]:
        """A part that names no region but one muscle ("... and the *upper trapezius*"): where it lies.

        Only in a phrase of several parts (a phrase of one is read whole, by the rules for
        a phrase that names no region), and only a muscle's whole name or alias, or the
        beginning of exactly one muscle's name of at least five letters, that begins no
        region's name. A part that names nothing else is left out, not refused.
        """
        content = [w for w in part[1:] if w not in FILLER and w not in SIDES and w not in DIRECTIONS]
        key = " ".join(content)
        names = self.atlas.indexes.names
        muscles = names["muscle"].get(key) or (self.muscles_named(key) if len(key) >= _MUSCLE_PREFIX else ())
        if len(muscles) != 1 or next(self.beginning("region", key), None) is not None:
            return []  # several muscles, or a region's name begins so ("zygomatic"): not a muscle
        muscle = next(iter(muscles))
        sites = self.muscle_sites(muscle)
        if sites:
            found.used += content
            found.warnings.append(self.muscle_warning(key, muscle))
        return sites

    def muscles_named(self, key: str) -> frozenset[str]:
        """The muscles whose name or alias is ``key``, or else whose name or alias begins with it."""
        table = self.atlas.indexes.names["muscle"]
        exact = table.get(key)
        if exact:
            return frozenset(exact)
        return frozenset(m for word in self.beginning("muscle", key) for m in table[word])

    def beginning(self, kind: str, key: str) -> Iterator[str]:
        """The names (normalized) of one kind that begin with ``key``, in order."""
        names = self.sorted_names[kind]
        for number in range(bisect.bisect_left(names, key), len(names)):  # by position: islice would walk
            if not names[number].startswith(key):
                return
            yield names[number]

    def muscle_sites(self, muscle: str) -> list[str]:
        """The regions where a muscle's trigger points lie on the body map, in the data's order."""
        sites = [self.shape.site(point.id) for point in self.atlas.indexes.points_of.get(muscle, ())]
        return list(dict.fromkeys(site for site in sites if site))

    def muscle_warning(self, key: str, muscle: str) -> str:
        """The warning for a phrase read as where a muscle lies."""
        return f"{key!r} names a muscle: read as where {self.atlas.indexes.display[muscle]} lies"

    def bound(self, parts: list[list[str]]) -> list[list[str]]:
        """Parts joined again where one region's name runs across the separator ("next to the spine").

        The words of a joined group are read greedily, longest match first, from where
        the match that crossed the last separator began: a long chain of joins is read
        in linear time.
        """
        joined = [list(parts[0])]
        tokens = [w.token for w in part_words(parts[0])]  # the place words of the group joined last
        start = 0  # where the greedy reading of the group resumes
        for part in parts[1:]:
            boundary = len(tokens)
            tokens += [w.token for w in part_words(part)]
            crossing = self.spans(tokens, boundary, start) if part[0] not in ("and", "or") and boundary else None
            if crossing is not None:
                joined[-1].extend(part)
                start = crossing
            else:
                joined.append(list(part))
                tokens, start = tokens[boundary:], 0
        return joined

    def spans(self, tokens: list[str], boundary: int, start: int = 0) -> int | None:
        """Where a greedy longest match of ``tokens`` from ``start`` that crosses ``boundary`` begins, if any does."""
        while start < boundary:
            longest = min(len(tokens), start + self.longest)
            end = next((e for e in range(longest, start, -1) if self.match(tokens[start:e])), None)
            if end is not None and end > boundary:
                return start
            start = end or start + 1
        return None

    def innermost(self, regions: list[str]) -> list[str]:
        """The regions without those that enclose another of them."""
        ancestors = self.atlas.indexes.ancestors
        enclosing = {a for region in regions for a in ancestors[region]}
        return list(dict.fromkeys(r for r in regions if r not in enclosing))

    def ahead(self, tokens: list[Word], following: list[str]) -> tuple[str, int] | None:
        """A part ending in modifiers only, before "and": the region they name with the next part's body part.

        "front and back of the knee", "back and bottom of the heel", "fourth and fifth
        fingers" ("back" alone before "and" is a direction only when "of" follows in the
        next part: "back and neck"). Words before the modifiers that name no place
        ("numbness in the little and ring fingers") are left out: returns the region and
        how many leading words were left out.
        """
        if not tokens or not following or following[0] not in _LIST_WORDS:
            return None
        of_follows = "of" in following  # once: not for each word of this part
        if not of_follows and any(w.raw == _BACK for w in tokens):
            return None
        if any(w.token not in _DIRECTIONS and w.raw != _BACK and self.match([w.token]) for w in tokens):
            return None
        following_words = part_words(following)
        after = [w.token for w in following_words]
        # The body part is the next part's last word, or ends one of the places read in it
        # ("ring fingers of my hand", not the "shoulder" of "shoulder blade"); at most
        # _PENDING modifiers, and leading words are left out only where this part names no
        # place itself ("numbness", but not the "si" of "SI joint"): linear time still.
        ends = [len(after), *(end for _, _, end in reversed(self.place(following_words, Found())) if end < len(after))]
        if len(tokens) > 1 and self.place(tokens, Found()):  # "upper back and back of the arm"
            return None
        for cut in range(max(0, len(tokens) - _PENDING), len(tokens)):
            directions = [DIRECTIONS.get(w.raw, w.token) for w in tokens[cut:]]
            for end in ends:
                for size in range(min(end, self.longest), 0, -1):
                    region = self.match([*directions, *after[end - size : end]])
                    if region is not None:
                        return region, cut
        return None

    def names(self, regions: Sequence[str]) -> list[str]:
        """Display names of regions."""
        return [self.atlas.indexes.display[region] for region in regions]


def _of_follows(words: list[Word], number: int) -> bool:
    """Word ``number`` is a direction word apart from the word before it, and "of" joins it to the next word.

    "hip *down the side of* my thigh"; but not "hip side of the thigh", which the "side of"
    rule reads.
    """
    word = words[number]
    return word.token in _DIRECTIONS and word.gap and number + 1 < len(words) and words[number + 1].of


def _shared(words: list[Word], number: int) -> bool:
    """Direction word ``number`` may carry to the next part: a side of the body, or a level joined by "of"."""
    return words[number].token not in _LEVELS or (number + 1 < len(words) and words[number + 1].of)


def _body_words(words: list[Word], start: int, end: int) -> int:
    """How many words of a run are not direction words: the body part it names."""
    return sum(word.token not in _DIRECTIONS for word in words[start:end])


def _find(words: list[str], word: str, start: int) -> int | None:
    """Where ``word`` first comes in ``words`` from ``start`` on, or ``None``."""
    try:
        return words.index(word, start)
    except ValueError:
        return None
