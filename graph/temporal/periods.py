"""Calendar periods and their arithmetic: days, ISO weeks, months, quarters, seasons, years.

A `Period` is what a date expression resolves to: its TIMEX3 value, its first and last day
and its precision. The functions here build periods, move them, and place yearly ones
("March", "spring") before or after an anchor.

    >>> month(2024, 2).end
    datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from graph.lang.time import Holiday
from graph.model import Precision
from graph.temporal.tense import Tense

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each TIMEX3 season
SEASON_ORDER = ("SP", "SU", "FA", "WI")


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved period: TIMEX3 value, inclusive day bounds, precision."""

    value: str
    start: dt.date
    end: dt.date
    precision: Precision


def day(d: dt.date) -> Period:
    """One day: `day(date(2024, 3, 29)).value == "2024-03-29"`."""
    return Period(d.isoformat(), d, d, Precision.DAY)


def week(d: dt.date) -> Period:
    """The ISO week of `d` ("2024-W13"), Monday to Sunday."""
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Period(
        f"{iso.year:04d}-W{iso.week:02d}", monday, monday + dt.timedelta(6), Precision.WEEK
    )


def weekend(d: dt.date) -> Period:
    """The weekend of the ISO week of `d` ("2024-W13-WE")."""
    iso = d.isocalendar()
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(5)
    return Period(
        f"{iso.year:04d}-W{iso.week:02d}-WE", saturday, saturday + dt.timedelta(1), Precision.WEEK
    )


