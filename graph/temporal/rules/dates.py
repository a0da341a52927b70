"""Rules for calendar dates: numeric dates, month-day, months, years, decades, centuries, ranges."""

from __future__ import annotations

import datetime as dt
import re

from graph.model import DateBasis, DateMod, Precision
from graph.temporal import periods
from graph.temporal.engine import Context, rule
from graph.temporal.patterns import APOSTROPHE, DAY_DIGITS, SPACE, Patterns, phrase
from graph.temporal.periods import Period
from graph.temporal.rules.common import (
    capitalised,
    day_number,
    day_of,
    has_lead,
    lead_mod,
    normal,
    plausible_year,
    resolve_month_day,
    year_words,
)
from graph.temporal.timex import Timex, date


@rule(
    lambda p: (
        r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
    )
)
def iso_date(m: re.Match[str], ctx: Context) -> Timex | None:
    """An ISO 8601 date, with an optional time: "2024-03-29" -> 2024-03-29."""
    try:
        p = periods.day(dt.date(int(m["year"]), int(m["month"]), int(m["day"])))
    except ValueError:
        return None
    if m["hour"]:
        return Timex("TIME", f"{p.value}T{m['hour']}:{m['minute']}", p, DateBasis.STATED)
    return Timex("DATE", p.value, p, DateBasis.STATED)


