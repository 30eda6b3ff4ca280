"""Checks across the records of a dataset: ids, references, the region hierarchy and names.

Stage 3 of loading (see :mod:`triggerpoints._dataset`): the records have each been
made and checked on their own; here every reference must resolve, the region
hierarchy must have one root and no cycle, and the words that name records (see
:mod:`triggerpoints._vocab`) must each name one record of a kind. Every problem is
collected with its JSON path.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from triggerpoints._kinds import KINDS, Dataset, kind_of
from triggerpoints._models import Muscle, Referral, Region, Spared, TriggerPoint
from triggerpoints._text import normalize
from triggerpoints._vocab import LOOKALIKES, lookalike_key, words
from triggerpoints.exceptions import Problem

__all__ = ["check"]

#: Every record section, in document order.
_SECTIONS = tuple(kind.section for kind in KINDS)


def check(
    document: Mapping[str, Any],
    base: Dataset | None,
    records: dict[str, list[tuple[str, Any]]],
    problems: list[Problem],
) -> None:
    """Add every cross-record problem of ``records`` (read from ``document``, extending ``base``) to ``problems``."""
    index = _index(base, records, problems)
    index.broken = _raw_ids(document) - set(index.where)
    _check_references(index, records, problems)
    _check_hierarchy(index, records, problems, needs_root=base is None and not _has_raw(document, "regions"))
    _check_names(base, records, problems)
    _check_patches(base, index, records, problems)


@attrs.define
class _Index:
    """What the cross-record checks know: ids by kind, where each was defined."""

    where: dict[str, str] = attrs.Factory(dict)
    broken: set[str] = attrs.Factory(set)
    regions: dict[str, Region] = attrs.Factory(dict)
    trigger_points: dict[str, TriggerPoint] = attrs.Factory(dict)

    def has(self, key: str, *prefixes: str) -> bool:
        return key.split(":", 1)[0] in prefixes and (key in self.where or key in self.broken)


def _has_raw(document: Mapping[str, Any], section: str) -> bool:
    """Whether the document lists any record in ``section``, valid or not."""
    raw = document.get(section, [])
    return not isinstance(raw, list) or bool(raw)


def _raw_ids(document: Mapping[str, Any]) -> set[str]:
    """Ids of records that failed to structure, so references to them don't cascade."""
    ids: set[str] = set()
    for section in _SECTIONS:
        raw = document.get(section)
        for item in raw if isinstance(raw, list) else ():
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.add(item["id"])
    return ids


