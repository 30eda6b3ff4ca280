"""Merge curators' data fragments into the packaged dataset, or check one.

A fragment is a JSON file in the dataset's own format holding some body area's new
records. Curators working in parallel each write one, then this tool folds them into
``src/triggerpoints/data/triggerpoints.json``:

- ``muscles``, ``trigger_points`` and ``relations``: a record whose id is already in
  the base replaces it (that is how a fragment completes an existing muscle); the same
  id in two fragments is a conflict.
- ``factors``, ``symptoms``, ``conditions`` and ``treatments``: records with the same
  id are one record; their muscle links, aliases and sources are united (the first
  name, description and kind win). So two fragments can both link
  ``factor:head-forward-posture`` to their own muscles.
- ``sources`` and ``regions``: the first definition wins; a later one with a different
  volume, chapter, address or parent is a conflict; region aliases are united.
- ``extra_aliases`` are appended.
- ``remove``: a list of ids of packaged muscles, trigger points or relations to drop
  before the fragment's records are added (to split one trigger point into several, say).
  Links and relations that name a removed record must be updated by the fragment too, or
  the check reports them as dangling.

Usage::

    python tools/fragments.py check FRAGMENT [FRAGMENT ...]   # validate, write nothing
    python tools/fragments.py merge FRAGMENT [FRAGMENT ...]   # validate, then write

Problems are reported with the fragment's own JSON paths. Nothing is written unless the
merged dataset loads cleanly.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "src" / "triggerpoints" / "data" / "triggerpoints.json"
sys.path.insert(0, str(ROOT / "src"))

from triggerpoints import KINDS  # noqa: E402 - after sys.path is set

#: Every section a fragment may hold: the record kinds' sections, then alias patches.
SECTIONS = (*(kind.section for kind in KINDS), "extra_aliases")
#: Records linked to muscles are united by id; sources and regions keep their first
#: definition; every other kind's record replaces the one with its id.
UNITED = {kind.section for kind in KINDS if kind.linked}
FIRST_WINS = {"sources", "regions"}
REPLACED = {kind.section for kind in KINDS} - UNITED - FIRST_WINS


def _unique(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _has_note(joined: str, note: str) -> bool:
    """Whether ``note`` is already one of the notes joined (with spaces) into ``joined``."""
    return joined == note or joined.startswith(f"{note} ") or joined.endswith(f" {note}") or f" {note} " in joined


def _unite_link(same: dict[str, Any], link: dict[str, Any]) -> None:
    """Fold ``link`` into ``same``, a link to the same muscle: sources, points and notes united."""
    same["sources"] = _unique([*same["sources"], *link["sources"]])
    points = _unique([*same.get("trigger_points", []), *link.get("trigger_points", [])])
    # A link narrowed to some points and a link for the whole muscle: the whole wins.
    if same.get("trigger_points") and link.get("trigger_points"):
        same["trigger_points"] = points
    else:
        same.pop("trigger_points", None)
    note = link.get("note")
    if note and not same.get("note"):
        same["note"] = note
    elif note and not _has_note(same["note"], note):
        same["note"] = f"{same['note']} {note}"


def _link_problem(link: Any) -> str | None:
    """Why a fragment's link cannot be united with another, or ``None`` if it can."""
    if not isinstance(link, dict):
        return f"a muscle link is an object, not {type(link).__name__}"
    if not isinstance(link.get("muscle"), str):
        return "a muscle link needs 'muscle', a muscle id"
    if not isinstance(link.get("sources"), list):
        return "a muscle link needs 'sources', a list of source ids"
    return None


