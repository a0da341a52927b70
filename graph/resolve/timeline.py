"""The timeline: events ordered by date with precision respected, chained by PRECEDES."""

from __future__ import annotations

import datetime as dt
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
    return chain_dates(
        [(e.id, e.date.start, e.date.end, e.date.value) for e in events if e.date is not None]
    )


def chain_dates(dated: Sequence[tuple[str, dt.date, dt.date, str]]) -> list[Edge]:
    """`chain_events` over (event id, first day, last day, date value) of the dated events."""
    ordered = sorted(dated, key=lambda d: (d[1], d[2], d[0]))
    starts = [d[1] for d in ordered]
    edges: list[Edge] = []
    for event_id, _, end, value in ordered:
        # The first event that certainly follows: the first to start after this one ends.
        n = bisect_right(starts, end)
        if n == len(ordered):
            continue
        first = starts[n]
        while n < len(ordered) and starts[n] == first:
            nxt_id, _, _, nxt_value = ordered[n]
            edges.append(
                Edge(
                    id=make_id("Edge", EdgeType.PRECEDES.value, event_id, nxt_id),
                    source=event_id,
                    target=nxt_id,
                    type=EdgeType.PRECEDES,
                    evidence=f"{value} ends before {nxt_value}",
                )
            )
            n += 1
    return edges
