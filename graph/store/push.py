"""Push a graph into a graph database through the `GraphStore` protocol.

The order is: constraints and indexes (from `schema/constraints.cypher`), then nodes by
label, then relationships by type, each in batches of `UNWIND $rows AS row MERGE ... SET`
run as one transaction per batch. Nodes and relationships are merged on their
content-derived `id`, so pushing the same graph again creates nothing, and pushing after
loading more documents creates only what is new. Labels and relationship types come from
`NodeKind` and `EdgeType` only; every value travels as a parameter.

Loading more documents re-resolves the corpus, so a few ids of the old graph disappear
(events merged across documents, the PRECEDES chain re-linked around new events). Unless
`prune=False`, the push then deletes the relationships and nodes of the schema's types and
labels whose id is no longer in the graph, so the database mirrors the saved graph.

Example:
    >>> from graph.store.neo4j import Neo4jSettings
    >>> with Neo4jSettings("neo4j://localhost:7687", "neo4j", "secret").connect() as store:
    ...     report = push_saved(Path("timeline.graph.db"), store)
    >>> report.stats.nodes_created, report.stats.relationships_created
    (159, 372)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import networkx as nx

from graph import schema
from graph.errors import StoreError
from graph.model import EdgeType, NodeKind
from graph.schema import Property, node_properties, relationship_properties
from graph.store.protocol import Batch, GraphStore, WriteStats

DEFAULT_BATCH_SIZE = 500
_CAPTION_LENGTH = 60


@dataclass
class PushReport:
    """What a push did; `stats` are the database's own counters."""

    target: str
    stats: WriteStats = field(default_factory=WriteStats)
    wiped: int = 0  # nodes removed by `wipe` before writing
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.stats.rows / self.seconds if self.seconds else 0.0


