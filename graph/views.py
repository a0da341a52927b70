"""Read-only views of a saved graph: the chronological timeline, an event's evidence, actors
by name."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import networkx as nx

from graph.errors import QueryError
from graph.model import EdgeType, NodeKind


@dataclass(frozen=True)
class TimelineRow:
    """One event on the timeline."""

    event_id: str
    date: str | None  # TIMEX3 value, e.g. 2024-03 or 2024-W14
    precision: str | None
    start: dt.date | None
    end: dt.date | None
    mod: str | None  # open or fuzzy bound: before, after, approx, start, mid, end
    basis: str | None  # stated, relative, inferred
    event_type: str
    label: str
    modality: str  # actual, planned, possible, negated, reported
    participants: tuple[str, ...]
    sources: int  # independent sources that describe the event (copies count once)
    contested: bool  # a claim about it is contradicted by another

    @property
    def when(self) -> str:
        """The date as the timeline shows it ("until 2025-07-15"), or "undated"."""
        return date_text(
            {"value": self.date, "mod": self.mod, "basis": self.basis} if self.date else None
        )


def timeline(
    graph: nx.MultiDiGraph,
    actor: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[TimelineRow]:
    """Events in chronological order, undated ones last.

    Args:
        graph: a graph as built by `graph.build.to_networkx`.
        actor: keep events this actor took part in: its name, words of its name ("Peskov"
            for "Dmitry Peskov") or an alias, in any case (see `name_matches`).
        date_from: keep events that may fall on or after this day.
        date_to: keep events that may fall on or before this day.

    Raises:
        QueryError: no actor matches `actor`; the message suggests similar names.
    """
    wanted = find_actors(graph, actor) if actor else None
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
        sources = {  # a copy of an article is its primary again, not another source
            graph.nodes[u].get("copy_of") or u
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
                mod=date.get("mod") if date else None,
                basis=date.get("basis") if date else None,
                event_type=data["event_type"],
                label=data["label"],
                modality=data.get("modality", "actual"),
                participants=tuple(sorted(graph.nodes[p]["name"] for p in participants)),
                sources=len(sources),
                contested=_contested(graph, node),
            )
        )
    return sorted(rows, key=lambda r: (r.start is None, r.start, r.end, r.event_id))


@dataclass(frozen=True)
class Evidence:
    """What one source says about an event."""

    source_id: str
    title: str  # the source's title, else its file name
    url: str | None
    publisher: str | None
    published: str | None  # TIMEX3 value of the publication date
    sentences: tuple[str, ...]  # the sentences that describe the event, in text order


def evidence(graph: nx.MultiDiGraph, event: str) -> list[Evidence]:
    """The sources that describe `event` with their sentences, earliest publication first."""
    found = []
    for source, _, data in graph.in_edges(event, data=True):
        if data["type"] != EdgeType.DESCRIBES.value:
            continue
        node = graph.nodes[source]
        spans = sorted(data.get("spans") or (), key=lambda s: (s["start"], s["end"]))
        published = node.get("published")
        item = Evidence(
            source_id=source,
            title=source_title(node),
            url=node.get("url"),
            publisher=node.get("publisher"),
            published=published["value"] if published else None,
            sentences=tuple(dict.fromkeys(" ".join(s["text"].split()) for s in spans)),
        )
        found.append(((published is None, published["start"] if published else "", source), item))
    return [item for _, item in sorted(found)]


def source_title(data: Mapping[str, Any]) -> str:
    """A source's title, else its file's name."""
    return str(data.get("title") or PurePath(str(data.get("path") or "")).name)


DATE_MODS = {
    "before": "until",
    "after": "from",
    "approx": "about",
    "start": "early",
    "mid": "mid",
    "end": "late",
}


def date_text(date: Mapping[str, Any] | None) -> str:
    """A date as the timeline shows it: its TIMEX3 value, after its modifier if any.

    >>> date_text({"value": "2024-03", "mod": "before"}), date_text(None)
    ('until 2024-03', 'undated')
    """
    if not date:
        return "undated"
    if date.get("basis") == "publication":
        return f"by {date['value']}"  # no date of its own: reported as news then
    mod = date.get("mod")
    return f"{DATE_MODS.get(mod, mod)} {date['value']}" if mod else str(date["value"])


def name_matches(text: str, name: str, aliases: Iterable[str] = ()) -> bool:
    """Whether `text` names an actor: its whole name or a run of whole words of it, or one of
    its aliases, in any case. The Cypher queries of `cypher/` use the same rule.

        >>> name_matches("peskov", "Dmitry Peskov"), name_matches("Pesk", "Dmitry Peskov")
        (True, False)
    """
    text = text.lower()
    return bool(text) and (
        f" {text} " in f" {name.lower()} " or any(text == a.lower() for a in aliases)
    )


def find_actors(graph: nx.MultiDiGraph, text: str) -> set[str]:
    """Ids of the actors `text` names (see `name_matches`).

    Raises:
        QueryError: no actor matches; the message suggests similar names.
    """
    actors = [
        (node, data)
        for node, data in graph.nodes(data=True)
        if data.get("kind") == NodeKind.ACTOR.value
    ]
    found = {node for node, data in actors if name_matches(text, data["name"], data["aliases"])}
    if not found:
        raise QueryError(_no_actor(text, [data["name"] for _, data in actors]))
    return found


def _no_actor(text: str, names: list[str]) -> str:
    by_lower = {n.lower(): n for n in names}
    words = {w: n for n in names for w in n.lower().split()}
    close = difflib.get_close_matches(text.lower(), [*by_lower, *words], n=6, cutoff=0.6)
    suggestions = list(dict.fromkeys(by_lower.get(c) or words[c] for c in close))[:3]
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    return (
        f"no actor matches {text!r}{hint} (`timeline-graph query actor_ranking` lists the actors)"
    )


def _contested(graph: nx.MultiDiGraph, event: str) -> bool:
    claims = [
        u for u, _, d in graph.in_edges(event, data=True) if d["type"] == EdgeType.ABOUT.value
    ]
    return any(
        d["type"] == EdgeType.CONTRADICTS.value
        for claim in claims
        for _, _, d in [*graph.out_edges(claim, data=True), *graph.in_edges(claim, data=True)]
    )
