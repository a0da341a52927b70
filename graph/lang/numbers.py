"""Numbers written in words or digits: the one parser that dates and quantities share.

>>> from graph.lang import get
>>> parse_number("two hundred", get("en").numbers)
200.0
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Modifier = Literal["exact", "approx", "at_least", "at_most", "more_than", "less_than"]

# Digits with comma or (thin/no-break) space thousands groups and decimals, or with a
# fraction ("2 1/2", "2-1/2").
_GROUPED = re.compile(r"\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_FRACTION = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:[ -](\d)/(\d))?")


@dataclass(frozen=True, eq=False)
class NumberWords:
    """How a language writes numbers.

    Attributes:
        cardinals: number words that add up ("two" -> 2, "twenty" -> 20: "twenty-two" -> 22).
        multipliers: words that multiply the count before them ("hundred" -> 100, "dozen" ->
            12: "two hundred" -> 200); alone they count once ("hundred" -> 100).
        scales: words that multiply everything before them, also after digits ("thousand" ->
            1e3, "1.32 million", "bn" -> 1e9).
        scale_suffixes: scales written glued to digits only ("5k", "2.5m").
        articles: words that count one ("a", "an": "a hundred", "a year ago").
        phrases: set phrases and their values ("half a" -> 0.5, "a couple of" -> 2).
        fillers: words skipped inside a number ("and": "two thousand and five").
        multitudes: plural words that estimate a count ("hundreds" -> 200, "dozens" -> 24);
            vague, so dates do not count them.
        multiples: plural counts of a plural scale ("tens" in "tens of thousands" -> 10).
        plural_scales: plural scales after a multiple ("thousands" in "tens of thousands").
        of: the word joining a multiple and its scale ("of").
        modifiers: words before a quantity that bound it ("more than" -> more_than,
            "about" -> approx).
        not_units: words between a number and its unit noun that are not the unit
            ("300,000 more troops", "the"), or words of time that follow an amount
            ("1.5 million today").
        change_before: words before an amount that make it a difference ("up 10,000",
            "by 5%").
        change_nouns: nouns whose "of" complement is a difference ("a rise of 180,000").
        change_after: words after an amount that make it a difference ("10,000 more than").
        pronoun_before: words before "one" that make it a pronoun ("no one").
    """

    cardinals: Mapping[str, int]
    multipliers: Mapping[str, int]
    scales: Mapping[str, float]
    scale_suffixes: Mapping[str, float]
    articles: frozenset[str]
    phrases: Mapping[str, float]
    fillers: frozenset[str]
    multitudes: Mapping[str, int]
    multiples: Mapping[str, int]
    plural_scales: Mapping[str, float]
    of: str
    modifiers: Mapping[str, Modifier]
    not_units: frozenset[str]
    change_before: frozenset[str] = frozenset()
    change_nouns: frozenset[str] = frozenset()
    change_after: frozenset[str] = frozenset()
    pronoun_before: frozenset[str] = frozenset()

    def word_for(self, value: int) -> str:
        """The first cardinal or multiplier word of `value` (100 -> "hundred")."""
        for table in (self.cardinals, self.multipliers):
            for word, number in table.items():
                if number == value:
                    return word
        for word, factor in self.scales.items():
            if factor == value:
                return word
        raise KeyError(value)


def parse_number(text: str, words: NumberWords, *, vague: bool = True) -> float | None:
    """The value of a number written in digits, words or both; None when it is not one.

    Args:
        text: "160,000", "400 000", "1.32 million", "2 1/2", "twenty-five", "two hundred",
            "a dozen", "half a", "hundreds".
        words: the language's number words.
        vague: whether multitudes ("hundreds", "dozens") count as their estimate; with False
            they give None, as for "several" or "a few".

    Example:
        >>> from graph.lang import get
        >>> parse_number("1.32 million", get("en").numbers)
        1320000.0
    """
    s = re.sub(r"\s+", " ", text.lower().replace("\u00a0", " ").replace("\u202f", " ")).strip()
    if s in words.phrases:
        return float(words.phrases[s])
    scale = 1.0
    for name, factor in (*words.scales.items(), *words.scale_suffixes.items()):
        glued = s.endswith(name) and s[: -len(name)][-1:].isdigit()
        if glued or (name in words.scales and s.endswith(" " + name)):
            scale = factor
            s = s[: -len(name)].strip()
            break
    fraction = _FRACTION.fullmatch(s)
    if fraction:
        value = float(fraction.group(1).replace(",", ""))
        if fraction.group(2):
            value += int(fraction.group(2)) / int(fraction.group(3))
        return value * scale
    if _GROUPED.fullmatch(s):
        return float(re.sub(r"[, ]", "", s)) * scale
    total = current = 0.0
    for word in re.split(r"[- ]", s):
        if word in words.cardinals:
            current += words.cardinals[word]
        elif word in words.articles:
            current += 1
        elif word in words.multipliers:
            current = max(current, 1) * words.multipliers[word]
        elif word in words.scales:
            total += max(current, 1) * words.scales[word]
            current = 0
        elif word in words.multitudes and vague:
            current += words.multitudes[word]
        elif word not in words.fillers:
            return None
    value = total + current
    return value * scale if value else None
