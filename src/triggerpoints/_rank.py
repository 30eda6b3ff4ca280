"""Ordering candidate pain sources, with the evidence for each.

See :func:`rank` for the model. Everything here reads the atlas's indexes; no graph is
walked and networkx is not imported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Set
from types import MappingProxyType

from triggerpoints._atlas import Atlas
from triggerpoints._candidates import AbsentMatch, Candidate, FactorMatch, MatchKind, Ranking, RegionMatch
from triggerpoints._evidence import DEFAULT_WEIGHTS, Weights, specificity
from triggerpoints._load import load
from triggerpoints._lookup import Place, resolve_place
from triggerpoints._models import Referral, RelationKind, TriggerPoint, Zone
from triggerpoints.exceptions import UnknownIdError

__all__ = ["rank"]

_DEFAULT = DEFAULT_WEIGHTS


def rank(
    pain: str | Iterable[str],
    *,
    activities: Iterable[str] = (),
    symptoms: Iterable[str] = (),
    absent: Iterable[str] = (),
    limit: int | None = None,
    strict: bool = True,
    atlas: Atlas | None = None,
    essential: float = _DEFAULT.essential,
    spillover: float = _DEFAULT.spillover,
    exact: float = _DEFAULT.exact,
    subregion: float = _DEFAULT.subregion,
    broader: float = _DEFAULT.broader,
    sensitivity: float = _DEFAULT.sensitivity,
    leak: float = _DEFAULT.leak,
    activity_lr: float = _DEFAULT.activity_lr,
    symptom_lr: float = _DEFAULT.symptom_lr,
    absent_weight: float = _DEFAULT.absent_weight,
) -> Ranking:
    """Rank the muscles whose trigger points could explain pain in the given places.

    Args:
        pain: Where it hurts: region ids, names, aliases or phrases ("sits bone",
            "pain down the outside of my thigh to the ankle"); one string or several.
            See :func:`resolve_place`.
        activities: Activities that brought the pain on (factor ids, names or aliases).
        symptoms: Symptoms beyond pain (symptom ids, names or aliases).
        absent: Places that do not hurt.
        limit: Keep at most this many candidates.
        strict: If true, a pain phrase that names no region raises; if false, it is
            listed in :attr:`Ranking.unresolved` and the rest is ranked.
        atlas: The atlas to ask (default: the packaged one).
        essential: Strength of an essential referral zone.
        spillover: Strength of a spillover zone.
        exact: Specificity when the referral names the queried region.
        subregion: Specificity when the referral names a region inside the queried one.
        broader: Specificity when the queried region lies inside the referral's region.
        sensitivity: Chance that an active trigger point produces its pattern.
        leak: Chance of pain in a region from any other cause.
        activity_lr: Likelihood ratio of a matching activity.
        symptom_lr: Likelihood ratio of a matching symptom.
        absent_weight: How strongly a pain-free essential zone counts against.

    Returns:
        The candidates, best first, with the resolved query.

    Raises:
        UnknownIdError: A pain phrase (with ``strict``), an activity, a symptom or an
            absent region names nothing; raised before any scoring.
        ValueError: A weight is not positive (or above 1 where it is a probability),
            or ``limit`` is negative.

    Notes:
        A likelihood-ratio model, each term one piece of evidence. For muscle *m*
        and queried region *q*, each referral *r* of each of *m*'s trigger points
        gives ``p(r, q) = sensitivity * zone(r) * specificity(r, q)``, where
        ``zone`` is ``essential`` or ``spillover`` and ``specificity`` is ``exact``,
        ``subregion`` or ``broader`` by how *r*'s region sits relative to *q* in the
        region hierarchy (0 when they are unrelated). The best referral explains *q*
        with ``p(m, q) = max_r p(r, q)``. Then

        ``score(m) = sum_q ln((p(m, q) + leak) / leak)``
        ``+ sum_activities ln(activity_lr) + sum_symptoms ln(symptom_lr)``
        ``+ sum_absent ln(1 - absent_weight * p_essential(m, a))``

        where the activity and symptom terms count only those tied to *m* (general
        factors, which fit every muscle, do not discriminate and are left out), and
        ``p_essential`` uses only essential zones. An unexplained region adds 0, so
        explaining more regions, essential zones and specific matches all raise the
        score; a pain-free essential zone lowers it. The dataset records no
        frequency priors yet, so every muscle starts equal. Candidates are the
        muscles explaining at least one queried region (or, with no pain given,
        tied to a queried activity or symptom), ordered by score, then by how many
        regions they explain, then by name and id. The score is ``math.fsum`` of the
        evidence contributions, so it does not depend on the order of the inputs.

    References:
        Travell JG, Simons DG. Myofascial Pain and Dysfunction: The Trigger Point
        Manual, vols. 1-2 (pain guides: essential patterns first). Köhler S et al.
        Clinical diagnostics in human genetics with semantic similarity searches in
        ontologies (Phenomizer), Am J Hum Genet 2009. Robinson PN et al. Interpretable
        clinical genomics with a likelihood ratio paradigm (LIRICAL), Am J Hum Genet
        2020.

    Examples:
        >>> import triggerpoints as tp
        >>> ranking = tp.rank(["outside of thigh", "outside of lower leg", "ankle"])
        >>> ranking[0].muscle.name
        'Gluteus minimus'
        >>> [m.trigger_point for m in ranking[0].explained]
        ['tp:gluteus-minimus-anterior', 'tp:gluteus-minimus-anterior', 'tp:gluteus-minimus-anterior']
        >>> abs(ranking[0].score - sum(e.contribution for e in ranking[0].evidence)) < 1e-9
        True
    """
    atlas = load() if atlas is None else atlas
    weights = Weights(
        essential=essential,
        spillover=spillover,
        exact=exact,
        subregion=subregion,
        broader=broader,
        sensitivity=sensitivity,
        leak=leak,
        activity_lr=activity_lr,
        symptom_lr=symptom_lr,
        absent_weight=absent_weight,
    )
    if limit is not None and limit < 0:
        raise ValueError("limit must not be negative")
    places, unresolved = _resolve_pain(atlas, pain, strict=strict)
    regions = tuple(dict.fromkeys(region for place in places for region in place.regions))
    activity_ids = tuple(dict.fromkeys(atlas.factor(key).id for key in _strings(activities)))
    symptom_ids = tuple(dict.fromkeys(atlas.symptom(key).id for key in _strings(symptoms)))
    absent_ids = tuple(dict.fromkeys(atlas.region(key).id for key in _strings(absent)))
    scorer = _Scorer(atlas, weights, regions=regions, activities=activity_ids, symptoms=symptom_ids, absent=absent_ids)
    cautions = tuple(dict.fromkeys(note for region in regions for note in atlas.cautions_for(region)))
    candidates = scorer.candidates(cautions)
    return Ranking(
        candidates=candidates if limit is None else candidates[:limit],
        places=places,
        regions=regions,
        unresolved=unresolved,
        activities=activity_ids,
        symptoms=symptom_ids,
        absent=absent_ids,
        cautions=cautions,
        weights=weights,
    )


def _strings(values: str | Iterable[str]) -> tuple[str, ...]:
    """One string, or an iterable of them (a string is not split into letters)."""
    return (values,) if isinstance(values, str) else tuple(values)


def _resolve_pain(
    atlas: Atlas, pain: str | Iterable[str], *, strict: bool
) -> tuple[tuple[Place, ...], tuple[str, ...]]:
    places: list[Place] = []
    unresolved: list[str] = []
    for phrase in _strings(pain):
        try:
            places.append(resolve_place(phrase, atlas=atlas))
        except UnknownIdError:  # noqa: PERF203 - each phrase stands or falls on its own
            if strict:
                raise
            unresolved.append(phrase)
    return tuple(places), tuple(unresolved)


class _Scorer:
    """Scores every candidate of one query from the atlas's indexes."""

    def __init__(
        self,
        atlas: Atlas,
        weights: Weights,
        *,
        regions: tuple[str, ...],
        activities: tuple[str, ...],
        symptoms: tuple[str, ...],
        absent: tuple[str, ...],
    ) -> None:
        self.atlas = atlas
        self.weights = weights
        self.regions = regions
        self.activities = activities
        self.symptoms = symptoms
        self.absent = absent
        # The atlas's read-only indexes, built at load: the hot loops below read them
        # directly, as the atlas's own methods do, for ids already known to exist.
        self._ix = atlas.indexes
        self._owner: dict[str, str] = {}  # record id -> its muscle's id, filled as asked
        self._name: dict[str, str] = {}  # record id -> display name, filled as asked
        self._placed: dict[tuple[str, str], tuple[float, MatchKind] | None] = {}  # (referred, queried) region

    def owner(self, record_id: str) -> str:
        """The id of the muscle a record belongs to (a muscle is its own)."""
        found = self._owner.get(record_id)
        if found is None:
            found = self._owner[record_id] = self.atlas.muscle_of(record_id)
        return found

    def name(self, record_id: str) -> str:
        """A record's display name."""
        found = self._name.get(record_id)
        if found is None:
            found = self._name[record_id] = self._ix.display[record_id]
        return found

    def specificity(self, referred: str, query: str) -> tuple[float, MatchKind] | None:
        """How the referral's region sits relative to the queried one, as a weight."""
        pair = (referred, query)
        if pair not in self._placed:
            self._placed[pair] = specificity(self.atlas, referred, query, self.weights)
        return self._placed[pair]

    def referrals_near(self, query: str) -> Iterator[tuple[TriggerPoint, Referral]]:
        """Referrals to the query, to regions inside it, and to regions around it."""
        yield from self.atlas.referral_pairs(query)
        for ancestor in self._ix.ancestors[query]:
            yield from self.atlas.referral_pairs(ancestor, include_subregions=False)

    def best_matches(self, query: str) -> dict[str, RegionMatch]:
        """Per muscle, the referral that best explains pain in ``query``."""
        best: dict[str, RegionMatch] = {}
        leak = self.weights.leak
        position = self._ix.position
        near = sorted(self.referrals_near(query), key=lambda pair: position[pair[0].id])
        for point, referral in near:
            found = self.specificity(referral.region, query)
            if found is None:
                continue
            zone = self.weights.essential if referral.zone is Zone.ESSENTIAL else self.weights.spillover
            probability = self.weights.sensitivity * zone * found[0]
            muscle = point.muscle
            if muscle not in best or probability > best[muscle].probability:
                best[muscle] = RegionMatch(
                    query=query,
                    trigger_point=point.id,
                    region=referral.region,
                    zone=referral.zone,
                    match=found[1],
                    probability=probability,
                    contribution=math.log((probability + leak) / leak),
                )
        return best

    def factor_matches(self, muscle: str) -> tuple[FactorMatch, ...]:
        if not self.activities and not self.symptoms:
            return ()
        tied: set[str] = {factor.id for factor in self.atlas.factors_of(muscle)}
        tied.update(symptom.id for symptom in self.atlas.symptoms_of(muscle))
        activity, symptom = math.log(self.weights.activity_lr), math.log(self.weights.symptom_lr)
        return (
            *(
                FactorMatch(factor=key, kind="activity", contribution=activity)
                for key in self.activities
                if key in tied
            ),
            *(FactorMatch(factor=key, kind="symptom", contribution=symptom) for key in self.symptoms if key in tied),
        )

    def absent_matches(self, muscle: str) -> tuple[AbsentMatch, ...]:
        matches: list[AbsentMatch] = []
        for query in self.absent:
            best: AbsentMatch | None = None
            for point in self.atlas.trigger_points_of(muscle):
                for referral in point.referrals:
                    found = self.specificity(referral.region, query)
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

    def candidates(self, cautions: tuple[tuple[str, str], ...]) -> tuple[Candidate, ...]:
        """Every muscle that explains a queried region (or, with no regions, a queried factor), best first."""
        per_region = {query: self.best_matches(query) for query in self.regions}
        muscles = dict.fromkeys(muscle for matches in per_region.values() for muscle in matches)
        if not self.regions:
            wanted = (*self.activities, *self.symptoms)
            muscles = dict.fromkeys(m.id for key in wanted for m in self.atlas.muscles_of(key))
        found = [self.candidate(muscle, per_region, muscles.keys(), cautions) for muscle in muscles]
        found.sort(key=lambda c: (-c.score, -len(c.explained), c.muscle.name.casefold(), c.muscle.id))
        return tuple(found)

    def candidate(
        self,
        muscle_id: str,
        per_region: dict[str, dict[str, RegionMatch]],
        present: Set[str],
        cautions: tuple[tuple[str, str], ...],
    ) -> Candidate:
        """One muscle's candidate: its evidence, score, relations to the other candidates and names."""
        explained = tuple(per_region[q][muscle_id] for q in self.regions if muscle_id in per_region[q])
        factors = self.factor_matches(muscle_id)
        absent = self.absent_matches(muscle_id)
        evidence: tuple[RegionMatch | FactorMatch | AbsentMatch, ...] = (*explained, *factors, *absent)
        named = {m.trigger_point for m in explained} | {a.trigger_point for a in absent}
        unexplained = tuple(q for q in self.regions if muscle_id not in per_region[q])
        ids = [muscle_id]  # every id the evidence shows, in a fixed order, for the names mapping
        for match in explained:
            ids += (match.query, match.region, match.trigger_point)
        ids += unexplained
        ids += (f.factor for f in factors)
        ids += (a.query for a in absent)
        ids += (region for region, _ in cautions)
        return Candidate(
            muscle=self.atlas.muscle(muscle_id),
            trigger_points=tuple(p for p in self._ix.points_of.get(muscle_id, ()) if p.id in named),
            score=math.fsum(item.contribution for item in evidence),
            explained=explained,
            unexplained=unexplained,
            factors=factors,
            absent=absent,
            relations=self.relation_notes(muscle_id, present),
            cautions=cautions,
            names=MappingProxyType({key: self.name(key) for key in ids}),
        )

    def relation_notes(self, muscle_id: str, present: Set[str]) -> tuple[str, ...]:
        """Key and satellite relations of a muscle with other candidates, as advice."""
        notes: list[str] = []
        for relation in (*self._ix.relations_out.get(muscle_id, ()), *self._ix.relations_in.get(muscle_id, ())):
            if not (self.owner(relation.source) in present and self.owner(relation.target) in present):
                continue
            source, target = self.name(relation.source), self.name(relation.target)
            if relation.kind is RelationKind.SATELLITE:
                notes.append(f"treat {source} first: {target} satellite trigger points lie in its referral zone")
            elif relation.kind is RelationKind.KEY:
                notes.append(f"treat {source} first: it keeps {target} trigger points active")
        return tuple(dict.fromkeys(notes))
