"""Rules for dates relative to the anchor or the last date: "next week", "two days ago",
"Friday", "yesterday", "the day before", "now"."""

from __future__ import annotations

import datetime as dt
import re

from graph.model import DateBasis, DateMod, Precision
from graph.temporal import periods
from graph.temporal.engine import Context, rule
from graph.temporal.patterns import SPACE, Patterns, phrase
from graph.temporal.periods import UNIT_PRECISION, Period
from graph.temporal.rules.common import capitalised, count, has_lead, lead_mod, normal
from graph.temporal.tense import Tense
from graph.temporal.timex import Timex, anaphoric, date, duration_value

_UNANCHORED = {
    "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
    "year": "XXXX", "decade": "XXX",
}  # fmt: skip
_STEP = {"last": -1, "latest": -1, "next": 1, "previous": -1, "following": 1}


def _relative_pattern(p: Patterns) -> str:
    units = p.alt(p.words.relative_units)
    return rf"{p.approx}{p.lead}(?:{p.relative}(?:{SPACE}|-))?(?P<unit>{units})"


@rule(_relative_pattern, uses_ref=True)
def relative_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """A unit placed by a relative word: "next week" -> 2024-W14, "the following month".

    "this", "last", "next" count from the anchor; "previous", "following" from the last
    date mentioned; "that same year" names it. "for the year" is a duration.
    """
    words = ctx.words
    rel_words = normal(m["rel"] or "")
    kind = words.relatives.get(rel_words, "")
    word = normal(m["unit"])
    part = words.day_parts.get(word)
    unit = "year" if word == words.fiscal_year else words.units.get(word)
    lead = has_lead(m)
    mod = lead_mod(m, words)
    if not kind and not lead:
        return None  # a bare "week": only "the end of the week" and the like
    if kind == "full":
        if unit != "year":
            return None
        kind = "this"
    if part is not None or unit == "day":
        return _relative_day(kind, rel_words, word, mod, ctx)
    if kind == "the" and not lead:
        before = ctx.before(m.start(), 14).lower()
        signal = rf"\b(?:{'|'.join(words.duration_before)})\s+$"
        if unit in words.duration_units and re.search(signal, before):
            return Timex("DURATION", duration_value(1, unit))  # "for the year"
        after = ctx.text[m.end() : m.end() + 8]
        anaphoric_after = rf"\s*(?:{'|'.join(words.anaphoric_after)})\b"
        if unit == "decade" or (unit == "year" and re.match(anaphoric_after, after, re.I)):
            return None  # "the year before": anchored to an event, not a date
    if unit == "decade" and kind == "last" and rel_words.startswith(words.the + " ") and not lead:
        return Timex("DURATION", duration_value(1, unit))  # "over the past decade"
    if unit is None:  # "period"
        if kind != "latest":
            return None  # "the period" alone is too vague
        unit = "quarter"
    ref = ctx.reference()
    if kind == "same":
        if ref is None:
            return Timex("DATE", "XXXX")
        p = periods.containing(UNIT_PRECISION[unit], ref.start)
        return Timex("DATE", p.value, p, DateBasis.RELATIVE, mod, anaphoric=True)
    if ctx.anchor is None:
        return Timex("DATE", _UNANCHORED[unit])
    a = ctx.anchor
    if unit == "weekend":
        return date(_weekend_near(a, kind, ctx), DateBasis.RELATIVE, mod)
    if unit == "quarter" and kind in ("the", "latest", ""):
        # "the quarter" in a results story: the last quarter mentioned, else the one reported
        # on (the previous one) in past sentences, the current one otherwise.
        if ctx.ref is not None and ctx.ref.precision is Precision.QUARTER:
            return date(ctx.ref, DateBasis.RELATIVE, mod)
        current = periods.containing(Precision.QUARTER, a)
        if kind == "latest" or ctx.tense_here() is Tense.PAST:
            current = periods.shift(current, "quarter", -1)
        return date(current, DateBasis.RELATIVE, mod)
    step = _STEP.get(kind, 0)
    is_anaphoric = kind in ("previous", "following") and ctx.ref is not None
    base = ref.start if is_anaphoric and ref is not None else a
    p = periods.containing(UNIT_PRECISION[unit], periods.add(base, unit, step))
    if unit == "decade":
        p = periods.containing(Precision.DECADE, p.start)
    return Timex("DATE", p.value, p, DateBasis.RELATIVE, mod, anaphoric=is_anaphoric)


def _weekend_near(a: dt.date, kind: str, ctx: Context) -> Period:
    if kind == "last":
        return periods.weekend(a - dt.timedelta(days=7))
    if kind == "next":
        return periods.weekend(a + dt.timedelta(days=7))
    if kind == "this" or (kind in ("the", "") and ctx.tense_here() is Tense.FUTURE):
        return periods.weekend(a)  # the weekend of the anchor's week
    # "over the weekend" in a report: the one just past (or the current one on a weekend)
    return periods.weekend(a if a.weekday() >= 5 else a - dt.timedelta(days=7))