def push(
    graph: nx.MultiDiGraph,
    store: GraphStore,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    on_batch: Callable[[Batch, WriteStats], None] | None = None,
    prune: bool = True,
) -> PushReport:
    """Write `graph` into `store`: schema first, then nodes, then relationships.

    Args:
        graph: a graph as built by `graph.build.to_networkx` (or read from a saved file).
        store: where to write; any `GraphStore`.
        batch_size: rows per transaction.
        wipe: delete every node with one of the schema's labels before writing.
        on_batch: called after each batch with the batch and its counters.
        prune: then delete what the database holds that the graph no longer has.

    Raises:
        StoreError: the database refused or failed; the message says how many batches were
            written before the failure (pushing again finishes the job).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = PushReport(target=store.target)
    started = time.perf_counter()
    batches = list(graph_batches(graph, batch_size))  # shape every row before any write
    if prune:
        batches += prune_batches(graph)
    store.apply_schema(schema_statements())
    if wipe:
        report.wiped = store.wipe()
    for batch in batches:
        try:
            stats = store.write(batch)
        except StoreError as error:
            if not report.stats.batches:  # that batch's transaction was rolled back
                wiped = f"after --wipe deleted {report.wiped} nodes, " if report.wiped else ""
                raise StoreError(
                    error.target, f"{error.problem} ({wiped}nothing was written)", error.fix
                ) from error
            raise StoreError(
                error.target,
                f"{error.problem} (in {batch.name}, after {report.stats.batches} of "
                f"{len(batches)} batches were written: {report.stats.nodes_created} nodes and "
                f"{report.stats.relationships_created} relationships created)",
                f"{error.fix}; then push again, which adds only what is missing",
            ) from error
        report.stats = report.stats + stats
        if on_batch is not None:
            on_batch(batch, stats)
    report.seconds = time.perf_counter() - started
    return report


def push_saved(
    graph_path: Path,
    store: GraphStore,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    on_batch: Callable[[Batch, WriteStats], None] | None = None,
    prune: bool = True,
) -> PushReport:
    """Push the graph saved at `graph_path` (see `push`).

    Raises:
        GraphFileError: no readable saved graph there.
        StoreError: as for `push`.
    """
    from graph.store.saved import read_saved

    saved = read_saved(graph_path, missing_ok=False)
    return push(saved.graph, store, batch_size, wipe, on_batch, prune)


def schema_statements() -> list[str]:
    """The constraint and index statements shipped in `schema/constraints.cypher`."""
    text = schema.packaged(schema.CONSTRAINTS_FILE)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


# --------------------------------------------------------------------------- statements


def merge_nodes_statement(kind: NodeKind) -> str:
    """`UNWIND $rows ... MERGE` for one label; dates arrive as ISO text and become `date`s."""
    dates = [p.name for p in node_properties()[kind] if p.form in ("date", "day")]
    date_sets = "".join(f",\n    n.{name} = date(row.dates.{name})" for name in dates)
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{NodeKind(kind).value} {{id: row.id}})\n"
        f"SET n += row.props{date_sets}\n"
        "RETURN count(n) AS merged"
    )


def merge_relationships_statement(edge_type: EdgeType, start: NodeKind, end: NodeKind) -> str:
    """`UNWIND $rows ... MERGE` for one relationship type between two labels."""
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{NodeKind(start).value} {{id: row.source}})\n"
        f"MATCH (b:{NodeKind(end).value} {{id: row.target}})\n"
        f"MERGE (a)-[r:{EdgeType(edge_type).value} {{id: row.id}}]->(b)\n"
        "SET r += row.props\n"
        "RETURN count(r) AS merged"
    )


def prune_nodes_statement(kind: NodeKind) -> str:
    """Delete the nodes of one label whose id is not among `$rows` (the ids to keep)."""
    return f"MATCH (n:{NodeKind(kind).value})\nWHERE NOT n.id IN $rows\nDETACH DELETE n"


def prune_relationships_statement(edge_type: EdgeType) -> str:
    """Delete the relationships of one type whose id is not among `$rows`."""
    return f"MATCH ()-[r:{EdgeType(edge_type).value}]->()\nWHERE NOT r.id IN $rows\nDELETE r"


def write_statements() -> dict[str, str]:
    """Every statement `push` can send, by batch name (for linting and docs)."""
    statements = {_node_batch_name(kind): merge_nodes_statement(kind) for kind in NodeKind}
    for edge_type, (start, end) in schema.RELATIONSHIP_ENDS.items():
        statements[_relationship_batch_name(edge_type)] = merge_relationships_statement(
            edge_type, start, end
        )
    for edge_type in EdgeType:
        statements[f"prune_{edge_type.value.lower()}"] = prune_relationships_statement(edge_type)
    for kind in NodeKind:
        statements[f"prune_{kind.value.lower()}s"] = prune_nodes_statement(kind)
    return statements


def prune_batches(graph: nx.MultiDiGraph) -> list[Batch]:
    """Relationships, then nodes, of every schema type and label, keeping the graph's ids."""
    edges: dict[EdgeType, list[str]] = {edge_type: [] for edge_type in EdgeType}
    for _, _, key, data in graph.edges(keys=True, data=True):
        edges[_edge_type(key, data)].append(str(data.get("id", key)))
    nodes: dict[NodeKind, list[str]] = {kind: [] for kind in NodeKind}
    for node_id, data in graph.nodes(data=True):
        nodes[_kind(node_id, data)].append(str(node_id))
    batches = [
        Batch(f"prune_{t.value.lower()}", prune_relationships_statement(t), sorted(ids), "prune")
        for t, ids in edges.items()
    ]
    batches += [
        Batch(f"prune_{k.value.lower()}s", prune_nodes_statement(k), sorted(ids), "prune")
        for k, ids in nodes.items()
    ]
    return batches


def _node_batch_name(kind: NodeKind) -> str:
    return f"merge_{kind.value.lower()}s"


def _relationship_batch_name(edge_type: EdgeType) -> str:
    return f"merge_{edge_type.value.lower()}"


# --------------------------------------------------------------------------- rows


def graph_batches(graph: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Batch]:
    """Nodes by label, then relationships by type, in id order, `batch_size` rows at a time."""
    kinds: dict[str, NodeKind] = {}
    by_kind: dict[NodeKind, list[dict[str, Any]]] = {kind: [] for kind in NodeKind}
    for node_id, data in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        kind = _kind(node_id, data)
        kinds[node_id] = kind
        by_kind[kind].append(node_row(kind, node_id, data))
    for kind, rows in by_kind.items():
        yield from _chunks(_node_batch_name(kind), merge_nodes_statement(kind), rows, batch_size)

    by_ends: dict[tuple[EdgeType, NodeKind, NodeKind], list[dict[str, Any]]] = {}
    for start, end, key, data in sorted(graph.edges(keys=True, data=True), key=_edge_order):
        edge_type = _edge_type(key, data)
        by_ends.setdefault((edge_type, kinds[start], kinds[end]), []).append(
            relationship_row(start, end, key, data)
        )
    order = {edge_type: i for i, edge_type in enumerate(EdgeType)}
    for ends in sorted(by_ends, key=lambda e: (order[e[0]], e[1].value, e[2].value)):
        yield from _chunks(
            _relationship_batch_name(ends[0]),
            merge_relationships_statement(*ends),
            by_ends[ends],
            batch_size,
        )


