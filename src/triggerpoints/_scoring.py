"""The ranking model at work: every candidate of one query scored from the atlas's indexes.

:func:`triggerpoints.rank` reads the query and documents the model; :class:`Scorer`
computes it. Referrals are found through the region tree (the queried region, the
regions inside it and around it) and through the body-map overlaps of
:mod:`triggerpoints._geometry`.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator, Set
from typing import Any, Literal

from triggerpoints._atlas import Atlas
from triggerpoints._candidates import Candidate
from triggerpoints._evidence import Weights
from triggerpoints._geometry import geometry
from triggerpoints._matches import (
    AbsentMatch,
    FactorMatch,
    MatchKind,
    PriorMatch,
    RegionMatch,
    RelationMatch,
    UnreportedMatch,
)
from triggerpoints._models import Prevalence, Referral, RelationKind, TriggerPoint, Zone
from triggerpoints._terms import TermReading

__all__ = ["Scorer"]

_DIGITS = 9  # scores equal to this many decimals are tied
_KEEP_BEST = 1024  # regions' best matches remembered per atlas (a region and a set of weights each)
_KEEP_TABLES = 256  # query-wide tables remembered per atlas


class Scorer:
    """Scores every candidate of one query."""

    def __init__(
        self,
        atlas: Atlas,
        weights: Weights,
        *,
        regions: tuple[str, ...],
        terms: tuple[TermReading, ...],
        absent: tuple[str, ...],
    ) -> None:
        self.atlas = atlas
        self.weights = weights
        self.regions = regions
        self.terms = terms
        self.absent = absent
        self.static = _static(atlas)
        # The atlas's read-only indexes, built at load: the loops below read them
        # directly, for ids already known to exist.
        self._ix = atlas.indexes
        # Per trigger point, its unreported essential zones: the same for every ranking of
        # these regions with these weights, so the atlas's static part keeps the table.
        self._unreached = self.static.table(("unreached", regions, absent, weights))
        w = weights
        self._specificity: dict[MatchKind, float] = {
            "exact": w.exact,
            "subregion": w.subregion,
            "broader": w.broader,
            "overlap": w.overlap,
        }

    def placement(self, referred: str, query: str) -> tuple[float, MatchKind] | None:
        """The specificity weight and kind of a referral to ``referred`` for pain in ``query``."""
        found = self.static.relation(referred, query)
        if found is None or found[1] < self.weights.least_overlap:
            return None
        kind, fraction = found
        return self._specificity[kind] * fraction, kind

    def coverage(self, muscle: str, query: str) -> float:
        """The share of ``query``'s area covered by the muscle's referral zones (1 if unknown)."""
        essential, spillover = self.static.cover(muscle, query)
        return min(1.0, self.weights.essential * essential + self.weights.spillover * spillover)

    def zone(self, referral: Referral) -> float:
        """The weight of a referral's zone."""
        return self.weights.essential if referral.zone is Zone.ESSENTIAL else self.weights.spillover

    # --- evidence ------------------------------------------------------------------------

    def best_matches(self, query: str) -> dict[str, RegionMatch]:
        """Per muscle, the referral that best explains pain in ``query`` (remembered per atlas and weights)."""
        remembered = self.static.best(query, self.weights)
        if remembered is not None:
            return remembered
        best: dict[str, tuple[float, TriggerPoint, Referral, MatchKind]] = {}
        specificity, sensitivity = self._specificity, self.weights.sensitivity
        essential, spillover = self.weights.essential, self.weights.spillover
        least = self.weights.least_overlap
        for point, referral, kind, fraction in self.static.near(query):
            if fraction < least:
                continue
            zone = essential if referral.zone is Zone.ESSENTIAL else spillover
            probability = sensitivity * zone * specificity[kind] * fraction
            if point.muscle not in best or probability > best[point.muscle][0]:
                best[point.muscle] = (probability, point, referral, kind)
        leak, uncovered = self.weights.leak, self.weights.coverage
        matches: dict[str, RegionMatch] = {}
        for muscle, (probability, point, referral, kind) in best.items():
            covered = self.coverage(muscle, query)
            chance = probability * (1 - uncovered * (1 - covered))
            matches[muscle] = RegionMatch(
                query=query,
                trigger_point=point.id,
                region=referral.region,
                zone=referral.zone,
                match=kind,
                probability=chance,
                contribution=math.log((chance + leak) / leak),
                coverage=covered,
            )
        self.static.keep_best(query, self.weights, matches)
        return matches

    def factor_matches(self, muscle: str) -> tuple[FactorMatch, ...]:
        """One match per activity or symptom phrase naming a record tied to the muscle."""
        if not self.terms:
            return ()
        tied = {record.id for record in self._ix.links.get(muscle, ())}
        matches: list[FactorMatch] = []
        for term in self.terms:
            key = next((key for key in term.ids if key in tied), None)
            if key is not None:
                ratio = self.weights.activity_lr if term.kind == "activity" else self.weights.symptom_lr
                matches.append(FactorMatch(factor=key, kind=term.kind, contribution=math.log(ratio)))
        return tuple(matches)

    def absent_matches(self, muscle: str) -> tuple[AbsentMatch, ...]:
        """Per pain-free region, the essential zone of the muscle that most expected pain there."""
        matches: list[AbsentMatch] = []
        for query in self.absent:
            best: AbsentMatch | None = None
            for point in self._ix.points_of.get(muscle, ()):
                for referral in point.referrals:
                    found = self.placement(referral.region, query)
                    if referral.zone is not Zone.ESSENTIAL or found is None:
                        continue
                    probability = self.weights.sensitivity * self.weights.essential * found[0]
                    if best is None or probability > best.probability:
                        contribution = math.log(1 - self.weights.absent_weight * probability)
                        best = AbsentMatch(
                            query=query,
                            trigger_point=point.id,
                            region=referral.region,
                            probability=probability,
                            contribution=contribution,
                        )
            if best is not None:
                matches.append(best)
        return tuple(matches)

    def unreported_matches(self, explained: tuple[RegionMatch, ...]) -> tuple[UnreportedMatch, ...]:
        """Essential zones that explain no queried region, of the best-fitting trigger point among the matches'."""
        if not self.weights.unreported or not explained:
            return ()
        # The trigger point of the matches that leaves the fewest essential zones unreported:
        # a pattern that fits the pain; another region explained can then only help.
        return min((self.unreached(point) for point in dict.fromkeys(m.trigger_point for m in explained)), key=len)

    def unreached(self, point: str) -> tuple[UnreportedMatch, ...]:
        """A trigger point's essential zones that explain no queried region and are not said to be free of pain."""
        found = self._unreached.get(point)
        if found is None:
            w = self.weights
            contribution = math.log(1 - w.unreported * w.sensitivity * w.essential)
            found = self._unreached[point] = tuple(
                UnreportedMatch(trigger_point=point, region=region, contribution=contribution)
                for region in self.static.essential(point)
                if region not in self.absent and not any(self.placement(region, query) for query in self.regions)
            )
        return found

    def prior_matches(self, muscle: str) -> tuple[PriorMatch, ...]:
        """Prevalence evidence for the muscle (none while the ``prior`` weight is 0)."""
        if not self.weights.prior:
            return ()
        matches: list[PriorMatch] = []
        for query in self.regions:
            found = [
                (_middle(record), record.id)
                for record in self.static.prevalence(muscle)
                if (how := self.static.relation(record.region, query)) is not None and how[0] != "overlap"
            ]
            if found:
                share, key = max(found)
                contribution = self.weights.prior * math.log1p(share)
                matches.append(PriorMatch(prevalence=key, region=query, share=share, contribution=contribution))
        return tuple(matches)

    # --- candidates ----------------------------------------------------------------------

    def candidates(self, cautions: tuple[tuple[str, str], ...], limit: int | None) -> tuple[Candidate, ...]:
        """Every muscle that explains a queried region (or, with no regions, a queried term), ranked."""
        per_region = {query: self.best_matches(query) for query in self.regions}
        muscles = dict.fromkeys(muscle for matches in per_region.values() for muscle in matches)
        if not self.regions:
            muscles = dict.fromkeys(m for term in self.terms for key in term.ids for m in self._tied_to(key))
        scored = []
        for muscle in muscles:
            explained = tuple(per_region[q][muscle] for q in self.regions if muscle in per_region[q])
            evidence = (
                explained,
                self.factor_matches(muscle),
                self.absent_matches(muscle),
                self.unreported_matches(explained),
                self.prior_matches(muscle),
            )
            score = math.fsum(item.contribution for group in evidence for item in group)
            scored.append((round(score, _DIGITS), self._ix.display[muscle].casefold(), muscle, score, evidence))
        scored.sort(key=lambda item: (-item[0], item[1], item[2]))
        ranks = _ranks([item[0] for item in scored])
        kept = scored if limit is None else scored[:limit]
        present = muscles.keys()
        return tuple(
            self.candidate(muscle, score, evidence, ranks[n], present, cautions)
            for n, (_, _, muscle, score, evidence) in enumerate(kept)
        )

    def _tied_to(self, key: str) -> Iterator[str]:
        """The muscles a factor or symptom is tied to (none for a general factor)."""
        record = self._ix.by_id[key]
        for link in getattr(record, "muscles", ()):
            yield link.muscle

    def candidate(  # noqa: PLR0917 - the parts of one candidate, all worked out by candidates()
        self,
        muscle: str,
        score: float,
        evidence: tuple[
            tuple[RegionMatch, ...],
            tuple[FactorMatch, ...],
            tuple[AbsentMatch, ...],
            tuple[UnreportedMatch, ...],
            tuple[PriorMatch, ...],
        ],
        place: tuple[int, bool],
        present: Set[str],
        cautions: tuple[tuple[str, str], ...],
    ) -> Candidate:
        """One muscle's candidate: its evidence, score, rank, relations to the other candidates and names."""
        explained, factors, absent, unreported, priors = evidence
        named = {m.trigger_point for m in explained} | {a.trigger_point for a in absent}
        asked = {m.query for m in explained}
        unexplained = tuple(q for q in self.regions if q not in asked)
        return Candidate(
            muscle=self._ix.by_id[muscle],  # type: ignore[arg-type]
            trigger_points=tuple(p for p in self._ix.points_of.get(muscle, ()) if p.id in named),
            score=score,
            explained=explained,
            unexplained=unexplained,
            factors=factors,
            absent=absent,
            relations=self.relations(muscle, present),
            cautions=cautions,
            names=self._ix.display,
            rank=place[0],
            tied=place[1],
            priors=priors,
            unreported=unreported,
        )

    def relations(self, muscle_id: str, present: Set[str]) -> tuple[RelationMatch, ...]:
        """Key and satellite relations of a muscle with other candidates, with their advice, each once."""
        advice = self.static.advice(muscle_id)
        if not advice:
            return ()
        found = {match.relation: match for source, target, match in advice if source in present and target in present}
        return tuple(found.values())

    def notes(self, candidates: tuple[Candidate, ...]) -> tuple[str, ...]:
        """Why queried regions are explained by no candidate; why there is no candidate at all."""
        explained = {match.query for candidate in candidates for match in candidate.explained}
        display = self._ix.display
        found: list[str] = []
        for region in self.regions:
            if region not in explained:
                why = (
                    "no trigger point in the data refers pain to it, to a region inside or around it, "
                    "or to a region overlapping it on the body maps"
                )
                hidden = self.static.shape.hidden(region)
                if hidden:
                    why += f" (the maps cannot show it: {hidden})"
                found.append(f"nothing explains pain in the {display[region]}: {why}")
        if not candidates and not found:
            found.append(
                "no painful place or tied activity or symptom was read, so there is nothing to rank"
                if not self.regions
                else "no muscle explains the places read"
            )
        return tuple(found)


