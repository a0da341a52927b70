"""Read-only views of a saved graph: the chronological timeline, an event's evidence, actors
by name."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import PurePath
from typing import Any

import networkx as nx

from graph.errors import AmbiguousActorError, QueryError, UnknownActorError
from graph.model import EdgeType, NodeKind
from graph.temporal.human import human_date


@dataclass(frozen=True)
class TimelineActor:
    """An actor taking part in an event on the timeline."""

    actor_id: str
    name: str
    role: str | None  # a `graph.model.Role` value: agent, patient, recipient, ...


@dataclass(frozen=True)
class TimelineRow:
    """One event on the timeline."""

    event_id: str
    date: str | None  # TIMEX3 value, e.g. 2024-03 or 2024-W14
    precision: str | None
    start: dt.date | None
    end: dt.date | None
    mod: str | None  # open or fuzzy bound: before, after, approx, start, mid, end
    basis: str | None  # stated, relative, publication, inferred
    event_type: str
    label: str
    modality: str  # actual, planned, possible, negated, reported
    participants: tuple[str, ...]  # names, sorted
    sources: int  # independent sources that describe the event (copies count once)
    contested: bool  # a claim about it is contradicted by another
    category: str = "other"  # the event type's general category: conflict, politics, ...
    actors: tuple[TimelineActor, ...] = ()  # the participants with ids and roles
    date_words: str = "undated"  # the date in words, "early March 2024" (`human_date`)
    expression: str | None = None  # the date as the article writes it, "earlier this month"

    @property
    def when(self) -> str:
        """The date as the timeline shows it ("until 2025-07-15"), or "undated"."""
        return date_text(
            {"value": self.date, "mod": self.mod, "basis": self.basis} if self.date else None
        )

    def record(self) -> dict[str, Any]:
        """The row as JSON-ready values: the date in words and its machine values.

        >>> row.record()["date"], row.record()["timex"]  # doctest: +SKIP
        ('early March 2024', '2024-03')
        """
        return {
            "id": self.event_id,
            "date": self.date_words,
            "timex": self.date,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "mod": self.mod,
            "basis": self.basis,
            "expression": self.expression,
            "type": self.event_type,
            "category": self.category,
            "label": self.label,
            "modality": self.modality,
            "participants": [
                {"id": a.actor_id, "name": a.name, "role": a.role} for a in self.actors
            ],
            "sources": self.sources,
            "contested": self.contested,
        }


def timeline(
    graph: nx.MultiDiGraph,
    actor: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    *,
    statements: bool = False,
) -> list[TimelineRow]:
    """Events in chronological order, undated ones last.

    Args:
        graph: a graph as built by `graph.build.to_networkx`.
        actor: keep events this actor took part in: its id, its name, an alias or a part of
            either that names no other actor (see `find_actor`).
        date_from: keep events that may fall on or after this day.
        date_to: keep events that may fall on or before this day.
        statements: also the statements made (the actor's, or everyone's without `actor`):
            one row per Claim, typed `statement`, labelled with its speaker, cue and words,
            dated when it was made, else by its source's publication ("by 29 March 2024").

    Raises:
        ActorError: `actor` names no actor, or several (see `find_actor`).
    """
    wanted = find_actor(graph, actor) if actor else None
    rows = []
    nodes = graph.nodes
    for node, data in graph.nodes(data=True):
        if data.get("kind") != NodeKind.EVENT.value:
            continue
        roles = {
            (u, d.get("role"))
            for u, _, d in graph.in_edges(node, data=True)
            if d["type"] == EdgeType.PARTICIPATED_IN.value
        }
        participants = {u for u, _ in roles}
        if wanted is not None and wanted not in participants:
            continue
        date = data.get("date")
        if not _within(date, date_from, date_to):
            continue
        sources = {  # a copy of an article is its primary again, not another source
            graph.nodes[u].get("copy_of") or u
            for u, _, d in graph.in_edges(node, data=True)
            if d["type"] == EdgeType.DESCRIBES.value
        }
        rows.append(
            _row(
                node,
                date,
                event_type=data["event_type"],
                label=data["label"],
                modality=data.get("modality", "actual"),
                participants=tuple(sorted(nodes[p]["name"] for p in participants)),
                sources=len(sources),
                contested=_contested(graph, node),
                category=data.get("category", "other"),
                actors=tuple(
                    TimelineActor(u, nodes[u]["name"], role)
                    for u, role in sorted(
                        roles, key=lambda r: (nodes[r[0]]["name"], r[0], r[1] or "")
                    )
                ),
            )
        )
    if statements:
        rows += _statements(graph, wanted, date_from, date_to)
    return sorted(rows, key=lambda r: (r.start is None, r.start, r.end, r.event_id))


def _statements(
    graph: nx.MultiDiGraph,
    wanted: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> list[TimelineRow]:
    rows = []
    nodes = graph.nodes
    for node, data in graph.nodes(data=True):
        if data.get("kind") != NodeKind.CLAIM.value:
            continue
        speakers = {
            u for u, _, d in graph.in_edges(node, data=True) if d["type"] == EdgeType.CLAIMED.value
        }
        if wanted is not None and wanted not in speakers:
            continue
        reporters = [
            u for u, _, d in graph.in_edges(node, data=True) if d["type"] == EdgeType.REPORTS.value
        ]
        date = data.get("date")
        if date is None:  # said by the time the earliest report of it was published
            published = [nodes[u]["published"] for u in reporters if nodes[u].get("published")]
            first = min(published, key=lambda p: (p["end"], p["value"]), default=None)
            date = {**first, "basis": "publication", "mod": None} if first else None
        if not _within(date, date_from, date_to):
            continue
        speaker = ", ".join(sorted(nodes[u]["name"] for u in speakers)) or data.get("speaker")
        said = f"{speaker} {data['cue']}" if speaker else data["cue"]
        rows.append(
            _row(
                node,
                date,
                event_type="statement",
                label=f"{said}: {data['text']}",
                modality="negated" if data.get("polarity") == "negative" else "actual",
                participants=tuple(sorted(nodes[u]["name"] for u in speakers)),
                sources=len({nodes[u].get("copy_of") or u for u in reporters}),
                contested=_contradicted(graph, node),
                category="communication",
                actors=tuple(
                    TimelineActor(u, nodes[u]["name"], "agent")
                    for u in sorted(speakers, key=lambda u: (nodes[u]["name"], u))
                ),
            )
        )
    return rows


def _within(date: Mapping[str, Any] | None, first: dt.date | None, last: dt.date | None) -> bool:
    """Whether a date may fall between `first` and `last` (an undated row never does)."""
    if date is None:
        return first is None and last is None
    return (first is None or dt.date.fromisoformat(date["end"]) >= first) and (
        last is None or dt.date.fromisoformat(date["start"]) <= last
    )


def _row(node: str, date: Mapping[str, Any] | None, **fields: Any) -> TimelineRow:
    """A timeline row for `node` with the date fields of `date` (None: undated)."""
    if date is None:
        return TimelineRow(
            event_id=node, date=None, precision=None, start=None, end=None, mod=None,
            basis=None, **fields,
        )  # fmt: skip
    return TimelineRow(
        event_id=node,
        date=date["value"],
        precision=date["precision"],
        start=dt.date.fromisoformat(date["start"]),
        end=dt.date.fromisoformat(date["end"]),
        mod=date.get("mod"),
        basis=date.get("basis"),
        date_words=human_date(date),
        expression=date.get("text"),
        **fields,
    )


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


def find_actor(graph: nx.MultiDiGraph, text: str, *, where: str = "the graph") -> str:
    """The id of the one actor `text` names: an actor id, else the actor of that name, else
    the actor with that alias (in any case), else the only actor one of whose names holds
    `text` as whole words ("Peskov" for "Dmitry Peskov", "State Duma" for "the State Duma").

    Args:
        graph: a graph as built by `graph.build.to_networkx`.
        text: what the user typed: "Vladimir Putin", "putin", "act_a3a688d62e9e95af".
        where: the graph's name in messages, e.g. its file.

    Raises:
        UnknownActorError: no actor matches; the message suggests close names.
        AmbiguousActorError: several actors match equally; the message lists them with ids.

    Example:
        >>> find_actor(graph, "Peskov")  # doctest: +SKIP
        'act_662a910f2fe51b59'
    """
    wanted = " ".join(text.split())
    actors: dict[str, tuple[str, tuple[str, ...]]] = {
        node: (data["name"], tuple(data.get("aliases") or ()))
        for node, data in graph.nodes(data=True)
        if data.get("kind") == NodeKind.ACTOR.value
    }
    if wanted in actors:
        return wanted
    for node, data in graph.nodes(data=True):  # an id a merge retired names its survivor
        if data.get("kind") == NodeKind.ACTOR.value and wanted in (data.get("former_ids") or ()):
            return str(node)
    folded = wanted.casefold()
    part = re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)") if folded else None
    tests = (
        lambda name, _: name.casefold() == folded,
        lambda _, aliases: any(a.casefold() == folded for a in aliases),
        lambda name, aliases: (
            part is not None and any(part.search(n.casefold()) for n in (name, *aliases))
        ),
    )
    for test in tests:
        found = sorted(
            (name, node) for node, (name, aliases) in actors.items() if test(name, aliases)
        )
        if len(found) == 1:
            return found[0][1]
        if found:
            raise AmbiguousActorError(wanted, where, found)
    raise UnknownActorError(wanted, where, _close_names(wanted, actors.values()))


def _close_names(text: str, actors: Iterable[tuple[str, tuple[str, ...]]]) -> list[str]:
    """Names of actors whose name, alias or a word of their name is close to `text`."""
    by_key: dict[str, str] = {}
    for name, aliases in actors:
        for key in (name, *aliases, *name.split()):
            by_key.setdefault(key.casefold(), name)
    close = difflib.get_close_matches(text.casefold(), by_key, n=6, cutoff=0.6)
    return list(dict.fromkeys(by_key[c] for c in close))[:3]


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
    found = {
        node
        for node, data in actors
        if name_matches(text, data["name"], data["aliases"])
        or text in (node, *(data.get("former_ids") or ()))
    }
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
    """Whether a claim about `event` is contradicted by another."""
    return any(
        _contradicted(graph, u)
        for u, _, t in graph.in_edges(event, data="type")
        if t == EdgeType.ABOUT.value
    )


def _contradicted(graph: nx.MultiDiGraph, claim: str) -> bool:
    return EdgeType.CONTRADICTS.value in chain(
        (t for _, _, t in graph.out_edges(claim, data="type")),
        (t for _, _, t in graph.in_edges(claim, data="type")),
    )
