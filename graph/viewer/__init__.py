"""The timeline page: one self-contained, offline HTML file of a saved graph.

`render_page(graph)` returns the page: the timeline (events in date order with date,
precision, type, label, participants, source count and a contested mark), a graph of
actors, events and claims, filters by actor, type and date range, and each event's evidence
and sources on click. The script and style are the files beside this module, inlined; the
data is JSON inside the page. Nothing is fetched: a Content-Security-Policy allows only the
page's own script (by hash) and no network at all.

Article text can hold anything, `<script>` included: the data is JSON with `<`, `>` and `&`
written as `\\u` escapes, and the script puts it on the page as text, never as markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from typing import Any

import networkx as nx

from graph import views
from graph.model import EdgeType, NodeKind

# Relationships drawn in the graph view (between actors, events and claims).
GRAPH_EDGES = (
    EdgeType.PARTICIPATED_IN,
    EdgeType.CLAIMED,
    EdgeType.RELAYED,
    EdgeType.ABOUT,
    EdgeType.SUPPORTS,
    EdgeType.CONTRADICTS,
    EdgeType.PRECEDES,
)
_ASSETS = ("page.html", "viewer.css", "viewer.js")


def render_page(graph: nx.MultiDiGraph, title: str = "timeline-graph") -> str:
    """The HTML page of `graph`, with everything it needs inlined.

    Args:
        graph: a graph as `graph.store.read_saved` returns it.
        title: the page's title and heading.

    Example:
        >>> page = render_page(read_saved(Path("timeline.graph.db")).graph)
        >>> Path("timeline.html").write_text(page, encoding="utf-8")
    """
    template, style, script = (_asset(name) for name in _ASSETS)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    parts = {
        "title": html.escape(title),
        "csp": (
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            f"script-src 'sha256-{digest}'"
        ),
        "style": style,
        "data": _script_json(page_data(graph)),
        "script": script,
    }
    # One pass over the template: what is put in is never scanned for placeholders again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m[1]], template)


def page_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page shows, as JSON-ready values: events in timeline order (the rows of
    `graph.views.timeline`), actors, claims and the edges drawn between them."""
    nodes = graph.nodes
    events = []
    for row in views.timeline(graph):
        data = nodes[row.event_id]
        date = data.get("date")
        events.append(
            {
                "id": row.event_id,
                "date": views.date_text(date) if date else None,
                "precision": row.precision,
                "start": row.start.isoformat() if row.start else None,
                "end": row.end.isoformat() if row.end else None,
                "date_text": date["text"] if date else None,
                "basis": date["basis"] if date else None,
                "type": row.event_type,
                "label": row.label,
                "modality": data.get("modality"),
                "participants": sorted(
                    (
                        {"id": u, "role": d.get("role")}
                        for u, _, d in graph.in_edges(row.event_id, data=True)
                        if d["type"] == EdgeType.PARTICIPATED_IN.value
                    ),
                    key=lambda p: (nodes[p["id"]]["name"], p["id"], p["role"] or ""),
                ),
                "sources": row.sources,
                "contested": row.contested,
                "evidence": [
                    {
                        "title": e.title,
                        "url": e.url,
                        "publisher": e.publisher,
                        "published": e.published,
                        "sentences": list(e.sentences),
                    }
                    for e in views.evidence(graph, row.event_id)
                ],
            }
        )
    actors = sorted(
        (
            {"id": n, "name": d["name"], "type": d.get("actor_type"), "aliases": d["aliases"]}
            for n, d in graph.nodes(data=True)
            if d.get("kind") == NodeKind.ACTOR.value
        ),
        key=lambda a: (a["name"].lower(), a["id"]),
    )
    claims = [
        {
            "id": n,
            "text": d["text"],
            "speaker": d.get("speaker"),
            "cue": d.get("cue"),
            "direct": d.get("direct"),
            "hedged": d.get("hedged"),
            "polarity": d.get("polarity"),
            "date": views.date_text(d["date"]) if d.get("date") else None,
            "sentence": " ".join(d["span"]["text"].split()),
            "source": views.source_title(nodes[d["span"]["source_id"]])
            if d["span"]["source_id"] in nodes
            else None,
        }
        for n, d in sorted(graph.nodes(data=True))
        if d.get("kind") == NodeKind.CLAIM.value
    ]
    drawn = {t.value for t in GRAPH_EDGES}
    edges = [
        {"source": u, "target": v, "type": d["type"], "evidence": d.get("evidence")}
        for u, v, _, d in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2])
        if d["type"] in drawn
    ]
    sources = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == NodeKind.SOURCE.value)
    return {
        "events": events,
        "actors": actors,
        "claims": claims,
        "edges": edges,
        "sources": sources,
    }


def _script_json(data: Any) -> str:
    """JSON that is safe inside `<script type="application/json">`: no `<`, `>` or `&`
    (so no `</script>` or `<!--`), and no line separators that old parsers choke on."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _asset(name: str) -> str:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    # What would end the inlined element early or change how the browser reads its end.
    for tag in _NOT_INLINE.get(name, ()):
        if tag in text.lower():
            raise ValueError(f"graph/viewer/{name} must not contain {tag}")
    return text


_NOT_INLINE = {"viewer.js": ("</script", "<script", "<!--"), "viewer.css": ("</style",)}
