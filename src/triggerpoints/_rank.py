"""Ordering candidate pain sources, with the evidence for each.

See :func:`rank` for the model. Everything here reads the atlas's indexes and the body-map
geometry of its regions; no graph is walked and networkx is not imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from triggerpoints._atlas import Atlas
from triggerpoints._candidates import Ranking
from triggerpoints._evidence import DEFAULT_WEIGHTS, Weights
from triggerpoints._limits import MAX_PHRASES, check_count
from triggerpoints._load import load
from triggerpoints._lookup import Place, resolve_place
from triggerpoints._scoring import Scorer
from triggerpoints._terms import TermReading, read_terms
from triggerpoints.exceptions import AmbiguousKeyError, UnknownIdError

__all__ = ["rank"]

_DEFAULT = DEFAULT_WEIGHTS


def rank(
    pain: str | Iterable[str],
    *,
    activities: str | Iterable[str] = (),
    symptoms: str | Iterable[str] = (),
    absent: str | Iterable[str] = (),
    limit: int | None = None,
    strict: bool = True,
    atlas: Atlas | None = None,
    essential: float = _DEFAULT.essential,
    spillover: float = _DEFAULT.spillover,
    exact: float = _DEFAULT.exact,
    subregion: float = _DEFAULT.subregion,
    broader: float = _DEFAULT.broader,
    overlap: float = _DEFAULT.overlap,
    least_overlap: float = _DEFAULT.least_overlap,
    coverage: float = _DEFAULT.coverage,
    sensitivity: float = _DEFAULT.sensitivity,
    leak: float = _DEFAULT.leak,
    activity_lr: float = _DEFAULT.activity_lr,
    symptom_lr: float = _DEFAULT.symptom_lr,
    absent_weight: float = _DEFAULT.absent_weight,
    unreported: float = _DEFAULT.unreported,
    prior: float = _DEFAULT.prior,
) -> Ranking:
    """Rank the muscles whose trigger points could explain pain in the given places.

    Args:
        pain: Where it hurts, as people say it: region ids, names, aliases or phrases
            ("sits bone", "pain down the outside of my thigh, not into the foot"); one
            string or several. Each is read by :func:`resolve_place`; places a phrase
            says are free of pain count as ``absent``.
        activities: Activities that brought the pain on (factor ids, names, aliases, or
            the beginning of one name; with ``strict=False`` also words, "lifting").
        symptoms: Symptoms beyond pain, read like ``activities``.
        absent: Places that do not hurt (read like ``pain``).
        limit: Keep at most this many candidates.
        strict: If true, a phrase that names nothing raises; if false, it is listed in
            :attr:`Ranking.unresolved` and the rest is ranked.
        atlas: The atlas to ask (default: the packaged one).
        essential: Strength of an essential referral zone.
        spillover: Strength of a spillover zone.
        exact: Specificity when the referral names the queried region.
        subregion: Specificity when the referral names a region inside the queried one.
        broader: Specificity when the queried region lies inside the referral's region.
        overlap: Specificity, times the share of the referral's zone that lies in the
            queried region, when the referral's region lies in another branch of the
            region tree but overlaps the queried region on the body maps.
        least_overlap: The smallest overlap fraction that counts (smaller ones are
            regions that barely touch).
        coverage: How much an uncovered share of the queried region counts against.
        sensitivity: Chance that an active trigger point produces its pattern.
        leak: Chance of pain in a region from any other cause.
        activity_lr: Likelihood ratio of a matching activity.
        symptom_lr: Likelihood ratio of a matching symptom.
        absent_weight: How strongly a pain-free essential zone counts against.
        unreported: How strongly an essential zone that no queried region reaches counts
            against, for the trigger point that best fits the pain (0 leaves it out).
        prior: Weight of the prevalence term (0, the default, leaves it out).

    Returns:
        The candidates, best first, with ranks shared by equal scores, and how the query
        was read.

    Raises:
        UnknownIdError: A phrase names nothing (with ``strict``; absent places always);
            raised before any scoring.
        AmbiguousKeyError: A phrase is the beginning of several names (with ``strict``).
        ArgumentError: A weight is out of range (or the weights together would make a
            pain-free zone rule a muscle out: see :class:`Weights`), or ``limit`` is
            negative.
        InputTooLargeError: More than ``MAX_PHRASES`` (100)
            phrases in all, or a phrase longer than the query limit (1,000 characters).

    Notes:
        A likelihood-ratio model, each term one piece of evidence. For muscle *m* and
        queried region *q*, each referral *r* of each of *m*'s trigger points gives
        ``p(r, q) = sensitivity * zone(r) * specificity(r, q)``, where ``zone`` is
        ``essential`` or ``spillover`` and ``specificity`` is ``exact``, ``subregion``
        or ``broader`` by how *r*'s region sits relative to *q* in the region tree, or
        ``overlap * f`` when the two lie in different branches and the fraction *f* of
        *r*'s zone lies in *q* on the body maps, if *f* is at least ``least_overlap``
        (0 otherwise). The best referral
        explains *q*: ``p(m, q) = max_r p(r, q) * (1 - coverage * (1 - c(m, q)))``,
        where ``c(m, q)`` is the share of *q*'s area covered by *m*'s referral zones
        (each zone weighted by ``zone``, zones inside another of *m*'s counted once, at
        most 1). Then

        ``score(m) = sum_q ln((p(m, q) + leak) / leak)``
        ``+ sum_activities ln(activity_lr) + sum_symptoms ln(symptom_lr)``
        ``+ sum_absent ln(1 - absent_weight * p_essential(m, a))``
        ``+ n_unreported(m) * ln(1 - unreported * sensitivity * essential)``
        ``+ prior * sum_q ln(1 + share(m, q))``

        where an activity or symptom phrase counts once if *m* is tied to a record it
        names (general factors, which fit every muscle, are left out),
        ``p_essential`` uses only essential zones, ``n_unreported(m)`` counts the
        essential zones that explain no queried region (and are not said to be free of
        pain) of the one trigger point among *m*'s region matches that leaves fewest
        such zones (so another painful region never lowers a score), and ``share(m, q)`` is the largest
        share of people with the complaint *q* (or one enclosing it) in whom a
        prevalence record found active trigger points in *m*. Candidates are the
        muscles explaining at least one queried region (or, with no pain given, tied
        to a queried activity or symptom). Equal scores (to nine decimals) share a
        rank; within a tie the order is by name and id, which is not evidence. The
        score is ``math.fsum`` of the evidence contributions, so it does not depend
        on the order of the inputs.

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
        >>> "Gluteus minimus" in [c.muscle.name for c in ranking[:3]]
        True
        >>> minimus = next(c for c in ranking if c.muscle.name == "Gluteus minimus")
        >>> len(minimus.explained), "tp:gluteus-minimus-anterior" in {m.trigger_point for m in minimus.explained}
        (3, True)
        >>> abs(ranking[0].score - sum(e.contribution for e in ranking[0].evidence)) < 1e-9
        True
        >>> print(tp.rank("I hurt all over").notes[0])  # doctest: +ELLIPSIS
        Body is the whole body: any muscle fits, so the ranking can only prefer the widest patterns; ...
    """
    atlas = load() if atlas is None else atlas
    weights = Weights(
        essential=essential,
        spillover=spillover,
        exact=exact,
        subregion=subregion,
        broader=broader,
        overlap=overlap,
        least_overlap=least_overlap,
        coverage=coverage,
        sensitivity=sensitivity,
        leak=leak,
        activity_lr=activity_lr,
        symptom_lr=symptom_lr,
        absent_weight=absent_weight,
        unreported=unreported,
        prior=prior,
    )
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        from triggerpoints.exceptions import ArgumentError  # noqa: PLC0415 - rare path

        raise ArgumentError("limit", limit, "a whole number of at least 0, or None")
    pain, absent, activities, symptoms = (_strings(values) for values in (pain, absent, activities, symptoms))
    given = (pain, absent, activities, symptoms)
    cut = any(len(values) > MAX_PHRASES for values in given)
    check_count("phrases in one ranking", sum(map(len, given)), at_least=cut)
    places, unresolved = _read_pain(atlas, pain, strict=strict)
    regions = tuple(dict.fromkeys(region for place in places for region in place.regions))
    said_absent = [region for place in places for region in place.absent]
    asked_absent = [region for key in _strings(absent) for region in resolve_place(key, atlas=atlas).regions]
    absent_ids = tuple(r for r in dict.fromkeys([*said_absent, *asked_absent]) if r not in regions)
    activity_terms, left_activities = read_terms(atlas, _strings(activities), "activity", strict=strict)
    symptom_terms, left_symptoms = read_terms(atlas, _strings(symptoms), "symptom", strict=strict)
    scorer = Scorer(atlas, weights, regions=regions, terms=(*activity_terms, *symptom_terms), absent=absent_ids)
    cautions = tuple(dict.fromkeys(note for region in regions for note in atlas.cautions_for(region)))
    candidates = scorer.candidates(cautions, limit)
    notes = (*(warning for place in places for warning in place.warnings), *scorer.notes(candidates))
    return Ranking(
        candidates=candidates,
        places=places,
        regions=regions,
        unresolved=(*unresolved, *left_activities, *left_symptoms),
        activities=_ids(activity_terms),
        symptoms=_ids(symptom_terms),
        absent=absent_ids,
        cautions=cautions,
        weights=weights,
        notes=tuple(dict.fromkeys(notes)),
        terms=(*activity_terms, *symptom_terms),
    )


def _strings(values: str | Iterable[str]) -> tuple[str, ...]:
    """One string, or an iterable of them (a string is not split into letters); never more than one over the limit."""
    return (values,) if isinstance(values, str) else tuple(islice(values, MAX_PHRASES + 1))


def _ids(terms: Iterable[TermReading]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key for term in terms for key in term.ids))


def _read_pain(atlas: Atlas, pain: str | Iterable[str], *, strict: bool) -> tuple[tuple[Place, ...], tuple[str, ...]]:
    places: list[Place] = []
    unresolved: list[str] = []
    for phrase in _strings(pain):
        try:
            places.append(resolve_place(phrase, atlas=atlas))
        except (UnknownIdError, AmbiguousKeyError):  # noqa: PERF203 - each phrase stands or falls on its own
            if strict:
                raise
            unresolved.append(phrase)
    return tuple(places), tuple(unresolved)
