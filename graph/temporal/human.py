"""Dates in words: a normalised date at its precision, as an analyst writes it.

`human_date` reads the TIMEX3 value of a `DateValue` ("2024-03", "2022-WI", "2025-04/2025-07")
and says it no finer than it is known, with its modifier in front:

    >>> human_date({"value": "2024-03", "start": "2024-03-01", "end": "2024-03-31",
    ...             "precision": "month", "text": "earlier this month", "basis": "relative",
    ...             "mod": "start"})
    'early March 2024'

The words are those of the program's output (English, like its messages and the page); only
a bound's own preposition ("until", "from", "since", ...) is read from the article's words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from graph.lang import Lexicon
from graph.lang import get as get_lexicon
from graph.model import DateBasis, DateMod, DateValue, Precision
from graph.temporal import periods
from graph.temporal.periods import Period

__all__ = ["human_date", "period_words"]

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}  # by first month
HALVES = {1: "first half", 2: "second half"}
# The word before an open bound when the article gives none of its own ("February 2022"
# read as a start bound): "since" for a start, "until" for an end, as `graph.views.date_text`
# reads them.
BOUND_WORDS = {DateMod.AFTER: "since", DateMod.BEFORE: "until"}
# Words before a noun phrase ("the week of ...") and before a plain date ("March 2024") for
# the part of a period a date names.
PART_WORDS = {
    DateMod.START: ("early in", "early"),
    DateMod.MID: ("in the middle of", "mid-"),
    DateMod.END: ("late in", "late"),
}
# Values that name the past, the present or the future as seen on the anchor day.
REFERENCES = {"PAST_REF": "before", "PRESENT_REF": "as of", "FUTURE_REF": "after"}

_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:"
    r"(?P<month>\d\d)(?:-(?P<day>\d\d))?"
    r"|W(?P<week>\d\d)(?P<weekend>-WE)?"
    r"|Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)"
    r"))?"
    r"|(?P<decade>\d{3})"
    r"|(?P<century>\d{2})"
)


def human_date(date: DateValue | Mapping[str, Any], *, lexicon: Lexicon | None = None) -> str:
    """A date in words, at its precision, after its modifier.

    Precisions: day "18 March 2024", week "week of 18 March 2024" (its Monday; "weekend of
    23 March 2024"), month "March 2024", season "spring 2025", "winter 2022-23", quarter
    "Q1 2024", half "first half of 2024", year "2024", decade "the 1990s", century "the 20th
    century". Ranges: "1–15 April 2025", "1 April – 15 July 2025", "April–July 2025",
    "2022–2024". Modifiers: before "until 15 July 2025" (or the article's own word, "before",
    "by", ...), after "since February 2022" (or "from", "after", ...), approx "about 2022",
    start "early March 2024", mid "mid-2024", end "late 2022", "the late 1990s"; a date that
    is the publication's (told as news by then) "by 29 March 2024", or by the end of the span in
    which an undated article was published, "by August 2023".

    Args:
        date: a `DateValue`, or its fields as the saved graph keeps them (value, start,
            end and precision at least; other keys are left aside).
        lexicon: the articles' words, for the prepositions of open bounds; None for
            `graph.lang.get()`.

    Example:
        >>> from graph.temporal import normalize_date
        >>> human_date(normalize_date("until July 15, 2025", None))
        'until 15 July 2025'
    """
    value = date if isinstance(date, DateValue) else _date_value(date)
    if value.value in REFERENCES:
        return f"{REFERENCES[value.value]} {_day(value.start)}"
    words = period_words(value)
    bound = _the(words)
    phrase = bound != words
    if value.basis is DateBasis.PUBLICATION:
        # No date of its own: told as news, so it happened by the publication; when that is
        # known only within a span, by the span's end at the latest.
        last = _period(value.value.rsplit("/", 1)[-1]) if "/" in value.value else None
        return f"by {_the(_words(last)) if last else bound}"
    mod = value.mod
    if mod is None:
        return words
    if mod in BOUND_WORDS:
        return f"{_signal(value, lexicon) or BOUND_WORDS[mod]} {bound}"
    if mod is DateMod.APPROX:
        return f"about {bound}"
    before_phrase, before_date = PART_WORDS[mod]
    if words.startswith("the "):  # "the late 1990s", "the mid-20th century"
        return f"the {before_date}{'' if mod is DateMod.MID else ' '}{words[4:]}"
    if phrase or value.is_range or "/" in value.value:
        return f"{before_phrase} {bound}"
    if value.precision is Precision.DAY:
        return f"{before_phrase} {words}" if mod is DateMod.MID else f"{before_date} on {words}"
    return f"{before_date}{'' if mod is DateMod.MID else ' '}{words}"


def _date_value(fields: Mapping[str, Any]) -> DateValue:
    known = {k: v for k, v in fields.items() if k in DateValue.model_fields}
    return DateValue.model_validate({"text": "", "basis": DateBasis.STATED} | known)


def period_words(date: DateValue) -> str:
    """The period a date names, in words, without its modifier: "April–July 2025"."""
    parts = [_period(part) for part in date.value.split("/")]
    if len(parts) == 2 and parts[0] is not None and parts[1] is not None:
        return _range(parts[0], parts[1])
    if len(parts) == 1 and parts[0] is not None:
        return _words(parts[0])
    # A value this module does not read: the periods of its precision that hold its bounds.
    first = periods.containing(date.precision, date.start)
    last = periods.containing(date.precision, date.end)
    return _words(first) if first == last else _range(first, last)


def _period(value: str) -> Period | None:
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    try:
        if m["decade"]:
            return periods.decade(int(m["decade"]))
        if m["century"]:
            return periods.century(int(m["century"]))
        year = int(m["year"])
        if m["day"]:
            return periods.day(dt.date(year, int(m["month"]), int(m["day"])))
        if m["month"]:
            return periods.month(year, int(m["month"]))
        if m["week"]:
            monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
            return periods.weekend(monday) if m["weekend"] else periods.week(monday)
        if m["quarter"]:
            return periods.quarter(year, int(m["quarter"]))
        if m["half"]:
            return periods.half(year, int(m["half"]))
        if m["season"]:
            return periods.season(year, m["season"])
        return periods.year(year)
    except ValueError:  # no such day, month or week
        return None


def _words(p: Period) -> str:
    start = p.start
    if p.precision is Precision.DAY:
        return _day(start)
    if p.precision is Precision.WEEK:
        return f"{'weekend' if p.value.endswith('-WE') else 'week'} of {_day(start)}"
    if p.precision is Precision.MONTH:
        return f"{MONTHS[start.month - 1]} {start.year}"
    if p.precision is Precision.SEASON:
        name = SEASONS[start.month]
        if start.month == 12:  # winter runs into the next year: "winter 2022-23"
            end = p.end.year
            tail = f"{end % 100:02d}" if end // 100 == start.year // 100 else str(end)
            return f"{name} {start.year}-{tail}"
        return f"{name} {start.year}"
    if p.precision is Precision.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if p.precision is Precision.HALF:
        return f"{HALVES[1 if start.month <= 6 else 2]} of {start.year}"
    if p.precision is Precision.DECADE:
        return f"the {p.value}0s"
    if p.precision is Precision.CENTURY:
        return f"the {_ordinal(int(p.value) + 1)} century"
    return str(start.year)


def _range(a: Period, b: Period) -> str:
    """Two periods as one span, the year said once when they share it."""
    same_year = a.start.year == b.end.year
    if a.precision is b.precision is Precision.DAY and same_year:
        if a.start.month == b.start.month:
            return f"{a.start.day}–{_day(b.start)}"  # 1–15 April 2025
        return f"{a.start.day} {MONTHS[a.start.month - 1]} – {_day(b.start)}"
    if a.precision is b.precision is Precision.MONTH and same_year:
        return f"{MONTHS[a.start.month - 1]}–{_words(b)}"  # April–July 2025
    first, last = _words(a), _words(b)
    return f"{first}–{last}" if " " not in first + last else f"{first} – {last}"


def _the(words: str) -> str:
    """A period's words after a preposition: "until the week of 18 March 2024"."""
    return f"the {words}" if words.startswith(("week", "first half", "second half")) else words


def _day(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _signal(date: DateValue, lexicon: Lexicon | None) -> str | None:
    """The article's own preposition for an open bound ("before March" stays "before"),
    if its text opens with one that gives the date's modifier."""
    text = " ".join(date.text.lower().split())
    signals = (lexicon or get_lexicon()).time.signals
    found = [w for w, mod in signals.items() if mod is date.mod and text.startswith(w + " ")]
    return max(found, key=len) if found else None
