"""The query library gives the right rows: each query, run on a real FalkorDB loaded from
the seeds graph through the pusher, against the answer computed from the networkx graph.

Parameters are chosen from the data (the most quoted speaker, the best connected actors...)
so the checks keep meaning something when extraction changes. Rows are compared as
multisets, and the query's own ORDER BY is checked separately on its output.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph import query, views
from graph.cli import app
from graph.errors import QueryError, StoreError
from graph.model import EdgeType, NodeKind
from graph.store import push, read_saved
from graph.store.falkordb import FalkorDBStore, translate
from graph.store.push import node_row

Row = dict[str, Any]
Key = Callable[[Row], tuple[Any, ...]]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def seeds(seeds_graph: Path) -> nx.MultiDiGraph:
    graph: nx.MultiDiGraph = read_saved(seeds_graph).graph
    return graph


@pytest.fixture(scope="module")
def store(seeds: nx.MultiDiGraph) -> Iterator[FalkorDBStore]:
    try:
        local = FalkorDBStore.start()
    except StoreError as error:
        pytest.fail(f"{error} (CI installs it with the test extras)")
    with local:
        push(seeds, local)
        yield local


def run(store: FalkorDBStore, name: str, **arguments: str) -> list[Row]:
    q = query.load_query(name)
    return query.run_on(store, q, query.bind(q, arguments)).records()


# --------------------------------------------------------------------------- graph helpers


class G:
    """Small reading helpers over the networkx graph, in the query's own terms."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.g = graph

    def nodes(self, kind: NodeKind) -> list[tuple[str, dict[str, Any]]]:
        return [(n, d) for n, d in self.g.nodes(data=True) if d["kind"] == kind.value]

    def into(self, node: str, *types: EdgeType) -> list[tuple[str, dict[str, Any]]]:
        wanted = {t.value for t in types}
        return [(u, d) for u, _, d in self.g.in_edges(node, data=True) if d["type"] in wanted]

    def out(self, node: str, *types: EdgeType) -> list[tuple[str, dict[str, Any]]]:
        wanted = {t.value for t in types}
        return [(v, d) for _, v, d in self.g.out_edges(node, data=True) if d["type"] in wanted]

    def data(self, node: str) -> dict[str, Any]:
        result: dict[str, Any] = self.g.nodes[node]
        return result

    def caption(self, node: str) -> str:
        data = self.data(node)
        caption: str = node_row(NodeKind(data["kind"]), node, data)["props"]["caption"]
        return caption

    def matches(self, actor: str, name: str) -> bool:
        data = self.data(actor)
        return views.name_matches(name, data["name"], data["aliases"])


def value(date: dict[str, Any] | None, field: str = "value") -> Any:
    return date[field] if date else None


def nulls_last(value: Any) -> tuple[bool, Any]:
    return (value is None, "" if value is None else value)


def canonical(row: Row) -> str:
    """A row as text with unordered lists sorted, for multiset comparison."""
    return json.dumps(
        {k: sorted(v, key=json.dumps) if isinstance(v, list) else v for k, v in row.items()},
        sort_keys=True,
    )


def check(got: list[Row], expected: list[Row], key: Key) -> None:
    assert Counter(map(canonical, got)) == Counter(map(canonical, expected))
    keys = [key(row) for row in got]
    assert keys == sorted(keys), "rows are not in the query's ORDER BY order"


# --------------------------------------------------------------------------- references


def timeline(g: G, actor: str | None, start: str | None, end: str | None) -> list[Row]:
    return [
        {
            "event": r.event_id,
            "date": r.date,
            "precision": r.precision,
            "date_mod": r.mod,
            "type": r.event_type,
            "label": r.label,
            "modality": r.modality,
            "participants": list(r.participants),
            "sources": r.sources,
            "contested": r.contested,
        }
        for r in views.timeline(
            g.g,
            actor,
            dt.date.fromisoformat(start) if start else None,
            dt.date.fromisoformat(end) if end else None,
        )
    ]