class Merger:
    """Folds fragments into a base document, remembering where each record came from."""

    def __init__(self, base: dict[str, Any]) -> None:
        self.document = dict(base)
        for section in SECTIONS:
            self.document[section] = [dict(record) for record in base.get(section, [])]
        self.origin: dict[str, list[tuple[str, int]]] = {
            section: [("packaged", i) for i in range(len(self.document[section]))] for section in SECTIONS
        }
        #: For records united with another, by (section, index, list field): where each item came from.
        self.item_origin: dict[tuple[str, int, str], list[tuple[str, int, int]]] = {}
        self.conflicts: list[str] = []

    def _find(self, section: str, key: str) -> int | None:
        for i, record in enumerate(self.document[section]):
            if record.get("id") == key:
                return i
        return None

    def add(self, name: str, fragment: dict[str, Any]) -> None:
        """Fold one fragment in, recording conflicts rather than stopping at the first."""
        unknown = set(fragment) - set(SECTIONS) - {"$schema", "schema_version", "remove"}
        if unknown:
            self.conflicts.append(f"{name}: unknown top-level keys {sorted(unknown)}")
        for i, key in enumerate(fragment.get("remove", [])):
            self._remove(name, i, key)
        for section in SECTIONS:
            records = fragment.get(section, [])
            if not isinstance(records, list):
                self.conflicts.append(f"{name} $.{section}: a list of records, not {type(records).__name__}")
                continue
            for i, record in enumerate(records):
                self._add(name, section, i, record)

    def _remove(self, name: str, i: int, key: str) -> None:
        for section in sorted(REPLACED):
            at = self._find(section, key)
            if at is not None and self.origin[section][at][0] == "packaged":
                del self.document[section][at]
                del self.origin[section][at]
                return
        self.conflicts.append(f"{name} $.remove[{i}]: no packaged muscle, trigger point or relation {key!r}")

    def _add(self, name: str, section: str, i: int, record: dict[str, Any]) -> None:
        where = f"{name} $.{section}[{i}]"
        key = record.get("id") if isinstance(record, dict) else None
        at = self._find(section, key) if key else None
        if at is None:
            self.document[section].append(record)
            self.origin[section].append((name, i))
            return
        old = self.document[section][at]
        old_from = self.origin[section][at][0]
        if section in REPLACED:
            if old_from != "packaged":
                self.conflicts.append(f"{where}: {key} is also defined by {old_from}")
                return
            self.document[section][at] = record
            self.origin[section][at] = (name, i)
        elif section in UNITED:
            self._unite(name, section, i, at, record)
        elif section == "sources":
            for field in ("kind", "volume", "chapter", "url"):
                if old.get(field) != record.get(field):
                    was, now = old.get(field), record.get(field)
                    self.conflicts.append(f"{where}: {key} differs from {old_from} in {field!r}: {was!r} vs {now!r}")
                    return
        elif section == "regions":
            if old.get("parent") != record.get("parent"):
                was, now = old.get("parent"), record.get("parent")
                self.conflicts.append(f"{where}: {key} differs from {old_from} in parent: {was!r} vs {now!r}")
                return
            self._unite(name, section, i, at, record)
        else:
            self.document[section].append(record)
            self.origin[section].append((name, i))

    def _origins(self, section: str, at: int, field: str, items: list[Any]) -> list[tuple[str, int, int]]:
        """Where each item of a united record's list field came from (its record's origin until united)."""
        origins = self.item_origin.setdefault((section, at, field), [])
        origins += [(*self.origin[section][at], k) for k in range(len(origins), len(items))]
        return origins

    def _lists(self, name: str, section: str, i: int, old: dict[str, Any], record: dict[str, Any]) -> list[str]:
        """The list fields of ``record`` to unite with ``old``; a field that is no list on either is a conflict."""
        fields = ["muscles", "aliases", "sources"] if section in UNITED else ["aliases"]
        for field in fields:
            for where, value in (
                (f"{name} $.{section}[{i}].{field}", record.get(field, [])),
                (None, old.get(field, [])),
            ):
                if not isinstance(value, list):
                    place = where or f"{name} $.{section}[{i}]: {old.get('id')}'s {field} (defined earlier)"
                    self.conflicts.append(f"{place}: a list, not {type(value).__name__}")
                    return []
        return fields

    def _unite(self, name: str, section: str, i: int, at: int, record: dict[str, Any]) -> None:
        """Unite a fragment's record with the one at ``at``: muscle links, aliases and sources."""
        old = self.document[section][at]
        fields = self._lists(name, section, i, old, record)
        merged = dict(old)
        for field in fields:
            items = [dict(item) if isinstance(item, dict) else item for item in old.get(field, [])]
            origins = self._origins(section, at, field, items)
            for j, item in enumerate(record.get(field, [])):
                if field == "muscles":
                    problem = _link_problem(item)
                    if problem:
                        self.conflicts.append(f"{name} $.{section}[{i}].muscles[{j}]: {problem}")
                        continue
                    same = next(
                        (
                            k
                            for k, other in enumerate(items)
                            if _link_problem(other) is None and other["muscle"] == item["muscle"]
                        ),
                        None,
                    )
                    if same is not None:
                        _unite_link(items[same], item)
                        origins[same] = (name, i, j)  # what is wrong with the united link is the fragment's doing
                        continue
                elif item in items:
                    continue
                items.append(dict(item) if isinstance(item, dict) else item)
                origins.append((name, i, j))
            merged[field] = items
        self.document[section][at] = merged

    def locate(self, message: str) -> str:
        """Rewrite ``$.section[i]`` (and a united record's ``.field[k]``) to the fragment it came from."""

        def swap(match: re.Match[str]) -> str:
            section, index, field, item = match.group(1), int(match.group(2)), match.group(3), match.group(4)
            items = self.item_origin.get((section, index, field), []) if field else []
            if item is not None and int(item) < len(items):
                name, original, k = items[int(item)]
                return f"{name} $.{section}[{original}].{field}[{k}]"
            if section in self.origin and index < len(self.origin[section]):
                name, original = self.origin[section][index]
                rest = match.group(0)[match.end(2) - match.start(0) + 1 :]
                return f"{name} $.{section}[{original}]{rest}"
            return match.group(0)

        return re.sub(r"\$\.(\w+)\[(\d+)\](?:\.(\w+)\[(\d+)\])?", swap, message)


