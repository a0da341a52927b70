"""Exports of a saved graph: node-link JSON, GraphML (flat values, opens in Gephi) and
TimelineJS JSON (the dated events, for https://timeline.knightlab.com).

The JSON export is one document that validates against `schema/graph.schema.json`: the
node-link header (`directed`, `multigraph`, `graph`) and the node and edge records. GraphML
gives every node a readable `label` (what Gephi and yEd show) and writes booleans as XML
Schema's `true`/`false`. TimelineJS dates carry only the fields the event's precision
supports, and every text from the articles is HTML-escaped (TimelineJS renders HTML).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from io import BytesIO
from typing import Any

import networkx as nx

from graph import views
from graph.build import node_link
from graph.model import EdgeType, NodeKind

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
CLAIM_LABEL_LENGTH = 80


def to_json(graph: nx.MultiDiGraph) -> str:
    """networkx node-link JSON: nodes carry `id`, `kind` and their fields; edges `type`.

    Edges carry their `id`; networkx's edge `key` (the same value) is left out, so the
    document is exactly what the JSON Schema describes. `nx.node_link_graph(data,
    edges="edges")` reads it back (with integer keys).
    """
    data = node_link(graph)
    data["edges"] = [{k: v for k, v in edge.items() if k != "key"} for edge in data["edges"]]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML with only scalar attributes: nested values are flattened or JSON-encoded.

    `date` becomes `date_value`, `date_start`, `date_end`, `date_precision`, ...; lists
    (aliases, mentions, quantities) become JSON strings, plus a `*_count` for lists. Every
    node has a `label`: an actor's name, a source's title (or file name), an event's label,
    a claim's speaker and shortened text.
    """
    speakers = _speakers(graph)
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{**_flatten(data), "label": node_label(data, speakers.get(node))})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_flatten(data))
    buffer = BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", named_key_ids=True)
    return _xml_booleans(buffer.getvalue())


# TimelineJS date fields each precision can fill: a day has year, month and day; a week,
# season, quarter or half only year and month (a range of months when it spans several);
# a year, decade or century only the year.
_TIMELINEJS_FIELDS = {
    "day": ("year", "month", "day"),
    "week": ("year", "month"),
    "month": ("year", "month"),
    "season": ("year", "month"),
    "quarter": ("year", "month"),
    "half": ("year", "month"),
}


def to_timelinejs(graph: nx.MultiDiGraph) -> tuple[str, int]:
    """TimelineJS JSON of the dated events, in date order; undated events are left out.

    Each event has `start_date` (and `end_date` when the date spans more than one value at
    its precision) with only the fields that precision supports, a `display_date`, `text`
    with the event's label as `headline` and, as HTML, its evidence sentences and sources,
    `group` (the event type) and `unique_id` (the event id).

    Returns:
        The document and the number of undated events left out.

    Example:
        >>> text, undated = to_timelinejs(graph)
        >>> json.loads(text)["events"][0]["start_date"], undated
        ({'year': 2022}, 32)
    """
    events, undated = [], 0
    for row in views.timeline(graph):
        date = graph.nodes[row.event_id].get("date")
        if not date:
            undated += 1
            continue
        start, end = timelinejs_dates(date)
        event: dict[str, Any] = {"start_date": start}
        if end is not None:
            event["end_date"] = end
        event |= {
            "display_date": html.escape(views.date_text(date)),
            "text": {
                "headline": html.escape(row.label),
                "text": _evidence_html(views.evidence(graph, row.event_id)),
            },
            "group": row.event_type,
            "unique_id": row.event_id,
        }
        events.append(event)
    text = json.dumps({"events": events}, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return text, undated


def timelinejs_dates(date: Mapping[str, Any]) -> tuple[dict[str, int], dict[str, int] | None]:
    """TimelineJS `start_date` and `end_date` (None when the same) of a date, at its precision.

    >>> timelinejs_dates({"precision": "week", "start": "2024-04-29", "end": "2024-05-05"})
    ({'year': 2024, 'month': 4}, {'year': 2024, 'month': 5})
    """
    fields = _TIMELINEJS_FIELDS.get(date["precision"], ("year",))
    start, end = dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date["end"])
    first = {field: getattr(start, field) for field in fields}
    last = {field: getattr(end, field) for field in fields}
    return first, (None if last == first else last)


def _evidence_html(found: list[views.Evidence]) -> str:
    """The sentences of each source, then the source: title (a link when it has a web
    address), publisher and publication date; every value escaped."""
    parts = []
    for item in found:
        parts += [f"<p>{html.escape(sentence)}</p>" for sentence in item.sentences]
        title = html.escape(item.title)
        if item.url and item.url.lower().startswith(("https://", "http://")):
            title = f'<a href="{html.escape(item.url)}">{title}</a>'
        details = [html.escape(v) for v in (item.publisher, item.published) if v]
        parts.append(f"<p><cite>{title}</cite>{''.join(f', {d}' for d in details)}</p>")
    return "".join(parts)


def node_label(data: Mapping[str, Any], speaker: str | None = None) -> str:
    """A display text for a node (its `kind` and fields), as Gephi and yEd show it.

    An actor's name, a source's title (or file name), an event's label; a claim reads
    `Speaker: “quote”` (or `Speaker: paraphrase`) in at most 80 characters, where `speaker`
    is the claiming actor's name, else the speaker as written in the text.

    Example:
        >>> node_label({"kind": "Claim", "text": "talks failed", "direct": True}, "Olaf Scholz")
        'Olaf Scholz: “talks failed”'
    """
    kind = data.get("kind")
    if kind == NodeKind.SOURCE:
        return views.source_title(data)
    if kind == NodeKind.ACTOR:
        return str(data.get("name") or "")
    if kind == NodeKind.EVENT:
        return str(data.get("label") or "")
    who = speaker or data.get("speaker")
    prefix = f"{_shorten(str(who), 32)}: " if who else ""
    quotes = 2 if data.get("direct") else 0
    said = _shorten(str(data.get("text") or ""), CLAIM_LABEL_LENGTH - len(prefix) - quotes)
    return prefix + (f"“{said}”" if quotes else said)


def _speakers(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Claim id -> name of the actor that CLAIMED it."""
    out: dict[str, str] = {}
    for u, v, data in graph.edges(data=True):
        if data.get("type") == EdgeType.CLAIMED and graph.nodes[u].get("name"):
            out.setdefault(v, str(graph.nodes[u]["name"]))
    return out


def _shorten(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _xml_booleans(document: bytes) -> str:
    # networkx writes str(True); XML Schema (and so GraphML readers) spell booleans
    # `true`/`false`.
    ET.register_namespace("", GRAPHML_NS)
    root = ET.fromstring(document)
    ns = {"g": GRAPHML_NS}
    booleans = {
        key.get("id") for key in root.findall("g:key", ns) if key.get("attr.type") == "boolean"
    }
    for data in root.iter(f"{{{GRAPHML_NS}}}data"):
        if data.get("key") in booleans and data.text is not None:
            data.text = data.text.lower()
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return "<?xml version='1.0' encoding='utf-8'?>\n" + body + "\n"


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
