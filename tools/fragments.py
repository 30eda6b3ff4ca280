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


def _unite_links(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[dict[str, Any]]:
    links = [dict(link) for link in first]
    for link in second:
        same = next((old for old in links if old["muscle"] == link["muscle"]), None)
        if same is None:
            links.append(dict(link))
            continue
        same["sources"] = _unique([*same["sources"], *link["sources"]])
        points = _unique([*same.get("trigger_points", []), *link.get("trigger_points", [])])
        # A link narrowed to some points and a link for the whole muscle: the whole wins.
        if same.get("trigger_points") and link.get("trigger_points"):
            same["trigger_points"] = points
        else:
            same.pop("trigger_points", None)
        notes = [note for note in (same.get("note"), link.get("note")) if note]
        if notes:
            same["note"] = " ".join(_unique(notes))
    return links


class Merger:
    """Folds fragments into a base document, remembering where each record came from."""

    def __init__(self, base: dict[str, Any]) -> None:
        self.document = dict(base)
        for section in SECTIONS:
            self.document[section] = [dict(record) for record in base.get(section, [])]
        self.origin: dict[str, list[tuple[str, int]]] = {
            section: [("packaged", i) for i in range(len(self.document[section]))] for section in SECTIONS
        }
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
            for i, record in enumerate(fragment.get(section, [])):
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
            merged = dict(old)
            merged["muscles"] = _unite_links(old.get("muscles", []), record.get("muscles", []))
            merged["aliases"] = _unique([*old.get("aliases", []), *record.get("aliases", [])])
            merged["sources"] = _unique([*old.get("sources", []), *record.get("sources", [])])
            self.document[section][at] = merged
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
            merged = dict(old)
            merged["aliases"] = _unique([*old.get("aliases", []), *record.get("aliases", [])])
            self.document[section][at] = merged
        else:
            self.document[section].append(record)
            self.origin[section].append((name, i))

    def locate(self, message: str) -> str:
        """Rewrite ``$.section[i]`` in a problem to the fragment the record came from."""

        def swap(match: re.Match[str]) -> str:
            section, index = match.group(1), int(match.group(2))
            if section in self.origin and index < len(self.origin[section]):
                name, original = self.origin[section][index]
                return f"{name} $.{section}[{original}]"
            return match.group(0)

        return re.sub(r"\$\.(\w+)\[(\d+)\]", swap, message)


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