def who_said_what(g: G, event: str) -> list[Row]:
    rows = {}
    for c, cd in g.nodes(NodeKind.CLAIM):
        for e, _ in g.out(c, EdgeType.ABOUT):
            ed = g.data(e)
            if e != event and event.lower() not in ed["label"].lower():
                continue
            speakers = sorted({g.data(a)["name"] for a, _ in g.into(c, EdgeType.CLAIMED)})
            for s, _ in g.into(c, EdgeType.REPORTS):
                rows[(e, c, s)] = {
                    "event": e,
                    "event_label": ed["label"],
                    "claim": c,
                    "speakers": speakers or [cd["speaker"]],
                    "relayed_by": sorted(
                        {g.data(a)["name"] for a, _ in g.into(c, EdgeType.RELAYED)}
                    ),
                    "text": cd["text"],
                    "cue": cd["cue"],
                    "polarity": cd["polarity"],
                    "hedged": cd["hedged"],
                    "said": value(cd["date"]),
                    "source": s,
                    "source_title": g.caption(s),
                    "published": value(g.data(s)["published"]),
                }
    return list(rows.values())


def contradictions(g: G) -> list[Row]:
    rows = []
    for c1, c2, d in g.g.edges(data=True):
        if d["type"] != EdgeType.CONTRADICTS.value:
            continue
        one, two = g.data(c1), g.data(c2)
        for s1, _ in g.into(c1, EdgeType.REPORTS):
            for s2, _ in g.into(c2, EdgeType.REPORTS):
                for a1 in [a for a, _ in g.into(c1, EdgeType.CLAIMED)] or [None]:
                    for a2 in [a for a, _ in g.into(c2, EdgeType.CLAIMED)] or [None]:
                        for e in [e for e, _ in g.out(c1, EdgeType.ABOUT)] or [None]:
                            rows.append(
                                {
                                    "claim_1": c1,
                                    "speaker_1": g.data(a1)["name"] if a1 else one["speaker"],
                                    "text_1": one["text"],
                                    "polarity_1": one["polarity"],
                                    "source_1": s1,
                                    "source_title_1": g.caption(s1),
                                    "claim_2": c2,
                                    "speaker_2": g.data(a2)["name"] if a2 else two["speaker"],
                                    "text_2": two["text"],
                                    "polarity_2": two["polarity"],
                                    "source_2": s2,
                                    "source_title_2": g.caption(s2),
                                    "about": g.data(e)["label"] if e else None,
                                    "evidence": d["evidence"],
                                }
                            )
    return rows


def multi_source_events(g: G, least: int) -> list[Row]:
    rows = []
    for e, d in g.nodes(NodeKind.EVENT):
        sources = sorted({s for s, _ in g.into(e, EdgeType.DESCRIBES)})
        if len(sources) >= least:
            rows.append(
                {
                    "event": e,
                    "date": value(d["date"]),
                    "precision": value(d["date"], "precision"),
                    "type": d["event_type"],
                    "label": d["label"],
                    "sources": len(sources),
                    "source_ids": sources,
                }
            )
    return rows


def actor_ranking(g: G, actor_type: str | None, limit: int) -> list[Row]:
    rows = []
    for a, d in g.nodes(NodeKind.ACTOR):
        if actor_type is not None and d["actor_type"] != actor_type:
            continue
        events = len({e for e, _ in g.out(a, EdgeType.PARTICIPATED_IN)})
        claims = len({c for c, _ in g.out(a, EdgeType.CLAIMED)})
        rows.append(
            {
                "actor": a,
                "name": d["name"],
                "type": d["actor_type"],
                "involvement": events + claims,
                "events": events,
                "claims": claims,
                "sources": len({s for s, _ in g.into(a, EdgeType.MENTIONS)}),
                "mentions": len(d["mentions"]),
            }
        )
    rows.sort(key=ranking_key)
    return rows[:limit]


def ranking_key(r: Row) -> tuple[Any, ...]:
    return (-r["involvement"], -r["sources"], -r["mentions"], r["actor"])


def actor_claims(g: G, actor: str) -> list[Row]:
    rows = []
    for a, ad in g.nodes(NodeKind.ACTOR):
        if not g.matches(a, actor):
            continue
        for c, _ in g.out(a, EdgeType.CLAIMED):
            cd = g.data(c)
            for s, _ in g.into(c, EdgeType.REPORTS):
                published = g.data(s)["published"]
                for e in [e for e, _ in g.out(c, EdgeType.ABOUT)] or [None]:
                    rows.append(
                        {
                            "actor": ad["name"],
                            "said_on": value(cd["date"], "start") or value(published, "start"),
                            "claim_date": value(cd["date"]),
                            "published": value(published),
                            "claim": c,
                            "text": cd["text"],
                            "cue": cd["cue"],
                            "polarity": cd["polarity"],
                            "hedged": cd["hedged"],
                            "about": g.data(e)["label"] if e else None,
                            "source": s,
                        }
                    )
    return rows