@rule(lambda p: r"(?P<first>[01]?\d)/(?P<second>[0-3]?\d)/(?P<year>\d{4}|\d\d)")
def slashed_date(m: re.Match[str], ctx: Context) -> Timex | None:
    """A date with slashes, month first unless it cannot be: "3/29/2024" -> 2024-03-29."""
    a, b, y = int(m["first"]), int(m["second"]), int(m["year"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        return date(periods.day(dt.date(y, month, day)), DateBasis.STATED)
    except ValueError:
        return None


def _month_day_pattern(p: Patterns) -> str:
    w = p.words
    week = phrase(w.unit_words("week")[0])
    week_of = rf"(?P<week_of>{phrase(w.the)}{SPACE}{week}{SPACE}{phrase(w.of)}{SPACE})?"
    return (
        rf"{week_of}{p.approx}{p.lead}(?:(?P<weekday>{p.weekday}),?{SPACE})?"
        rf"{p.month(loose=True)}{SPACE}{p.day()}(?:(?:,?{SPACE}|,){p.year()})?"
    )


@rule(_month_day_pattern, capitalised("month", "weekday"))
def month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """A month and day, year optional: "March 15" -> 2024-03-15 (by tense around the anchor).

    "Monday, Oct. 26" takes the year in which that day is a Monday; "the week of March 4"
    is that week.
    """
    day = day_of(m, ctx.words)
    if day is None:
        return None
    month = ctx.words.month(m["month"])
    got = resolve_month_day(month, day, int(m["year"]) if m["year"] else None, ctx)
    if got is None:
        return None
    p, basis = got
    if m["weekday"] and not m["year"] and ctx.anchor is not None:
        weekday = ctx.words.weekdays[m["weekday"].lower()]
        for y in (ctx.anchor.year, ctx.anchor.year + 1, ctx.anchor.year - 1):
            try:
                if dt.date(y, month, day).weekday() == weekday:
                    p = periods.day(dt.date(y, month, day))
                    break
            except ValueError:
                continue
    if p is None:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}", None, basis)
    if m["week_of"]:
        p = periods.week(p.start)
    return date(p, basis, lead_mod(m, ctx.words))


@rule(
    lambda p: (
        rf"{p.approx}(?:(?P<weekday>{p.weekday}),?{SPACE})?(?:{phrase(p.words.the)}{SPACE})?"
        rf"{p.day()}(?:{SPACE}{phrase(p.words.of)})?{SPACE}{p.month()}(?:,?{SPACE}{p.year()})?"
    ),
    capitalised("month", "weekday"),
)
def day_month(m: re.Match[str], ctx: Context) -> Timex | None:
    """A day before its month: "15 March 2024" -> 2024-03-15; "the fifth of May"."""
    day = day_of(m, ctx.words)
    if day is None or (m["day_word"] and not normal(m.group(0)).startswith(ctx.words.the)):
        return None
    got = resolve_month_day(
        ctx.words.month(m["month"]), day, int(m["year"]) if m["year"] else None, ctx
    )
    if got is None:
        return None
    return date(got[0], got[1], lead_mod(m, ctx.words))


def _month_pattern(p: Patterns) -> str:
    w = p.words
    of = rf"(?:{phrase(w.of)}{SPACE})?"
    return (
        rf"{p.approx}{p.lead}(?:(?P<rel>{p.alt(w.near_relatives)}){SPACE})?"
        rf"{p.month()}(?:(?:,?{SPACE}{of}|,){p.year()}|{SPACE}{of}(?P<year_words>{p.year_words})"
        rf"|{SPACE}{of}(?P<rel_year>{p.alt(w.year_relatives)}){SPACE}{phrase(w.year_word)})?"
    )


@rule(_month_pattern, capitalised("month"))
def month_name(m: re.Match[str], ctx: Context) -> Timex | None:
    """A month, with a year, a relative word or placed by tense: "last March" -> 2023-03.

    "May" alone is a month only after a preposition or when spaCy reads it as a date.
    """
    words = ctx.words
    month = words.month(m["month"])
    mod = lead_mod(m, words)
    if m["year"] or m["year_words"]:
        y = int(m["year"]) if m["year"] else year_words(m["year_words"], ctx)
        if y is None:
            return None
        return date(periods.month(y, month), DateBasis.STATED, mod)
    modal = m["month"].lower() in words.modal_months
    if modal and not (m["rel"] or has_lead(m)) and ctx.doc is not None:
        tok = ctx.token(m.start("month"))
        signal = rf"\b(?:{'|'.join(words.month_signals)})\s+$"
        if not re.search(signal, ctx.before(m.start(), 12), re.I) and (
            tok is None or tok.ent_type_ != "DATE"
        ):
            return None
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    a = ctx.anchor
    if m["rel_year"]:
        y = a.year + words.year_relatives[normal(m["rel_year"])]
        p = periods.month(y, month)
    else:
        kind = words.relatives.get(normal(m["rel"] or ""), "")
        if kind == "last":
            p = periods.month(a.year if month < a.month else a.year - 1, month)
        elif kind == "next":
            p = periods.month(a.year if month > a.month else a.year + 1, month)
        elif kind == "this":
            p = periods.month(a.year, month)
        else:
            p = periods.cyclic(lambda y: periods.month(y, month), a, ctx.tense_here())
    return date(p, DateBasis.RELATIVE, mod)


def _year_gate(m: re.Match[str], ctx: Context) -> bool:
    if ctx.doc is None or m.groupdict().get("year_kind") or m.groupdict().get("open_end"):
        return True
    return plausible_year(ctx.token(m.start("year")), ctx.words)


def _year_pattern(p: Patterns) -> str:
    w = p.words
    return (
        rf"{p.approx}{p.lead}(?:(?P<prefix>{p.alt(w.year_prefixes)})-)?"
        rf"(?:(?P<year_kind>{p.alt(w.fiscal_years)}){SPACE}?)?{p.year()}"
        rf"(?:{SPACE}(?P<open_end>{p.alt(w.open_ends)}))?"
    )


@rule(_year_pattern, _year_gate)
def year_number(m: re.Match[str], ctx: Context) -> Timex | None:
    """A year in digits: "in 2022" -> 2022; "post-2020", "2025 or later" are open-ended."""
    words = ctx.words
    mod = lead_mod(m, words)
    opened = {
        words.year_prefixes.get((m["prefix"] or "").lower()),
        words.open_ends.get(normal(m["open_end"] or "")),
    }
    if DateMod.AFTER in opened:
        mod = DateMod.AFTER
    elif DateMod.BEFORE in opened:
        mod = DateMod.BEFORE
    return date(periods.year(int(m["year"])), DateBasis.STATED, mod)


@rule(
    lambda p: (
        rf"(?:{phrase(p.words.the)}{SPACE}{phrase(p.words.year_word)}{SPACE})?"
        rf"(?P<year_words>{p.year_words})"
    )
)
def year_in_words(m: re.Match[str], ctx: Context) -> Timex | None:
    """A year in words: "nineteen ninety-six" -> 1996, "the year two thousand" -> 2000."""
    text = m["year_words"].lower()
    thousands = tuple(w.split()[0] for w in ctx.words.year_thousands)
    if text.startswith(thousands) and not normal(m.group(0)).startswith(ctx.words.the):
        return None
    # "twenty twenty" in running text is rarely a year; "twenty-twenty" is
    hundreds = [w for w, c in ctx.words.year_hundreds.items() if c * 100 >= 2000]
    if ctx.doc is not None and text.startswith(tuple(hundreds)) and "-" not in text:
        return None
    y = year_words(text, ctx)
    return date(periods.year(y), DateBasis.STATED) if y else None


def _decade_pattern(p: Patterns) -> str:
    w = p.words
    decade_words = p.alt(w.decade_words)
    return (
        rf"{p.approx}(?:{p.lead}|{phrase(w.the)}{SPACE})?"
        rf"(?:(?P<decade>(?:1[0-9]|20)\d0){APOSTROPHE}?s"
        rf"|{APOSTROPHE}(?P<decade_short>\d0){APOSTROPHE}?s"
        rf"|(?P<decade_word>{decade_words})|{phrase(w.decade_prefix)}-?(?P<prefixed_decade>"
        rf"{decade_words}))"
    )


@rule(_decade_pattern)
def decade(m: re.Match[str], ctx: Context) -> Timex | None:
    """A decade: "the 1990s" -> 199, "the '80s", "the early nineties"."""
    words = ctx.words
    if m["decade"]:
        number = int(m["decade"]) // 10
        basis = DateBasis.STATED
    else:
        word = m["decade_word"] or m["prefixed_decade"]
        starts = (words.the, *words.lead_words)
        if word and not m["prefixed_decade"] and not normal(m.group(0)).startswith(starts):
            return None  # "in his forties" is an age, not a decade
        digit = (
            int(m["decade_short"]) // 10 if m["decade_short"] else words.decade_words[word.lower()]
        )
        prefixed = words.year_hundreds[words.decade_prefix]
        century = (
            prefixed
            if m["prefixed_decade"]
            else (ctx.anchor.year // 100 if ctx.anchor else prefixed)
        )
        if ctx.anchor is not None and century * 100 + digit * 10 > ctx.anchor.year:
            century -= 1
        number = century * 10 + digit
        basis = DateBasis.STATED if m["prefixed_decade"] else DateBasis.RELATIVE
    return date(periods.decade(number), basis, lead_mod(m, words))


def _century_pattern(p: Patterns) -> str:
    w = p.words
    return (
        rf"{p.lead}(?:{phrase(w.the)}{SPACE})?(?:(?P<century>\d{{1,2}})(?:{p.ordinal_suffix})"
        rf"|(?P<century_word>{p.day_word})|(?P<rel>{p.alt(w.century_relatives)}))"
        rf"{SPACE}{phrase(w.unit_words('century')[0])}"
    )


@rule(_century_pattern)
def century(m: re.Match[str], ctx: Context) -> Timex | None:
    """A century: "the 20th century" -> 19, "the last century"."""
    if m["rel"]:
        if ctx.anchor is None:
            return None
        step = ctx.words.century_relatives[normal(m["rel"])]
        c = ctx.anchor.year // 100 + step
        return date(periods.century(c), DateBasis.RELATIVE, lead_mod(m, ctx.words))
    n = int(m["century"]) if m["century"] else day_of(m, ctx.words, "century")
    if not n:
        return None
    return date(periods.century(n - 1), DateBasis.STATED, lead_mod(m, ctx.words))


def _range_pattern(p: Patterns) -> str:
    day = rf"(?:{DAY_DIGITS})(?:{p.ordinal_suffix})?(?!\d)"
    end = (
        rf"{p.month('end_month', loose=True)}{SPACE}(?P<end_day>{day})"
        rf"(?:,?{SPACE}{p.year('end_year')})?"
        rf"|{p.month('end_month_only')}(?:,?{SPACE}{p.year('end_month_year')})?"
        rf"|{p.year('end_year_only')}|(?P<end_day_only>{day})"
    )
    start = (
        rf"{p.month('start_month', loose=True)}{SPACE}(?P<start_day>{day})"
        rf"(?:,?{SPACE}{p.year('start_year')})?"
        rf"|{p.month('start_month_only')}(?:,?{SPACE}{p.year('start_month_year')})?"
        rf"|{p.year('start_year_only')}"
    )
    connectors = p.alt(p.words.range_connectors)
    return rf"(?:{start}){SPACE}?(?P<connector>{connectors}){SPACE}?(?:{end})"


@rule(
    _range_pattern,
    capitalised("start_month", "start_month_only", "end_month", "end_month_only"),
)
def date_range(m: re.Match[str], ctx: Context) -> Timex | None:
    """A range of days, months or years: "March 3-5" -> 2024-03-03/2024-03-05.

    "and" makes a range only after "between": "between April and July".
    """
    words = ctx.words
    connector = m["connector"].lower()
    before = ctx.before(m.start(), 10).lower()
    if connector == words.and_ and not re.search(rf"\b{words.range_between}\s+$", before):
        return None  # "in April and July" names two months, not a range
    end_years = m["end_year_only"] or m["end_year"] or m["end_month_year"]
    if m["start_year_only"] and not end_years:
        return None
    if (
        m["start_year_only"]
        and m["end_year_only"]
        and not plausible_year(ctx.token(m.start("end_year_only")), words)
    ):
        return None  # "1500 to 2000 troops"
    if m["end_day_only"] and not m["start_day"]:
        return None
    year_a = m["start_year"] or m["start_month_year"] or m["start_year_only"]
    year_b = m["end_year"] or m["end_month_year"] or m["end_year_only"]
    end_year = int(year_b) if year_b else None
    start_year = int(year_a) if year_a else end_year
    pa: Period | None
    if m["start_day"]:
        got = resolve_month_day(
            words.month(m["start_month"]), day_number(m["start_day"], words), start_year, ctx
        )
        pa = got[0] if got else None
    elif m["start_month_only"]:
        mon = words.month(m["start_month_only"])
        if start_year:
            pa = periods.month(start_year, mon)
        elif ctx.anchor:
            pa = periods.cyclic(lambda y: periods.month(y, mon), ctx.anchor, ctx.tense_here())
        else:
            pa = None
    else:
        pa = periods.year(int(year_a))
    if pa is None:
        return Timex("DATE", "XXXX-XX-XX", is_range=True)
    y = end_year or pa.start.year
    if m["end_day_only"]:
        try:
            pb = periods.day(dt.date(y, pa.start.month, day_number(m["end_day_only"], words)))
        except ValueError:
            return None
    elif m["end_month"]:
        try:
            pb = periods.day(
                dt.date(y, words.month(m["end_month"]), day_number(m["end_day"], words))
            )
        except ValueError:
            return None
    elif m["end_month_only"]:
        pb = periods.month(y, words.month(m["end_month_only"]))
    else:
        pb = periods.year(y)
    if pb.end < pa.start and end_year is None:
        pb = periods.shift(pb, "year", 1)
    if pb.end < pa.start:
        return None
    precision = pa.precision if pa.precision is pb.precision else Precision.DAY
    basis = DateBasis.STATED if year_b else DateBasis.RELATIVE
    value = f"{pa.value}/{pb.value}"
    return Timex("DATE", value, Period(value, pa.start, pb.end, precision), basis, None, True)
