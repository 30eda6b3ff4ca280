"""Apply the December 2026 second-source review (data/curation/*.json) to the packaged data.

The review's findings are kept in ``data/curation/second-sources-{upper,middle,lower}.json``
(one per body half, written by the curators who read the pages). This script folds them
into ``src/triggerpoints/data/triggerpoints.json`` so the change is reproducible:

- new sources are added (an existing id is left as it is);
- each ``support`` entry adds its source to the referral or relation it supports, unless
  the curator marked the statement as too loose ("Loose:", "Group-level:") or the fact
  already cites it; a muscle-level statement is accepted and said so in the curation note;
- each ``replacements`` entry with a new source swaps the old id for the new one in every
  fact that cites it, except where ``EXCEPTIONS`` says otherwise; a source nobody cites
  any more is dropped; a replacement without a new source leaves the citation (its
  ``concern`` keeps it from counting towards support);
- each ``disagreements`` entry is recorded in the fact's curation note, and so is each
  ``not_found`` entry (the review looked for a second independent source and found none);
- each ``new_referrals`` entry of ``data/curation/region-guide-gaps.json`` (the review of
  the muscles public region guides list for an area where the data had no referral) adds
  that referral to its trigger point, unless the point already refers there;
- sources that are copies of, or by the same author as, another publisher's pages get
  that publisher (``SAME_PUBLISHER``), so they never count as independent.

Usage::

    python tools/apply_curation.py          # apply, then run tools/build_data.py
    python tools/apply_curation.py --check  # report what would change, write nothing
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "triggerpoints" / "data" / "triggerpoints.json"
FINDINGS = sorted((ROOT / "data" / "curation").glob("second-sources-*.json"))
GUIDE_GAPS = ROOT / "data" / "curation" / "region-guide-gaps.json"

#: Hosts whose pages are one publisher's, whatever host serves them (same author, or copies).
SAME_PUBLISHER = {
    "nielasher.com": "Simeon Niel-Asher",
    "triggerpoints3d.com": "Simeon Niel-Asher",
    "docplayer.net": "Simeon Niel-Asher",
    "symchecker.triggerpointproducts.com": "NAMTPT",
    "iwakunimassage.com": "The Pain Whisperer",
    "painwhisperer.com": "The Pain Whisperer",
    "thepainwhisperer.com": "The Pain Whisperer",
}
#: Statements too loose to count as support.
LOOSE = ("Loose:", "Group-level:")
#: Replacements that do not apply everywhere: old source -> [(fact name prefix, new source or None to drop)].
EXCEPTIONS: dict[str, list[tuple[str, str | None]]] = {
    # The page is about the long toe flexors; its replacement covers flexor digitorum longus only.
    "source:web-kneepainout-big-toe-pain": [("tp:flexor-hallucis-longus", None)],
}
#: Corrections to existing sources that the review found (a field -> its right value).
SOURCE_FIXES: dict[str, dict[str, Any]] = {
    # What was read is a library catalogue page carrying the chapter's figure captions.
    "source:web-libir-gatterman-myofascial-pain": {"kind": "web-page", "publisher": "Meridel I. Gatterman"},
    # studylib holds the full text of a peer-reviewed case series.
    "source:web-studylib-jankovic-frozen-shoulder": {
        "kind": "article",
        "tier": "peer-reviewed",
        "publisher": "Acta Anaesthesiologica Belgica",
    },
    # A forum post that reproduces the manual's own sentences: it is the manual, not a second publisher.
    "source:web-daum-deep-intrinsic-foot": {"publisher": "Travell & Simons"},
}


def _host(url: str | None) -> str:
    return (urlparse(url).hostname or "").removeprefix("www.") if url else ""


def _note(record: dict[str, Any], text: str) -> None:
    """Append a sentence to a record's curation note, once."""
    old = record.get("curation", "")
    if text not in old:
        record["curation"] = f"{old} {text}".strip()


def _cite(record: dict[str, Any], source: str) -> bool:
    if source in record["sources"]:
        return False
    record["sources"].append(source)
    return True


