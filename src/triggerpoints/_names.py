"""Names, aliases, "did you mean" and fuzzy search over a dataset's indexes.

The :class:`~triggerpoints.Atlas` holds one :class:`Names` and delegates every lookup
by name to it. Suggestions for an unknown name are worked out only when the error's
message or suggestions are read: code that catches the error and moves on pays for
none of it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from triggerpoints._index import Indexes
from triggerpoints._kinds import KINDS, Kind, kind_info, kind_of
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

    id: str
    kind: Kind
    name: str
    matched: str
    score: float


@attrs.frozen
class Names:
    """Every name lookup of one dataset, answered from its indexes."""

    indexes: Indexes

    def kinds(self, kind: str | None) -> tuple[Kind, ...]:
        """The kinds a query with ``kind`` covers.

        Raises:
            ArgumentError: ``kind`` is not a record kind.
        """
        return _SEARCHABLE if kind is None else (kind_info(kind).name,)

    def find(self, kind: Kind, key: object) -> frozenset[str]:
        """The ids of ``kind`` that ``key`` names (empty if none); never raises, even on non-text."""
        if not isinstance(key, str):
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
        ids = self.find(kind, key)
        if not ids:
            raise self.unknown(kind_info(kind).label, str(key), (kind,))
        if len(ids) > 1:
            raise AmbiguousKeyError(key, sorted(ids))
        return next(iter(ids))

    def lookup(self, text: str, kind: str | None = None) -> Record:
        """The one record, of ``kind`` or any searchable kind, that ``text`` names exactly."""
        kinds = self.kinds(kind)
        ids = self.find_any(text, kind)
        if not ids:
            raise self.unknown(kind_info(kind).label if kind else "record", str(text), kinds)
        if len(ids) > 1:
            raise AmbiguousKeyError(text, ids)
        return self.indexes.by_id[ids[0]]

    def unknown(self, label: str, key: str, kinds: Iterable[Kind]) -> UnknownIdError:
        """An error for ``key``, whose suggestions among ``kinds`` are found when first read."""
        wanted = tuple(kinds)
        return UnknownIdError(label, key, lambda: self.suggest(wanted, key))

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
            for word, ids in self.indexes.names[kind].items():
                value = score(word)
                if value < _SUGGEST_CUTOFF:
                    continue
                for record_id in ids:
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
        query = normalize(text[: 4 * LONGEST_QUERY])[:LONGEST_QUERY] if isinstance(text, str) else ""
        if not query:
            return ()
        score = Similarity(query)
        best: dict[str, tuple[float, str]] = {}
        for name in kinds:
            for word, ids in self.indexes.names[name].items():
                value = score(word)
                if value <= 0:
                    continue
                for record_id in ids:
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
