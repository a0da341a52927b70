"""Exports of a saved graph: node-link JSON and GraphML (flat values, opens in Gephi)."""

from __future__ import annotations

import json
from io import BytesIO
from typing import Any

import networkx as nx

from graph.build import node_link


def to_json(graph: nx.MultiDiGraph) -> str:
    """networkx node-link JSON: nodes carry `id`, `kind` and their fields; edges `type`."""
    return json.dumps(node_link(graph), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML with only scalar attributes: nested values are flattened or JSON-encoded.

    `date` becomes `date_value`, `date_start`, `date_end`, `date_precision`, ...; lists
    (aliases, mentions, quantities) become JSON strings, plus a `*_count` for lists.
    """
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_flatten(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_flatten(data))
    buffer = BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", named_key_ids=True)
    return buffer.getvalue().decode("utf-8")


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, str | int | float | bool]:
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if value is None:
            continue
        if isinstance(value, dict):
            out.update(_flatten(value, prefix=f"{name}_"))
        elif isinstance(value, list | tuple):
            out[name] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            out[f"{name}_count"] = len(value)
        else:
            out[name] = value
    return out