def _index(base: Dataset | None, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> _Index:
    index = _Index()
    for section in _SECTIONS:
        for record in getattr(base, section, ()):
            index.where[record.id] = "the base dataset"
        for path, record in records[section]:
            first = index.where.get(record.id)
            if first is not None:
                problems.append(Problem(f"{path}.id", f"duplicate id {record.id!r} (first defined in {first})"))
            else:
                index.where[record.id] = path
    for record in (*getattr(base, "regions", ()), *(r for _, r in records["regions"])):
        index.regions.setdefault(record.id, record)
    for record in (*getattr(base, "trigger_points", ()), *(r for _, r in records["trigger_points"])):
        index.trigger_points.setdefault(record.id, record)
    return index


def _ref(index: _Index, problems: list[Problem], path: str, key: str, *prefixes: str) -> None:
    if not index.has(key, *prefixes):
        # The id's own prefix says which kind was meant; name only that one when it is allowed.
        named = key.partition(":")[0]
        labels = {prefix: found.label for prefix in prefixes if (found := kind_of(f"{prefix}:x")) is not None}
        kinds = labels[named] if named in labels else " or ".join(labels.values())
        problems.append(Problem(path, f"dangling reference: no {kinds} with id {key!r}"))


def _check_citations(index: _Index, problems: list[Problem], path: str, record: Any) -> None:
    for number, source in enumerate(getattr(record, "sources", ())):
        _ref(index, problems, f"{path}.sources[{number}]", source, "source")


def _check_references(index: _Index, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> None:
    for section in _SECTIONS:
        for path, record in records[section]:
            _check_citations(index, problems, path, record)
    _check_prevalence(index, records, problems)
    for path, region in records["regions"]:
        if region.parent is not None:
            _ref(index, problems, f"{path}.parent", region.parent, "region")
    for path, point in records["trigger_points"]:
        _check_trigger_point(index, problems, path, point)
    triples: dict[tuple[str, str, str], str] = {}
    for path, relation in records["relations"]:
        first = triples.setdefault((relation.kind.value, relation.source, relation.target), path)
        if first != path:
            problems.append(
                Problem(f"{path}.kind", f"the same {relation.kind.value!r} relation is already stated at {first}")
            )
        _ref(index, problems, f"{path}.source", relation.source, "muscle", "tp")
        _ref(index, problems, f"{path}.target", relation.target, "muscle", "tp")
        if relation.source == relation.target:
            problems.append(Problem(f"{path}.target", "a relation cannot point from a record to itself"))
    for section in (kind.section for kind in KINDS if kind.linked):
        for path, record in records[section]:
            for number, link in enumerate(record.muscles):
                _check_link(index, problems, f"{path}.muscles[{number}]", link)
    for path, patch in records["extra_aliases"]:
        _ref(index, problems, f"{path}.record", patch.record, *(kind.prefix for kind in KINDS))
        _check_citations(index, problems, path, patch)


def _check_prevalence(index: _Index, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> None:
    for path, record in records["prevalence"]:
        _ref(index, problems, f"{path}.muscle", record.muscle, "muscle")
        _ref(index, problems, f"{path}.region", record.region, "region")


def _check_trigger_point(index: _Index, problems: list[Problem], path: str, point: TriggerPoint) -> None:
    _ref(index, problems, f"{path}.muscle", point.muscle, "muscle")
    referred: set[str] = set()
    groups: tuple[tuple[str, tuple[Referral | Spared, ...]], ...] = (
        ("referrals", point.referrals),
        ("spared", point.spared),
    )
    for field, entries in groups:
        for number, entry in enumerate(entries):
            entry_path = f"{path}.{field}[{number}]"
            _ref(index, problems, f"{entry_path}.region", entry.region, "region")
            _check_citations(index, problems, entry_path, entry)
            if field == "referrals" and entry.region in referred:
                problems.append(Problem(f"{entry_path}.region", f"region {entry.region!r} is listed twice"))
            elif field == "spared" and entry.region in referred:
                problems.append(
                    Problem(f"{entry_path}.region", f"region {entry.region!r} is both referred to and spared")
                )
            referred.add(entry.region)


def _check_link(index: _Index, problems: list[Problem], path: str, link: Any) -> None:
    _ref(index, problems, f"{path}.muscle", link.muscle, "muscle")
    _check_citations(index, problems, path, link)
    for number, point_id in enumerate(link.trigger_points):
        point = index.trigger_points.get(point_id)
        if point is None:
            _ref(index, problems, f"{path}.trigger_points[{number}]", point_id, "tp")
        elif point.muscle != link.muscle:
            problems.append(
                Problem(
                    f"{path}.trigger_points[{number}]", f"{point_id!r} belongs to {point.muscle!r}, not {link.muscle!r}"
                )
            )


def _check_hierarchy(
    index: _Index, records: dict[str, list[tuple[str, Any]]], problems: list[Problem], *, needs_root: bool
) -> None:
    """One root, and no cycles, in the region hierarchy (base and new together).

    Linear in the number of regions: each region is walked up from once, and a walk
    stops at a region an earlier walk has finished.
    """
    paths = {region.id: path for path, region in records["regions"]}
    order = {key: number for number, key in enumerate(paths)}  # document order (string order puts [10] before [7])
    if needs_root and not index.regions:
        problems.append(Problem("$.regions", "a dataset needs regions: one hierarchy under a single root region"))
    roots = sorted(key for key, region in index.regions.items() if region.parent is None)
    problems.extend(
        Problem(
            f"{paths.get(key, '$')}.parent",
            f"a second root region {key!r}; every region but {roots[0]!r} needs a parent",
        )
        for key in roots[1:]
    )
    finished: set[str] = set()
    for start in sorted(paths):
        walk: dict[str, int] = {}  # the regions of this walk, in order (dicts keep insertion order)
        current: str | None = start
        while current is not None and current in index.regions and current not in finished and current not in walk:
            walk[current] = len(walk)
            current = index.regions[current].parent
        if current is not None and current in walk:  # a cycle no earlier walk reached
            cycle = list(walk)[walk[current] :]
            mine = [key for key in cycle if key in order]  # a cycle may run through base regions too
            where = paths[min(mine, key=order.__getitem__)] if mine else "$"
            problems.append(
                Problem(f"{where}.parent", f"cycle in the region hierarchy: {' -> '.join([*cycle, current])}")
            )
        finished.update(walk)


def _check_names(base: Dataset | None, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]) -> None:
    """The words that name records (see :mod:`triggerpoints._vocab`) are unique within a kind.

    Also: every word has letters or digits, and labels are unique within a muscle.
    """
    muscles = _muscles(base, records)
    for kind in KINDS:
        owners: dict[str, str] = {}
        for record in getattr(base, kind.section, ()):
            for _field, word in words(record, muscles):
                owners.setdefault(normalize(word), record.id)
        for path, record in records[kind.section]:
            seen: set[str] = set()
            for field, word in words(record, muscles):
                key = normalize(word)
                if key in seen:
                    continue
                seen.add(key)
                if not key:
                    problems.append(Problem(f"{path}.{field}", _no_letters(word)))
                    continue
                owner = owners.setdefault(key, record.id)
                if owner != record.id and kind.unique_names:
                    problems.append(Problem(f"{path}.{field}", f"{word!r} already names {owner!r}"))
        if kind.unique_names:
            _check_lookalikes(base, kind.section, records[kind.section], muscles, problems)
    labels: dict[tuple[str, str], str] = {}
    for point in getattr(base, "trigger_points", ()):
        labels[(point.muscle, normalize(point.label))] = point.id
    for path, point in records["trigger_points"]:
        owner = labels.setdefault((point.muscle, normalize(point.label)), point.id)
        if owner != point.id:
            problems.append(
                Problem(f"{path}.label", f"label {point.label!r} is already used by {owner!r} in the same muscle")
            )


def _check_lookalikes(
    base: Dataset | None,
    section: str,
    records: list[tuple[str, Any]],
    muscles: dict[str, Muscle],
    problems: list[Problem],
) -> None:
    """A word that reads as another record's word once look-alike letters are read as Latin is refused."""
    suspects = [
        (f"{path}.{field}", word, record.id)
        for path, record in records
        for field, word in words(record, muscles)
        if not word.isascii()
    ]
    if not suspects:  # the common case: nothing to compare, nothing to compute
        return
    looks = _Lookalikes()
    for record in (*getattr(base, section, ()), *(record for _, record in records)):
        for _field, word in words(record, muscles):
            looks.add(word, record.id)
    for path, word, owner in suspects:
        problem = looks.check(word, owner)
        if problem is not None:
            problems.append(Problem(path, problem))


class _Lookalikes:
    """Words by their :func:`~triggerpoints._vocab.lookalike_key`, with their owners and plain keys."""

    def __init__(self) -> None:
        self.owners: dict[str, dict[str, str]] = {}

    def add(self, word: str, owner: str) -> None:
        self.owners.setdefault(lookalike_key(word), {}).setdefault(owner, normalize(word))

    def check(self, word: str, owner: str) -> str | None:
        """What is wrong with ``word`` if it differs from another record's word only by look-alike letters."""
        key = normalize(word)
        for other, other_key in self.owners.get(lookalike_key(word), {}).items():
            if other != owner and other_key != key:
                letters = ", ".join(
                    f"{char!r} ({unicodedata.name(char, 'unnamed')})"
                    for char in dict.fromkeys(word)
                    if char in LOOKALIKES
                )
                return f"{word!r} looks like a word of {other!r} but is spelt with look-alike letters: {letters}"
        return None


def _muscles(base: Dataset | None, records: dict[str, list[tuple[str, Any]]]) -> dict[str, Muscle]:
    """Every muscle of the base and of the document, by id (the first definition wins)."""
    muscles: dict[str, Muscle] = {muscle.id: muscle for muscle in getattr(base, "muscles", ())}
    for _path, muscle in records["muscles"]:
        muscles.setdefault(muscle.id, muscle)
    return muscles


def _check_patches(
    base: Dataset | None, index: _Index, records: dict[str, list[tuple[str, Any]]], problems: list[Problem]
) -> None:
    """Extra aliases must not clash with any name or alias of the same kind."""
    if not records["extra_aliases"]:
        return
    owners: dict[tuple[str, str], str] = {}
    muscles = _muscles(base, records)
    for section in _SECTIONS:
        for record in (*getattr(base, section, ()), *(r for _, r in records[section])):
            for _field, word in words(record, muscles):
                owners.setdefault((record.id.split(":")[0], normalize(word)), record.id)
    lookalikes: dict[str, _Lookalikes] = {}
    for path, patch in records["extra_aliases"]:
        prefix = patch.record.split(":")[0]
        kind = kind_of(patch.record)
        if kind is not None and "aliases" not in attrs.fields_dict(kind.record_class):
            problems.append(Problem(f"{path}.record", f"{kind.label} records have no aliases to extend"))
            continue
        for number, alias in enumerate(patch.aliases):
            key = normalize(alias)
            if not key:
                problems.append(Problem(f"{path}.aliases[{number}]", _no_letters(alias)))
                continue
            owner = owners.setdefault((prefix, key), patch.record)
            if owner != patch.record and patch.record in index.where:
                problems.append(Problem(f"{path}.aliases[{number}]", f"{alias!r} already names {owner!r}"))
            elif not alias.isascii() and patch.record in index.where:
                looks = lookalikes.get(prefix) or _lookalikes_of(base, records, muscles, prefix, lookalikes)
                problem = looks.check(alias, patch.record)
                if problem is not None:
                    problems.append(Problem(f"{path}.aliases[{number}]", problem))


def _no_letters(word: str) -> str:
    return f"{word!r} has no letters or digits to look it up by"


def _lookalikes_of(
    base: Dataset | None,
    records: dict[str, list[tuple[str, Any]]],
    muscles: dict[str, Muscle],
    prefix: str,
    made: dict[str, _Lookalikes],
) -> _Lookalikes:
    """The look-alike table of every word of the records with ids of ``prefix`` (made once, kept in ``made``)."""
    looks = made[prefix] = _Lookalikes()
    for section in _SECTIONS:
        for record in (*getattr(base, section, ()), *(r for _, r in records[section])):
            if record.id.split(":")[0] == prefix:
                for _field, word in words(record, muscles):
                    looks.add(word, record.id)
    return looks
