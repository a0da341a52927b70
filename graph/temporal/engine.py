"""The rule engine: the `Rule` type, its registry, and the scanner that runs the rules.

Every rule is a regex (built from the lexicon's words) plus a resolver that reads a match
into a `Timex`, or None when the match turns out not to be a time expression. The rules
run only near trigger words (month and day names, units, digits...); every match is
resolved, the longest non-overlapping ones win, and those that depend on context are
resolved again in document order so that anaphoric expressions ("the next day", "a year
earlier") use the last date mentioned before them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from graph.lang.numbers import NumberWords
from graph.lang.time import TimeWords
from graph.model import DateMod, DateValue
from graph.temporal import periods
from graph.temporal.patterns import Patterns
from graph.temporal.periods import Period
from graph.temporal.tense import Tense, tense_at
from graph.temporal.timex import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(slots=True)
class Context:
    """What a resolver may consult: the text, the anchor, the parse and the last date.

    Attributes:
        doc: the parsed document, or None when normalising a bare string.
        tense: a forced tense (`normalize_date`); else read from the parse.
        ref: the last date mentioned, for "the next day", "a year earlier".
        start, end: the character offsets of the match being resolved.
    """

    text: str
    anchor: dt.date | None
    words: TimeWords
    numbers: NumberWords
    doc: Doc | None = None
    tense: Tense | None = None
    ref: Period | None = None
    start: int = 0
    end: int = 0

    def tense_here(self) -> Tense:
        """The tense of the clause of the match being resolved."""
        if self.tense is not None:
            return self.tense
        if self.doc is None:
            return Tense.UNKNOWN
        return tense_at(self.doc, self.start, self.end, self.words)

    def reference(self) -> Period | None:
        """The last date mentioned, else the anchor's day."""
        if self.ref is not None:
            return self.ref
        return periods.day(self.anchor) if self.anchor else None

    def anchor_day(self) -> Period | None:
        """The anchor's day, the period of PAST_REF, PRESENT_REF and FUTURE_REF."""
        return periods.day(self.anchor) if self.anchor else None

    def before(self, start: int, width: int = 30) -> str:
        """The `width` characters before `start`."""
        return self.text[max(0, start - width) : start]

    def token(self, char: int) -> Token | None:
        """The token at character `char`, when there is a parse."""
        if self.doc is None:
            return None
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


Resolver = Callable[[re.Match[str], Context], Timex | None]
Gate = Callable[[re.Match[str], Context], bool]
PatternBuilder = Callable[[Patterns], str]


@dataclass(frozen=True, slots=True)
class Rule:
    """A kind of time expression: how to find it and how to read it.

    Attributes:
        name: the resolver's name, unique.
        pattern: builds the regex from a language's pattern pieces.
        resolve: reads a match; None when it is not a time expression after all.
        gate: a cheap check before resolving (capitalisation, the parse).
        uses_ref: the value depends on the last date mentioned.
    """

    name: str
    pattern: PatternBuilder
    resolve: Resolver
    gate: Gate | None
    uses_ref: bool


REGISTRY: dict[str, Rule] = {}


def rule(
    pattern: PatternBuilder, gate: Gate | None = None, uses_ref: bool = False
) -> Callable[[Resolver], Resolver]:
    """Register a resolver as a rule under its function name."""

    def register(fn: Resolver) -> Resolver:
        if fn.__name__ in REGISTRY:
            raise ValueError(f"two temporal rules are named {fn.__name__!r}")
        REGISTRY[fn.__name__] = Rule(fn.__name__, pattern, fn, gate, uses_ref)
        return fn

    return register


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule with its regex compiled for one language."""

    rule: Rule
    regex: re.Pattern[str]


def compile_rule(r: Rule, p: Patterns) -> CompiledRule:
    """The rule's regex for one language; a match never starts or ends inside a word."""
    regex = re.compile(rf"(?<![\w$'\u2019-])(?:{r.pattern(p)})(?![\w-])", re.IGNORECASE)
    return CompiledRule(r, regex)


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    timex: Timex


_WORD = re.compile(r"[A-Za-z][A-Za-z.'\u2019]*|\d+(?:[:/]\d+|s)?")
_REACH_LEFT, _REACH_RIGHT = 40, 28  # text a rule takes around its trigger ("at least the past")


@cache
def _trigger_words(words: TimeWords) -> frozenset[str]:
    # Every expression contains one of these words (or a year, a clock time, a numeric date);
    # the rules only run near them, which makes a scan several times cheaper than running
    # every rule over the whole text.
    return frozenset(
        [
            *words.months,
            *words.month_abbreviations,
            *words.weekdays,
            *words.units,
            *words.seasons,
            *words.day_parts,
            *words.decade_words,
            *words.triggers,
        ]
    )