CONNECTING = (
    EdgeType.PARTICIPATED_IN,
    EdgeType.CLAIMED,
    EdgeType.RELAYED,
    EdgeType.ABOUT,
    EdgeType.SUPPORTS,
    EdgeType.CONTRADICTS,
)


def actor_connections(g: G, one: str, other: str) -> list[Row]:
    wanted = {t.value for t in CONNECTING}
    links: dict[frozenset[str], list[str]] = {}
    for u, v, d in g.g.edges(data=True):
        if d["type"] in wanted:
            links.setdefault(frozenset((u, v)), []).append(d["type"])
    simple = nx.Graph()
    simple.add_nodes_from(g.g.nodes)
    simple.add_edges_from(tuple(pair) for pair in links if len(pair) == 2)
    rows = []
    actors = g.nodes(NodeKind.ACTOR)
    for a, ad in actors:
        for b, bd in actors:
            if a == b or not g.matches(a, one) or not g.matches(b, other):
                continue
            try:
                paths = list(nx.all_shortest_paths(simple, a, b))
            except nx.NetworkXNoPath:
                continue
            for path in paths:
                if len(path) - 1 > 6:
                    continue
                hops: list[list[str]] = [[]]
                for u, v in zip(path, path[1:], strict=False):  # one row per parallel edge
                    hops = [h + [t] for h in hops for t in links[frozenset((u, v))]]
                for via in hops:
                    rows.append(
                        {
                            "actor_a": ad["name"],
                            "actor_b": bd["name"],
                            "steps": len(path) - 1,
                            "path": [g.caption(n) for n in path],
                            "via": via,
                            "route": "".join(f"/{n}" for n in path),
                        }
                    )
    return rows


def title_changes(g: G, actor: str | None) -> list[Row]:
    rows = []
    for a, d in g.nodes(NodeKind.ACTOR):
        if actor is not None and not g.matches(a, actor):
            continue
        for title in d["titles"]:
            if title["source_id"] not in g.g:
                continue
            published = g.data(title["source_id"])["published"]
            rows.append(
                {
                    "actor_id": a,
                    "actor": d["name"],
                    "title": title["title"],
                    "as_of": value(published),
                    "as_of_basis": value(published, "basis"),
                    "source": title["source_id"],
                }
            )
    return rows


def review_queue(g: G) -> list[Row]:
    rows = []
    for n, d in g.g.nodes(data=True):
        kind = d["kind"]
        if kind not in ("Event", "Claim", "Source"):
            continue
        date, published = d.get("date"), d.get("published")
        speakers = len(g.into(n, EdgeType.CLAIMED, EdgeType.RELAYED))
        reasons = [
            kind == "Event" and date is None and "undated event",
            date is not None and date["basis"] == "inferred" and "inferred date",
            published is not None
            and published["basis"] == "inferred"
            and "inferred publication date",
            kind == "Source" and published is None and "no publication date",
            kind == "Claim" and d["hedged"] and "hedged claim",
            kind == "Claim" and speakers == 0 and "no identified speaker",
        ]
        for reason in filter(None, reasons):
            detail = d.get("published_evidence") or value(date, "text") or d.get("speaker")
            rows.append(
                {
                    "reason": reason,
                    "kind": kind,
                    "id": n,
                    "item": g.caption(n),
                    "date": value(date) or value(published),
                    "detail": detail,
                }
            )
    return rows


EVIDENCE_RANK = {"REPORTS": 0, "CLAIMED": 1, "RELAYED": 2, "ABOUT": 3}


def claim_evidence(g: G, claim: str) -> list[Row]:
    rows = []
    wanted = {"REPORTS", "CLAIMED", "RELAYED", "ABOUT", "SUPPORTS", "CONTRADICTS"}
    touching = [(u, d) for u, _, d in g.g.in_edges(claim, data=True)]
    touching += [(v, d) for _, v, d in g.g.out_edges(claim, data=True)]
    for other, d in touching:
        if d["type"] not in wanted:
            continue
        for span in d["spans"]:
            if span["source_id"] not in g.g:
                continue
            source = g.data(span["source_id"])
            rows.append(
                {
                    "evidence": d["type"].lower(),
                    "linked": g.caption(other),
                    "source": span["source_id"],
                    "path": source["path"],
                    "published": value(source["published"]),
                    "start": span["start"],
                    "end": span["end"],
                    "text": span["text"],
                }
            )
    return rows


