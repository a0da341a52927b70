"""The timeline: events ordered by date with precision respected, chained by PRECEDES."""

from __future__ import annotations

from collections.abc import Sequence

from graph.ids import make_id
from graph.model import Edge, EdgeType, Event


def chronological(events: Sequence[Event]) -> list[Event]:
    """Dated events by start then end (a month sorts before a day late in it); undated last."""
    return sorted(
        events,
        key=lambda e: (
            e.date is None,
            e.date.start if e.date else None,
            e.date.end if e.date else None,
            e.id,
        ),
    )


def precedes(a: Event, b: Event) -> bool:
    """True when `a` certainly ends before `b` starts; overlapping periods are unordered.

    A month-precision event is neither before nor after a day inside that month.
    """
    return a.date is not None and b.date is not None and a.date.end < b.date.start


def chain_events(events: Sequence[Event]) -> list[Edge]:
    """PRECEDES from each dated event to the next event(s) that certainly follow it.

    A chain, not all pairs: each event links to the earliest-starting events after it.
    """
    dated = [e for e in chronological(events) if e.date is not None]
    edges: list[Edge] = []
    for i, event in enumerate(dated):
        following = [e for e in dated[i + 1 :] if precedes(event, e)]
        if not following:
            continue
        first = following[0].date.start  # type: ignore[union-attr]
        for nxt in following:
            if nxt.date.start != first:  # type: ignore[union-attr]
                break
            edges.append(
                Edge(
                    id=make_id("Edge", EdgeType.PRECEDES.value, event.id, nxt.id),
                    source=event.id,
                    target=nxt.id,
                    type=EdgeType.PRECEDES,
                    evidence=f"{event.date.value} ends before {nxt.date.value}",  # type: ignore[union-attr]
                )
            )
    return edges
