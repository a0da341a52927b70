"""Read-only views of a saved graph: the chronological timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx

from graph.model import EdgeType, NodeKind


@dataclass(frozen=True)
class TimelineRow:
    """One event on the timeline."""

    event_id: str
    date: str | None  # TIMEX3 value, e.g. 2024-03 or 2024-W14
    precision: str | None
    start: dt.date | None
    end: dt.date | None
    event_type: str
    label: str
    participants: tuple[str, ...]
    sources: int  # independent sources that describe the event
    contested: bool  # a claim about it is contradicted by another


def timeline(
    graph: nx.MultiDiGraph,
    actor: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[TimelineRow]:
    """Events in chronological order, undated ones last.

    Args:
        graph: a graph as built by `graph.build.to_networkx`.
        actor: keep events this actor took part in (name or alias, case-insensitive).
        date_from: keep events that may fall on or after this day.
        date_to: keep events that may fall on or before this day.
    """
    wanted = _actor_ids(graph, actor) if actor else None
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != NodeKind.EVENT.value:
            continue
        participants = {
            u
            for u, _, d in graph.in_edges(node, data=True)
            if d["type"] == EdgeType.PARTICIPATED_IN.value
        }
        if wanted is not None and not participants & wanted:
            continue
        date = data.get("date")
        start = dt.date.fromisoformat(date["start"]) if date else None
        end = dt.date.fromisoformat(date["end"]) if date else None
        if date_from and (end is None or end < date_from):
            continue
        if date_to and (start is None or start > date_to):
            continue
        sources = {
            u
            for u, _, d in graph.in_edges(node, data=True)
            if d["type"] == EdgeType.DESCRIBES.value
        }
        rows.append(
            TimelineRow(
                event_id=node,
                date=date["value"] if date else None,
                precision=date["precision"] if date else None,
                start=start,
                end=end,
                event_type=data["event_type"],
                label=data["label"],
                participants=tuple(sorted(graph.nodes[p]["name"] for p in participants)),
                sources=len(sources),
                contested=_contested(graph, node),
            )
        )
    return sorted(rows, key=lambda r: (r.start is None, r.start, r.end, r.event_id))


def _actor_ids(graph: nx.MultiDiGraph, name: str) -> set[str]:
    name = name.casefold()
    return {
        node
        for node, data in graph.nodes(data=True)
        if data.get("kind") == NodeKind.ACTOR.value
        and (data["name"].casefold() == name or name in (a.casefold() for a in data["aliases"]))
    }


def _contested(graph: nx.MultiDiGraph, event: str) -> bool:
    claims = [
        u for u, _, d in graph.in_edges(event, data=True) if d["type"] == EdgeType.ABOUT.value
    ]
    return any(
        d["type"] == EdgeType.CONTRADICTS.value
        for claim in claims
        for _, _, d in [*graph.out_edges(claim, data=True), *graph.in_edges(claim, data=True)]
    )