def source_overview(g: G) -> list[Row]:
    return [
        {
            "source": s,
            "title": g.caption(s),
            "publisher": d["publisher"],
            "published": value(d["published"]),
            "basis": value(d["published"], "basis"),
            "words": d["words"],
            "events": len({e for e, _ in g.out(s, EdgeType.DESCRIBES)}),
            "claims": len({c for c, _ in g.out(s, EdgeType.REPORTS)}),
            "actors": len({a for a, _ in g.out(s, EdgeType.MENTIONS)}),
        }
        for s, d in g.nodes(NodeKind.SOURCE)
    ]


def events_near_date(g: G, on: str, days: int) -> list[Row]:
    day = dt.date.fromisoformat(on)
    low, high = (day - dt.timedelta(days=days)).isoformat(), (day + dt.timedelta(days)).isoformat()
    return [
        {
            "event": e,
            "date": d["date"]["value"],
            "precision": d["date"]["precision"],
            "type": d["event_type"],
            "label": d["label"],
        }
        for e, d in g.nodes(NodeKind.EVENT)
        if d["date"] and d["date"]["start"] <= high and d["date"]["end"] >= low
    ]


def event_quantities(g: G, unit: str | None) -> list[Row]:
    rows = []
    for e, d in g.nodes(NodeKind.EVENT):
        sources = sorted({s for s, _ in g.into(e, EdgeType.DESCRIBES)})
        for q in d["quantities"]:
            if unit is None or q["unit"].lower() == unit.lower():
                rows.append(
                    {
                        "event": e,
                        "date": value(d["date"]),
                        "label": d["label"],
                        "value": q["value"],
                        "unit": q["unit"],
                        "modifier": q["modifier"],
                        "text": q["text"],
                        "sources": sources,
                    }
                )
    return rows


def co_participants(g: G, actor: str | None) -> list[Row]:
    shared: dict[tuple[str, str], set[str]] = {}
    for e, _ in g.nodes(NodeKind.EVENT):
        actors = {a for a, _ in g.into(e, EdgeType.PARTICIPATED_IN)}
        for a in actors:
            for b in actors:
                if a < b and (actor is None or g.matches(a, actor) or g.matches(b, actor)):
                    shared.setdefault((a, b), set()).add(e)
    return [
        {
            "actor_a": g.data(a)["name"],
            "actor_b": g.data(b)["name"],
            "shared_events": len(events),
            "events": sorted({g.data(e)["label"] for e in events}),
            "id_a": a,
            "id_b": b,
        }
        for (a, b), events in shared.items()
    ]


def relayed_claims(g: G) -> list[Row]:
    rows = []
    for outlet, c, d in g.g.edges(data=True):
        if d["type"] != EdgeType.RELAYED.value:
            continue
        cd = g.data(c)
        for s, _ in g.into(c, EdgeType.REPORTS):
            for speaker in [a for a, _ in g.into(c, EdgeType.CLAIMED)] or [None]:
                rows.append(
                    {
                        "outlet": g.data(outlet)["name"],
                        "speaker": g.data(speaker)["name"] if speaker else cd["speaker"],
                        "claim": c,
                        "text": cd["text"],
                        "cue": cd["cue"],
                        "hedged": cd["hedged"],
                        "source": s,
                    }
                )
    return rows


def event_types(g: G) -> list[Row]:
    groups: dict[str, list[str]] = {}
    for e, d in g.nodes(NodeKind.EVENT):
        groups.setdefault(d["event_type"], []).append(e)
    rows = []
    for kind, events in groups.items():
        dates = [g.data(e)["date"] for e in events if g.data(e)["date"]]
        rows.append(
            {
                "type": kind,
                "events": len(events),
                "sources": len({s for e in events for s, _ in g.into(e, EdgeType.DESCRIBES)}),
                "earliest": min((d["start"] for d in dates), default=None),
                "latest": max((d["end"] for d in dates), default=None),
            }
        )
    return rows


# --------------------------------------------------------------------------- parameters


