"""Tests for the networkx graph (triggerpoints._graph), on the mini fixture."""

from __future__ import annotations

import networkx as nx
import pytest

import triggerpoints as tp


def test_every_record_is_a_node_with_its_kind(mini: tp.Atlas) -> None:
    """Every record, relations included, is a node with kind, name and record."""
    graph = mini.graph
    assert len(mini) == graph.number_of_nodes()
    assert "relation" == graph.nodes["relation:alpha-satellite-beta"]["kind"]
    assert "muscle" == graph.nodes["muscle:alpha"]["kind"]
    assert "trigger_point" == graph.nodes["tp:alpha-lower"]["kind"]
    assert mini.region("shin") == graph.nodes["region:shin"]["record"]
    assert True is graph.nodes["factor:vitamin-lack"]["general"]


def test_edges_point_from_what_acts_to_what_it_acts_on(mini: tp.Atlas) -> None:
    """Edge keys are relation names, in the documented direction."""
    graph = mini.graph
    assert graph.has_edge("muscle:alpha", "tp:alpha-lower", key="has_trigger_point")
    assert "spillover" == graph.edges["tp:alpha-lower", "region:shin", "refers_to"]["zone"]
    assert graph.has_edge("tp:alpha-lower", "region:knee", key="spares")
    assert graph.has_edge("region:shin", "region:leg", key="part_of")
    assert graph.has_edge("muscle:alpha", "muscle:beta", key="satellite")
    assert graph.has_edge("muscle:alpha", "relation:alpha-satellite-beta", key="acts_through")
    assert graph.has_edge("relation:alpha-satellite-beta", "muscle:beta", key="acts_on")
    assert graph.has_edge("factor:lifting", "muscle:alpha", key="activates")
    assert graph.has_edge("muscle:alpha", "symptom:stiffness", key="produces")
    assert graph.has_edge("muscle:alpha", "condition:lumbago", key="mimics")
    assert graph.has_edge("treatment:ball", "muscle:beta", key="treats")
    assert graph.has_edge("tp:alpha-lower", "source:page", key="cites")
    assert not graph.has_edge("factor:vitamin-lack", "muscle:alpha")


def test_the_graph_is_frozen_built_once_and_walkable(mini: tp.Atlas) -> None:
    """The graph cannot be changed, is the same object on each use, and networkx can walk it."""
    graph = mini.graph
    assert graph is mini.graph
    assert nx.is_frozen(graph)
    with pytest.raises(nx.NetworkXError):
        graph.add_node("x")
    assert ["muscle:alpha", "muscle:beta"] == nx.shortest_path(graph, "muscle:alpha", "muscle:beta")


def test_attribute_dictionaries_refuse_changes_but_copies_do_not(mini: tp.Atlas) -> None:
    """Node, edge and graph attributes of the cached graph are read-only; a copy is a normal graph."""
    graph = mini.graph
    for attributes in (
        graph.nodes["muscle:alpha"],
        graph.edges["tp:alpha-lower", "region:shin", "refers_to"],
        graph.graph,
    ):
        with pytest.raises(TypeError, match="read-only"):
            attributes["name"] = "changed"
        with pytest.raises(TypeError, match="read-only"):
            attributes.update(x=1)
        with pytest.raises(TypeError, match="read-only"):
            attributes.pop("name", None)
    copy: nx.MultiDiGraph[str] = nx.MultiDiGraph(graph)
    copy.nodes["muscle:alpha"]["name"] = "changed"
    assert "Alpha muscle" == mini.graph.nodes["muscle:alpha"]["name"]
