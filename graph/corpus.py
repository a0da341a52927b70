"""Managing the corpus of a saved graph: which sources it holds, taking some out, its figures.

    sources(graph)               every Source with its date, title, events and copy status
    remove(graph_path, names)    take sources out; the rest is resolved again and saved
    stats(graph)                 nodes by kind, edges by type, documents, dates, top actors

`remove` holds the graph's lock (`graph.store.file.locked`, the one `load` takes) from reading
to writing, and writes atomically, like `load`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import GraphFileError, QueryError
from graph.lang import Lexicon
from graph.model import DateMod, EdgeType, NodeKind
from graph.store.file import locked
from graph.store.saved import read_saved
from graph.store.sqlite import is_store, now, open_store
from graph.views import source_title


@dataclass(frozen=True)
class SourceRow:
    """One source of the graph."""

    source_id: str
    published: str | None  # TIMEX3 value of the publication date; "after 2022-02" if bounded
    basis: str | None  # stated or inferred
    title: str
    publisher: str | None
    path: str
    url: str | None
    events: int  # events it describes
    claims: int  # claims it reports
    copy_of: str | None  # the primary source it is a copy of
    copies: int  # sources that are copies of it

    @property
    def status(self) -> str:
        """ "copy of src_...", "3 copies" for a primary, or "" for a source on its own."""
        if self.copy_of:
            return f"copy of {self.copy_of}"
        return f"{self.copies} {'copy' if self.copies == 1 else 'copies'}" if self.copies else ""


def sources(graph: nx.MultiDiGraph) -> list[SourceRow]:
    """The graph's sources, earliest published first (undated last), then by id."""
    copies = Counter(
        d["copy_of"]
        for _, d in graph.nodes(data=True)
        if d.get("kind") == NodeKind.SOURCE.value and d.get("copy_of")
    )
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != NodeKind.SOURCE.value:
            continue
        out = Counter(d["type"] for _, _, d in graph.out_edges(node, data=True))
        published = data.get("published")
        rows.append(
            SourceRow(
                source_id=node,
                published=_published(published) if published else None,
                basis=published["basis"] if published else None,
                title=source_title(data),
                publisher=data.get("publisher"),
                path=data["path"],
                url=data.get("url"),
                events=out[EdgeType.DESCRIBES.value],
                claims=out[EdgeType.REPORTS.value],
                copy_of=data.get("copy_of"),
                copies=copies[node],
            )
        )
    start = {
        r.source_id: (graph.nodes[r.source_id].get("published") or {}).get("start") for r in rows
    }
    return sorted(
        rows, key=lambda r: (start[r.source_id] is None, start[r.source_id] or "", r.source_id)
    )


def _published(date: dict[str, Any]) -> str:
    """A publication date's value, "after" or "before" it when it only bounds the day."""
    mod = date.get("mod")
    return f"{mod} {date['value']}" if mod in {DateMod.AFTER, DateMod.BEFORE} else date["value"]


@dataclass
class RemoveReport:
    """What a `remove` did."""

    graph_path: Path
    removed: list[SourceRow] = field(default_factory=list)
    nodes: Counter[str] = field(default_factory=Counter)  # by kind, after
    edges: Counter[str] = field(default_factory=Counter)  # by type, after


