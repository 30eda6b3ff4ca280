"""Flat views of an atlas for other tools: CSV-ready tables, node-link JSON and GraphML.

The tables are built once as typed rows (:func:`rows`: numbers, booleans, ``None``,
lists), which :func:`tables` turns into text cells for CSV and
:func:`~triggerpoints.frames` into typed pandas DataFrames. Tables and node-link data
need neither networkx nor pandas; GraphML is written by networkx. In text cells, lists
are joined with ``|`` (``"source:a|source:b"``), booleans are ``true``/``false`` and
missing values are empty strings; in graph attributes missing values are absent.

The fact tables (referrals, relations, links) carry each fact's support: the number of
independent sources, the best tier and (for referrals) who split the zone. Every table
with free text keeps the user-facing text (``note``, ``mechanism``, ...) apart from the
``curation`` column, which says how the fact was established.
"""

from __future__ import annotations

import enum
import io
from collections.abc import Iterable
from typing import Any, TypeAlias

from triggerpoints._atlas import Atlas
from triggerpoints._load import load
from triggerpoints._models import Condition, Factor, LinkedRecord, Symptom, Treatment, Zone
from triggerpoints._support import Fact

__all__ = ["TABLES", "Cell", "Row", "graphml", "node_link", "rows", "tables"]

TABLES = (
    "muscles",
    "trigger_points",
    "referrals",
    "spared",
    "relations",
    "regions",
    "links",
    "sources",
    "factors",
    "symptoms",
    "conditions",
    "treatments",
    "prevalence",
)
"""The tables :func:`tables` and :func:`~triggerpoints.frames` return, in order."""

#: One typed cell: text, a number, a boolean, a list of texts, or ``None`` (missing).
Cell: TypeAlias = str | int | float | bool | list[str] | None
#: One typed row: column to cell, every row of a table with the same columns in the same order.
Row: TypeAlias = dict[str, Cell]

_JOIN = "|"


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _JOIN.join(value)
    return str(value)


