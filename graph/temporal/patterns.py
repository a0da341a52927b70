"""Regex pieces built from a language's words, once per lexicon.

The rules write their patterns with these pieces (`p.month()`, `p.unit`, `p.alt(words)`), so
that another language supplies words, not regexes. Multi-word entries match any run of white
space (`SPACE`) and "'" matches both apostrophes (`APOSTROPHE`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from graph.lang import Lexicon
from graph.lang.numbers import NumberWords
from graph.lang.time import TimeWords

SPACE = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # one run of spaces, across at most one line break
APOSTROPHE = r"['\u2019]"
DIGITS_YEAR = r"(?:1[0-9]|20)\d\d(?![\d,.]\d)"
DAY_DIGITS = r"[12]\d|3[01]|0?[1-9]"


def phrase(words: str) -> str:
    """A word or phrase as a regex: spaces match white space, "'" both apostrophes."""
    out = []
    for char in words:
        if char == " ":
            out.append(SPACE)
        elif char == "'":
            out.append(APOSTROPHE)
        else:
            out.append(re.escape(char))
    return "".join(out)


def alt(words: Iterable[str]) -> str:
    """An alternation of phrases, tried in the given order."""
    return "|".join(phrase(w) for w in words)


def longest_first(words: Iterable[str]) -> list[str]:
    """Words ordered so that none comes after a shorter word it starts with."""
    return sorted(words, key=len, reverse=True)


@dataclass(frozen=True, eq=False)
class Patterns:
    """The shared regex pieces of one language.

    Attributes:
        number_words: a count in words ("twenty-five", "a hundred").
        count: a count in digits or words, or a vague one ("3", "two", "several").
        unit: a time unit, singular or plural.
        unit_singular: a unit before "-long" or in "a two-week period".
        bounds: modifiers kept inside a duration, group `bound` ("at least").
        approx: an optional approximator, group `approx` ("around").
        lead: an optional part-of-period lead, groups `lead_word` ("early") and
            `lead_phrase` ("the end of").
        relative: a relative word, group `rel` ("this past", "the following").
        year_words: a year in words ("nineteen ninety-six").
        day_word: a day of the month in words ("twenty-first").
        weekday: a weekday name.
        ordinal_suffix: the ending of an ordinal in digits ("st").
    """

    words: TimeWords
    numbers: NumberWords
    month_full: str
    month_abbreviation: str
    number_words: str
    count: str
    unit: str
    unit_singular: str
    bounds: str
    approx: str
    lead: str
    relative: str
    year_words: str
    day_word: str
    weekday: str
    ordinal_suffix: str

    def month(self, group: str = "month", loose: bool = False) -> str:
        """A month name; abbreviations need their dot unless `loose` (a day number follows)."""
        if loose:
            abbreviation = rf"{self.month_abbreviation}\.?"
        else:
            undotted = alt(self.words.undotted_abbreviations)
            abbreviation = rf"{self.month_abbreviation}\.|{undotted}"
        return rf"(?P<{group}>{self.month_full}|{abbreviation})"

    def day(self, group: str = "day") -> str:
        """A day of the month in digits (group `group`) or words (group `{group}_word`)."""
        return (
            rf"(?:(?P<{group}>{DAY_DIGITS})(?:{self.ordinal_suffix})?(?!\d)"
            rf"|(?P<{group}_word>{self.day_word}))"
        )

    def year(self, group: str = "year") -> str:
        """A year in digits, 1000-2099."""
        return rf"(?P<{group}>{DIGITS_YEAR})"

    def alt(self, words: Iterable[str]) -> str:
        """An alternation of phrases in the given order (see `alt`)."""
        return alt(words)


def _value_word(table: dict[str, int] | dict[str, float], value: float) -> str:
    return next(word for word, number in table.items() if number == value)


@cache
def patterns(lexicon: Lexicon) -> Patterns:
    """The regex pieces of a lexicon, built once."""
    words, numbers = lexicon.time, lexicon.numbers
    cardinals = numbers.cardinals
    ones = alt(w for w, v in cardinals.items() if 1 <= v <= 9)
    teens = alt(w for w, v in cardinals.items() if 10 <= v <= 19)
    tens = alt(w for w, v in cardinals.items() if v >= 20 and v % 10 == 0)
    hundred = phrase(_value_word(dict(numbers.multipliers), 100))
    dozen = phrase(_value_word(dict(numbers.multipliers), 12))
    thousand = phrase(_value_word(dict(numbers.scales), 1000))
    a = phrase(words.a)
    number_words = (
        rf"(?:(?:{tens})(?:[- ](?:{ones}))?|{teens}|{ones})"
        rf"(?:[- ](?:{hundred}|{thousand}))?|(?:{a}{SPACE})?(?:{hundred}|{thousand}|{dozen})"
    )
    count = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:[ -]\d/\d)?|{number_words}|{alt(words.count_words)})"
    unit = rf"(?:{alt(longest_first(words.units))})"
    unit_singular = rf"(?:{alt(words.adjectival_units)})"
    the = phrase(words.the)
    of = phrase(words.of)
    lead = (
        rf"(?:(?:{the}{SPACE})?(?P<lead_word>{alt(words.lead_words)})"
        rf"(?:-|{SPACE}(?:{phrase(words.in_)}{SPACE}(?:{the}{SPACE})?)?)"
        rf"|(?:{the}{SPACE})?(?P<lead_phrase>{alt(words.lead_phrases)}){SPACE}{of}{SPACE})?"
    )
    thousands_years = "|".join(
        rf"{phrase(w)}(?:{SPACE}(?:{phrase(words.and_)}{SPACE})?(?:{teens}|{ones}))?"
        for w in words.year_thousands
    )
    year_words = (
        rf"(?:{alt(words.year_hundreds)})[- ](?:{hundred}|{teens}"
        rf"|(?:{tens})(?:[- ](?:{ones}))?)|{thousands_years}"
    )
    compound_tens = alt(words.compound_ordinal_tens)
    compound_units = alt(words.compound_ordinal_units)
    day_word = rf"(?:{compound_tens})-?(?:{compound_units})|{alt(words.ordinals)}"
    return Patterns(
        words=words,
        numbers=numbers,
        month_full=alt(words.months),
        month_abbreviation=rf"(?:{alt(words.month_abbreviations)})",
        number_words=number_words,
        count=count,
        unit=unit,
        unit_singular=unit_singular,
        bounds=rf"(?:{alt(words.bounds)})",
        approx=rf"(?:(?P<approx>{alt(words.approximators)}){SPACE})?",
        lead=lead,
        relative=rf"(?P<rel>{alt(words.relatives)})",
        year_words=year_words,
        day_word=day_word,
        weekday=rf"(?:{alt(words.weekdays)})",
        ordinal_suffix=alt(words.ordinal_suffixes),
    )