def apply(document: dict[str, Any], findings: list[dict[str, Any]]) -> list[str]:  # noqa: PLR0912 - one branch per kind of finding
    """Fold every finding into ``document`` (changed in place); return what was done, line by line."""
    log: list[str] = []
    sources = {source["id"]: source for source in document["sources"]}
    points = {point["id"]: point for point in document["trigger_points"]}
    relations = {relation["id"]: relation for relation in document["relations"]}
    for finding in findings:
        for source in finding.get("sources", []):
            if source["id"] not in sources:
                added = {key: value for key, value in source.items() if value not in (None, [], "")}
                added.setdefault("authors", [])
                _note(added, f"Added in the December 2026 second-source review ({finding['area']}).")
                document["sources"].append(added)
                sources[added["id"]] = added
                log.append(f"source added: {added['id']}")
        for entry in finding.get("support", []):
            log.extend(_support(entry, sources, points, relations))
        for entry in finding.get("disagreements", []):
            log.extend(_disagreement(entry, points, relations))
        for entry in finding.get("not_found", []):
            log.extend(_not_found(entry, points, relations))
        for entry in finding.get("new_referrals", []):
            log.extend(_new_referral(entry, sources, points))
    for finding in findings:
        for entry in finding.get("replacements", []):
            log.extend(_replace(document, entry, sources))
    for source in document["sources"]:
        for field, value in SOURCE_FIXES.get(source["id"], {}).items():
            if source.get(field) != value:
                source[field] = value
                log.append(f"source fixed: {source['id']} {field} = {value}")
        publisher = SAME_PUBLISHER.get(_host(source.get("url")))
        if publisher and source.get("publisher") != publisher:
            source["publisher"] = publisher
            log.append(f"publisher: {source['id']} -> {publisher}")
    cited = _cited(document)
    kept = [source for source in document["sources"] if source["id"] in cited]
    log.extend(f"source dropped (no longer cited): {s['id']}" for s in document["sources"] if s["id"] not in cited)
    document["sources"] = kept
    return log


def _referral(point: dict[str, Any], region: str) -> dict[str, Any] | None:
    return next((r for r in point["referrals"] if r["region"] == region), None)


def _support(  # noqa: PLR0911 - one early return per way an entry can fail to apply
    entry: dict[str, Any],
    sources: dict[str, dict[str, Any]],
    points: dict[str, dict[str, Any]],
    relations: dict[str, dict[str, Any]],
) -> list[str]:
    source, says = entry["source"], entry.get("says", "")
    if source not in sources:
        return [f"SKIPPED support: unknown source {source}"]
    if says.startswith(LOOSE):
        return [f"skipped loose support: {source} for {entry.get('trigger_point') or entry.get('relation')}"]
    publisher = sources[source].get("publisher") or _host(sources[source].get("url")) or source
    if "relation" in entry:
        relation = relations.get(entry["relation"])
        if relation is None:
            return [f"SKIPPED support: unknown relation {entry['relation']}"]
        if _cite(relation, source):
            _note(relation, f"Second source: {publisher}.")
            return [f"relation {relation['id']} += {source}"]
        return []
    point = points.get(entry["trigger_point"])
    referral = _referral(point, entry["region"]) if point else None
    if point is None or referral is None:
        return [f"SKIPPED support: no referral {entry.get('trigger_point')} -> {entry.get('region')}"]
    if not _cite(referral, source):
        return []
    level = " (it speaks of the whole muscle)" if says.startswith("Muscle-level:") else ""
    _note(referral, f"Second source: {publisher}{level}.")
    if source not in point["sources"]:
        point["sources"].append(source)
    return [f"referral {point['id']} -> {entry['region']} += {source}"]


def _disagreement(
    entry: dict[str, Any], points: dict[str, dict[str, Any]], relations: dict[str, dict[str, Any]]
) -> list[str]:
    text = f"Sources differ: {entry['says']}"
    if "relation" in entry:
        relation = relations.get(entry["relation"])
        if relation is None:
            return [f"SKIPPED disagreement: unknown relation {entry['relation']}"]
        _note(relation, text)
        return [f"disagreement noted on {relation['id']}"]
    point = points.get(entry.get("trigger_point", ""))
    if point is None:
        return [f"SKIPPED disagreement: unknown trigger point {entry.get('trigger_point')}"]
    referral = _referral(point, entry.get("region", ""))
    _note(referral if referral is not None else point, text)
    return [f"disagreement noted on {point['id']} -> {entry.get('region')}"]