def node_row(kind: NodeKind, node_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """One node as `{id, props, dates}`: flat values in `props`, ISO days in `dates`.

    Every property of the label is present (None when absent), so a value that disappeared
    since the last push is removed by `SET n += row.props`.
    """
    record = {**data, "id": node_id}
    props: dict[str, Any] = {}
    dates: dict[str, Any] = {}
    for prop in node_properties()[kind]:
        if prop.form == "caption":
            props[prop.name] = _caption(kind, record)
        elif prop.form in ("date", "day"):
            dates[prop.name] = _stored(prop, record)
        else:
            props[prop.name] = _stored(prop, record)
    return {"id": node_id, "props": props, "dates": dates}


def relationship_row(start: str, end: str, key: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """One relationship as `{id, source, target, props}`."""
    record = {**data, "id": data.get("id", key)}
    props = {prop.name: _stored(prop, record) for prop in relationship_properties()}
    return {"id": record["id"], "source": start, "target": end, "props": props}


def _stored(prop: Property, record: Mapping[str, Any]) -> Any:
    if prop.form == "column":
        items = _get(record, prop.path[:-1]) or []
        values = [item[prop.path[-1]] for item in items]
        if any(isinstance(v, float) for v in values):  # Neo4j refuses [1, 2.5]: one type
            values = [float(v) for v in values]
        return values
    value = _get(record, prop.path)
    if prop.form == "json":
        return json.dumps(value or [], ensure_ascii=False, sort_keys=True)
    if prop.form == "count":
        return len(value or [])
    if prop.form == "day":
        # The day itself only when the text gives one; coarser dates keep start/end bounds.
        return value["start"] if value and value.get("precision") == "day" else None
    if isinstance(value, list | tuple):
        return list(value)
    return value


def _get(record: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _caption(kind: NodeKind, record: Mapping[str, Any]) -> str:
    if kind is NodeKind.SOURCE:
        text = record.get("title") or PurePath(str(record.get("path", ""))).name
    elif kind is NodeKind.ACTOR:
        text = record.get("name") or ""
    elif kind is NodeKind.EVENT:
        # A plan, a denial or a rumour must never read as a fact on the canvas.
        modality = record.get("modality") or "actual"
        text = record.get("label") or ""
        text = text if modality == "actual" else f"[{modality}] {text}"
    else:
        text = record.get("text") or ""
    text = " ".join(str(text).split())
    return text if len(text) <= _CAPTION_LENGTH else text[: _CAPTION_LENGTH - 1] + "…"


def _kind(node_id: str, data: Mapping[str, Any]) -> NodeKind:
    try:
        return NodeKind(str(data.get("kind")))
    except ValueError:
        raise StoreError(
            "the graph",
            f"node {node_id} has kind {data.get('kind')!r}, not one of "
            f"{', '.join(k.value for k in NodeKind)}",
            "load the documents again with this version of timeline-graph",
        ) from None


def _edge_type(key: str, data: Mapping[str, Any]) -> EdgeType:
    try:
        return EdgeType(str(data.get("type")))
    except ValueError:
        raise StoreError(
            "the graph",
            f"edge {key} has type {data.get('type')!r}, not one of the schema's types",
            "load the documents again with this version of timeline-graph",
        ) from None


def _edge_order(edge: tuple[str, str, str, Mapping[str, Any]]) -> str:
    return str(edge[3].get("id", edge[2]))


def _chunks(name: str, statement: str, rows: list[dict[str, Any]], size: int) -> Iterator[Batch]:
    for i in range(0, len(rows), size):
        yield Batch(name=name, statement=statement, rows=rows[i : i + size])