def _triggers(text: str, words: TimeWords) -> list[tuple[int, int]]:
    trigger_words = _trigger_words(words)
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isdigit():
            if len(word) >= 4 or not word.isdigit():  # a year, 10:30, 5/3, 1990s
                out.append((m.start(), m.end()))
        else:
            word = word.lower().rstrip(".'\u2019")
            if word.endswith(("'s", "\u2019s")):
                word = word[:-2]
            if word in trigger_words:
                out.append((m.start(), m.end()))
    return out


def _windows(text: str, words: TimeWords) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words, cut at white space."""
    n = len(text)
    cut: list[tuple[int, int]] = []
    for start, end in _triggers(text, words):
        a = max(0, start - _REACH_LEFT)
        b = min(n, end + _REACH_RIGHT)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        if cut and a <= cut[-1][1]:
            cut[-1] = (cut[-1][0], max(b, cut[-1][1]))
        else:
            cut.append((a, b))
    return cut


@dataclass(frozen=True, slots=True)
class Found:
    """A chosen expression: its offsets, its reading and the rule that read it."""

    start: int
    end: int
    timex: Timex
    rule: str


def scan(ctx: Context, rules: tuple[CompiledRule, ...]) -> list[Found]:
    """Resolved rule matches, longest first, without overlaps, in document order.

    Every match is resolved before the longest are chosen, so a match that turns out not
    to be a time expression ("as soon as") leaves room for the shorter ones inside it.
    Among matches of the same extent, the rule earlier in `rules` wins. Resolvers that read
    the last date mentioned run again in document order.
    """
    hits: list[_Hit] = []
    windows = _windows(ctx.text, ctx.words)
    for compiled in rules:
        r = compiled.rule
        for a, b in windows:
            for m in compiled.regex.finditer(ctx.text, a, b):
                if r.gate is not None and not r.gate(m, ctx):
                    continue
                ctx.start, ctx.end = m.start(), m.end()
                t = _resolved(r, m, ctx)
                if t is not None:
                    hits.append(_Hit(m.start(), m.end(), r, m, t))
    hits.sort(key=lambda h: (h.start - h.end, h.start))
    taken: list[_Hit] = []
    for hit in hits:
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    taken.sort(key=lambda h: h.start)
    for hit in taken:
        if hit.rule.uses_ref:
            ctx.start, ctx.end = hit.start, hit.end
            hit.timex = _resolved(hit.rule, hit.match, ctx) or hit.timex
        t = hit.timex
        if t.period is not None and t.value[0].isdigit() and not t.anaphoric:
            ctx.ref = t.period
    return [Found(h.start, h.end, h.timex, h.rule.name) for h in taken]


def _resolved(rule: Rule, m: re.Match[str], ctx: Context) -> Timex | None:
    """The rule's reading of a match; none when it falls outside the calendar (years 1 to
    9999), as "next Friday" does from a publication date of December 31, 9999."""
    try:
        return rule.resolve(m, ctx)
    except (OverflowError, ValueError):  # what the date arithmetic raises out of range
        return None


@cache
def _signal_regex(words: TimeWords) -> re.Pattern[str]:
    signals = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words.signals)
    return re.compile(rf"(?:^|[^\w])({signals})\s+$", re.IGNORECASE)


def signal(text: str, start: int, words: TimeWords) -> tuple[str, DateMod | None]:
    """The temporal preposition just before `start` ("until", "since"), and its modifier."""
    m = _signal_regex(words).search(text, max(0, start - 20), start)
    if m is None or m.end() != start:
        return "", None
    word = re.sub(r"\s+", " ", m.group(1).lower())
    return word, words.signals.get(word)


def to_value(t: Timex, text: str, signal: str, signal_mod: DateMod | None) -> DateValue | None:
    """The `DateValue` of a reading; None for durations, sets and unresolved ones."""
    if t.period is None or t.type in ("DURATION", "SET"):
        return None
    mod = t.mod
    if signal_mod is not None and not t.is_range and mod in (None, DateMod.APPROX):
        mod = signal_mod
    shown = f"{signal} {text}" if signal_mod is not None and signal else text
    return DateValue(
        value=t.period.value if t.type == "TIME" else t.value,  # "2024-03-29TMO" -> the day
        start=t.period.start,
        end=t.period.end,
        precision=t.period.precision,
        text=shown,
        basis=t.basis,
        mod=mod,
        is_range=t.is_range,
    )
