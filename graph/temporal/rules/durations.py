"""Rules for durations: "three years", "a two-week period", "recent months", "for decades"."""

from __future__ import annotations

import re

from graph.model import DateBasis, DateMod
from graph.temporal.engine import Context, rule
from graph.temporal.patterns import SPACE, Patterns, phrase
from graph.temporal.rules.common import count, normal
from graph.temporal.timex import Timex, duration_value


def _duration_pattern(p: Patterns) -> str:
    w = p.words
    connector = rf"(?:{p.alt(w.count_range)}|-)"
    return (
        rf"(?:(?P<bound>{p.bounds}){SPACE})?(?:(?P<the>{phrase(w.the)}){SPACE})?"
        rf"(?:(?P<rel>{p.alt(w.duration_relatives)}){SPACE})?"
        rf"(?P<count>{p.count}(?:{SPACE}{connector}{SPACE}{p.count})?)"
        rf"(?:{SPACE}(?P<adjective>{p.alt(w.duration_adjectives)}))?{SPACE}"
        rf"(?P<unit>{p.unit})(?P<half>{SPACE}{phrase(w.and_a_half)})?"
        rf"(?:{SPACE}{phrase(w.or_so)})?(?P<ahead>{SPACE}{phrase(w.spans_ahead)})?"
    )


@rule(_duration_pattern)
def duration(m: re.Match[str], ctx: Context) -> Timex | None:
    """A count of units: "three years" -> P3Y, "two and a half hours" -> PT2H30M.

    A range of counts ("two to three weeks") or a vague one ("several days") has no number:
    P XW. Not a duration: "a second round", "a quarter of the vote", "52 years old".
    """
    words, numbers = ctx.words, ctx.numbers
    unit_word = m["unit"].lower()
    unit = words.units[unit_word]
    raw = normal(m["count"])
    plural = unit_word in words.plural_units
    one = raw in numbers.articles or numbers.cardinals.get(raw) == 1
    if unit == "second" and (one or not plural):
        return None  # "a second round", "one second-hand car"
    of = rf"\s+{words.quarter_of}\b(?!\s+(?:1[0-9]|20)\d\d)"
    if unit == "quarter" and re.match(of, ctx.text[m.end() : m.end() + 10]):
        return None  # "a quarter of the vote"
    if unit == "weekend" and (raw in numbers.articles or raw == words.the):
        return None
    ranged = rf"\b(?:{'|'.join(words.count_range)})\b|-"
    n = None if re.search(ranged, raw) and not re.fullmatch(r"[\w ]+-\w+", raw) else count(raw, ctx)
    if n is not None and m["half"]:
        n += 0.5
    if raw in numbers.articles and plural:
        return None
    if raw in words.not_a_duration and not plural:
        return None  # "some day", "many a year"
    if n is not None and 1000 <= n < 2100 and not plural:
        return None  # "the 1988 quarter" is a date
    if re.match(rf"[\s-]+{words.age_after}\b", ctx.text[m.end() : m.end() + 6]):
        return None  # an age: "52 years old"
    return Timex("DURATION", duration_value(n, unit))


def _adjectival_pattern(p: Patterns) -> str:
    w = p.words
    nouns = p.alt(w.span_nouns)
    determiners = p.alt([*sorted(p.numbers.articles), w.the])
    return (
        rf"(?:(?P<det>{determiners}){SPACE}(?=[\w-]+{SPACE}(?:{nouns})))?"
        rf"(?P<count>\d+(?:\.\d+)?|{p.number_words}|{p.alt(w.adjectival_vague)}"
        rf"|{p.alt(w.long_units)})-(?P<unit>{p.unit_singular})?(?:-?(?P<long>{phrase(w.long)}))?"
        rf"(?:{SPACE}(?P<noun>{nouns}))?"
    )


@rule(_adjectival_pattern)
def adjectival_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    """A duration as an adjective: "a two-week period" -> P2W, "decades-long" -> PXY."""
    words = ctx.words
    raw = m["count"].lower()
    n: float | None
    if m["unit"] is None:
        if not m["long"] or raw not in words.units:
            return None
        unit = words.units[raw]
        n = None if raw in words.plural_units else 1.0  # "decades-long", "day-long"
    else:
        if raw in words.units:
            return None
        unit = words.units[m["unit"].lower()]
        vague = raw in words.adjectival_vague
        n = None if vague else count(raw, ctx)
        if n is None and not vague:
            return None
    if m["det"] and not m["noun"]:
        return None  # the determiner belongs to the following noun
    return Timex("DURATION", duration_value(n, unit))


def _vague_span_pattern(p: Patterns) -> str:
    w = p.words
    return (
        rf"(?P<rel>{p.alt(w.vague_span_relatives)}){SPACE}(?P<unit>{p.alt(w.span_units)})"
        rf"|{phrase(w.the)}{SPACE}(?P<unit_ahead>{p.alt(w.ahead_units)}){SPACE}"
        rf"{phrase(w.spans_ahead)}"
    )


@rule(_vague_span_pattern)
def vague_span(m: re.Match[str], ctx: Context) -> Timex | None:
    """A span of unknown length: "recent months" -> PXM, "the weeks ahead"; "future
    years" -> FUTURE_REF, "past decades" -> PAST_REF."""
    words = ctx.words
    rel = (m["rel"] or "").lower()
    unit = words.units[(m["unit"] or m["unit_ahead"]).lower()]
    kind = words.relatives.get(rel) if not rel.startswith(words.the) else None
    if rel in words.future_ref_relatives:
        return Timex("DATE", "FUTURE_REF", ctx.anchor_day(), DateBasis.RELATIVE, DateMod.AFTER)
    if kind == "last" and unit in ("year", "decade"):
        return Timex("DATE", "PAST_REF", ctx.anchor_day(), DateBasis.RELATIVE, DateMod.BEFORE)
    if kind == "next" and unit == "quarter":
        return Timex("DATE", "FUTURE_REF", ctx.anchor_day(), DateBasis.RELATIVE, DateMod.AFTER)
    return Timex("DURATION", duration_value(None, unit))


@rule(lambda p: rf"(?P<unit>{p.alt(p.words.bare_plural_units)})")
def bare_plural(m: re.Match[str], ctx: Context) -> Timex | None:
    """A plural unit alone after "for", "in", "over": "for decades" -> PXY."""
    words = ctx.words
    before = ctx.before(m.start(), 12).lower()
    signal = rf"\b(?:{'|'.join(words.bare_plural_before)})\s+$"
    if ctx.doc is not None and not re.search(signal, before):
        return None
    after = rf"\s+(?:{'|'.join(words.bare_plural_after)})\b"
    if re.match(after, ctx.text[m.end() : m.end() + 10]):
        return None
    return Timex("DURATION", duration_value(None, words.units[m["unit"].lower()]))
