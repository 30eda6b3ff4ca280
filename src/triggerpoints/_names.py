"""Names, aliases, "did you mean" and fuzzy search over a dataset's indexes.

The :class:`~triggerpoints.Atlas` holds one :class:`Names` and delegates every lookup
by name to it. Suggestions for an unknown name are worked out only when the error's
message or suggestions are read: code that catches the error and moves on pays for
none of it.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Iterator, Sequence

import attrs

from triggerpoints._display import record_repr
from triggerpoints._index import Indexes
from triggerpoints._kinds import KINDS, Kind, kind_info, kind_of
from triggerpoints._limits import MAX_QUERY_LENGTH, check_text
from triggerpoints._models import Record
from triggerpoints._text import Similarity, close_matches, normalize
from triggerpoints.exceptions import AmbiguousKeyError, ArgumentError, UnknownIdError

__all__ = ["LONGEST_QUERY", "Match", "Names"]

#: Queries are cut to this many characters (after normalization) before matching.
LONGEST_QUERY = 200
#: The lowest similarity worth suggesting ("did you mean").
_SUGGEST_CUTOFF = 0.5
#: The kinds that kind-less lookups and searches consider, in tie-break order.
_SEARCHABLE: tuple[Kind, ...] = tuple(kind.name for kind in sorted(KINDS, key=lambda k: k.order) if kind.searchable)
_ORDER = {kind.name: kind.order for kind in KINDS}


@attrs.frozen(kw_only=True)
class Match:
    """One result of :meth:`Atlas.search <triggerpoints.Atlas.search>`.

    Attributes:
        id: The record's id.
        kind: The record's kind (``"muscle"``, ``"region"``, ...).
        name: Its display name.
        matched: The name or alias that matched best, as written in the data.
        score: From 0 to 1; see the similarity tiers in :meth:`Atlas.search <triggerpoints.Atlas.search>`.
    """

    __repr__ = record_repr

    id: str
    kind: Kind
    name: str
    matched: str
    score: float


class _Catalogue:
    """One kind's words, arranged so a fuzzy query scores only the words that can match.

    A word scores above 0 (see :func:`~triggerpoints._text.similarity`) only if every
    query word starts one of its words, or if the two lengths allow a close spelling
    (the shorter at least 3/7 of the longer). The first is found by searching one text
    of all the words, the second by the words' lengths, sorted; every other word is
    skipped unscored. The results are those of scoring every word.
    """

    __slots__ = ("_blob", "_lengths", "_order", "_starts", "words")

    def __init__(self, words: Iterable[str]) -> None:
        listed = tuple(words)
        self._order = {word: position for position, word in enumerate(listed)}
        self.words = tuple(sorted(listed, key=len))
        self._lengths = [len(word) for word in self.words]
        starts, offset = [], 0
        for word in self.words:
            starts.append(offset)
            offset += len(word) + 2  # the space before it and the newline after it
        self._starts = starts
        self._blob = "".join(f" {word}\n" for word in self.words)

    def candidates(self, query: str) -> list[str]:
        """The words that may score above 0 against a normalized ``query``, in the index's order."""
        return sorted(self._candidates(query), key=self._order.__getitem__)

    def _candidates(self, query: str) -> Iterator[str]:
        size = len(query)
        low, high = (
            bisect.bisect_left(self._lengths, (3 * size) // 7),
            bisect.bisect_right(self._lengths, -(-7 * size // 3)),
        )
        seen = set(range(low, high))
        yield from self.words[low:high]
        probe = " " + max(query.split(), key=len)
        found = self._blob.find(probe)
        while found != -1:
            index = bisect.bisect_right(self._starts, found) - 1
            if index not in seen:
                seen.add(index)
                yield self.words[index]
            found = self._blob.find(probe, found + 1)


@attrs.frozen(eq=False, repr=False)
class Names:
    """Every name lookup of one dataset, answered from its indexes."""

    indexes: Indexes
    _catalogues: dict[Kind, _Catalogue] = attrs.field(factory=dict, init=False, repr=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False)

    def __repr__(self) -> str:
        return f"<Names of {len(self.indexes.by_id)} records>"

    def _catalogue(self, kind: Kind) -> _Catalogue:
        """The kind's words arranged for fuzzy queries, made on the first fuzzy query."""
        found = self._catalogues.get(kind)
        if found is None:
            with self._lock:
                found = self._catalogues.get(kind)
                if found is None:
                    found = self._catalogues[kind] = _Catalogue(self.indexes.names[kind])
        return found

    def kinds(self, kind: str | None) -> tuple[Kind, ...]:
        """The kinds a query with ``kind`` covers.

        Raises:
            ArgumentError: ``kind`` is not a record kind.
        """
        return _SEARCHABLE if kind is None else (kind_info(kind).name,)

    def find(self, kind: Kind, key: object) -> frozenset[str]:
        """The ids of ``kind`` that ``key`` names (empty if none); never raises, even on non-text."""
        if not isinstance(key, str) or len(key) > MAX_QUERY_LENGTH:  # never raises on text
            return frozenset()
        if key in self.indexes.by_id:
            found = kind_of(key)
            if found is not None and found.name == kind:
                return frozenset((key,))
        word = normalize(key[: 4 * LONGEST_QUERY])
        return self.indexes.names[kind].get(word, frozenset()) if word else frozenset()

    def find_any(self, text: object, kind: str | None = None) -> tuple[str, ...]:
        """The sorted ids of the records ``text`` names exactly, among ``kind`` or every searchable kind."""
        return tuple(sorted({found for name in self.kinds(kind) for found in self.find(name, text)}))

    def resolve(self, kind: Kind, key: str) -> str:
        """The id of the one record of ``kind`` that ``key`` names.

        Raises:
            UnknownIdError: Nothing is named so (suggestions computed when read).
            AmbiguousKeyError: Two records share the word (only in hand-built atlases).
        """
        check_text(kind_info(kind).label, key)
        ids = self.find(kind, key)
        if not ids:
            raise self.unknown(kind_info(kind).label, str(key), (kind,))
        if len(ids) > 1:
            raise AmbiguousKeyError(key, sorted(ids))
        return next(iter(ids))

    def lookup(self, text: str, kind: str | None = None) -> Record:
        """The one record, of ``kind`` or any searchable kind, that ``text`` names exactly."""
        kinds = self.kinds(kind)
        check_text("lookup text", text)
        ids = self.find_any(text, kind)
        if not ids:
            raise self.unknown(kind_info(kind).label if kind else "record", str(text), kinds)
        if len(ids) > 1:
            raise AmbiguousKeyError(text, ids)
        return self.indexes.by_id[ids[0]]

    def unknown(self, label: str, key: str, kinds: Iterable[Kind], words: Sequence[str] = ()) -> UnknownIdError:
        """An error for ``key``, whose suggestions among ``kinds`` are found when first read.

        When nothing is close to the whole of ``key``, the suggestions are those for the
        first of ``words`` (the words of a phrase left unread) that has any: "a stitch
        in my side" gets those for "side".
        """
        wanted, parts = tuple(kinds), tuple(words)

        def suggestions() -> list[str]:
            for text in (key, *parts):
                found = self.suggest(wanted, text)
                if found:
                    return found
            return []

        return UnknownIdError(label, key, suggestions)

    def unknown_id(self, key: object) -> UnknownIdError:
        """An error for an id that names no record, suggesting close ids when read."""
        text = str(key)
        return UnknownIdError("id", text, lambda: close_matches(text, self.indexes.by_id))

    def suggest(self, kinds: Iterable[Kind], key: str) -> list[str]:
        """Up to three words close to ``key``, as written in the data, one per record.

        Ranked like :meth:`search` (whole word, prefix, word prefixes, then spelling),
        among display names and aliases; ids are not suggested.
        """
        query = normalize(key[: 4 * LONGEST_QUERY])[:LONGEST_QUERY]
        if not query:
            return []
        score = Similarity(query)
        best: dict[str, tuple[float, str]] = {}
        for kind in kinds:
            table = self.indexes.names[kind]
            for word in self._catalogue(kind).candidates(query):
                value = score(word)
                if value < _SUGGEST_CUTOFF:
                    continue
                for record_id in table[word]:
                    written = self.indexes.spelled[(record_id, word)]
                    if written in (record_id, record_id.split(":", 1)[1]):
                        continue
                    if value > best.get(record_id, (0.0, ""))[0]:
                        best[record_id] = (value, written)
        display = self.indexes.display
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], display[item[0]].casefold(), item[0]))
        return [written for _, (_, written) in ranked[:3]]

    def search(self, text: str, kind: str | None = None, limit: int | None = 10) -> tuple[Match, ...]:
        """Records whose names or aliases match ``text``, best first (see :meth:`Atlas.search`)."""
        kinds = self.kinds(kind)
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
            raise ArgumentError("limit", limit, "a whole number of at least 0, or None")
        check_text("search text", text)
        query = normalize(text[: 4 * LONGEST_QUERY])[:LONGEST_QUERY] if isinstance(text, str) else ""
        if not query:
            return ()
        score = Similarity(query)
        best: dict[str, tuple[float, str]] = {}
        for name in kinds:
            table = self.indexes.names[name]
            for word in self._catalogue(name).candidates(query):
                value = score(word)
                if value <= 0:
                    continue
                for record_id in table[word]:
                    if value > best.get(record_id, (0.0, ""))[0]:
                        best[record_id] = (value, word)
        matches = [self._match(record_id, value, word) for record_id, (value, word) in best.items()]
        matches.sort(key=lambda match: (-match.score, _ORDER[match.kind], match.name.casefold(), match.id))
        return tuple(matches if limit is None else matches[:limit])

    def _match(self, record_id: str, score: float, word: str) -> Match:
        found = kind_of(record_id)
        assert found is not None  # noqa: S101 - every indexed id has a known prefix
        return Match(
            id=record_id,
            kind=found.name,
            name=self.indexes.display[record_id],
            matched=self.indexes.spelled[(record_id, word)],
            score=score,
        )
