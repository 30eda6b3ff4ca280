"""Access to a loaded dataset's records: by section, by id, by name, and the region hierarchy.

:class:`RecordAccess` is the part of :class:`~triggerpoints.Atlas` that reads records
straight from the indexes; the Atlas adds the queries that follow referrals, relations
and links, and the graph.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

from triggerpoints._index import Indexes
from triggerpoints._kinds import Dataset, Kind
from triggerpoints._models import (
    Condition,
    Factor,
    Muscle,
    Record,
    Region,
    Relation,
    Source,
    Symptom,
    Treatment,
    TriggerPoint,
)
from triggerpoints._names import Match, Names
from triggerpoints.exceptions import ArgumentError

__all__ = ["Lazy", "RecordAccess", "as_member"]

_R = TypeVar("_R")
_E = TypeVar("_E", bound=enum.Enum)


class Lazy:
    """A value made on first use, once, even when several threads ask at the same time."""

    __slots__ = ("_lock", "_value")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: Any = None

    def get(self, make: Callable[[], _R]) -> _R:
        """Return the value, making it with ``make`` the first time."""
        if self._value is None:
            with self._lock:
                if self._value is None:
                    self._value = make()
        value: _R = self._value
        return value


def as_member(kind: type[_E], argument: str, value: object) -> _E:
    """``value`` as a member of ``kind`` (given as a member or as its text).

    Raises:
        ArgumentError: ``value`` is neither, naming ``argument`` and the allowed values.
    """
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in kind)
        raise ArgumentError(argument, value, f"one of {allowed}") from None


class RecordAccess:
    """Records by section, id and name, and the region hierarchy, read from the indexes.

    Not used on its own: :class:`~triggerpoints.Atlas` is a ``RecordAccess``.
    """

    __slots__ = ()

    dataset: Dataset
    indexes: Indexes
    names: Names

    # --- metadata -----------------------------------------------------------------

    @property
    def dataset_version(self) -> str:
        """The version of the data (not of the package)."""
        return self.dataset.dataset_version

    @property
    def schema_version(self) -> str:
        """The version of the dataset format."""
        return self.dataset.schema_version

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source, in dataset order."""
        return self.dataset.sources

    @property
    def regions(self) -> tuple[Region, ...]:
        """Every region, in dataset order."""
        return self.dataset.regions

    @property
    def muscles(self) -> tuple[Muscle, ...]:
        """Every muscle, in dataset order."""
        return self.dataset.muscles

    @property
    def trigger_points(self) -> tuple[TriggerPoint, ...]:
        """Every trigger point, in dataset order."""
        return self.dataset.trigger_points

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Every relation, in dataset order."""
        return self.dataset.relations

    @property
    def factors(self) -> tuple[Factor, ...]:
        """Every factor, in dataset order."""
        return self.dataset.factors

    @property
    def symptoms(self) -> tuple[Symptom, ...]:
        """Every symptom, in dataset order."""
        return self.dataset.symptoms

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Every look-alike condition, in dataset order."""
        return self.dataset.conditions

    @property
    def treatments(self) -> tuple[Treatment, ...]:
        """Every self-treatment, in dataset order."""
        return self.dataset.treatments

    # --- access by id, name or alias ------------------------------------------------

    def get(self, record_id: str) -> Record:
        """Return the record with exactly this id, of any kind.

        Raises:
            UnknownIdError: No record has this id; close ids are suggested.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().get("region:coccyx").name
            'Coccyx'
        """
        try:
            return self.indexes.by_id[record_id]
        except (KeyError, TypeError):
            raise self.names.unknown_id(record_id) from None

    def name_of(self, record_id: str) -> str:
        """Return the display name of a record.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().name_of("tp:gluteus-minimus-anterior")
            'Gluteus minimus anterior'
        """
        try:
            return self.indexes.display[record_id]
        except (KeyError, TypeError):
            self.get(record_id)  # raises UnknownIdError with suggestions
            raise

    def _one(self, kind: Kind, key: str, cls: type[_R]) -> _R:
        record: object = self.indexes.by_id.get(key) if isinstance(key, str) else None
        if not isinstance(record, cls):  # not an exact id: look the name up
            record = self.indexes.by_id[self.names.resolve(kind, key)]
        if not isinstance(record, cls):  # pragma: no cover - the name index holds ids of its kind only
            raise TypeError(f"{key!r} is not a {cls.__name__}")
        return record

    def muscle(self, key: str) -> Muscle:
        """Return a muscle by id, name or alias.

        Args:
            key: ``"muscle:gluteus-maximus"``, ``"Gluteus maximus"``, ``"glute max"``...

        Raises:
            UnknownIdError: Nothing matches; the error suggests close names.
            AmbiguousKeyError: An alias shared by two muscles (only possible in a
                hand-built atlas; loaded datasets forbid it).

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().muscle("QL").id
            'muscle:quadratus-lumborum'
        """
        return self._one("muscle", key, Muscle)

    def trigger_point(self, key: str) -> TriggerPoint:
        """Return a trigger point by id, alias, or muscle name plus label.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().trigger_point("glute max TrP3").id
            'tp:gluteus-maximus-trp3'
        """
        return self._one("trigger_point", key, TriggerPoint)

    def region(self, key: str) -> Region:
        """Return a region by id, name or the words people use.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().region("sits bone").id
            'region:ischial-tuberosity'
        """
        return self._one("region", key, Region)

    def source(self, key: str) -> Source:
        """Return a source by id or title.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().source("source:ts-vol2-ch9").chapter
            9
        """
        return self._one("source", key, Source)

    def factor(self, key: str) -> Factor:
        """Return a factor by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().factor("crawl-stroke swimming").kind.value
            'activity'
        """
        return self._one("factor", key, Factor)

    def symptom(self, key: str) -> Symptom:
        """Return a symptom by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().symptom("sleep disturbance").id
            'symptom:sleep-disturbance'
        """
        return self._one("symptom", key, Symptom)

    def condition(self, key: str) -> Condition:
        """Return a look-alike condition by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().condition("sciatica").id
            'condition:sciatica'
        """
        return self._one("condition", key, Condition)

    def treatment(self, key: str) -> Treatment:
        """Return a treatment by id, name or alias.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().treatment("backnobber").kind.value
            'tool'
        """
        return self._one("treatment", key, Treatment)

    def find(self, text: str, *, kind: Kind | None = None) -> tuple[str, ...]:
        """Return the ids of the records ``text`` names exactly; never raises on text.

        Like :meth:`lookup` without the errors: no match gives ``()``, a shared word
        gives several ids (sorted).

        Args:
            text: An id, a name or an alias.
            kind: Restrict to one kind.

        Raises:
            ArgumentError: ``kind`` is not a record kind.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> atlas.find("sits bone"), atlas.find("moon")
            (('region:ischial-tuberosity',), ())
        """
        return self.names.find_any(text, kind)

    def lookup(self, text: str, *, kind: Kind | None = None) -> Record:
        """Return the one record, of any kind, that ``text`` names exactly.

        Args:
            text: An id, a name or an alias.
            kind: Restrict to one kind (``"muscle"``, ``"trigger_point"``,
                ``"region"``, ``"factor"``, ...).

        Raises:
            UnknownIdError: Nothing is named so; close names are suggested.
            AmbiguousKeyError: Records of different kinds share the word.
            ArgumentError: ``kind`` is not a record kind.

        Examples:
            >>> import triggerpoints as tp
            >>> tp.load().lookup("tailbone").id
            'region:coccyx'
        """
        return self.names.lookup(text, kind)

    def search(self, text: str, *, kind: Kind | None = None, limit: int | None = 10) -> tuple[Match, ...]:
        """Return records whose names or aliases match ``text``, best first.

        Never raises for unmatched text: an empty list means nothing came close.
        Each record appears once, scored by its best-matching word; ties are
        broken by kind (muscles, trigger points, regions, then the rest) and name.

        Args:
            text: Free text.
            kind: Restrict to one kind.
            limit: At most this many results (``None`` for all).

        Returns:
            The matches.

        Raises:
            ArgumentError: ``kind`` is not a record kind, or ``limit`` is negative.

        Examples:
            >>> import triggerpoints as tp
            >>> matches = tp.load().search("glute", kind="muscle")
            >>> "Gluteus medius" in [match.name for match in matches], {match.kind for match in matches}
            (True, {'muscle'})
        """
        return self.names.search(text, kind, limit)

    @property
    def places(self) -> Mapping[frozenset[str], frozenset[str]]:
        """The place-word index, from the canonical words of a region name or alias to region ids.

        Keys are the place words of every region's name,
        aliases and id, as sets ("outside of the thigh" -> ``{"lateral", "thigh"}``).
        A key that two regions share maps to both, and phrase resolution skips it.

        Examples:
            >>> import triggerpoints as tp
            >>> "region:lateral-thigh" in tp.load().places[frozenset({"lateral", "thigh"})]
            True
        """
        return self.indexes.places

    # --- the region hierarchy -------------------------------------------------------

    def children_of(self, region: str) -> tuple[Region, ...]:
        """Return the direct sub-regions of a region, in dataset order.

        Examples:
            >>> import triggerpoints as tp
            >>> children = tp.load().children_of("buttock")
            >>> {r.parent for r in children}, "region:lower-buttock" in [r.id for r in children]
            ({'region:buttock'}, True)
        """
        return tuple(self.region(child) for child in self.indexes.children.get(self.region(region).id, ()))

    def ancestors_of(self, region: str) -> tuple[Region, ...]:
        """Return the regions that enclose a region, nearest first.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> ancestors = atlas.ancestors_of("sits bone")
            >>> ancestors[0].id == atlas.region("sits bone").parent, ancestors[-1].id
            (True, 'region:body')
        """
        return tuple(self.region(ancestor) for ancestor in self.indexes.ancestors[self.region(region).id])

    def descendants_of(self, region: str) -> tuple[Region, ...]:
        """Return every region inside a region, depth first.

        Examples:
            >>> import triggerpoints as tp
            >>> "region:ischial-tuberosity" in [r.id for r in tp.load().descendants_of("buttock")]
            True
        """
        return tuple(self.region(inner) for inner in self.indexes.descendants[self.region(region).id])

    def compare_regions(self, region: str, other: str) -> Literal["same", "inside", "around"] | None:
        """Say how ``region`` sits relative to ``other`` in the hierarchy.

        Returns:
            ``"same"``, ``"inside"`` (``region`` lies inside ``other``), ``"around"``
            (``region`` encloses ``other``), or ``None`` when neither holds.

        Examples:
            >>> import triggerpoints as tp
            >>> atlas = tp.load()
            >>> atlas.compare_regions("sits bone", "buttock"), atlas.compare_regions("buttock", "sits bone")
            ('inside', 'around')
            >>> atlas.compare_regions("sits bone", "calf") is None
            True
        """
        first, second = self.region(region).id, self.region(other).id
        if first == second:
            return "same"
        if second in self.indexes.ancestors[first]:
            return "inside"
        if first in self.indexes.ancestors[second]:
            return "around"
        return None

    def cautions_for(self, region: str) -> tuple[tuple[str, str], ...]:
        """Return the caution notes that apply to a region: its own and its ancestors'.

        Returns:
            ``(region id, caution)`` pairs, the region's own first.

        Examples:
            >>> import triggerpoints as tp
            >>> "region:chest" in [region for region, _ in tp.load().cautions_for("sternum")]
            True
        """
        first = self.region(region)
        return tuple((item.id, item.caution) for item in (first, *self.ancestors_of(first.id)) if item.caution)
