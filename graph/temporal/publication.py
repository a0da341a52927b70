"""Publication dates: an absolute date standing alone ("April 06, 2023", "2024-03-29")."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from graph.lang import Lexicon
from graph.lang import get as get_lexicon
from graph.model import DateBasis, DateMod, DateValue, Precision
from graph.temporal import periods
from graph.temporal.patterns import alt


@cache
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    words = lexicon.time
    month = rf"\b(?P<month>{alt(words.months)}|(?:{alt(words.month_abbreviations)}))\.?"
    day = rf"(?P<day>\d{{1,2}})(?:{alt(words.ordinal_suffixes)})?"
    of = re.escape(words.of)
    return tuple(
        re.compile(p, re.IGNORECASE)
        for p in (
            r"\b(?P<year>\d{4})-(?P<month_number>\d{1,2})-(?P<day>\d{1,2})",
            r"\b(?P<year>\d{4})/(?P<month_number>\d{1,2})/(?P<day>\d{1,2})\b",
            rf"{month}\s+{day},?\s+(?P<year>\d{{4}})\b",
            rf"\b{day}\s+(?:{of}\s+)?{month},?\s+(?P<year>\d{{4}})\b",
            r"\b(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<year>\d{4})\b",
            rf"{month},?\s+(?P<year>\d{{4}})\b",
        )
    )


def parse_publication_date(
    text: str, fallback: bool = True, *, lexicon: Lexicon | None = None
) -> DateValue | None:
    """Read an absolute publication date ("2024-03-29", "April 06, 2023", "Mar 5 2021").

    Relative expressions ("yesterday") are refused: a publication date must stand alone.
    "05/03/2021" is read month first (unless the first number exceeds 12), "05.03.2021" day
    first; other layouts and languages fall back to `dateparser` unless `fallback` is False.

    Args:
        text: a line holding the date.
        fallback: try `dateparser` when no layout matches (slow, ~0.2 s).
        lexicon: the language's words; None for `graph.lang.get()`.

    Example:
        >>> parse_publication_date("April 06, 2023").value
        '2023-04-06'
    """
    lexicon = lexicon or get_lexicon()
    for pattern in _patterns(lexicon):
        m = pattern.search(text)
        if m is None:
            continue
        groups = m.groupdict()
        y = int(groups["year"])
        if groups.get("first"):
            a, b = int(groups["first"]), int(groups["second"])
            # 03/29/2024 is American (month first); 29.03.2024 is European (day first).
            day_first = "." in m.group(0) or a > 12
            month, day = (b, a) if day_first else (a, b)
        elif groups.get("month"):
            month = lexicon.time.month(groups["month"])
            if groups.get("day") is None:
                p = periods.month(y, month)
                return DateValue(
                    value=p.value, start=p.start, end=p.end, precision=p.precision,
                    text=m.group(0), basis=DateBasis.STATED,
                )  # fmt: skip
            day = int(groups["day"])
        else:
            month, day = int(groups["month_number"]), int(groups["day"])
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        return DateValue(
            value=d.isoformat(), start=d, end=d, precision=Precision.DAY, text=m.group(0),
            basis=DateBasis.STATED,
        )  # fmt: skip
    # dateparser reads other layouts and languages, but costs ~0.2 s a call: callers that
    # try many lines that are mostly not dates turn it off.
    return _dateparser_fallback(text) if fallback else None


@lru_cache(maxsize=256)
def _dateparser_fallback(text: str) -> DateValue | None:
    # Other languages and layouts ("29 mars 2024"); dateparser is slow, hence last and cached.
    if not re.search(r"\b\d{4}\b", text):
        return None
    import dateparser

    parsed = dateparser.parse(
        text,
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,
        },
    )
    if parsed is None:
        return None
    d = parsed.date()
    return DateValue(
        value=d.isoformat(), start=d, end=d, precision=Precision.DAY, text=text.strip(),
        basis=DateBasis.STATED,
    )  # fmt: skip


def by_publication(published: DateValue) -> DateValue:
    """The date of news told in the past with no date of its own: by the publication date."""
    return published.model_copy(
        update={"basis": DateBasis.PUBLICATION, "mod": DateMod.BEFORE, "is_range": False}
    )
