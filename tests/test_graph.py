"""Tests for the networkx graph (triggerpoints._graph), on the mini fixture."""

from __future__ import annotations

import copy
import io
import json
import pickle
from typing import Any

import networkx as nx
import pytest

import triggerpoints as tp


def test_every_record_is_a_node_with_its_kind(mini: tp.Atlas) -> None:
    """Every record, relations included, is a node with its kind and name; the record is one atlas call away."""
    graph = mini.graph
    assert len(mini) == graph.number_of_nodes()
    assert "relation" == graph.nodes["relation:alpha-satellite-beta"]["kind"]
    assert "muscle" == graph.nodes["muscle:alpha"]["kind"]
    assert "trigger_point" == graph.nodes["tp:alpha-lower"]["kind"]
    assert {"kind": "region", "name": "Shin"} == dict(graph.nodes["region:shin"])
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
            attributes.pop(next(iter(attributes)), None)
        assert None is attributes.pop("no such key", None)  # a change that changes nothing is fine
    copy: nx.MultiDiGraph[str] = nx.MultiDiGraph(graph)
    copy.nodes["muscle:alpha"]["name"] = "changed"
    assert "Alpha muscle" == mini.graph.nodes["muscle:alpha"]["name"]


def test_attributes_are_plain_values_every_writer_takes(mini: tp.Atlas) -> None:
    """Node and edge attributes are strings, numbers or booleans; lists of ids are joined with '|'."""
    graph = mini.graph
    values = [*(v for _, d in graph.nodes(data=True) for v in d.values())]
    values += [v for _, _, d in graph.edges(data=True) for v in d.values()]
    assert all(isinstance(value, str | int | float | bool) for value in values)
    assert "source:page" in graph.edges["tp:alpha-lower", "region:shin", "refers_to"]["sources"].split("|")


@pytest.mark.parametrize(
    "call",
    [
        lambda g: g.to_undirected(),
        lambda g: g.reverse(),
        copy.deepcopy,
        copy.copy,
        lambda g: nx.write_graphml(g, io.BytesIO()),
        lambda g: nx.write_gexf(g, io.BytesIO()),
        lambda g: json.dumps(nx.node_link_data(g, edges="links")),
        nx.closeness_centrality,
        lambda g: nx.ego_graph(g, "muscle:alpha", undirected=True),
        lambda g: pickle.loads(pickle.dumps(g)),  # noqa: S301 - our own bytes, made one line above
    ],
    ids=["to_undirected", "reverse", "deepcopy", "copy", "graphml", "gexf", "node_link", "closeness", "ego", "pickle"],
)
def test_ordinary_networkx_calls_work(mini: tp.Atlas, call: Any) -> None:
    """Copies, reversal, undirected views, writers and algorithms all take the read-only graph."""
    call(mini.graph)
    assert nx.is_frozen(mini.graph)


def test_derived_graphs_are_the_callers_to_change(mini: tp.Atlas) -> None:
    """A deep copy or a reversed graph can be changed without touching the atlas's graph."""
    for derived in (copy.deepcopy(mini.graph), mini.graph.reverse()):
        derived.nodes["muscle:alpha"]["note"] = "mine"
    assert "note" not in mini.graph.nodes["muscle:alpha"]