def _new_referral(
    entry: dict[str, Any], sources: dict[str, dict[str, Any]], points: dict[str, dict[str, Any]]
) -> list[str]:
    point = points.get(entry["trigger_point"])
    if point is None or any(source not in sources for source in entry["sources"]):
        return [f"SKIPPED new referral: unknown trigger point or source in {entry}"]
    if _referral(point, entry["region"]) is not None:
        return []
    fields = ("region", "zone", "split", "note", "curation", "sources")
    point["referrals"].append({key: entry[key] for key in fields if entry.get(key) not in (None, "", "source")})
    point["sources"].extend(source for source in entry["sources"] if source not in point["sources"])
    return [f"referral added: {point['id']} -> {entry['region']} ({entry['zone']})"]


def _not_found(
    entry: dict[str, Any], points: dict[str, dict[str, Any]], relations: dict[str, dict[str, Any]]
) -> list[str]:
    """Say on the fact that the review looked for a second independent source and found none."""
    text = "The December 2026 review found no second independent source."
    if "relation" in entry:
        record = relations.get(entry["relation"])
    else:
        point = points.get(entry.get("trigger_point", ""))
        record = _referral(point, entry.get("region", "")) if point else None
    if record is None:
        return [f"SKIPPED not-found note: {entry}"]
    if len(set(record["sources"])) > 1:
        return []  # another finding supplied one after all
    _note(record, text)
    return [f"noted: no second source for {entry.get('relation') or entry.get('trigger_point')}"]


def _facts(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every (name, record) that has a sources list."""
    facts: list[tuple[str, dict[str, Any]]] = []
    for section in ("muscles", "relations", "factors", "symptoms", "conditions", "treatments", "regions", "prevalence"):
        facts.extend((record["id"], record) for record in document.get(section, []) if "sources" in record)
    for point in document["trigger_points"]:
        facts.append((point["id"], point))
        facts.extend(
            (f"{point['id']} -> {part['region']}", part) for part in (*point["referrals"], *point.get("spared", []))
        )
    for section in ("factors", "symptoms", "conditions", "treatments"):
        for record in document.get(section, []):
            facts.extend((f"{record['id']} ~ {link['muscle']}", link) for link in record.get("muscles", []))
    return facts


def _replace(document: dict[str, Any], entry: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[str]:
    old, new = entry["old_source"], entry.get("new_source")
    if not new or new == old:
        return []
    if new not in sources:
        return [f"SKIPPED replacement: unknown new source {new}"]
    log: list[str] = []
    exceptions = EXCEPTIONS.get(old, [])
    for name, record in _facts(document):
        if old not in record["sources"]:
            continue
        target = next((where for prefix, where in exceptions if name.startswith(prefix)), new)
        record["sources"] = [s for s in record["sources"] if s != old]
        if target and target not in record["sources"]:
            record["sources"].append(target)
        if not record["sources"]:
            record["sources"].append(old)  # never leave a fact uncited
            log.append(f"KEPT {old} on {name}: nothing else cites it")
        else:
            log.append(f"replaced {old} -> {target} on {name}")
    return log


def _cited(document: dict[str, Any]) -> set[str]:
    return {source for _, record in _facts(document) for source in record["sources"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print what would change; write nothing")
    args = parser.parse_args(argv)
    document = json.loads(DATA.read_text(encoding="utf-8"))
    findings = [json.loads(path.read_text(encoding="utf-8")) for path in FINDINGS]
    if GUIDE_GAPS.exists():
        findings.append({"area": "region guides", **json.loads(GUIDE_GAPS.read_text(encoding="utf-8"))})
    log = apply(document, findings)
    print("\n".join(log))
    print(f"{len(log)} changes from {len(findings)} findings files")
    if not args.check:
        DATA.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written: {DATA.relative_to(ROOT)}; now run: python tools/build_data.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
