"""How records become a networkx graph. Edge direction is written down here, once.

Nodes are record ids. Each node has the attributes ``kind`` (``"muscle"``,
``"trigger_point"``, ``"region"``, ``"source"``, ``"factor"``, ``"symptom"``,
``"condition"``, ``"treatment"``), ``name`` (its display name) and ``record`` (the
frozen record itself).

Every edge points from what acts to what it acts on. The edge key is the relation's
name:

====================  ======================  ==========================================
edge                  key                     attributes
====================  ======================  ==========================================
muscle -> tp          ``has_trigger_point``
tp -> region          ``refers_to``           ``zone``, ``laterality``, ``note``,
                                              ``sources``
tp -> region          ``spares``              ``note``, ``sources``
region -> region      ``part_of``             (child to parent)
muscle/tp -> m/tp     the relation kind       ``id``, ``mechanism``, ``sources``,
                      (``satellite``, ``key``, ``record`` (source drives target)
                      ``synergist-overload``,
                      ``antagonist-overload``,
                      ``associated``)
factor -> muscle      ``activates``,          ``trigger_points``, ``note``, ``sources``
                      ``overloads``,
                      ``perpetuates`` (by the
                      factor's kind)
muscle -> symptom     ``produces``            ``trigger_points``, ``note``, ``sources``
muscle -> condition   ``mimics``              ``trigger_points``, ``note``, ``sources``
treatment -> muscle   ``treats``              ``trigger_points``, ``note``, ``sources``
record -> source      ``cites``               (every source a record or its parts cite)
====================  ======================  ==========================================

Factors marked ``general`` (they apply to every muscle) have no ``activates``/
``perpetuates`` edges; their node has ``general=True``.

The graph is frozen (no nodes or edges can be added or removed). Attribute
dictionaries are plain dicts that networkx does not freeze: treat them as
read-only. The atlas never reads them, so changing one cannot corrupt lookups.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from triggerpoints._models import (
    Condition,
    Dataset,
    Factor,
    FactorKind,
    Link,
    Muscle,
    Record,
    Symptom,
    Treatment,
    TriggerPoint,
)

__all__ = ["build"]

_FACTOR_EDGE = {
    FactorKind.ACTIVITY: "activates",
    FactorKind.MECHANISM: "overloads",
    FactorKind.PERPETUATING: "perpetuates",
}


def build(dataset: Dataset, names: Mapping[str, str]) -> nx.MultiDiGraph[str]:
    """Return the frozen graph of ``dataset``.

    Args:
        dataset: A validated dataset.
        names: Display names by record id.

    Returns:
        A frozen ``MultiDiGraph``.
    """
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(name="triggerpoints", dataset_version=dataset.dataset_version)
    kinds: dict[str, tuple[Record, ...]] = {
        "source": dataset.sources,
        "region": dataset.regions,
        "muscle": dataset.muscles,
        "trigger_point": dataset.trigger_points,
        "factor": dataset.factors,
        "symptom": dataset.symptoms,
        "condition": dataset.conditions,
        "treatment": dataset.treatments,
    }
    for kind, records in kinds.items():
        for record in records:
            extra = {"general": record.general} if isinstance(record, Factor) else {}
            graph.add_node(record.id, kind=kind, name=names[record.id], record=record, **extra)
    for u, v, key, attributes in _edges(dataset):
        graph.add_edge(u, v, key=key, **attributes)
    frozen: nx.MultiDiGraph[str] = nx.freeze(graph)
    return frozen


def _edges(dataset: Dataset) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for region in dataset.regions:
        if region.parent is not None:
            yield region.id, region.parent, "part_of", {}
    for point in dataset.trigger_points:
        yield point.muscle, point.id, "has_trigger_point", {}
        for referral in point.referrals:
            yield (
                point.id,
                referral.region,
                "refers_to",
                {
                    "zone": referral.zone.value,
                    "laterality": referral.laterality.value,
                    "note": referral.note,
                    "sources": referral.sources,
                },
            )
        for spared in point.spared:
            yield point.id, spared.region, "spares", {"note": spared.note, "sources": spared.sources}
    yield from _relation_edges(dataset)
    yield from _link_edges(dataset)
    yield from _citations(dataset)


def _relation_edges(dataset: Dataset) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for relation in dataset.relations:
        yield (
            relation.source,
            relation.target,
            relation.kind.value,
            {
                "id": relation.id,
                "mechanism": relation.mechanism,
                "sources": relation.sources,
                "record": relation,
            },
        )


def _link_edges(dataset: Dataset) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for factor in dataset.factors:
        for link in factor.muscles:
            yield factor.id, link.muscle, _FACTOR_EDGE[factor.kind], _link(link)
    for symptom in dataset.symptoms:
        for link in symptom.muscles:
            yield link.muscle, symptom.id, "produces", _link(link)
    for condition in dataset.conditions:
        for link in condition.muscles:
            yield link.muscle, condition.id, "mimics", _link(link)
    for treatment in dataset.treatments:
        for link in treatment.muscles:
            yield treatment.id, link.muscle, "treats", _link(link)


def _link(link: Link) -> dict[str, Any]:
    return {"trigger_points": link.trigger_points, "note": link.note, "sources": link.sources}


def _citations(dataset: Dataset) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """One ``cites`` edge per (record, source), gathering the sources of its parts."""
    records: tuple[Muscle | TriggerPoint | Factor | Symptom | Condition | Treatment, ...] = (
        *dataset.muscles,
        *dataset.trigger_points,
        *dataset.factors,
        *dataset.symptoms,
        *dataset.conditions,
        *dataset.treatments,
    )
    for record in records:
        cited = dict.fromkeys(record.sources)
        for part in (
            *getattr(record, "referrals", ()),
            *getattr(record, "spared", ()),
            *getattr(record, "muscles", ()),
        ):
            cited.update(dict.fromkeys(part.sources))
        for source in cited:
            yield record.id, source, "cites", {}
