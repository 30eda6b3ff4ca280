"""How records become a networkx graph. Edge direction is written down here, once.

Nodes are record ids: every record is a node. Each node has the attributes ``kind``
(``"muscle"``, ``"trigger_point"``, ``"region"``, ``"relation"``, ``"source"``,
``"factor"``, ``"symptom"``, ``"condition"``, ``"treatment"``) and ``name`` (its display
name); the record itself is one ``atlas.get(node)`` away.

Every attribute value is a plain string, number or boolean, so every networkx writer
(GraphML, GEXF, node-link JSON) and algorithm takes the graph as it is; lists of ids
(``sources``, ``trigger_points``) are written as one string, the ids joined by ``|``.

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
muscle/tp -> m/tp     the relation kind       ``id``, ``mechanism``, ``sources``
                      (``satellite``, ``key``, (source drives target)
                      ``synergist-overload``,
                      ``antagonist-overload``,
                      ``associated``)
muscle/tp -> relation ``acts_through``        (the relation's source to its node)
relation -> muscle/tp ``acts_on``             (the relation's node to its target)
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

The graph is frozen with :func:`networkx.freeze` (no nodes or edges can be added or
removed) and its node, edge and graph attribute dictionaries refuse changes too, so the
graph an atlas caches is the same for every caller. Copies of it, deep or shallow, and
every graph networkx derives from it (``reverse``, ``to_undirected``, ``subgraph(...).copy()``,
``ego_graph``) are ordinary, changeable graphs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from triggerpoints._kinds import KINDS, Dataset
from triggerpoints._models import (
    Condition,
    Factor,
    FactorKind,
    Link,
    Muscle,
    Record,
    Referral,
    Relation,
    Spared,
    Symptom,
    Treatment,
    TriggerPoint,
)

__all__ = ["build"]


class _Attrs(dict[str, Any]):
    """An attribute dictionary that refuses every change once sealed.

    Reading it is fine, and so is a call that would change nothing (networkx's GraphML
    writer pops a missing ``id`` key from the graph's attributes).
    """

    sealed = False

    def _refuse(self) -> None:
        if self.sealed:
            raise TypeError("the triggerpoints graph is read-only; copy it with networkx.MultiDiGraph(graph)")

    def __setitem__(self, key: str, value: Any) -> None:
        self._refuse()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self._refuse()
        super().__delitem__(key)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._refuse()
        super().update(*args, **kwargs)

    def clear(self) -> None:
        self._refuse()
        super().clear()

    def pop(self, *args: Any) -> Any:
        if args and args[0] in self:  # popping a missing key changes nothing (networkx's writers do it)
            self._refuse()
        return super().pop(*args)

    def popitem(self) -> tuple[str, Any]:
        self._refuse()
        return super().popitem()

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self:
            self._refuse()
        return super().setdefault(key, default)

    def __ior__(self, other: Any) -> _Attrs:  # type: ignore[override,misc]  # dict's signature returns Self; this one always refuses
        self._refuse()
        return super().__ior__(other)

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        """Copy, deep-copy and pickle as a plain dict: a copy of the graph's data is the caller's to change."""
        return (dict, (dict(self),))


class _Graph(nx.MultiDiGraph):  # type: ignore[type-arg]  # the stubs' generic cannot be subscripted at run time
    """A MultiDiGraph whose attribute dictionaries can be sealed."""

    node_attr_dict_factory = _Attrs
    edge_attr_dict_factory = _Attrs
    graph_attr_dict_factory = _Attrs


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
    graph: nx.MultiDiGraph[str] = _Graph(name="triggerpoints", dataset_version=dataset.dataset_version)
    enabled = gc.isenabled()
    gc.disable()  # many small containers that all stay alive: no point scanning them as they grow
    try:
        for kind in KINDS:
            records: tuple[Record, ...] = getattr(dataset, kind.section)
            for record in records:
                extra = {"general": record.general} if isinstance(record, Factor) else {}
                graph.add_node(record.id, kind=kind.name, name=names[record.id], **extra)
        for u, v, key, attributes in _edges(dataset):
            graph.add_edge(u, v, key=key, **attributes)
        _seal(graph)
    finally:
        if enabled:
            gc.enable()
    frozen: nx.MultiDiGraph[str] = nx.freeze(graph)
    return frozen


def _seal(graph: nx.MultiDiGraph[str]) -> None:
    """Make every attribute dictionary of ``graph`` refuse changes."""
    dictionaries: list[Any] = [graph.graph]
    dictionaries.extend(data for _, data in graph.nodes(data=True))
    dictionaries.extend(data for _, _, _, data in graph.edges(keys=True, data=True))
    for dictionary in dictionaries:
        dictionary.sealed = True


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
                    "sources": _joined(referral.sources),
                },
            )
        for spared in point.spared:
            yield point.id, spared.region, "spares", {"note": spared.note, "sources": _joined(spared.sources)}
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
                "sources": _joined(relation.sources),
            },
        )
        yield relation.source, relation.id, "acts_through", {}
        yield relation.id, relation.target, "acts_on", {}


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
    return {"trigger_points": _joined(link.trigger_points), "note": link.note, "sources": _joined(link.sources)}


def _joined(ids: tuple[str, ...]) -> str:
    """A list of ids as one attribute value: every networkx writer takes strings, few take lists."""
    return "|".join(ids)


def _citations(dataset: Dataset) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """One ``cites`` edge per (record, source), gathering the sources of its parts."""
    records: tuple[Muscle | TriggerPoint | Relation | Factor | Symptom | Condition | Treatment, ...] = (
        *dataset.muscles,
        *dataset.relations,
        *dataset.trigger_points,
        *dataset.factors,
        *dataset.symptoms,
        *dataset.conditions,
        *dataset.treatments,
    )
    for record in records:
        cited = dict.fromkeys(record.sources)
        parts: tuple[Referral | Spared | Link, ...] = ()
        if isinstance(record, TriggerPoint):
            parts = (*record.referrals, *record.spared)
        elif isinstance(record, Factor | Symptom | Condition | Treatment):
            parts = record.muscles
        for part in parts:
            cited.update(dict.fromkeys(part.sources))
        for source in cited:
            yield record.id, source, "cites", {}
