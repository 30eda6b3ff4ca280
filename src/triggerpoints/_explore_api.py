"""The explorer's JSON answers, made from the public API only (``import triggerpoints as tp``).

Each function takes an atlas and the query's parameters (as :func:`urllib.parse.parse_qs`
gives them: every name with a list of values) and returns JSON-ready data or an SVG
picture. Bad input raises a :class:`~triggerpoints.TriggerPointsError` whose message the
server sends back as it is; :mod:`triggerpoints._explore` serves these answers.

Examples:
    >>> import triggerpoints as tp
    >>> from triggerpoints._explore_api import rank
    >>> answer = rank(tp.load(), {"pain": ["region:lateral-thigh", "region:lateral-leg", "region:ankle"]})
    >>> top = [candidate["muscle"]["name"] for candidate in answer["ranking"]["candidates"][:3]]
    >>> "Gluteus minimus" in top, answer["shown"][0]["rank"].lstrip("=")
    (True, '1')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, cast
from urllib.parse import urlencode

import triggerpoints as tp

__all__ = ["DOCS", "SIDES", "Query", "Side", "anchor", "muscle", "options", "picture", "rank"]

#: Where the built documentation is published; links to a muscle's pages start here.
DOCS = "https://triggerpoints.readthedocs.io/en/latest/"
#: The sides the page offers.
SIDES = ("both", "left", "right")
Side = Literal["both", "left", "right"]
#: A query's parameters: each name with its values, as ``parse_qs`` gives them.
Query = Mapping[str, Sequence[str]]

_RANK_PARAMETERS = ("pain", "absent", "activity", "symptom", "side", "limit")
_MOST = 50  # candidates one answer may hold


def _check(query: Query, allowed: Sequence[str]) -> None:
    """Refuse parameters the endpoint does not know (a misspelt one would be ignored silently)."""
    for name in query:
        if name not in allowed:
            known = ", ".join(repr(a) for a in allowed)
            raise tp.ArgumentError("parameter", name, f"one of {known}" if known else "no parameters")


def _one(query: Query, name: str, default: str) -> str:
    values = query.get(name, ())
    if len(values) > 1:
        raise tp.ArgumentError(name, list(values), "one value")
    return values[0] if values else default


def _side(query: Query) -> Side:
    side = _one(query, "side", "both")
    if side not in SIDES:
        raise tp.ArgumentError("side", side, "'left', 'right' or 'both'")
    return cast("Side", side)


def _limit(query: Query) -> int:
    text = _one(query, "limit", "10")
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= _MOST):
        raise tp.ArgumentError("limit", text, f"a whole number from 1 to {_MOST}")
    return int(text)


def anchor(title: str) -> str:
    """The id Sphinx gives a section with this title (``"Gluteus minimus"`` -> ``gluteus-minimus``).

    Examples:
        >>> from triggerpoints._explore_api import anchor
        >>> anchor("Tensor fasciae latae (TFL)")
        'tensor-fasciae-latae-tfl'
    """
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-").lstrip("0123456789-")


def _links(record: tp.Muscle, docs: str) -> dict[str, str]:
    """The muscle's picture in the gallery and its table in the dataset reference."""
    area = record.body_area.value.replace("-", " ").capitalize()
    return {"gallery": f"{docs}gallery.html#{anchor(record.name)}", "reference": f"{docs}reference.html#{anchor(area)}"}


def _citations(atlas: tp.Atlas, ids: Iterable[str]) -> list[dict[str, str]]:
    """Each source once, in the order first cited, with its one-line citation."""
    return [{"id": source, "citation": atlas.source(source).citation()} for source in dict.fromkeys(ids)]


