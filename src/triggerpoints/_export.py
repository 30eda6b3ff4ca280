"""Flat views of an atlas for other tools: CSV-ready tables, node-link JSON and GraphML.

Tables and node-link data need neither networkx nor pandas; GraphML is written by
networkx. Lists inside a cell are joined with ``|`` (``"source:a|source:b"``); empty
optional values are empty strings in tables and absent in graph attributes.

The fact tables (referrals, relations, links) carry each fact's support: the number of
independent sources, the best tier and (for referrals) who split the zone. Every table
with free text keeps the user-facing text (``note``, ``mechanism``, ...) apart from the
``curation`` column, which says how the fact was established.
"""

from __future__ import annotations

import enum
import io
from collections.abc import Iterable
from typing import Any

from triggerpoints._atlas import Atlas
from triggerpoints._load import load
from triggerpoints._models import Condition, Factor, Symptom, Treatment
from triggerpoints._support import Fact

__all__ = ["TABLES", "graphml", "node_link", "tables"]

TABLES = ("muscles", "trigger_points", "referrals", "spared", "relations", "regions", "links")
"""The tables :func:`tables` returns, in order."""

_JOIN = "|"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list, frozenset, set)):
        return _JOIN.join(_cell(item) for item in value)
    return str(value)


def _row(**cells: Any) -> dict[str, str]:
    return {key: _cell(value) for key, value in cells.items()}


def _support(atlas: Atlas, fact: Fact) -> dict[str, Any]:
    """The support columns of one fact."""
    support = atlas.support_of(fact)
    return {"independent_sources": support.sources, "best_tier": support.tier, "weak_sources": support.weak}


def tables(*, atlas: Atlas | None = None) -> dict[str, list[dict[str, str]]]:
    """Return the dataset as flat tables of text cells, one row per fact.

    The tables, in :data:`TABLES` order: ``muscles``, ``trigger_points``,
    ``referrals`` (one row per trigger point and region), ``spared``, ``relations``,
    ``regions`` and ``links`` (factors, symptoms, conditions and treatments to
    muscles). Every row of every table has the same keys, in the same order, so the
    tables write straight to CSV (``csv.DictWriter``) or load into pandas or R.
    Rows follow the dataset's order.

    Referrals, relations and links carry their support: ``independent_sources``
    (distinct publishers among the cited sources without a concern), ``best_tier``
    (``textbook``, ``peer-reviewed``, ``professional-summary`` or ``practitioner``;
    empty when no source counts) and ``weak_sources`` (cited sources with a concern);
    referrals also ``split`` (``source`` or ``curator``). Text for readers and the
    ``curation`` notes are separate columns: drop ``curation`` for end users.

    Args:
        atlas: The atlas to flatten; the packaged one by default.

    Returns:
        Table name to rows; each row maps a column to its text.

    Examples:
        >>> import triggerpoints as tp
        >>> rows = tp.tables()["referrals"]
        >>> sorted(rows[0])[:6]
        ['best_tier', 'curation', 'independent_sources', 'laterality', 'muscle', 'note']
        >>> any(row["region"] == "region:lateral-leg" for row in rows)
        True
    """
    atlas = load() if atlas is None else atlas
    return {
        "muscles": [
            _row(
                id=m.id,
                name=m.name,
                aliases=m.aliases,
                body_area=m.body_area,
                half=m.body_area.half,
                trigger_points=len(atlas.trigger_points_of(m.id)),
                location=m.location,
                action=m.action,
                xrefs=m.xrefs,
                sources=m.sources,
            )
            for m in atlas.muscles
        ],
        "trigger_points": [
            _row(
                id=p.id,
                muscle=p.muscle,
                label=p.label,
                aliases=p.aliases,
                location=p.location,
                palpation=p.palpation,
                note=p.note,
                curation=p.curation,
                sources=p.sources,
            )
            for p in atlas.trigger_points
        ],
        "referrals": [
            _row(
                trigger_point=p.id,
                muscle=p.muscle,
                region=r.region,
                region_name=atlas.name_of(r.region),
                zone=r.zone,
                laterality=r.laterality,
                split=r.split,
                note=r.note,
                curation=r.curation,
                sources=r.sources,
                **_support(atlas, r),
            )
            for p in atlas.trigger_points
            for r in p.referrals
        ],
        "spared": [
            _row(
                trigger_point=p.id,
                muscle=p.muscle,
                region=s.region,
                note=s.note,
                curation=s.curation,
                sources=s.sources,
            )
            for p in atlas.trigger_points
            for s in p.spared
        ],
        "relations": [
            _row(
                id=r.id,
                kind=r.kind,
                source=r.source,
                target=r.target,
                mechanism=r.mechanism,
                curation=r.curation,
                sources=r.sources,
                **_support(atlas, r),
            )
            for r in atlas.relations
        ],
        "regions": [
            _row(
                id=r.id,
                name=r.name,
                parent=r.parent,
                aliases=r.aliases,
                views=r.views,
                sided=r.sided,
                caution=r.caution,
            )
            for r in atlas.regions
        ],
        "links": list(_links(atlas)),
    }