def remove(
    graph_path: Path,
    names: Sequence[str],
    *,
    lexicon: Lexicon | None = None,
    on_phase: Callable[[str], None] | None = None,
) -> RemoveReport:
    """Take sources out of the saved graph and resolve the rest again, as if never loaded.

    Args:
        graph_path: the saved graph.
        names: each a source id, the path it was loaded from (`articles.jsonl#3` for a row)
            or its url; every source it names is removed.
        lexicon: the language's words for resolution (default: `graph.lang.get()`).
        on_phase: told each step as it begins.

    Raises:
        QueryError: a name matches no source (nothing is changed); the message lists them.
        GraphFileError: no saved graph there, or it cannot be read or written.

    Example:
        >>> remove(Path("timeline.graph.db"), ["seeds/003.txt"]).removed[0].source_id
        'src_...'
    """
    phase = on_phase or (lambda _: None)
    with locked(graph_path, on_wait=lambda: phase(f"waiting for another load of {graph_path}")):
        phase("reading the saved graph")
        saved = read_saved(graph_path, missing_ok=False)
        if not is_store(graph_path):
            raise GraphFileError(
                str(graph_path),
                "a graph in the JSON file format of timeline-graph 0.1",
                f"convert it with `timeline-graph migrate {graph_path} NEW.db`, then remove"
                " from NEW.db",
            )
        if missing := saved.unextracted_sources():
            raise GraphFileError(
                str(graph_path),
                f"the graph holds {len(missing)} sources whose extractions the file does not"
                " keep; resolving it again would drop what they contributed",
                "restore the file from a backup",
            )
        rows = {r.source_id: r for r in sources(saved.graph)}
        chosen: dict[str, SourceRow] = {}
        unknown = []
        for name in names:
            found = [r for r in rows.values() if name in (r.source_id, r.path, r.url)]
            if not found:
                unknown.append(name)
            chosen.update((r.source_id, r) for r in found)
        if unknown:
            raise QueryError(
                f"no source is {', '.join(map(repr, unknown))}; name a source by its id, path"
                " or url (`timeline-graph sources` lists them); nothing was removed"
            )
        kept = [x for x in saved.extractions if x.source.id not in chosen]
        with open_store(graph_path, write=True) as store:
            phase(f"resolving {len(kept)} documents")
            from graph.resolve import resolve_keeping  # the language stack, only here

            record, given, index = resolve_keeping(kept, store.identities(), lexicon=lexicon)
            phase(f"writing {graph_path}")
            store.replace_graph(
                record, given, documents=0, drop=sorted(chosen), at=now(), index=index
            )
    report = RemoveReport(graph_path, removed=sorted(chosen.values(), key=lambda r: r.source_id))
    report.nodes.update(n.kind.value for n in record.nodes)
    report.edges.update(e.type.value for e in record.edges)
    return report


@dataclass(frozen=True)
class ActorCount:
    """An actor with how much the graph says about it."""

    actor_id: str
    name: str
    events: int  # events it took part in
    sources: int  # sources that mention it (copies of one article once)


@dataclass(frozen=True)
class Stats:
    """The figures of a graph."""

    nodes: dict[str, int]  # by kind
    edges: dict[str, int]  # by type
    documents: int  # sources
    copies: int  # sources that are copies of another
    first_event: dt.date | None  # earliest day a dated event may fall on
    last_event: dt.date | None  # latest day a dated event may fall on
    undated_events: int
    first_published: dt.date | None
    last_published: dt.date | None
    top_actors: tuple[ActorCount, ...]


def stats(graph: nx.MultiDiGraph, top: int = 10) -> Stats:
    """Counts of nodes by kind and edges by type, documents, date ranges and the `top`
    actors (most events taken part in, then most sources mentioning them)."""
    kinds = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    types = Counter(d.get("type") for *_, d in graph.edges(data=True))
    of = {
        k.value: [(n, d) for n, d in graph.nodes(data=True) if d.get("kind") == k.value]
        for k in NodeKind
    }
    event_dates = [d["date"] for _, d in of[NodeKind.EVENT.value] if d.get("date")]
    published = [d["published"] for _, d in of[NodeKind.SOURCE.value] if d.get("published")]
    actors = []
    for node, data in of[NodeKind.ACTOR.value]:
        events = {
            v
            for _, v, d in graph.out_edges(node, data=True)
            if d["type"] == EdgeType.PARTICIPATED_IN.value
        }
        mentioned = {
            graph.nodes[u].get("copy_of") or u
            for u, _, d in graph.in_edges(node, data=True)
            if d["type"] == EdgeType.MENTIONS.value
        }
        actors.append(ActorCount(node, data["name"], len(events), len(mentioned)))
    actors.sort(key=lambda a: (-a.events, -a.sources, a.name, a.actor_id))
    return Stats(
        nodes={k.value: kinds[k.value] for k in NodeKind},
        edges={t.value: types[t.value] for t in EdgeType if types[t.value]},
        documents=kinds[NodeKind.SOURCE.value],
        copies=sum(1 for _, d in of[NodeKind.SOURCE.value] if d.get("copy_of")),
        first_event=_day(min((d["start"] for d in event_dates), default=None)),
        last_event=_day(max((d["end"] for d in event_dates), default=None)),
        undated_events=kinds[NodeKind.EVENT.value] - len(event_dates),
        first_published=_day(min((d["start"] for d in published), default=None)),
        last_published=_day(max((d["end"] for d in published), default=None)),
        top_actors=tuple(actors[:top]),
    )


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