def _typed(value: object) -> Cell:
    """A record's value as a typed cell: enums as their text, tuples as lists."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (tuple, list, frozenset)):
        return [str(_typed(item)) for item in value]
    return value  # type: ignore[return-value]


def _row(**cells: object) -> Row:
    return {key: _typed(value) for key, value in cells.items()}


def _support(atlas: Atlas, fact: Fact) -> dict[str, object]:
    """The support columns of one fact."""
    support = atlas.support_of(fact)
    return {"independent_sources": support.sources, "best_tier": support.tier, "weak_sources": support.weak}


def tables(*, atlas: Atlas | None = None) -> dict[str, list[dict[str, str]]]:
    """Return the dataset as flat tables of text cells, one row per fact or record.

    The tables, in :data:`TABLES` order: ``muscles``, ``trigger_points``,
    ``referrals`` (one row per trigger point and region), ``spared``, ``relations``
    (with the names of both ends), ``regions`` (with ``depth``, 0 for the whole body,
    and ``ancestors``, from the whole body down to the parent), ``links`` (factors,
    symptoms, conditions and treatments to muscles), ``sources`` (with ``tier``,
    ``publisher``, ``concern`` and the one-line ``citation``), ``factors`` (general
    ones too, which link no muscle), ``symptoms``, ``conditions``, ``treatments`` and
    ``prevalence``. Every row of every table has the same keys, in the same order, so
    the tables write straight to CSV (``csv.DictWriter``, ``triggerpoints export
    csv``). Rows follow the dataset's order. :func:`~triggerpoints.frames` gives the
    same tables as typed pandas DataFrames.

    Referrals, relations and links carry their support: ``independent_sources``
    (distinct publishers among the cited sources without a concern), ``best_tier``
    (``textbook``, ``peer-reviewed``, ``professional-summary`` or ``practitioner``;
    empty when no source counts) and ``weak_sources`` (cited sources with a concern);
    referrals also ``split`` (``source`` or ``curator``). Text for readers and the
    ``curation`` notes are separate columns: drop ``curation`` for end users.

    Args:
        atlas: The atlas to flatten; the packaged one by default.

    Returns:
        Table name to rows; each row maps a column to its text (lists joined with
        ``|``, booleans as ``true``/``false``, missing values as empty strings).

    Examples:
        >>> import triggerpoints as tp
        >>> rows = tp.tables()["referrals"]
        >>> sorted(rows[0])[:6]
        ['best_tier', 'curation', 'independent_sources', 'laterality', 'muscle', 'muscle_name']
        >>> any(row["region"] == "region:lateral-leg" for row in rows)
        True
        >>> {row["id"]: row["tier"] for row in tp.tables()["sources"]}["source:ts-vol2"]
        'textbook'
    """
    return {
        name: [{key: _cell(value) for key, value in row.items()} for row in table]
        for name, table in rows(atlas=atlas).items()
    }


def rows(*, atlas: Atlas | None = None) -> dict[str, list[Row]]:
    """Return the tables of :func:`tables` as typed rows: numbers, booleans, ``None`` and lists kept."""
    atlas = load() if atlas is None else atlas
    name = atlas.name_of
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
                curation=m.curation,
                sources=m.sources,
            )
            for m in atlas.muscles
        ],
        "trigger_points": [
            _row(
                id=p.id,
                muscle=p.muscle,
                muscle_name=name(p.muscle),
                label=p.label,
                name=name(p.id),
                aliases=p.aliases,
                location=p.location,
                palpation=p.palpation,
                essential=sum(1 for r in p.referrals if r.zone is Zone.ESSENTIAL),
                spillover=sum(1 for r in p.referrals if r.zone is Zone.SPILLOVER),
                spared=len(p.spared),
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
                muscle_name=name(p.muscle),
                region=r.region,
                region_name=name(r.region),
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
                region_name=name(s.region),
                note=s.note,
                curation=s.curation,
                sources=s.sources,
                **_support(atlas, s),
            )
            for p in atlas.trigger_points
            for s in p.spared
        ],
        "relations": [
            _row(
                id=r.id,
                kind=r.kind,
                source=r.source,
                source_name=name(r.source),
                target=r.target,
                target_name=name(r.target),
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
                depth=len(atlas.ancestors_of(r.id)),
                ancestors=[a.id for a in reversed(atlas.ancestors_of(r.id))],
                aliases=r.aliases,
                views=r.views,
                sided=r.sided,
                description=r.description,
                caution=r.caution,
            )
            for r in atlas.regions
        ],
        "links": list(_links(atlas)),
        "sources": [
            _row(
                id=s.id,
                kind=s.kind,
                tier=s.tier,
                citation=s.citation(),
                title=s.title,
                work=s.work,
                authors=s.authors,
                year=s.year,
                volume=s.volume,
                chapter=s.chapter,
                edition=s.edition,
                url=s.url,
                accessed=s.accessed,
                publisher=s.publisher_name(),
                concern=s.concern,
                note=s.note,
                curation=s.curation,
            )
            for s in atlas.sources
        ],
        **{section: [_linked(atlas, record) for record in records] for section, records in _linked_kinds(atlas)},
        "prevalence": [
            _row(
                id=p.id,
                name=p.name,
                muscle=p.muscle,
                muscle_name=name(p.muscle),
                region=p.region,
                region_name=name(p.region),
                complaint=p.complaint,
                population=p.population,
                share=p.share,
                share_high=p.share_high,
                active_only=p.active_only,
                note=p.note,
                sources=p.sources,
            )
            for p in atlas.dataset.prevalence
        ],
    }


def _linked_kinds(atlas: Atlas) -> tuple[tuple[str, tuple[LinkedRecord, ...]], ...]:
    return (
        ("factors", atlas.factors),
        ("symptoms", atlas.symptoms),
        ("conditions", atlas.conditions),
        ("treatments", atlas.treatments),
    )


def _linked(atlas: Atlas, record: LinkedRecord) -> Row:
    """One factor, symptom, condition or treatment; every such table has the same columns."""
    return _row(
        id=record.id,
        name=record.name,
        kind=getattr(record, "kind", None),
        category=getattr(record, "category", None),
        general=getattr(record, "general", None),
        aliases=record.aliases,
        description=record.description,
        caution=getattr(record, "caution", None),
        muscles=[link.muscle for link in record.muscles],
        muscle_names=[atlas.name_of(link.muscle) for link in record.muscles],
        curation=record.curation,
        sources=record.sources,
    )


def _links(atlas: Atlas) -> Iterable[Row]:
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
                muscle_name=atlas.name_of(link.muscle),
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
            flat[key] = _JOIN.join(str(_typed(item)) for item in value)
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
