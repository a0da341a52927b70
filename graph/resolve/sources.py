"""Sources without a stated publication date get an inferred one, marked so, with evidence.

The bounds come from the document's own absolute dates: it was written after the latest
past event it dates ("in August 2024") and before the end of a period it describes as still
to come ("will run until July 15, 2025").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from graph.model import DateBasis, DateMod, DateValue, DocExtraction, Precision, Source


def date_sources(extractions: Sequence[DocExtraction]) -> list[Source]:
    """Every source, with an inferred publication date where none is stated."""
    return [_dated(x) if x.source.published is None else x.source for x in extractions]


def _dated(extraction: DocExtraction) -> Source:
    stated = [e for e in extraction.events if e.date and e.date.basis is DateBasis.STATED]
    past = [
        e.date
        for e in stated
        if e.date and e.modality == "actual" and e.date.mod is not DateMod.BEFORE
    ]
    future = [
        e.date
        for e in stated
        if e.date and (e.modality == "planned" or e.date.mod is DateMod.BEFORE)
    ]
    if not past:
        return extraction.source
    lower = max(past, key=lambda d: d.start)
    uppers = [d for d in future if d.end >= lower.start]
    upper = min(uppers, key=lambda d: d.end) if uppers else None
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
        value, precision = _interval_value(lower.start, upper.end)
        published = DateValue(
            value=value,
            start=lower.start,
            end=upper.end,
            precision=precision,
            text="",
            basis=DateBasis.INFERRED,
            is_range="/" in value,
        )
    return extraction.source.model_copy(
        update={"published": published, "published_evidence": evidence}
    )


def _interval_value(start: dt.date, end: dt.date) -> tuple[str, Precision]:
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%Y-%m}", Precision.MONTH
    if start.year == end.year:
        return f"{start:%Y}", Precision.YEAR
    return f"{start.isoformat()}/{end.isoformat()}", Precision.DAY
