"""The holiday rule: "Christmas" -> 2023-12-25, "Thanksgiving 2023", "Easter week"."""

from __future__ import annotations

import re

from graph.model import DateBasis
from graph.temporal import periods
from graph.temporal.engine import Context, rule
from graph.temporal.patterns import SPACE, Patterns, longest_first, phrase
from graph.temporal.periods import Period
from graph.temporal.rules.common import capitalised, normal
from graph.temporal.tense import Tense
from graph.temporal.timex import Timex, date


def _holiday_pattern(p: Patterns) -> str:
    w = p.words
    return (
        rf"(?:(?P<rel>{p.alt(w.year_relatives)}){SPACE})?"
        rf"(?P<holiday>{p.alt(longest_first(w.holidays))})"
        rf"(?P<holiday_week>{SPACE}{phrase(w.holiday_week)})?(?:,?{SPACE}{p.year()})?"
    )


@rule(_holiday_pattern, capitalised("holiday"))
def holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    """A holiday, by tense or with a year: "Christmas 2023" -> 2023-12-25; "last Easter"."""
    words = ctx.words
    when = words.holidays.get(normal(m["holiday"]))
    if when is None:
        return None
    span = periods.week if m["holiday_week"] else periods.day
    if m["year"]:
        return date(span(periods.holiday_date(when, int(m["year"]))), DateBasis.STATED)
    if ctx.anchor is None:
        return Timex("DATE", "XXXX-XX-XX")
    step = words.year_relatives.get((m["rel"] or "").lower())
    tense = {-1: Tense.PAST, 1: Tense.FUTURE}.get(step or 0) or ctx.tense_here()

    def make(y: int) -> Period:
        return span(periods.holiday_date(when, y))

    return date(periods.cyclic(make, ctx.anchor, tense), DateBasis.RELATIVE)