def _cautions(atlas: tp.Atlas, pairs: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    """Each caution once, with the region it belongs to and that region's name."""
    seen: dict[str, str] = {}
    for region, text in pairs:
        seen.setdefault(text, region)
    return [{"region": region, "name": atlas.name_of(region), "caution": text} for text, region in seen.items()]


def _picture_url(what: str, key: str, side: str) -> str:
    return "/api/picture.svg?" + urlencode({what: key, "side": side})


# --- the page's lists -------------------------------------------------------------------


def options(atlas: tp.Atlas, query: Query, *, docs: str = DOCS) -> dict[str, Any]:
    """The lists the page is built from: regions, activities, symptoms, versions.

    Activities are the factors of kind activity; symptoms are every symptom record.
    """
    _check(query, ())
    regions = sorted(atlas.regions, key=lambda region: region.name.casefold())
    activities = [f for f in atlas.factors if f.kind is tp.FactorKind.ACTIVITY]
    return {
        "dataset_version": atlas.dataset_version,
        "model_version": tp.MODEL_VERSION,
        "package_version": tp.__version__,
        "docs": docs,
        "sides": list(SIDES),
        "regions": [{"id": r.id, "name": r.name, "sided": r.sided, "caution": r.caution is not None} for r in regions],
        "activities": [{"id": f.id, "name": f.name} for f in sorted(activities, key=lambda f: f.name.casefold())],
        "symptoms": [{"id": s.id, "name": s.name} for s in sorted(atlas.symptoms, key=lambda s: s.name.casefold())],
    }


# --- ranking ------------------------------------------------------------------------------


def _ranks(candidates: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each candidate's place, ``"=3"`` when shared: the ranking's own places when it gives them.

    Rankings of model 2.0 give each candidate its ``rank`` and whether it is ``tied``;
    a ranking that gives no places is read by score: equal scores share the best place
    among them (competition ranking, "1, =2, =2, 4").
    """
    if candidates and all("rank" in c and "tied" in c for c in candidates):
        return [f"={c['rank']}" if c["tied"] else str(c["rank"]) for c in candidates]
    places: list[str] = []
    for i, candidate in enumerate(candidates):
        first = i
        while first > 0 and abs(candidates[first - 1]["score"] - candidate["score"]) <= 1e-9:
            first -= 1
        last = i
        while last + 1 < len(candidates) and abs(candidates[last + 1]["score"] - candidate["score"]) <= 1e-9:
            last += 1
        places.append(f"={first + 1}" if last > first else str(first + 1))
    return places


def _evidence(text: str, cautions: Iterable[tuple[str, str]]) -> str:
    """The candidate's explanation without its caution sentences: the page shows cautions once."""
    for _, caution in cautions:
        text = re.sub(r"\s*Caution \([^)]*\): " + re.escape(caution), "", text)
    return text.strip()


def _candidate_sources(atlas: tp.Atlas, candidate: tp.Candidate) -> list[dict[str, str]]:
    """The sources of the trigger points and referrals that the candidate's evidence names."""
    used = {(m.trigger_point, m.region) for m in candidate.explained}
    ids: list[str] = []
    for point in candidate.trigger_points:
        ids += point.sources
        for referral in point.referrals:
            if (point.id, referral.region) in used:
                ids += referral.sources
    return _citations(atlas, ids)


def _ranked(atlas: tp.Atlas, query: Query) -> tuple[tp.Ranking, Side]:
    _check(query, _RANK_PARAMETERS)
    side, limit = _side(query), _limit(query)  # the model scores no side: the side is the pictures'
    ranking = tp.rank(
        list(query.get("pain", ())),
        absent=list(query.get("absent", ())),
        activities=list(query.get("activity", ())),
        symptoms=list(query.get("symptom", ())),
        limit=limit,
        atlas=atlas,
    )
    return ranking, side


def rank(atlas: tp.Atlas, query: Query, *, docs: str = DOCS) -> dict[str, Any]:
    """Rank the pain marked on the page: ``Ranking.to_dict()`` and what the page shows of it.

    Parameters: ``pain`` and ``absent`` (regions, repeatable), ``activity`` and
    ``symptom`` (repeatable), ``side`` (``both``, ``left`` or ``right``: the side the
    candidates' pictures are drawn on, as the ranking model scores no side) and
    ``limit`` (1 to 50, default 10).

    Returns:
        ``ranking`` is exactly the library's :meth:`~triggerpoints.Ranking.to_dict`;
        ``shown`` has, for each candidate in order, its place (``"=3"`` for a tie), its
        evidence in words, the citations of its sources, links to its pages in the
        documentation and its picture's address; ``cautions`` lists each caution once;
        ``names`` gives the display name of every region, activity and symptom asked about.
    """
    ranking, side = _ranked(atlas, query)
    data = ranking.to_dict()
    places = _ranks(data["candidates"])
    shown = []
    for place, candidate in zip(places, ranking, strict=True):
        points = candidate.trigger_points
        what, key = ("trigger_point", points[0].id) if len(points) == 1 else ("muscle", candidate.muscle.id)
        shown.append(
            {
                "rank": place,
                "muscle": candidate.muscle.id,
                "evidence": _evidence(candidate.explain(), candidate.cautions),
                "sources": _candidate_sources(atlas, candidate),
                "links": _links(candidate.muscle, docs),
                "picture": _picture_url(what, key, side),
            }
        )
    asked = [*ranking.regions, *ranking.absent, *ranking.activities, *ranking.symptoms]
    return {
        "ranking": data,
        "shown": shown,
        "side": side,
        "cautions": _cautions(atlas, ranking.cautions),
        "names": {key: atlas.name_of(key) for key in dict.fromkeys(asked)},
    }


# --- a muscle ----------------------------------------------------------------------------


def _point(atlas: tp.Atlas, point: tp.TriggerPoint) -> dict[str, Any]:
    return {
        "id": point.id,
        "label": point.label,
        "location": point.location,
        "palpation": point.palpation,
        "note": point.note,
        "referrals": [
            {
                "region": r.region,
                "name": atlas.name_of(r.region),
                "zone": r.zone.value,
                "laterality": r.laterality.value,
                "note": r.note,
            }
            for r in point.referrals
        ],
        "spared": [{"region": s.region, "name": atlas.name_of(s.region), "note": s.note} for s in point.spared],
    }


def _relation(atlas: tp.Atlas, relation: tp.Relation, muscle: str) -> dict[str, Any]:
    outgoing = atlas.muscle_of(relation.source) == muscle
    other = relation.target if outgoing else relation.source
    return {
        "id": relation.id,
        "kind": relation.kind.value,
        "direction": "out" if outgoing else "in",
        "source": {"id": relation.source, "name": atlas.name_of(relation.source)},
        "target": {"id": relation.target, "name": atlas.name_of(relation.target)},
        "other": {"id": atlas.muscle_of(other), "name": atlas.name_of(atlas.muscle_of(other))},
        "mechanism": relation.mechanism,
    }


def muscle(atlas: tp.Atlas, query: Query, *, docs: str = DOCS) -> dict[str, Any]:
    """A muscle's view: its trigger points and patterns, relations, cautions and sources.

    Parameters: ``id`` (a muscle's id, name or alias) and ``side`` for its picture.
    Curation notes (how a record was established) are left out: they are not for users.
    """
    _check(query, ("id", "side"))
    side = _side(query)
    record = atlas.muscle(_one(query, "id", ""))
    points = atlas.trigger_points_of(record.id)
    relations = atlas.relations_of(record.id)
    regions = dict.fromkeys(r.region for point in points for r in point.referrals)
    cited = [*record.sources]
    for point in points:
        cited += [*point.sources, *(s for r in point.referrals for s in r.sources)]
    cited += [source for relation in relations for source in relation.sources]
    return {
        "id": record.id,
        "name": record.name,
        "aliases": list(record.aliases),
        "body_area": record.body_area.value,
        "location": record.location,
        "action": record.action,
        "trigger_points": [_point(atlas, point) for point in points],
        "relations": [_relation(atlas, relation, record.id) for relation in relations],
        "factors": [{"id": f.id, "name": f.name, "kind": f.kind.value} for f in atlas.factors_of(record.id)],
        "symptoms": [{"id": s.id, "name": s.name} for s in atlas.symptoms_of(record.id)],
        "cautions": _cautions(atlas, (pair for region in regions for pair in atlas.cautions_for(region))),
        "sources": _citations(atlas, cited),
        "links": _links(record, docs),
        "picture": _picture_url("muscle", record.id, side),
    }


# --- pictures ----------------------------------------------------------------------------


def picture(atlas: tp.Atlas, query: Query) -> str:
    """A body-map picture as SVG: ``muscle=`` or ``trigger_point=`` (with ``side=``)."""
    _check(query, ("muscle", "trigger_point", "side"))
    side = _side(query)
    given = [name for name in ("muscle", "trigger_point") if name in query]
    if len(given) != 1:
        raise tp.ArgumentError("picture", sorted(query), "one of 'muscle' or 'trigger_point', with an optional 'side'")
    key = _one(query, given[0], "")
    if given[0] == "muscle":
        return tp.draw_muscle(key, side=side, scale=0.5, atlas=atlas)
    return tp.draw_trigger_point(key, side=side, scale=0.5, atlas=atlas)