class _Static:
    """What scoring needs that depends on the atlas alone, worked out once per atlas and region.

    Every value is a pure function of the atlas, so threads that fill the caches at the
    same time store equal values.
    """

    def __init__(self, atlas: Atlas) -> None:
        self.ix = atlas.indexes
        self.dataset = atlas.dataset
        self.shape = geometry(atlas)
        self._prevalence: dict[str, tuple[Prevalence, ...]] | None = None
        self._relation: dict[tuple[str, str], tuple[MatchKind, float] | None] = {}
        self._near: dict[str, tuple[tuple[TriggerPoint, Referral, MatchKind, float], ...]] = {}
        self._outer: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._cover: dict[tuple[str, str], tuple[float, float]] = {}
        self._essential: dict[str, tuple[str, ...]] = {}
        self._advice: dict[str, tuple[tuple[str, str, RelationMatch], ...]] = {}
        self._best: dict[tuple[str, Weights], dict[str, RegionMatch]] = {}
        self._tables: dict[tuple[object, ...], dict[str, Any]] = {}

    def table(self, key: tuple[object, ...]) -> dict[str, Any]:
        """A table of values that depend on ``key`` alone, kept for the next query with that key (the last 256)."""
        found = self._tables.get(key)
        if found is None:
            with _LOCK:
                if len(self._tables) >= _KEEP_TABLES:
                    self._tables.pop(next(iter(self._tables)), None)
                found = self._tables.setdefault(key, {})
        return found

    def best(self, query: str, weights: Weights) -> dict[str, RegionMatch] | None:
        """The best matches of a region under some weights, if worked out before."""
        return self._best.get((query, weights))

    def keep_best(self, query: str, weights: Weights, matches: dict[str, RegionMatch]) -> None:
        """Remember the best matches of a region under some weights (the last 1024)."""
        with _LOCK:
            if len(self._best) >= _KEEP_BEST:
                self._best.pop(next(iter(self._best)), None)
            self._best[(query, weights)] = matches

    def prevalence(self, muscle: str) -> tuple[Prevalence, ...]:
        """The prevalence records of a muscle."""
        if self._prevalence is None:
            grouped: dict[str, list[Prevalence]] = {}
            for record in getattr(self.dataset, "prevalence", ()):
                grouped.setdefault(record.muscle, []).append(record)
            self._prevalence = {muscle: tuple(records) for muscle, records in grouped.items()}
        return self._prevalence.get(muscle, ())

    def essential(self, point: str) -> tuple[str, ...]:
        """The regions of a trigger point's essential zones."""
        found = self._essential.get(point)
        if found is None:
            record = self.ix.by_id[point]
            regions = (r.region for r in getattr(record, "referrals", ()) if r.zone is Zone.ESSENTIAL)
            found = self._essential[point] = tuple(dict.fromkeys(regions))
        return found

    def advice(self, muscle: str) -> tuple[tuple[str, str, RelationMatch], ...]:
        """The muscle's key and satellite relations: the muscles of their two ends, and the relation as advice."""
        found = self._advice.get(muscle)
        if found is None:
            by_id, display = self.ix.by_id, self.ix.display
            notes: list[tuple[str, str, RelationMatch]] = []
            for relation in (*self.ix.relations_out.get(muscle, ()), *self.ix.relations_in.get(muscle, ())):
                owners = [_owner(by_id.get(end), end) for end in (relation.source, relation.target)]
                source, target = display[relation.source], display[relation.target]
                if relation.kind is RelationKind.SATELLITE:
                    kind: Literal["satellite", "key"] = "satellite"
                    text = f"treat {source} first: {target} satellite trigger points lie in its referral zone"
                elif relation.kind is RelationKind.KEY:
                    kind, text = "key", f"treat {source} first: it keeps {target} trigger points active"
                else:
                    continue
                match = RelationMatch(
                    relation=relation.id, kind=kind, source=relation.source, target=relation.target, text=text
                )
                notes.append((owners[0], owners[1], match))
            found = self._advice[muscle] = tuple(notes)
        return found

    def relation(self, referred: str, query: str) -> tuple[MatchKind, float] | None:
        """How ``referred`` sits relative to ``query``: the kind, and the overlap fraction (1 in the tree)."""
        pair = (referred, query)
        if pair not in self._relation:
            ancestors = self.ix.ancestors
            found: tuple[MatchKind, float] | None
            if referred == query:
                found = ("exact", 1.0)
            elif query in ancestors[referred]:
                found = ("subregion", 1.0)
            elif referred in ancestors[query]:
                found = ("broader", 1.0)
            else:
                fraction = min(1.0, self.shape.fraction(referred, query))
                found = ("overlap", fraction) if fraction else None
            self._relation[pair] = found
        return self._relation[pair]

    def near(self, query: str) -> tuple[tuple[TriggerPoint, Referral, MatchKind, float], ...]:
        """The referrals that explain ``query`` (to it, inside, around or overlapping it), in dataset order."""
        found = self._near.get(query)
        if found is None:
            pairs, ix = self.ix.referrals_to, self.ix
            regions = (query, *ix.descendants[query], *ix.ancestors[query], *self.shape.overlaps(query))
            near = [(p, r) for region in regions for p, r in pairs.get(region, ())]
            near.sort(key=lambda pair: ix.position[pair[0].id])
            found = self._near[query] = tuple(
                (point, referral, *placed)
                for point, referral in near
                if (placed := self.relation(referral.region, query)) is not None
            )
        return found

    def outer(self, muscle: str) -> tuple[tuple[str, bool], ...]:
        """The muscle's referral regions that lie inside no other of them, and whether any is essential."""
        found = self._outer.get(muscle)
        if found is None:
            zones: dict[str, bool] = {}
            for point in self.ix.points_of.get(muscle, ()):
                for referral in point.referrals:
                    zones[referral.region] = zones.get(referral.region, False) or referral.zone is Zone.ESSENTIAL
            ancestors = self.ix.ancestors
            found = self._outer[muscle] = tuple(
                (r, essential) for r, essential in zones.items() if not any(a in zones for a in ancestors[r])
            )
        return found

    def cover(self, muscle: str, query: str) -> tuple[float, float]:
        """The shares of ``query``'s area that the muscle's essential and spillover zones cover (1, 0 if unknown)."""
        pair = (muscle, query)
        found = self._cover.get(pair)
        if found is None:
            if not self.shape.area(query):
                found = (1.0, 0.0)
            else:
                shares = [(self.share(region, query), essential) for region, essential in self.outer(muscle)]
                found = (
                    math.fsum(share for share, essential in shares if essential),
                    math.fsum(share for share, essential in shares if not essential),
                )
            self._cover[pair] = found
        return found

    def share(self, referred: str, query: str) -> float:
        """The share of ``query``'s area that the region ``referred`` covers."""
        ancestors = self.ix.ancestors
        if referred == query or referred in ancestors[query]:
            return 1.0
        area = self.shape.area(query)
        if query in ancestors[referred]:
            return min(1.0, self.shape.area(referred) / area)
        return min(1.0, self.shape.overlaps(query).get(referred, 0.0) / area)


