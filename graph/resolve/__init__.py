"""Corpus-wide resolution: per-document extractions in, one graph of nodes and edges out.

The only stage that sees all documents at once. It is deterministic: the same extractions,
in any order, give the same graph. Copies and near-copies of an article (`copies`) are set
aside first: each keeps its Source node, marked `copy_of` its primary and linked to it by a
COPY_OF edge, and adds no actors, events or claims of its own, so one story syndicated forty
times is still one source of each event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from graph.ids import Identities, make_id
from graph.lang import Lexicon, get
from graph.model import DocExtraction, Edge, EdgeType, Event, GraphRecord, Node, Role, Span
from graph.resolve.actors import merge_actors
from graph.resolve.claims import link_claims, make_claims
from graph.resolve.copies import Copy, find_copies
from graph.resolve.events import EventKey, dating, merge_events
from graph.resolve.identity import keep_ids, mention_keys
from graph.resolve.index import build_index
from graph.resolve.sources import awaiting, infer_publication_dates
from graph.resolve.timeline import chain_events
from graph.store.sqlite import Index

__all__ = ["Identities", "resolve", "resolve_keeping"]


def resolve(extractions: Sequence[DocExtraction], *, lexicon: Lexicon | None = None) -> GraphRecord:
    """Build the graph from every document's extraction, with the words of `lexicon`
    (English by default); nodes take their content ids."""
    return resolve_keeping(extractions, Identities(), lexicon=lexicon)[0]


def resolve_keeping(
    extractions: Sequence[DocExtraction],
    known: Identities,
    *,
    lexicon: Lexicon | None = None,
) -> tuple[GraphRecord, Identities, Index]:
    """Build the graph as `resolve` does, keeping the Actor and Event ids `known` gave
    (see `graph.resolve.identity`).

    Returns:
        The graph, the ids it gives (for the next load to keep) and the resolver's indexes
        (for the next load to attach new documents to the graph).
    """
    lexicon = lexicon or get()
    extractions = sorted(extractions, key=lambda x: x.source.id)
    copies = find_copies(extractions)
    copied_extractions = [x for x in extractions if x.source.id in copies]
    copied = [x.source for x in copied_extractions]
    extractions = [x for x in extractions if x.source.id not in copies]
    actors, actor_ids = merge_actors(extractions, vocab=lexicon.actors)
    # Undated sources are dated from what they share with dated ones: the events that can
    # date them are matched first; their relative dates then resolve, and all events are
    # matched with the dates they gained.
    anchors: list[Event] = []
    anchor_ids: dict[EventKey, str] = {}
    if awaiting(extractions):
        anchors, anchor_ids, _ = merge_events(
            extractions, actor_ids, vocab=lexicon.events, only=dating
        )
    dated = infer_publication_dates(extractions, anchors, anchor_ids)
    if dated != extractions:
        extractions = dated
        actors, actor_ids = merge_actors(
            extractions, vocab=lexicon.actors
        )  # titles carry their source's date
    events, event_ids, stories = merge_events(extractions, actor_ids, vocab=lexicon.events)
    given = Identities(load=known.load)
    actors, actor_ids = keep_ids(
        actors, actor_ids, mention_keys(extractions, "Actor"), known, given
    )
    events, event_ids = keep_ids(
        events, event_ids, mention_keys(extractions, "Event"), known, given
    )
    claims, claim_ids = make_claims(extractions)
    sources = [x.source for x in extractions]
    sources += [s.model_copy(update={"copy_of": copies[s.id].primary}) for s in copied]
    about = claims_about(extractions, claim_ids, event_ids)
    speakers = claim_speakers(extractions, claim_ids, actor_ids)
    edges = local_edges(extractions, actor_ids, event_ids, claim_ids)
    for source in copied:
        edges.put(copy_edge(source.id, copies[source.id]))
    for edge in link_claims(claims, about, speakers, vocab=lexicon.resolution) + chain_events(
        events
    ):
        edges.put(edge)

    nodes: list[Node] = [*sources, *actors, *events, *claims]
    record = GraphRecord(
        nodes=tuple(sorted(nodes, key=lambda n: n.id)),
        edges=tuple(sorted(edges.values(), key=lambda e: e.id)),
    )
    index = build_index(
        extractions,
        [*extractions, *copied_extractions],
        actor_ids,
        event_ids,
        claims,
        stories,
        lexicon,
    )
    return record, given, index


def claims_about(
    extractions: Sequence[DocExtraction],
    claim_ids: dict[tuple[int, int], str],
    event_ids: dict[tuple[int, int], str],
) -> dict[str, str]:
    """Claim id -> the id of the event it is about, for claims tied to one."""
    return {
        claim_ids[(d, c)]: event_ids[(d, claim.about_event)]
        for d, extraction in enumerate(extractions)
        for c, claim in enumerate(extraction.claims)
        if claim.about_event is not None
    }


def claim_speakers(
    extractions: Sequence[DocExtraction],
    claim_ids: dict[tuple[int, int], str],
    actor_ids: dict[tuple[int, int], str],
) -> dict[str, str | None]:
    """Claim id -> the id of the actor who said it (None when unresolved)."""
    return {
        claim_ids[(d, c)]: (
            actor_ids[(d, claim.speaker_actor)] if claim.speaker_actor is not None else None
        )
        for d, extraction in enumerate(extractions)
        for c, claim in enumerate(extraction.claims)
    }


def local_edges(
    extractions: Sequence[DocExtraction],
    actor_ids: dict[tuple[int, int], str],
    event_ids: dict[tuple[int, int], str],
    claim_ids: dict[tuple[int, int], str],
) -> EdgeSet:
    """The edges each document gives on its own: what it mentions, describes and reports,
    who took part in its events and who said or relayed its claims."""
    edges = EdgeSet()
    for d, extraction in enumerate(extractions):
        source_id = extraction.source.id
        for a, local in enumerate(extraction.actors):
            edges.add(EdgeType.MENTIONS, source_id, actor_ids[(d, a)], spans=local.mentions)
        for e, event in enumerate(extraction.events):
            event_id = event_ids[(d, e)]
            edges.add(EdgeType.DESCRIBES, source_id, event_id, spans=event.tellings(event.span))
            for p in event.participants:
                edges.add(
                    EdgeType.PARTICIPATED_IN,
                    actor_ids[(d, p.actor)],
                    event_id,
                    spans=event.tellings(p.span),
                    role=p.role,
                )
        for c, claim in enumerate(extraction.claims):
            claim_id = claim_ids[(d, c)]
            edges.add(EdgeType.REPORTS, source_id, claim_id, spans=(claim.span,))
            if claim.speaker_actor is not None:
                edges.add(
                    EdgeType.CLAIMED,
                    actor_ids[(d, claim.speaker_actor)],
                    claim_id,
                    spans=(claim.speaker_span or claim.span,),
                )
            if claim.via_actor is not None:
                edges.add(
                    EdgeType.RELAYED, actor_ids[(d, claim.via_actor)], claim_id, spans=(claim.span,)
                )
            if claim.about_event is not None:
                edges.add(
                    EdgeType.ABOUT,
                    claim_id,
                    event_ids[(d, claim.about_event)],
                    spans=(claim.content_span,),
                )
    return edges


def copy_edge(source_id: str, copy: Copy) -> Edge:
    kind = EdgeType.COPY_OF
    return Edge(
        id=make_id("Edge", kind.value, source_id, copy.primary, ""),
        source=source_id,
        target=copy.primary,
        type=kind,
        evidence=f"shares about {copy.similarity:.0%} of its word 5-grams with {copy.primary}",
    )


class EdgeSet:
    """Edges keyed by (type, ends, role); evidence spans of repeated edges accumulate."""

    def __init__(self) -> None:
        self._spans: dict[tuple[EdgeType, str, str, Role | None], set[Span]] = defaultdict(set)
        self._other: dict[str, Edge] = {}

    def add(
        self,
        kind: EdgeType,
        source: str,
        target: str,
        spans: Sequence[Span],
        role: Role | None = None,
    ) -> None:
        self._spans[(kind, source, target, role)].update(spans)

    def put(self, edge: Edge) -> None:
        self._other[edge.id] = edge

    def values(self) -> list[Edge]:
        edges = list(self._other.values())
        for (kind, source, target, role), spans in self._spans.items():
            edges.append(
                Edge(
                    id=make_id("Edge", kind.value, source, target, role.value if role else ""),
                    source=source,
                    target=target,
                    type=kind,
                    role=role,
                    spans=tuple(sorted(spans, key=lambda s: (s.source_id, s.start, s.end))),
                )
            )
        return edges
