"""Sources without a stated publication date get an inferred one, marked so, with evidence.

Two kinds of evidence, combined as a set of possible publication months:
- corroboration: a relative expression of the undated article ("13 months ago", "in
  September") describes an event that dated sources also report; only the publication months
  for which the expression lands on that event's date are possible;
- the article's own absolute dates: it was written after the latest past event it dates
  ("in August 2024") and before the end of a period it describes as still to come
  ("will run until July 15, 2025").
With an inferred date, the article's other relative expressions are resolved too, but only
those that come out the same whichever possible day is the real one ("in December" for an
article of March 2023, not "next week").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from graph.model import (
    DateBasis,
    DateMod,
    DateValue,
    DocExtraction,
    Event,
    LocalEvent,
    Precision,
)
from graph.temporal import Tense, by_publication, normalize_date

_SEARCH_YEARS = 6  # how far from a corroborated event the publication may lie
_MAX_SPAN_MONTHS = 24  # a wider window says too little to be worth stating

Month = tuple[int, int]


def infer_publication_dates(
    extractions: Sequence[DocExtraction],
    events: Sequence[Event],
    event_ids: dict[tuple[int, int], str],
) -> list[DocExtraction]:
    """Extractions with inferred publication dates (and the event dates they unlock)."""
    by_id = {e.id: e for e in events}
    result = []
    for d, extraction in enumerate(extractions):
        if extraction.source.published is not None:
            result.append(extraction)
            continue
        corroborated = {
            e: by_id[event_ids[(d, e)]].date
            for e, local in enumerate(extraction.events)
            if local.date_expression is not None and by_id[event_ids[(d, e)]].date is not None
        }
        result.append(_infer(extraction, corroborated))
    return result


def _infer(extraction: DocExtraction, corroborated: dict[int, DateValue | None]) -> DocExtraction:
    possible: set[Month] | None = None
    evidence: list[str] = []
    for e, date in corroborated.items():
        local = extraction.events[e]
        if date is None or local.date_expression is None:
            continue
        months = _consistent_months(local, date)
        if months and (possible is None or possible & months):
            possible = months if possible is None else possible & months
            evidence.append(
                f"'{local.date_expression.text}' ({local.label}) matches {date.value}, "
                "the date other sources give that event"
            )
    lower, upper = _own_bounds(extraction)
    if possible is not None:
        bounded = {m for m in possible if _within(m, lower, upper)}
        possible = bounded or possible
    elif lower is not None:
        return _from_own_dates(extraction, lower, upper)
    if not possible or _span(possible) > _MAX_SPAN_MONTHS:
        return extraction
    published = _months_value(possible)
    if lower is not None:
        evidence.append(f"after '{lower.text}' ({lower.value}), the latest past date it states")
    source = extraction.source.model_copy(
        update={"published": published, "published_evidence": "; ".join(evidence)}
    )
    return _reanchor(extraction.model_copy(update={"source": source}), published)


def _consistent_months(local: LocalEvent, date: DateValue) -> set[Month]:
    """Publication months for which the expression lands on `date`, whichever day it was."""
    assert local.date_expression is not None
    expression = local.date_expression
    return set(_months(expression.text, Tense(expression.tense), date.start, date.end))


@lru_cache(maxsize=4096)
def _months(text: str, tense: Tense, start: dt.date, end: dt.date) -> frozenset[Month]:
    """Publication months for which `text` lands within `start`..`end` (an expression recurs
    across a corpus: "last year", "this week").

    A year of publication is read month by month only when the expression, read from the
    middle of that year, lands within `_YEAR_REACH` of `start`..`end`: moving the anchor by
    up to six months moves a reading by at most that much and one unit of the expression
    (a year at most; a decade or century moves only when the anchor's year does).
    """
    months = set()
    for year in range(start.year - _SEARCH_YEARS, end.year + _SEARCH_YEARS + 1):
        middle = _landing(text, tense, year, 7)
        if middle is not None and not _near(middle, start, end):
            continue
        for month in range(1, 13):
            landing = _landing(text, tense, year, month)
            if landing is not None and landing[0] <= end and start <= landing[1]:
                months.add((year, month))
    return frozenset(months)


_YEAR_REACH = dt.timedelta(days=31 * 18 + 1)  # six months of anchor and a year of unit


def _near(landing: tuple[dt.date, dt.date], start: dt.date, end: dt.date) -> bool:
    """Whether a reading lies within `_YEAR_REACH` of `start`..`end`."""
    return landing[0] - end <= _YEAR_REACH and start - landing[1] <= _YEAR_REACH


@lru_cache(maxsize=65536)
def _landing(text: str, tense: Tense, year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """Where `text` lands, read on the first and on the last day of a month: the latest start
    and the earliest end of the two readings (None when either does not read)."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    early, late = (normalize_date(text, anchor, tense) for anchor in (first, last))
    if early is None or late is None:
        return None
    return max(early.start, late.start), min(early.end, late.end)


def awaiting(extractions: Sequence[DocExtraction]) -> bool:
    """Whether an undated article has relative dates that events of other sources may
    anchor (so matching comes first, on the events that can date it)."""
    return any(
        x.source.published is None and any(awaits_publication(e) for e in x.events)
        for x in extractions
    )


def awaits_publication(event: LocalEvent) -> bool:
    """Whether an event's date expression waits for its article's publication day to be read
    ("last week" in an undated article)."""
    return event.date is None and event.date_expression is not None


def titles_dated(before: Sequence[DocExtraction], after: Sequence[DocExtraction]) -> bool:
    """Whether inferred publication dates changed the date of an actor's title: a title is
    dated by the publication of the document that gives it."""
    return any(
        x.source.published != y.source.published and any(a.titles for a in y.actors)
        for x, y in zip(before, after, strict=True)
    )


def publication_bounds(extraction: DocExtraction) -> tuple[dt.date, dt.date] | None:
    """The first and last day on which the document may have been published: its publication
    date (stated or inferred), else the bounds its own dates set (after the latest past date
    it states, before the earliest end of a period it describes as ongoing); None when
    nothing bounds it."""
    published = extraction.source.published
    if published is None:
        lower, upper = _own_bounds(extraction)
        if lower is None and upper is None:
            return None
        return (lower.start if lower else dt.date.min, upper.end if upper else dt.date.max)
    if published.mod is DateMod.AFTER:
        return published.start, dt.date.max
    if published.mod is DateMod.BEFORE:
        return dt.date.min, published.end
    return published.start, published.end


def _own_bounds(extraction: DocExtraction) -> tuple[DateValue | None, DateValue | None]:
    """Latest stated past date (a lower bound) and earliest stated ongoing end (an upper one)."""
    past: list[DateValue] = []
    future: list[DateValue] = []
    for event in extraction.events:
        date = event.date
        if date is None or date.basis is not DateBasis.STATED:
            continue
        if date.mod is DateMod.BEFORE or event.modality == "planned":
            future.append(date)
        elif event.modality in {"actual", "reported"}:
            past.append(date)
    lower = max(past, key=lambda d: d.start) if past else None
    uppers = [d for d in future if lower is None or d.end >= lower.start]
    upper = min(uppers, key=lambda d: d.end) if uppers else None
    return lower, upper


def _within(month: Month, lower: DateValue | None, upper: DateValue | None) -> bool:
    first = dt.date(month[0], month[1], 1)
    last = dt.date(month[0], month[1], calendar.monthrange(*month)[1])
    return (lower is None or last >= lower.start) and (upper is None or first <= upper.end)


def _span(months: set[Month]) -> int:
    low, high = min(months), max(months)
    return (high[0] - low[0]) * 12 + high[1] - low[1] + 1


def _months_value(months: set[Month]) -> DateValue:
    low, high = min(months), max(months)
    start = dt.date(low[0], low[1], 1)
    end = dt.date(high[0], high[1], calendar.monthrange(*high)[1])
    if low == high:
        value = f"{low[0]:04d}-{low[1]:02d}"
    else:
        value = f"{low[0]:04d}-{low[1]:02d}/{high[0]:04d}-{high[1]:02d}"
    return DateValue(
        value=value,
        start=start,
        end=end,
        precision=Precision.MONTH,
        text="",
        basis=DateBasis.INFERRED,
        is_range=low != high,
    )


def _from_own_dates(
    extraction: DocExtraction, lower: DateValue, upper: DateValue | None
) -> DocExtraction:
    evidence = f"after '{lower.text}' ({lower.value}), the latest past date it states"
    if upper is None:
        published = lower.model_copy(
            update={
                "text": "",
                "basis": DateBasis.INFERRED,
                "mod": DateMod.AFTER,
                "is_range": False,
            }
        )
    else:
        evidence += f"; before '{upper.text}' ({upper.value}), a period it describes as ongoing"
        published = _months_value(
            {(lower.start.year, lower.start.month), (upper.end.year, upper.end.month)}
        )
    source = extraction.source.model_copy(
        update={"published": published, "published_evidence": evidence}
    )
    return extraction.model_copy(update={"source": source})


def _reanchor(extraction: DocExtraction, published: DateValue) -> DocExtraction:
    """Resolve relative event dates that come out the same on every possible day."""
    events = []
    for event in extraction.events:
        expression = event.date_expression
        if event.date is None and expression is not None:
            tense = Tense(expression.tense)
            early = normalize_date(expression.text, published.start, tense)
            late = normalize_date(expression.text, published.end, tense)
            if early is not None and late is not None and early.value == late.value:
                date = early.model_copy(update={"basis": DateBasis.INFERRED})
                event = event.model_copy(update={"date": date, "date_expression": None})
        elif event.date is None and event.news:
            event = event.model_copy(update={"date": by_publication(published)})
        events.append(event)
    return extraction.model_copy(update={"events": tuple(events)})