def last_day(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month(year: int, number: int) -> Period:
    """A month: `month(2024, 3).value == "2024-03"`."""
    return Period(
        f"{year:04d}-{number:02d}",
        dt.date(year, number, 1),
        last_day(year, number),
        Precision.MONTH,
    )


def quarter(year: int, number: int) -> Period:
    """A quarter (1-4): "2024-Q1"."""
    return Period(
        f"{year:04d}-Q{number}",
        dt.date(year, 3 * number - 2, 1),
        last_day(year, 3 * number),
        Precision.QUARTER,
    )


def half(year: int, number: int) -> Period:
    """A half year (1-2): "2024-H2"."""
    return Period(
        f"{year:04d}-H{number}",
        dt.date(year, 6 * number - 5, 1),
        last_day(year, 6 * number),
        Precision.HALF,
    )


def season(year: int, code: str) -> Period:
    """A season by TIMEX3 code ("SP", "SU", "FA", "WI").

    Winter belongs to the year it starts in: 2023-WI runs from December 2023 to February 2024.
    """
    first = SEASON_START[code]
    end_year, end_month = (year + 1, 2) if code == "WI" else (year, first + 2)
    return Period(
        f"{year:04d}-{code}",
        dt.date(year, first, 1),
        last_day(end_year, end_month),
        Precision.SEASON,
    )


def year(number: int) -> Period:
    """A year: "2024"."""
    return Period(f"{number:04d}", dt.date(number, 1, 1), dt.date(number, 12, 31), Precision.YEAR)


def decade(number: int) -> Period:
    """A decade by its first three digits: `decade(199)` is the 1990s, "199"."""
    first = max(number * 10, 1)
    return Period(
        f"{number:03d}", dt.date(first, 1, 1), dt.date(number * 10 + 9, 12, 31), Precision.DECADE
    )


def century(number: int) -> Period:
    """A century by its first two digits: `century(19)` is 1900-1999, "19"."""
    first = max(number * 100, 1)
    return Period(
        f"{number:02d}",
        dt.date(first, 1, 1),
        dt.date(number * 100 + 99, 12, 31),
        Precision.CENTURY,
    )


def containing(precision: Precision, d: dt.date) -> Period:
    """The period of the given precision that contains day `d`."""
    if precision is Precision.DAY:
        return day(d)
    if precision is Precision.WEEK:
        return week(d)
    if precision is Precision.MONTH:
        return month(d.year, d.month)
    if precision is Precision.QUARTER:
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if precision is Precision.HALF:
        return half(d.year, 1 if d.month <= 6 else 2)
    if precision is Precision.SEASON:
        if d.month <= 2:
            return season(d.year - 1, "WI")
        return season(d.year, SEASON_ORDER[(d.month - 3) // 3])
    if precision is Precision.DECADE:
        return decade(d.year // 10)
    if precision is Precision.CENTURY:
        return century(d.year // 100)
    return year(d.year)


_DAYS_PER_UNIT = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}
_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


def add(d: dt.date, unit: str, n: float) -> dt.date:
    """Day `d` moved by `n` units (negative = earlier); months clamp to the month's end."""
    if unit in ("second", "minute", "hour"):
        return d
    if unit in _DAYS_PER_UNIT:
        return d + dt.timedelta(days=round(n * _DAYS_PER_UNIT[unit]))
    months = round(n * _MONTHS_PER_UNIT.get(unit, 12000))
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9998)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(p: Period, unit: str, n: float) -> Period:
    """`p` moved by `n` units, keeping its precision ("a year earlier" than 2024-Q3 = 2023-Q3)."""
    return containing(p.precision, add(p.start, unit, n))


def cyclic(make: Callable[[int], Period], anchor: dt.date, tense: Tense) -> Period:
    """A yearly period (a month, a season, "March 15") placed by tense around the anchor.

    Past: the latest one starting on or before the anchor; future: the first one ending on
    or after it; otherwise the nearest one, with a bias to the past (news about "April" in
    December means next April, about "October" in April means last October).
    """
    p = make(anchor.year)
    if tense is Tense.PAST and p.start > anchor:
        return make(anchor.year - 1)
    if tense is Tense.FUTURE and p.end < anchor:
        return make(anchor.year + 1)
    if tense in (Tense.PAST, Tense.FUTURE) or p.start <= anchor <= p.end:
        return p
    # News mostly reports what has happened: a later one wins only when it is clearly nearer.
    before = p if p.end < anchor else make(anchor.year - 1)
    after = p if p.start > anchor else make(anchor.year + 1)
    return after if 2 * gap(after, anchor) < gap(before, anchor) else before


def gap(p: Period, d: dt.date) -> int:
    """Days between day `d` and period `p` (0 inside it)."""
    if d < p.start:
        return (p.start - d).days
    return max(0, (d - p.end).days)


def weekday_near(weekday: int, anchor: dt.date, tense: Tense, step: int | None = None) -> dt.date:
    """The day named `weekday` (0 = Monday) near the anchor.

    Args:
        step: -1 for "last Friday", 1 for "next Friday", 0 for "this Friday" (in the
            anchor's week); None to place it by tense.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if step == -1:
        return anchor - dt.timedelta(days=back or 7)
    if step == 1:
        return anchor + dt.timedelta(days=ahead or 7)
    if step == 0:
        return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=weekday)
    if tense is Tense.FUTURE or (tense is Tense.PRESENT and ahead < back):
        return anchor + dt.timedelta(days=ahead)
    # News reports mostly past days; TimeBank reads a bare weekday that way too, and reads
    # the anchor's own weekday as the anchor itself.
    return anchor - dt.timedelta(days=back)


def easter(y: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm of Meeus/Jones/Butcher)."""
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    number, rest = divmod(h + el - 7 * m + 114, 31)
    return dt.date(y, number, rest + 1)


def nth_weekday(y: int, number: int, weekday: int, nth: int) -> dt.date:
    """The nth `weekday` of a month; nth=-1 for the last one."""
    if nth > 0:
        first = dt.date(y, number, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = last_day(y, number)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(holiday: Holiday, y: int) -> dt.date:
    """The day a holiday falls on in year `y`."""
    if holiday.easter is not None:
        d = easter(y) + dt.timedelta(days=holiday.easter)
    elif holiday.weekday is not None:
        d = nth_weekday(y, holiday.month, holiday.weekday, holiday.nth)
    else:
        d = dt.date(y, holiday.month, holiday.day)
    return d + dt.timedelta(days=holiday.plus_days)


# The precision of the period a unit names ("next week" is a week, "3 hours ago" a day).
UNIT_PRECISION = {
    "second": Precision.DAY, "minute": Precision.DAY, "hour": Precision.DAY,
    "day": Precision.DAY, "week": Precision.WEEK, "weekend": Precision.WEEK,
    "fortnight": Precision.WEEK, "month": Precision.MONTH, "quarter": Precision.QUARTER,
    "year": Precision.YEAR, "decade": Precision.YEAR, "century": Precision.YEAR,
    "millennium": Precision.YEAR,
}  # fmt: skip
