"""Rules for parts of a year: seasons, quarters and halves, year-ago periods, year-end."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from graph.lang.time import TimeWords
from graph.model import DateBasis, DateMod, Precision
from graph.temporal import periods
from graph.temporal.engine import Context, rule
from graph.temporal.patterns import APOSTROPHE, SPACE, Patterns, phrase
from graph.temporal.periods import Period
from graph.temporal.rules.common import has_lead, lead_mod, normal, year_words
from graph.temporal.tense import Tense
from graph.temporal.timex import Timex, date

if TYPE_CHECKING:
    from spacy.tokens import Token  # the parse is optional: views read dates without it


def _season_gate(m: re.Match[str], ctx: Context) -> bool:
    """A season name alone is a date after "in", "during"... and not before "of" ("the fall
    of the Wall") or when spaCy reads it as a verb."""
    if ctx.doc is None:
        return True
    groups = m.groupdict()
    if any(groups.get(g) for g in ("year", "year_words", "year_before", "rel_before")):
        return True
    words = ctx.words
    rel = (groups.get("rel") or "").lower()
    if (rel and rel != words.the) or has_lead(m):
        return True
    tok = ctx.token(m.start("season"))
    if tok is not None and tok.pos_ not in ("NOUN", "PROPN"):
        return False
    after = ctx.text[m.end() : m.end() + 12].lower()
    if re.match(rf"\s+(?:{'|'.join(words.season_after)})\b(?!\s+(?:1[0-9]|20)\d\d)", after):
        return False  # "the fall of the Wall", "the fall in prices"
    if rel or _owned(tok, words):
        return True  # "the spring draft"; "Russia's spring draft", "its autumn offensive"
    before = ctx.before(m.start(), 12).lower()
    return re.search(rf"\b(?:{'|'.join(words.season_before)})\s+$", before) is not None


def _owned(season: Token | None, words: TimeWords) -> bool:
    """Whether an owner not of time opens the season ("Russia's spring", "its autumn"; not
    a number or a unit of time: "last year's spring" is read whole, with its year)."""
    if season is None or season.i == 0:
        return False
    marker = season.nbor(-1)
    if marker.tag_ == "PRP$":
        return True  # "its autumn offensive"
    if marker.tag_ != "POS" or marker.i == 0:
        return False
    owner = marker.nbor(-1)
    return not (owner.like_num or owner.lemma_.lower() in words.duration_units)


def _season_pattern(p: Patterns) -> str:
    w = p.words
    of = rf"(?:{phrase(w.of)}{SPACE})?"
    owner = (  # "last year's spring", "2023's spring"
        rf"(?:(?:(?P<rel_before>{p.alt(w.year_relatives)}){SPACE}{phrase(w.year_word)}"
        rf"|{p.year('year_before')}){APOSTROPHE}s{SPACE})"
    )
    return (
        rf"{p.approx}{p.lead}(?:{owner}|(?P<rel>{p.alt([*w.near_relatives, w.the])}){SPACE})?"
        rf"(?P<season>{p.alt(w.seasons)})(?:(?:,?{SPACE}{of}){p.year()}"
        rf"|{SPACE}{of}(?P<year_words>{p.year_words}))?"
    )


@rule(_season_pattern, _season_gate)
def season(m: re.Match[str], ctx: Context) -> Timex | None:
    """A season: "autumn 2022", "2022's autumn" -> 2022-FA; "last year's spring" the
    previous year's; "last winter", "the spring draft" by tense."""
    words = ctx.words
    code = words.seasons[m["season"].lower()]
    mod = lead_mod(m, words)
    if m["year"] or m["year_before"] or m["year_words"]:
        y = int(m["year"] or m["year_before"] or 0) or year_words(m["year_words"], ctx)
        return date(periods.season(y, code), DateBasis.STATED, mod) if y else None
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{code}")
    a = ctx.anchor
    if m["rel_before"]:
        y = a.year + words.year_relatives[m["rel_before"].lower()]
        return date(periods.season(y, code), DateBasis.RELATIVE, mod)
    kind = words.relatives.get(normal(m["rel"] or ""), "")
    current = periods.containing(Precision.SEASON, a)
    if kind == "last":  # the latest one over before this season began
        seasons = (periods.season(y, code) for y in range(a.year - 2, a.year + 1))
        p = max((q for q in seasons if q.end < current.start), key=lambda q: q.start)
    elif kind == "next":  # the first one after this season
        p = next(
            q
            for y in range(a.year, a.year + 3)
            if (q := periods.season(y, code)).start > current.end
        )
    elif kind == "this":
        p = periods.season(a.year - 1 if code == "WI" and a.month <= 2 else a.year, code)
    else:
        p = periods.cyclic(lambda y: periods.season(y, code), a, ctx.tense_here())
    return date(p, DateBasis.RELATIVE, mod)


def _quarter_pattern(p: Patterns) -> str:
    w = p.words
    the, of, fiscal = phrase(w.the), phrase(w.of), phrase(w.fiscal)
    year_word = phrase(w.year_word)
    years = p.alt(w.year_relatives)
    return (
        rf"(?:(?P<det>{the}){SPACE})?(?:(?:(?P<rel_before>{years}){SPACE}{year_word}"
        rf"{APOSTROPHE}s|{p.year('year_before')}(?:{APOSTROPHE}s)?"
        rf"|(?P<comparison>{p.alt(w.quarter_comparisons)})){SPACE})?(?:{fiscal}[- ]?)?"
        rf"(?P<ordinal>{p.alt(w.quarter_ordinals)})[- ](?:{fiscal}[- ])?"
        rf"(?P<part>{p.alt(w.quarter_units)})"
        rf"(?:{SPACE}{of}{SPACE}(?:{fiscal}{SPACE}|{the}{SPACE}{year_word}{SPACE})?"
        rf"(?:{p.year()}|(?P<rel_after>{years}){SPACE}{year_word}))?"
    )


@rule(_quarter_pattern)
def quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """A quarter or half of a year: "the third quarter of 2023" -> 2023-Q3.

    Without a year, a quarter is one being reported on: this year's or a past one, or in a
    future sentence next year's when this year's ended more than a quarter ago.
    """
    words = ctx.words
    ordinal = m["ordinal"].lower()
    code = words.quarter_units[m["part"].lower()]
    is_half = code == "H"
    if ordinal in words.relatives and not m["det"]:
        return None  # "last quarter" is the previous quarter: the relative rule reads it
    n = words.quarter_ordinals[ordinal]
    if n == -1:
        n = 2 if is_half else 4
    if is_half and n > 2:
        return None

    def make(y: int) -> Period:
        return periods.half(y, n) if is_half else periods.quarter(y, n)

    year = m["year"] or m["year_before"]
    if year:
        return date(make(int(year)), DateBasis.STATED)
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{code}{n}")
    rel = (m["rel_after"] or m["rel_before"] or "").lower()
    if rel:
        return date(make(ctx.anchor.year + words.year_relatives[rel]), DateBasis.RELATIVE)
    if m["comparison"] and words.quarter_comparisons[m["comparison"].lower()] is not None:
        return date(make(ctx.anchor.year - 1), DateBasis.RELATIVE)
    # Results for a quarter come out after it ends: only a quarter gone for more than one
    # quarter is read as next year's in a future sentence.
    tense = ctx.tense_here()
    p = make(ctx.anchor.year)
    if tense is Tense.FUTURE:
        if (ctx.anchor - p.end).days > 92:
            p = make(ctx.anchor.year + 1)
        return date(p, DateBasis.RELATIVE)
    return date(periods.cyclic(make, ctx.anchor, Tense.PAST), DateBasis.RELATIVE)


@rule(
    lambda p: (
        r"(?P<quarter>Q[1-4])(?:[ -]?(?P<year>(?:19|20)\d\d))?"
        r"|(?P<quarter_after>[1-4]Q)(?:[ -]?(?P<year_after>(?:19|20)\d\d))?"
    )
)
def quarter_code(m: re.Match[str], ctx: Context) -> Timex | None:
    """A quarter as a code: "Q3 2023" -> 2023-Q3, "3Q"; lower case "q3" is not one."""
    if m.group(0)[0].islower() or m.group(0)[-1].islower():
        return None
    q = int((m["quarter"] or m["quarter_after"]).strip("Qq"))
    year = m["year"] or m["year_after"]
    if year:
        return date(periods.quarter(int(year), q), DateBasis.STATED)
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-Q{q}")
    return date(
        periods.cyclic(lambda y: periods.quarter(y, q), ctx.anchor, ctx.tense_here()),
        DateBasis.RELATIVE,
    )


def _year_ago_pattern(p: Patterns) -> str:
    w = p.words
    the = phrase(w.the)
    modifiers = p.alt(w.year_ago_modifiers)
    return (
        rf"(?:{the}{SPACE})?(?:(?:{modifiers}){SPACE})?(?P<year_ago>{p.alt(w.year_ago_words)})"
        rf"(?:{SPACE}(?P<unit>{p.alt(w.year_ago_units)}))?"
        rf"|{the}{SPACE}(?:(?:{modifiers}){SPACE})?(?P<tail_unit>{p.alt(w.year_ago_tail_units)})"
        rf"{SPACE}(?:{p.alt(w.year_ago_tails)}|{phrase(w.in_)}{SPACE}\d{{4}})"
    )


@rule(_year_ago_pattern, uses_ref=True)
def year_ago_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """The same period a year before: "the year-ago quarter" -> 2023-Q1 (from 2024-Q1)."""
    ref = ctx.ref
    unit = (m["unit"] or m["tail_unit"] or "").lower()
    p: Period
    if ctx.words.units.get(unit) == "quarter":
        base = ref.start if ref is not None else None
        if base is None and ctx.anchor is not None:
            base = periods.add(ctx.anchor, "quarter", -1)
        if base is None:
            return Timex("DATE", "XXXX-QX")
        p = periods.shift(periods.containing(Precision.QUARTER, base), "year", -1)
    elif ref is not None and ref.precision in (Precision.QUARTER, Precision.HALF, Precision.MONTH):
        p = periods.shift(ref, "year", -1)
    elif ctx.anchor is not None:
        p = periods.year(ctx.anchor.year - 1)
    else:
        return Timex("DATE", "XXXX")
    return Timex("DATE", p.value, p, DateBasis.RELATIVE, anaphoric=True)


@rule(
    lambda p: (
        rf"{phrase(p.words.the)}{SPACE}{p.year()}{SPACE}"
        rf"(?P<unit>{p.alt(p.words.year_period_units)})"
    ),
    uses_ref=True,
)
def year_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """The period being discussed, in another year: "the 1988 quarter" -> 1988-Q3."""
    year = int(m["year"])
    ref = ctx.ref
    if ref is not None and ref.precision in (Precision.QUARTER, Precision.HALF):
        same = ref.value[4:]  # "-Q3", "-H1"
        if ctx.words.quarter_units.get(m["unit"].lower()) != "H" or same.startswith("-H"):
            p = periods.containing(ref.precision, dt.date(year, ref.start.month, 1))
            return Timex("DATE", p.value, p, DateBasis.STATED, anaphoric=True)
    return date(periods.year(year), DateBasis.STATED)


@rule(
    lambda p: (
        rf"{p.approx}(?:{phrase(p.words.the)}{SPACE})?"
        rf"(?:(?P<rel>{p.alt(p.words.year_relatives)}){SPACE})?(?:{p.alt(p.words.year_end)})"
    )
)
def year_end(m: re.Match[str], ctx: Context) -> Timex | None:
    """The end of a year: "by year-end" -> 2024 (END)."""
    if ctx.anchor is None:
        return Timex("DATE", "XXXX")
    step = ctx.words.year_relatives.get((m["rel"] or "").lower(), 0)
    return date(periods.year(ctx.anchor.year + step), DateBasis.RELATIVE, DateMod.END)
