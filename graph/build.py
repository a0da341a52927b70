"""The graph as a networkx MultiDiGraph, and its node-link JSON form."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.model import GraphRecord


def to_networkx(record: GraphRecord) -> nx.MultiDiGraph:
    """Nodes keyed by id with their model fields; edges keyed by edge id with theirs.

    Example:
        >>> g = to_networkx(record)
        >>> g.nodes["act_..."]["kind"]
        'Actor'
    """
    graph = nx.MultiDiGraph()
    for node in record.nodes:
        graph.add_node(node.id, **node.model_dump(mode="json", exclude={"id"}))
    for edge in record.edges:
        graph.add_edge(
            edge.source,
            edge.target,
            key=edge.id,
            **edge.model_dump(mode="json", exclude={"source", "target"}),
        )
    return graph


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data: nodes with `id`, `kind`; edges with `source`, `target`, `type`."""
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    return data


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    graph: nx.MultiDiGraph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return graph