def lint(atlas: Any) -> list[str]:
    """What loads but the packaged-data tests would still refuse."""
    import csv

    problems = [f"{m.id}: no trigger point" for m in atlas.muscles if not atlas.trigger_points_of(m.id)]
    problems += [
        f"{p.id}: no essential referral"
        for p in atlas.trigger_points
        if not any(r.zone.value == "essential" for r in p.referrals)
    ]
    table = ROOT / "data" / "anatomy-xrefs" / "uberon-muscles.tsv"
    with table.open(encoding="utf-8") as handle:
        rows = {row["uberon_id"]: row for row in csv.DictReader(handle, delimiter="\t")}
    for muscle in atlas.muscles:
        if not muscle.xrefs:
            continue
        uberon = [x for x in muscle.xrefs if x.startswith("UBERON:")]
        row = rows.get(uberon[0]) if len(uberon) == 1 else None
        if row is None:
            problems.append(f"{muscle.id}: xrefs need exactly one UBERON id from the table")
            continue
        allowed = {row["uberon_id"], *filter(None, (row["fma_ids"] + "|" + row["ncit_ids"]).split("|"))}
        if not set(muscle.xrefs) <= allowed:
            stray = sorted(set(muscle.xrefs) - allowed)
            problems.append(f"{muscle.id}: xrefs {stray} are not in row {row['uberon_id']}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in {"check", "merge"}:
        print(__doc__)
        return 2
    command, paths = argv[0], argv[1:]
    base = json.loads(PACKAGED.read_text(encoding="utf-8"))
    merger = Merger(base)
    for path in paths:
        try:
            fragment = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read: {error}")
            return 1
        if not isinstance(fragment, dict):
            merger.conflicts.append(f"{Path(path).name} $: a fragment is a JSON object, not {type(fragment).__name__}")
            continue
        merger.add(Path(path).name, fragment)
    for conflict in merger.conflicts:
        print(f"conflict: {conflict}")

    import triggerpoints as tp

    with tempfile.TemporaryDirectory() as folder:
        merged = Path(folder) / "merged.json"
        merged.write_text(json.dumps(merger.document, ensure_ascii=False, indent=1), encoding="utf-8")
        try:
            atlas = tp.load(merged)
        except tp.DatasetError as error:
            for found in error.problems:
                print(merger.locate(str(found)))
            print(f"{len(error.problems)} problem(s); nothing written")
            return 1
        problems = lint(atlas)
    for lint_problem in problems:
        print(lint_problem)
    if merger.conflicts or problems:
        print(f"{len(merger.conflicts)} conflict(s), {len(problems)} problem(s); nothing written")
        return 1
    counts = ", ".join(f"{len(getattr(atlas, s))} {s}" for s in ("muscles", "trigger_points", "regions", "sources"))
    print(f"ok: {counts}")
    if command == "merge":
        PACKAGED.write_text(json.dumps(merger.document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written: {PACKAGED.relative_to(ROOT)}")
        print("now run: python tools/build_data.py (tp.load() reads the prebuilt form it writes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