def _relative_day(
    kind: str, rel_words: str, word: str, mod: DateMod | None, ctx: Context
) -> Timex | None:
    """ "this morning", "last night", "the next day", "that same day", "the previous evening"."""
    words = ctx.words
    part = words.day_parts.get(word)
    if (
        part is None
        and kind not in ("same", "previous", "following")
        and rel_words != words.next_day
    ):
        return None  # "the day", "the last day of trading", "this day": not one day
    if kind in ("", "the", "latest") or (kind == "last" and word not in words.last_day_parts):
        return None  # "the morning" alone, "last morning": too vague to place
    ref = ctx.reference()
    base: dt.date | None
    if kind in ("this", "last"):
        base, step = ctx.anchor, -1 if kind == "last" else 0
    else:
        # "the same day", "the next day" place a day after a day only: after "in March 2022"
        # they are anchored on an event, not on a date
        base = ref.start if ref is not None and ref.precision is Precision.DAY else None
        step = {"next": 1, "following": 1, "previous": -1}.get(kind, 0)
    if base is None:
        return Timex("TIME" if part else "DATE", "XXXX-XX-XX")
    p = periods.day(base + dt.timedelta(days=step))
    is_anaphoric = kind not in ("this", "last")
    if part:
        return Timex(
            "TIME", f"{p.value}T{part}", p, DateBasis.RELATIVE, mod, anaphoric=is_anaphoric
        )
    return Timex("DATE", p.value, p, DateBasis.RELATIVE, mod, anaphoric=is_anaphoric)


def _unit_before_pattern(p: Patterns) -> str:
    w = p.words
    return (
        rf"{phrase(w.the)}{SPACE}(?P<unit>{p.alt(w.unit_before_units)}){SPACE}"
        rf"(?P<direction>{p.alt(w.unit_directions)})(?=[ \t]*(?:[.,;:!?)\n]|$))"
    )


@rule(_unit_before_pattern, uses_ref=True)
def unit_before(m: re.Match[str], ctx: Context) -> Timex | None:
    """A unit next to the last date, closing a clause: "the day before." -> 2024-03-02."""
    ref = ctx.reference()
    unit = ctx.words.units[m["unit"].lower()]
    if ref is None:
        return Timex("DATE", "XXXX-XX-XX")
    step = ctx.words.unit_directions[m["direction"].lower()]
    p = periods.containing(UNIT_PRECISION[unit], periods.add(ref.start, unit, step))
    return Timex("DATE", p.value, p, DateBasis.RELATIVE, anaphoric=True)


def _ago_pattern(p: Patterns) -> str:
    w = p.words
    adjectives = "".join(rf"{phrase(a)}{SPACE}|" for a in w.ago_adjectives)[:-1]
    return (
        rf"(?:(?P<bound>{p.bounds}){SPACE})?(?:(?P<count>{p.count}){SPACE}(?:{adjectives})?)?"
        rf"(?P<unit>{p.unit})(?:{SPACE}{phrase(w.or_so)})?{SPACE}"
        rf"(?P<direction>{p.alt(w.ago_directions)})"
    )


@rule(_ago_pattern, uses_ref=True)
def ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """A count of units from the anchor or the last date: "13 months ago" -> 2023-02.

    "earlier", "later" count from the last date mentioned; "before", "after" only when
    they close the clause ("two days after the vote" is read otherwise).
    """
    words = ctx.words
    direction = normal(m["direction"])
    step = words.ago_directions[direction]
    if direction in words.clause_directions or step is None:
        after = ctx.text[m.end() : m.end() + 3]
        if step is None or not re.match(r"\s*(?:[.,;:!?)]|$)", after):
            return None  # "two days after the vote": the signal belongs to the clause
    unit_word = m["unit"].lower()
    unit = words.units[unit_word]
    raw = m["count"]
    n = count(raw, ctx) if raw else None
    if raw is None and unit_word not in words.plural_units:
        return None
    mod = DateMod.APPROX if m["bound"] or n is None else None
    past = step < 0
    if n is None:
        if direction == words.ago:
            return Timex("DATE", "PAST_REF", ctx.anchor_day(), DateBasis.RELATIVE, DateMod.BEFORE)
        return None  # "a few days later": the duration rule reads "a few days"
    if direction in words.anaphoric_directions:
        ref = ctx.reference()
        if ref is None:
            return Timex("DATE", "XXXX-XX-XX")
        if UNIT_PRECISION[unit] is Precision.DAY and ref.precision is not Precision.DAY:
            ref = periods.day(ref.start)
        return anaphoric(date(periods.shift(ref, unit, -n if past else n), DateBasis.RELATIVE, mod))
    if ctx.anchor is None:
        return Timex("DATE", "XXXX-XX-XX")
    ref = ctx.ref
    if (
        unit == "year"
        and direction == words.ago
        and ref is not None
        and ref.precision is Precision.QUARTER
    ):
        # "earned $5 million in the third quarter, up from $4 million a year ago"
        return anaphoric(date(periods.shift(ref, "year", -n), DateBasis.RELATIVE, mod))
    day = periods.add(ctx.anchor, unit, -n if past else n)
    return date(periods.containing(UNIT_PRECISION[unit], day), DateBasis.RELATIVE, mod)