def _links(atlas: Atlas) -> Iterable[dict[str, str]]:
    records: Iterable[Factor | Symptom | Condition | Treatment] = (
        *atlas.factors,
        *atlas.symptoms,
        *atlas.conditions,
        *atlas.treatments,
    )
    for record in records:
        kind = record.id.partition(":")[0]
        for link in record.muscles:
            yield _row(
                kind=kind,
                record=record.id,
                name=record.name,
                muscle=link.muscle,
                trigger_points=link.trigger_points,
                note=link.note,
                curation=link.curation,
                sources=link.sources,
                **_support(atlas, link),
            )


def _attributes(attributes: dict[str, Any] | Any) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in attributes.items():
        if key == "record" or value is None or value in {"", ()}:
            continue
        if isinstance(value, enum.Enum):
            flat[key] = value.value
        elif isinstance(value, (str, bool, int, float)):
            flat[key] = value
        elif isinstance(value, (tuple, list, frozenset)):
            flat[key] = _cell(value)
    return flat


def node_link(*, atlas: Atlas | None = None) -> dict[str, Any]:
    """Return the atlas's graph as node-link data, ready for ``json.dumps``.

    The format is networkx's node-link format for a directed multigraph (nodes with
    ``id``; ``links`` with ``source``, ``target`` and ``key``), so
    ``networkx.node_link_graph(data, edges="links")`` and D3 read it. Node and edge
    attributes are those of :attr:`Atlas.graph` (see :doc:`/graph`)
    flattened to JSON scalars: lists are joined with ``|`` and the ``record``
    attribute is left out.

    Args:
        atlas: The atlas; the packaged one by default.

    Returns:
        ``{"directed", "multigraph", "graph", "nodes", "links"}``.

    Examples:
        >>> import triggerpoints as tp
        >>> data = tp.node_link()
        >>> data["directed"], data["multigraph"]
        (True, True)
        >>> [node for node in data["nodes"] if node["id"] == "muscle:piriformis"][0]["kind"]
        'muscle'
    """
    graph = (load() if atlas is None else atlas).graph
    return {
        "directed": True,
        "multigraph": True,
        "graph": _attributes(graph.graph),
        "nodes": [{"id": node, **_attributes(data)} for node, data in graph.nodes(data=True)],
        "links": [
            {"source": u, "target": v, "key": key, **_attributes(data)}
            for u, v, key, data in graph.edges(keys=True, data=True)
        ],
    }


def graphml(*, atlas: Atlas | None = None) -> str:
    """Return the atlas's graph as GraphML text (for Gephi, yEd, Cytoscape, Neo4j).

    Attributes are flattened as in :func:`node_link`; each edge's key (its relation
    name) is also kept in a ``relation`` attribute, since not every reader keeps
    GraphML edge ids.

    Args:
        atlas: The atlas; the packaged one by default.

    Returns:
        The GraphML document.

    Examples:
        >>> import triggerpoints as tp
        >>> text = tp.graphml()
        >>> text.startswith("<?xml") and "muscle:piriformis" in text
        True
    """
    import networkx as nx  # noqa: PLC0415 - networkx is imported only when a graph is needed

    source = (load() if atlas is None else atlas).graph
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    flat.graph.update(_attributes(source.graph))
    for node, data in source.nodes(data=True):
        flat.add_node(node, **_attributes(data))
    for u, v, key, data in source.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, relation=key, **_attributes(data))
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
