"""The timeline: events ordered by date with precision respected, chained by PRECEDES."""

from __future__ import annotations

from bisect import bisect_right
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
    starts = [e.date.start for e in dated]  # type: ignore[union-attr]
    edges: list[Edge] = []
    for event in dated:
        # The first event that certainly follows: the first to start after this one ends.
        n = bisect_right(starts, event.date.end)  # type: ignore[union-attr]
        if n == len(dated):
            continue
        first = starts[n]
        while n < len(dated) and starts[n] == first:
            nxt = dated[n]
            edges.append(
                Edge(
                    id=make_id("Edge", EdgeType.PRECEDES.value, event.id, nxt.id),
                    source=event.id,
                    target=nxt.id,
                    type=EdgeType.PRECEDES,
                    evidence=f"{event.date.value} ends before {nxt.date.value}",  # type: ignore[union-attr]
                )
            )
            n += 1
    return edges