def _weekday_pattern(p: Patterns) -> str:
    w = p.words
    suffix = phrase(w.plural_suffix)
    return (
        rf"(?:(?P<rel>{p.alt(w.weekday_relatives)}){SPACE})?(?P<weekday>{p.weekday})"
        rf"(?P<plural>{suffix})?"
        rf"(?:{SPACE}(?P<part>{p.alt(w.weekday_parts)})(?P<parts>{suffix})?)?"
    )


@rule(_weekday_pattern, capitalised("weekday"), uses_ref=True)
def weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    """A day of the week: "Friday" -> 2024-03-29 (by tense); "Mondays" is a set.

    "the following Friday" counts from the last date mentioned.
    """
    words = ctx.words
    number = words.weekdays[m["weekday"].lower()]
    part = words.day_parts[m["part"].lower()] if m["part"] else None
    if m["plural"] or m["parts"]:
        return Timex("SET", f"XXXX-WXX-{number + 1}" + (f"T{part}" if part else ""))
    rel = normal(m["rel"] or "")
    step = words.weekday_relatives.get(rel)
    anchor: dt.date | None
    if words.relatives.get(rel) in ("previous", "following", "same"):
        ref = ctx.reference()
        anchor = ref.start if ref else None
    else:
        anchor = ctx.anchor
    if anchor is None:
        value = f"XXXX-WXX-{number + 1}" + (f"T{part}" if part else "")
        return Timex("TIME" if part else "DATE", value)
    p = periods.day(periods.weekday_near(number, anchor, ctx.tense_here(), step))
    is_anaphoric = anchor is not ctx.anchor
    if part:
        return Timex("TIME", f"{p.value}T{part}", p, DateBasis.RELATIVE, anaphoric=is_anaphoric)
    return Timex("DATE", p.value, p, DateBasis.RELATIVE, anaphoric=is_anaphoric)


def _day_word_pattern(p: Patterns) -> str:
    w = p.words
    parts = p.alt(w.day_part_words)
    day_words = p.alt(w.day_words)
    return (
        rf"{p.lead}(?P<day_word>{day_words})(?:{SPACE}(?P<part>{parts}))?"
        rf"|(?P<part_day>{p.alt(w.day_word_parts)}){SPACE}(?P<day_part>{parts})"
        rf"|(?P<part_first>{p.alt(w.part_day_words)}){SPACE}"
        rf"(?P<day_word_after>{p.alt(w.days_after_part)})"
    )


@rule(_day_word_pattern)
def day_word(m: re.Match[str], ctx: Context) -> Timex | None:
    """A day named from the anchor: "yesterday" -> 2024-03-28, "tomorrow morning"."""
    words = ctx.words
    word = (m["day_word"] or m["day_word_after"] or m["part_day"] or "").lower()
    part_word = m["part"] or m["day_part"] or m["part_first"]
    only = words.day_word_part_only.get(word)
    if m["part_day"] and only is not None and (m["day_part"] or "").lower() != only:
        return None
    if ctx.anchor is None:
        return Timex("TIME" if part_word else "DATE", "XXXX-XX-XX")
    offset = words.day_words.get(word, words.day_word_parts.get(word, 0))
    p = periods.day(ctx.anchor + dt.timedelta(days=offset))
    if part_word:
        part = words.day_parts[part_word.lower().replace("-", "")]
        return Timex("TIME", f"{p.value}T{part}", p, DateBasis.RELATIVE, lead_mod(m, words))
    return date(p, DateBasis.RELATIVE, lead_mod(m, words))


@rule(lambda p: rf"(?P<word>{p.alt(p.words.references)})")
def reference_word(m: re.Match[str], ctx: Context) -> Timex | None:
    """A word for the present, past or future: "now" -> PRESENT_REF, "recently" -> PAST_REF.

    Some are read only in a lone string (TimeBank leaves "previously", "soon" unmarked in
    running text), "current" and "recent" only as adjectives.
    """
    words = ctx.words
    word = normal(m["word"])
    if ctx.doc is not None and word in words.string_only_references:
        return None
    tok = ctx.token(m.start())
    if word in words.adjective_references and tok is not None and tok.dep_ != "amod":
        return None  # only "current levels", "recent days": not "the current" (a stream)
    if word == words.past_reference_end:
        clause = "|".join(words.clause_words)
        ends = rf"\s*(?:[,.;]|$|\s(?:{clause}|\w+{words.adverb_suffix})\b)"
        if not re.compile(ends, re.I).match(ctx.text, m.end()):
            return None  # "the past two years" is read by the duration rule
    direction = words.references[word]
    if direction == "past":
        return Timex("DATE", "PAST_REF", ctx.anchor_day(), DateBasis.RELATIVE, DateMod.BEFORE)
    if direction == "future":
        return Timex("DATE", "FUTURE_REF", ctx.anchor_day(), DateBasis.RELATIVE, DateMod.AFTER)
    return Timex("DATE", "PRESENT_REF", ctx.anchor_day(), DateBasis.RELATIVE)
