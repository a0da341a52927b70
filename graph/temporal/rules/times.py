"""Rules for times of day and recurrences: "5 p.m. Friday", "every week", "twice a year"."""

from __future__ import annotations

import datetime as dt
import re

from graph.model import DateBasis, DateMod, Precision
from graph.temporal import periods
from graph.temporal.engine import Context, rule
from graph.temporal.patterns import SPACE, Patterns, phrase
from graph.temporal.rules.common import count, day_of, resolve_month_day
from graph.temporal.timex import Timex, duration_value


def _clock_pattern(p: Patterns) -> str:
    w = p.words
    suffixes = "|".join(phrase(s).replace(r"\.", r"\.?") for s in w.clock_suffixes)
    clock = (
        rf"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?{SPACE}?(?P<suffix>{suffixes})"
        rf"|(?P<bare_hour>[01]?\d|2[0-3]):(?P<bare_minute>[0-5]\d)"
        rf"|(?P<named>{p.alt(w.named_times)}))"
    )
    return (
        rf"(?:(?P<approx>{p.alt(w.clock_approximators)}){SPACE})?{clock}"
        rf"(?:{SPACE}(?P<zone>{p.alt(w.time_zones)}))?"
        rf"(?:,?{SPACE}(?:{phrase(w.on)}{SPACE})?(?:(?P<weekday>{p.weekday})"
        rf"(?:,?{SPACE}{p.month('weekday_month', loose=True)}{SPACE}{p.day('weekday_day')})?"
        rf"|(?P<named_day>{p.alt(w.day_words)})|{p.month(loose=True)}{SPACE}{p.day()}))?"
    )


@rule(_clock_pattern, uses_ref=True)
def clock_time(m: re.Match[str], ctx: Context) -> Timex | None:
    """A time of day, with its day if given: "5 p.m. Friday" -> 2024-03-29T17:00.

    A bare "9:30" is a time only after "at", "by", "until", "from"; without a day it belongs
    to the day being told about.
    """
    words = ctx.words
    if m["bare_hour"] and not m["weekday"] and not m["named_day"] and not m["month"]:
        before = ctx.before(m.start(), 4).lower()
        if not re.search(rf"\b(?:{'|'.join(words.clock_prepositions)})\s+$", before):
            return None  # "3:2" is a score, "9:30" alone could be a verse
    if m["named"]:
        hh, mi = words.named_times[m["named"].lower()]
    else:
        hh = int(m["hour"] or m["bare_hour"])
        mi = int(m["minute"] or m["bare_minute"] or 0)
        suffix = (m["suffix"] or "").lower().replace(".", "")
        if suffix in words.meridiems and hh <= 12:  # "20 am" stays 20:00
            hh = hh % 12 + words.meridiems[suffix]
    if hh > 24:
        return None
    clock = f"T{hh:02d}:{mi:02d}"
    day: dt.date | None = None
    if m["month"] or m["weekday_month"]:
        group = "day" if m["month"] else "weekday_day"
        d = day_of(m, words, group)
        month = words.month(m["month"] or m["weekday_month"])
        got = resolve_month_day(month, d or 1, None, ctx) if d else None
        day = got[0].start if got and got[0] else None
    elif m["weekday"] and ctx.anchor:
        number = words.weekdays[m["weekday"].lower()]
        day = periods.weekday_near(number, ctx.anchor, ctx.tense_here())
    elif m["named_day"] and ctx.anchor:
        day = ctx.anchor + dt.timedelta(days=words.day_words[m["named_day"].lower()])
    elif ctx.ref is not None and ctx.ref.precision is Precision.DAY:
        day = ctx.ref.start  # a bare clock time belongs to the day being told about
    elif ctx.anchor:
        day = ctx.anchor
    if day is None:
        return Timex("TIME", f"XXXX-XX-XX{clock}")
    p = periods.day(day)
    mod = DateMod.APPROX if m["approx"] else None
    return Timex("TIME", f"{p.value}{clock}", p, DateBasis.RELATIVE, mod)


def _set_pattern(p: Patterns) -> str:
    w = p.words
    frequencies = rf"{p.alt(w.set_frequencies)}|{p.count}{SPACE}{phrase(w.set_times)}"
    return (
        rf"(?:{p.alt(w.set_quantifiers)}){SPACE}(?:{phrase(w.set_other)}{SPACE})?"
        rf"(?:(?P<count>{p.count}){SPACE})?(?P<unit>{p.unit}|(?P<weekday>{p.weekday})"
        rf"|{p.month()}|(?P<part>{p.alt(w.day_part_words)})|(?P<season>{p.alt(w.seasons)}))"
        rf"|(?P<adverb>{p.alt(w.set_adverbs)})"
        rf"|(?:(?P<frequency>{frequencies}){SPACE})?(?P<per>{p.alt(w.set_per)}){SPACE}"
        rf"(?P<per_unit>{p.unit_singular})"
    )


@rule(_set_pattern)
def recurrence(m: re.Match[str], ctx: Context) -> Timex | None:
    """A set: "every week" -> P1W, "weekly", "twice a year" -> P1Y, "every Monday".

    "quarterly earnings" names a report, and "$2 million a year" a rate: not sets.
    """
    words = ctx.words
    if m["adverb"]:
        adverb = m["adverb"].lower()
        tok = ctx.token(m.start())
        if tok is not None and tok.dep_ == "amod" and adverb in words.report_adjectives:
            return None  # "quarterly earnings", "monthly figures": a report, not a recurrence
        return Timex("SET", words.set_adverbs[adverb])
    if m["per_unit"]:
        if not m["frequency"] and m["per"].lower() != words.per:
            return None  # "$2 million a year" is a rate; TimeBank seldom marks it
        return Timex("SET", duration_value(1, words.units[m["per_unit"].lower()]))
    if m["weekday"]:
        return Timex("SET", f"XXXX-WXX-{words.weekdays[m['weekday'].lower()] + 1}")
    if m["month"]:
        return Timex("SET", f"XXXX-{words.month(m['month']):02d}")
    if m["part"]:
        return Timex("SET", f"TXX{words.day_parts[m['part'].lower()]}")
    if m["season"]:
        return Timex("SET", f"XXXX-{words.seasons[m['season'].lower()]}")
    unit = words.units[m["unit"].lower()]
    n = count(m["count"], ctx) if m["count"] else 1.0
    if words.set_other in m.group(0).lower():
        n = (n or 1.0) * 2
    return Timex("SET", duration_value(n, unit))
