"""What several rules share: gates, modifier reading, month-day and year-in-words parsing."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from graph.lang.numbers import parse_number
from graph.lang.time import TimeWords
from graph.model import DateBasis, DateMod
from graph.temporal import periods
from graph.temporal.engine import Context, Gate
from graph.temporal.periods import Period

if TYPE_CHECKING:
    from spacy.tokens import Token


def normal(text: str) -> str:
    """Lower case with single spaces and straight apostrophes, as the lexicon writes words."""
    return re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip()


def count(text: str | None, ctx: Context) -> float | None:
    """A count in digits or words; None for vague ones ("several", "a few")."""
    if text is None:
        return None
    return parse_number(text, ctx.numbers, vague=False)


def capitalised(*groups: str) -> Gate:
    """Month and day names must be capitalised in running text ("may", "march" are verbs)."""

    def gate(m: re.Match[str], ctx: Context) -> bool:
        if ctx.doc is None:
            return True
        for g in groups:
            word = m.groupdict().get(g)
            if word and not word[0].isupper():
                return False
            if word and word.lower() in ctx.words.modal_months:
                tok = ctx.token(m.start(g))
                if tok is not None and tok.tag_ == "MD":
                    return False
        return True

    return gate


def plausible_year(tok: Token | None, words: TimeWords) -> bool:
    """Reject a bare 4-digit number used as a quantity ("1500 policemen", "$1990", "1990%")."""
    if tok is None:
        return True
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text in words.amount_before:
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in words.amount_after:
        return False
    if tok.ent_type_ == "DATE":
        return True
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"):
        return False
    if tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.tag_ in ("NNS", "NNPS"):
        return tok.head.lemma_.lower() in words.year_nouns
    return True


def lead_mod(m: re.Match[str], words: TimeWords) -> DateMod | None:
    """The modifier of a lead ("early", "the end of") or an approximator ("around")."""
    groups = m.groupdict()
    if groups.get("lead_word"):
        return words.lead_words.get(normal(groups["lead_word"]))
    if groups.get("lead_phrase"):
        return words.lead_phrases.get(normal(groups["lead_phrase"]))
    if groups.get("approx"):
        return DateMod.APPROX
    return None


def has_lead(m: re.Match[str]) -> bool:
    """Whether the match has a lead ("early", "the end of")."""
    return bool(m["lead_word"] or m["lead_phrase"])


def resolve_month_day(
    month: int, day: int, year: int | None, ctx: Context
) -> tuple[Period | None, DateBasis] | None:
    """A month-day, with its own year or placed around the anchor by tense."""
    if year is not None:
        try:
            return periods.day(dt.date(year, month, day)), DateBasis.STATED
        except ValueError:
            return None
    if ctx.anchor is None:
        return None, DateBasis.RELATIVE
    if month == 2 and day == 29 and not calendar.isleap(ctx.anchor.year):
        day = 28

    def make(y: int) -> Period:
        return periods.day(dt.date(y, month, min(day, calendar.monthrange(y, month)[1])))

    return periods.cyclic(make, ctx.anchor, ctx.tense_here()), DateBasis.RELATIVE


def day_of(m: re.Match[str], words: TimeWords, group: str = "day") -> int | None:
    """The day of the month in group `group` (digits) or `{group}_word` ("twenty-first")."""
    digits = m.group(group) if group in m.re.groupindex else None
    if digits:
        return int(digits)
    word = (m.group(group + "_word") or "").lower().replace("-", "")
    for prefix, tens in words.compound_ordinal_tens.items():
        if word.startswith(prefix) and word[len(prefix) :] in words.compound_ordinal_units:
            return tens + words.ordinals[word[len(prefix) :]]
    return words.ordinals.get(word)


def day_number(text: str, words: TimeWords) -> int:
    """A day number with its ordinal suffix ("21st" -> 21)."""
    for suffix in words.ordinal_suffixes:
        if text.lower().endswith(suffix):
            return int(text[: -len(suffix)])
    return int(text)


def year_words(text: str, ctx: Context) -> int | None:
    """A year in words: "nineteen ninety-six" -> 1996, "two thousand and five" -> 2005."""
    words = ctx.words
    said = normal(re.sub(r"[- ]+", " ", text))
    for thousands, value in words.year_thousands.items():
        if said == thousands:
            return value
        if said.startswith(thousands + " "):
            rest = " ".join(w for w in said[len(thousands) + 1 :].split() if w != words.and_)
            return value + int(count(rest, ctx) or 0) if rest else value
    head, _, tail = said.partition(" ")
    century = words.year_hundreds.get(head)
    if century is None:
        return None
    if ctx.numbers.multipliers.get(tail) == 100:
        return century * 100
    tail_value = count(tail, ctx)
    if tail_value is None or tail_value >= 100:
        return None
    return century * 100 + int(tail_value)