def most(counter: Counter[str]) -> str:
    """The most common item, ties broken by the item itself (stable across runs)."""
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def choices(g: G) -> dict[str, str]:
    """Parameters that give rows on whatever the current extraction finds in the seeds."""
    speakers = Counter(
        g.data(a)["name"]
        for c, _ in g.nodes(NodeKind.CLAIM)
        for a, _ in g.into(c, EdgeType.CLAIMED)
    )
    busy = Counter(
        g.data(a)["name"]
        for e, _ in g.nodes(NodeKind.EVENT)
        for a, _ in g.into(e, EdgeType.PARTICIPATED_IN)
    )
    about = Counter(e for c, _ in g.nodes(NodeKind.CLAIM) for e, _ in g.out(c, EdgeType.ABOUT))
    contested = sorted(u for u, _, d in g.g.edges(data=True) if d["type"] == "CONTRADICTS")
    titled = sorted(d["name"] for _, d in g.nodes(NodeKind.ACTOR) if d["titles"])
    units = Counter(
        q["unit"] for _, d in g.nodes(NodeKind.EVENT) for q in d["quantities"] if q["unit"]
    )
    days = sorted(
        d["date"]["start"]
        for _, d in g.nodes(NodeKind.EVENT)
        if d["date"] and d["date"]["precision"] == "day"
    )
    first, second = sorted(busy, key=lambda n: (-busy[n], n))[:2]
    rivals = sorted(  # speakers on the two sides of a contradiction: connected in 3 steps
        (g.data(a1)["name"], g.data(a2)["name"])
        for c1, c2, d in g.g.edges(data=True)
        if d["type"] == EdgeType.CONTRADICTS.value
        for a1, _ in g.into(c1, EdgeType.CLAIMED)
        for a2, _ in g.into(c2, EdgeType.CLAIMED)
        if a1 != a2
    ) or [(first, second)]
    return {
        "speaker": most(speakers),
        "actor": first,
        "other": second,
        "rival_a": rivals[0][0],
        "rival_b": rivals[0][1],
        "event": most(about),
        "claim": contested[0] if contested else sorted(n for n, _ in g.nodes(NodeKind.CLAIM))[0],
        "titled": titled[0],
        "unit": most(units),
        "day": days[len(days) // 2],
    }


CASES: list[tuple[str, dict[str, str]]] = [
    ("timeline", {}),
    ("timeline", {"actor": "{actor}"}),
    ("timeline", {"from": "2023-01-01", "to": "2023-12-31"}),
    ("who_said_what", {"event": "{event}"}),
    ("who_said_what", {"event": "mobiliz"}),
    ("contradictions", {}),
    ("multi_source_events", {}),
    ("multi_source_events", {"min_sources": "3"}),
    ("actor_ranking", {}),
    ("actor_ranking", {"actor_type": "person", "limit": "5"}),
    ("actor_claims", {"actor": "{speaker}"}),
    ("actor_connections", {"actor_a": "{actor}", "actor_b": "{other}"}),
    ("actor_connections", {"actor_a": "{rival_a}", "actor_b": "{rival_b}"}),
    ("title_changes", {}),
    ("title_changes", {"actor": "{titled}"}),
    ("review_queue", {}),
    ("claim_evidence", {"claim": "{claim}"}),
    ("source_overview", {}),
    ("events_near_date", {"on": "{day}", "days": "30"}),
    ("event_quantities", {}),
    ("event_quantities", {"unit": "{unit}"}),
    ("co_participants", {}),
    ("co_participants", {"actor": "{actor}"}),
    ("relayed_claims", {}),
    ("event_types", {}),
]


def expected(g: G, name: str, p: dict[str, str]) -> tuple[list[Row], Key]:
    """The reference answer and the query's ORDER BY as a key on its rows."""
    start = lambda r: nulls_last(r.get("said_on"))  # noqa: E731
    if name == "timeline":
        by_id = {e: value(d["date"], "start") for e, d in g.nodes(NodeKind.EVENT)}
        ends = {e: value(d["date"], "end") for e, d in g.nodes(NodeKind.EVENT)}
        return timeline(g, p.get("actor"), p.get("from"), p.get("to")), lambda r: (
            *nulls_last(by_id[r["event"]]),
            ends[r["event"]] or "",
            r["event"],
        )
    if name == "who_said_what":
        claim_start = {c: value(d["date"], "start") for c, d in g.nodes(NodeKind.CLAIM)}
        return who_said_what(g, p["event"]), lambda r: (
            r["event"],
            *nulls_last(claim_start[r["claim"]]),
            r["claim"],
            r["source"],
        )
    if name == "contradictions":
        return contradictions(g), lambda r: (
            r["claim_1"],
            r["claim_2"],
            *nulls_last(r["speaker_1"]),
            *nulls_last(r["speaker_2"]),
            *nulls_last(r["about"]),
        )
    if name == "multi_source_events":
        starts = {e: value(d["date"], "start") for e, d in g.nodes(NodeKind.EVENT)}
        return multi_source_events(g, int(p.get("min_sources", "2"))), lambda r: (
            -r["sources"],
            *nulls_last(starts[r["event"]]),
            r["event"],
        )
    if name == "actor_ranking":
        return actor_ranking(g, p.get("actor_type"), int(p.get("limit", "20"))), ranking_key
    if name == "actor_claims":
        return actor_claims(g, p["actor"]), lambda r: (
            *start(r),
            r["claim"],
            *nulls_last(r["about"]),
        )
    if name == "actor_connections":
        return actor_connections(g, p["actor_a"], p["actor_b"]), lambda r: (
            r["steps"],
            r["route"],
        )
    if name == "title_changes":
        starts = {s: value(d["published"], "start") for s, d in g.nodes(NodeKind.SOURCE)}
        return title_changes(g, p.get("actor")), lambda r: (
            r["actor"],
            r["actor_id"],
            *nulls_last(starts[r["source"]]),
            r["title"],
            r["source"],
        )
    if name == "review_queue":
        return review_queue(g), lambda r: (r["reason"], r["id"])
    if name == "claim_evidence":
        return claim_evidence(g, p["claim"]), lambda r: (
            EVIDENCE_RANK.get(r["evidence"].upper(), 4),
            r["evidence"],
            r["linked"],
            r["source"],
            r["start"],
            r["end"],
        )
    if name == "source_overview":
        starts = {s: value(d["published"], "start") for s, d in g.nodes(NodeKind.SOURCE)}
        return source_overview(g), lambda r: (*nulls_last(starts[r["source"]]), r["source"])
    if name == "events_near_date":
        dates = {e: d["date"] for e, d in g.nodes(NodeKind.EVENT)}
        return events_near_date(g, p["on"], int(p.get("days", "7"))), lambda r: (
            dates[r["event"]]["start"],
            dates[r["event"]]["end"],
            r["event"],
        )
    if name == "event_quantities":
        starts = {e: value(d["date"], "start") for e, d in g.nodes(NodeKind.EVENT)}
        return event_quantities(g, p.get("unit")), lambda r: (
            *nulls_last(starts[r["event"]]),
            r["event"],
        )
    if name == "co_participants":
        return co_participants(g, p.get("actor")), lambda r: (
            -r["shared_events"],
            r["actor_a"],
            r["actor_b"],
            r["id_a"],
            r["id_b"],
        )
    if name == "relayed_claims":
        return relayed_claims(g), lambda r: (r["outlet"], r["claim"], *nulls_last(r["speaker"]))
    if name == "event_types":
        return event_types(g), lambda r: (-r["events"], r["type"])
    raise AssertionError(f"no reference for {name}")


# --------------------------------------------------------------------------- tests


def test_every_library_query_has_a_reference() -> None:
    assert {name for name, _ in CASES} == {q.name for q in query.library()}


@pytest.mark.parametrize(("name", "template"), CASES, ids=[f"{n}{sorted(p)}" for n, p in CASES])
def test_query_rows_match_the_networkx_graph(
    store: FalkorDBStore, seeds: nx.MultiDiGraph, name: str, template: dict[str, str]
) -> None:
    g = G(seeds)
    picked = choices(g)
    arguments = {k: v.format(**picked) for k, v in template.items()}
    want, key = expected(g, name, arguments)
    got = run(store, name, **arguments)
    check(got, want, key)
    if template and all("{" in v for v in template.values()):
        assert got, f"{name} {arguments} found nothing on the seeds"


def test_results_are_plain_json_values(store: FalkorDBStore) -> None:
    rows = run(store, "event_types")
    assert all(isinstance(r["earliest"], str | None) for r in rows)
    json.dumps(rows)


def test_translate_keeps_neo4j_text_except_the_documented_rules() -> None:
    text = (
        "MATCH (a:Actor), (b:Actor)\nWITH a, b\nMATCH p = shortestPath((a)-[*..4]-(b))\nRETURN p;"
    )
    assert translate(text) == text.replace("shortestPath", "allShortestPaths").removesuffix(";")
    for q in query.library():
        assert translate(q.statement) == q.statement


def test_bind_checks_and_converts_parameters() -> None:
    q = query.load_query("multi_source_events")
    assert query.bind(q, {}) == {"min_sources": 2}
    assert query.bind(q, {"min_sources": "3"}) == {"min_sources": 3}
    with pytest.raises(QueryError) as error:
        query.bind(q, {"min_sources": "three"})
    assert str(error.value) == (
        "query multi_source_events: --param min_sources='three' is not an integer; "
        "write e.g. --param min_sources=2"
    )
    with pytest.raises(QueryError, match=r"has no parameter 'actor'; it takes: min_sources"):
        query.bind(q, {"actor": "x"})
    with pytest.raises(QueryError, match=r"query actor_claims needs --param actor=\.\.\."):
        query.bind(query.load_query("actor_claims"), {})
    with pytest.raises(QueryError, match=r"--param on='2024-13-01' is not a date"):
        query.bind(query.load_query("events_near_date"), {"on": "2024-13-01"})


@pytest.mark.parametrize("value", ["4294967296", "99999999999999999999", "-2147483648"])
def test_integers_out_of_range_are_refused(value: str) -> None:
    with pytest.raises(QueryError) as error:
        query.bind(query.load_query("actor_ranking"), {"limit": value})
    assert str(error.value) == (
        f"query actor_ranking: --param limit={value} is out of range; write a whole number "
        "between -2147483647 and 2147483647"
    )


@pytest.mark.parametrize("value", ["inf", "nan", "1e400", "-Infinity"])
def test_floats_must_be_finite(tmp_path: Path, value: str) -> None:
    own = tmp_path / "share.cypher"
    own.write_text(
        "// Purpose: a share.\n// Parameters:\n//   $x (float): a share\nRETURN $x AS x;\n",
        encoding="utf-8",
    )
    q = query.load_query(str(own))
    assert query.bind(q, {"x": "0.25"}) == {"x": 0.25}
    with pytest.raises(QueryError, match=rf"--param x='{value}' is not a finite number"):
        query.bind(q, {"x": value})


@pytest.mark.parametrize("pair", ["wh`o=1", "a b=2", "1st=3", "é=4"])
def test_parameter_names_are_identifiers(pair: str) -> None:
    with pytest.raises(QueryError, match="is not a parameter name; names are letters"):
        query.parse_assignments([pair])
    assert query.parse_assignments(["$actor=Putin", " from =2024"]) == {
        "actor": "Putin",
        "from": "2024",
    }


def test_only_cypher_files_run_as_queries(tmp_path: Path) -> None:
    other = tmp_path / "passwd"
    other.write_text("root:x:0:0\n", encoding="utf-8")
    with pytest.raises(QueryError) as error:
        query.load_query(str(other))
    assert str(error.value) == (
        f"{other}: not a .cypher file; name a query of the library or a file ending in .cypher"
    )


def test_a_cypher_file_by_path(tmp_path: Path, store: FalkorDBStore) -> None:
    own = tmp_path / "count.cypher"
    own.write_text("MATCH (e:Event) RETURN count(e) AS events;\n", encoding="utf-8")
    q = query.load_query(str(own))
    assert query.run_on(store, q, query.bind(q, {})).rows[0][0] > 0
    with pytest.raises(QueryError, match="no query named 'nope' and no such file"):
        query.load_query("nope")


runner = CliRunner()


def test_cli_query_runs_locally_from_the_saved_graph(
    seeds_graph: Path, store: FalkorDBStore
) -> None:
    args = ["query", "timeline", "--graph", str(seeds_graph), "--format", "json", "--local"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == run(store, "timeline")

    result = runner.invoke(app, [*args[:4], "--format", "csv", "-p", "min_sources=3"])
    assert result.exit_code == 1
    assert (
        result.output == "error: query timeline has no parameter 'min_sources'; it takes: "
        "actor, from, to\n"
    )

    local = ["-g", str(seeds_graph), "--local"]
    csv = runner.invoke(app, ["query", "source_overview", *local, "-f", "csv"])
    assert csv.exit_code == 0, csv.output
    assert csv.stdout.splitlines()[0] == (
        "source,title,publisher,published,basis,words,events,claims,actors"
    )
    table = runner.invoke(app, ["query", "event_types", *local, "-f", "table"])
    assert table.exit_code == 0, table.output
    assert table.stdout.rstrip().endswith(f"{len(run(store, 'event_types'))} rows")
    piped = runner.invoke(app, ["query", "event_types", *local])  # not a terminal: CSV
    assert piped.exit_code == 0, piped.output
    assert piped.stdout == runner.invoke(app, ["query", "event_types", *local, "-f", "csv"]).stdout


def test_cli_tables_fold_text_and_never_cut_ids(seeds_graph: Path, store: FalkorDBStore) -> None:
    event = choices(G(read_saved(seeds_graph).graph))["event"]
    rows = run(store, "who_said_what", event=event)
    claims = {r["claim"] for r in rows}
    assert claims
    args = ["query", "who_said_what", "-g", str(seeds_graph), "--local", "-f", "table"]
    args += ["-p", f"event={event}"]
    result = runner.invoke(app, args, terminal_width=80)
    assert result.exit_code == 0, result.output
    # the table cuts nothing: the only ellipses are those of the values (a shortened title)
    assert result.stdout.count("…") == sum(str(v).count("…") for r in rows for v in r.values())
    assert all(claim in result.stdout for claim in claims)  # whole ids, pasteable
    assert '["' not in result.stdout  # lists read as text, not JSON


def test_cli_actor_parameters_match_words_of_names(seeds_graph: Path, store: FalkorDBStore) -> None:
    speaker = choices(G(read_saved(seeds_graph).graph))["speaker"]
    surname = speaker.split()[-1]
    assert " " in speaker and run(store, "actor_claims", actor=surname) == run(
        store, "actor_claims", actor=speaker
    )
    local = ["-g", str(seeds_graph), "--local"]
    result = runner.invoke(app, ["query", "actor_claims", "-p", f"actor={surname}", *local])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1 + len(run(store, "actor_claims", actor=speaker))
    result = runner.invoke(app, ["query", "actor_claims", "-p", "actor=Nobody", *local])
    assert result.exit_code == 1
    assert result.output.startswith("error: no actor matches 'Nobody'")


def test_cli_lists_the_query_library() -> None:
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    assert [line for line in result.stdout.splitlines() if not line.startswith(" ")] == [
        f"{q.name}({', '.join(p.name + ('' if p.required else '?') for p in q.parameters)})"
        for q in query.library()
    ]
    result = runner.invoke(app, ["query"])
    assert result.exit_code == 2
    assert result.output.startswith("error: name a query or a .cypher file; the library:")


def test_cli_query_without_a_saved_graph(tmp_graph: Path) -> None:
    result = runner.invoke(app, ["query", "timeline", "--graph", str(tmp_graph), "--local"])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {tmp_graph}: no saved graph here")


def test_cli_prints_data_as_text_not_markup(seeds_graph: Path, tmp_path: Path) -> None:
    own = tmp_path / "markup.cypher"
    text = "the troops [/] will be deployed [bold]next week[/bold] [red] :x:"
    own.write_text(f'RETURN "{text}" AS text;\n', encoding="utf-8")
    args = ["query", str(own), "-g", str(seeds_graph), "--local", "-f", "table"]
    result = runner.invoke(app, args, terminal_width=200)
    assert result.exit_code == 0, result.output
    assert text in result.stdout


def test_ids_a_merge_retired_still_find_their_nodes(seeds: nx.MultiDiGraph) -> None:
    graph = seeds.copy()
    found = choices(G(graph))
    speaker = next(n for n, d in graph.nodes(data=True) if d.get("name") == found["speaker"])
    graph.nodes[speaker]["former_ids"] = ["act_0000000000000000"]
    graph.nodes[found["event"]]["former_ids"] = ["evt_0000000000000000"]
    with FalkorDBStore.start() as local:
        push(graph, local)
        by_name = run(local, "actor_claims", actor=found["speaker"])
        assert by_name and run(local, "actor_claims", actor="act_0000000000000000") == by_name
        by_id = run(local, "who_said_what", event=found["event"])
        assert by_id and run(local, "who_said_what", event="evt_0000000000000000") == by_id
    assert views.find_actor(graph, "act_0000000000000000") == speaker
    assert views.find_actors(graph, "act_0000000000000000") == {speaker}