_STATIC: dict[int, tuple[Atlas, _Static]] = {}
_LOCK = threading.Lock()


def _static(atlas: Atlas) -> _Static:
    """The atlas's :class:`_Static`, made on first use (a few atlases are kept)."""
    found = _STATIC.get(id(atlas))
    if found is not None and found[0] is atlas:
        return found[1]
    with _LOCK:
        if len(_STATIC) >= 8:
            _STATIC.pop(next(iter(_STATIC)), None)
        made = _STATIC[id(atlas)] = (atlas, _Static(atlas))
    return made[1]


def _middle(record: Prevalence) -> float:
    """A prevalence record's share: the middle of its range, if it gives one."""
    return record.share if record.share_high is None else (record.share + record.share_high) / 2


def _owner(record: object, record_id: str) -> str:
    """The muscle a relation end belongs to: a trigger point's muscle, or the id itself."""
    return record.muscle if isinstance(record, TriggerPoint) else record_id


def _ranks(scores: list[float]) -> list[tuple[int, bool]]:
    """Competition ranks (1, 2, 2, 4) of scores sorted best first, and whether each is tied."""
    ranks: list[tuple[int, bool]] = []
    for n, score in enumerate(scores):
        first = n if n == 0 or scores[n - 1] != score else ranks[n - 1][0] - 1
        tied = (n > 0 and scores[n - 1] == score) or (n + 1 < len(scores) and scores[n + 1] == score)
        ranks.append((first + 1, tied))
    return ranks
