"""Claims across documents: nodes, and SUPPORTS / CONTRADICTS links with their evidence.

Nothing is deleted or invalidated: a contradicted claim stays, linked to what contradicts it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from graph.ids import make_id
from graph.model import Claim, DocExtraction, Edge, EdgeType, LocalClaim

ClaimKey = tuple[int, int]


def make_claims(extractions: Sequence[DocExtraction]) -> tuple[list[Claim], dict[ClaimKey, str]]:
    """One Claim node per attributed statement; returns the nodes and a key -> id map."""
    claims: dict[str, Claim] = {}
    mapping: dict[ClaimKey, str] = {}
    for d, extraction in enumerate(extractions):
        for c, local in enumerate(extraction.claims):
            claim = _to_claim(local)
            claims[claim.id] = claim
            mapping[(d, c)] = claim.id
    return sorted(claims.values(), key=lambda c: c.id), mapping


def _to_claim(local: LocalClaim) -> Claim:
    return Claim(
        id=make_id("Claim", local.span.source_id, local.content_span.start, local.content_span.end),
        text=local.text,
        direct=local.direct,
        speaker=local.speaker,
        cue=local.cue,
        date=local.date,
        polarity=local.polarity,
        hedged=local.hedged,
        span=local.span,
    )


def link_claims(
    claims: Sequence[Claim], about: dict[str, str], speakers: dict[str, str | None]
) -> list[Edge]:
    """SUPPORTS between agreeing and CONTRADICTS between opposed claims on the same event.

    Args:
        claims: all claim nodes.
        about: claim id -> event id for claims tied to an event.
        speakers: claim id -> speaker actor id (None when unresolved).
    """
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.id in about:
            by_event[about[claim.id]].append(claim)
    edges: list[Edge] = []
    for event_id, group in sorted(by_event.items()):
        for a, b in combinations(sorted(group, key=lambda c: c.id), 2):
            same_source = a.span.source_id == b.span.source_id
            same_speaker = speakers.get(a.id) is not None and speakers.get(a.id) == speakers.get(
                b.id
            )
            if same_source and same_speaker:
                continue  # one speaker repeating itself corroborates nothing
            if a.polarity != b.polarity:
                kind = EdgeType.CONTRADICTS
                evidence = (
                    f"{a.polarity.value} vs {b.polarity.value} statement about event {event_id}"
                )
            elif not same_source:
                kind = EdgeType.SUPPORTS
                evidence = (
                    f"same {a.polarity.value} statement about event {event_id} in two sources"
                )
            else:
                continue
            edges.append(
                Edge(
                    id=make_id("Edge", kind.value, a.id, b.id),
                    source=a.id,
                    target=b.id,
                    type=kind,
                    evidence=evidence,
                    spans=(a.span, b.span),
                )
            )
    return edges
