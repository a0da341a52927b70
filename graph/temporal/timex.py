"""What a rule reads in a match: a TIMEX3 type and value, and the period it names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from graph.model import DateBasis, DateMod
from graph.temporal.periods import Period

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Timex:
    """A rule's reading of one expression.

    Attributes:
        anaphoric: resolved against the last date mentioned, not the anchor.
    """

    type: TimexType
    value: str  # TIMEX3 value
    period: Period | None = None
    basis: DateBasis = DateBasis.RELATIVE
    mod: DateMod | None = None
    is_range: bool = False
    anaphoric: bool = False


def date(p: Period | None, basis: DateBasis, mod: DateMod | None = None) -> Timex:
    """A DATE timex for a period; an unknown day ("XXXX-XX-XX") without one."""
    if p is None:
        return Timex("DATE", "XXXX-XX-XX", None, basis, mod)
    return Timex("DATE", p.value, p, basis, mod)


def anaphoric(t: Timex) -> Timex:
    """`t` marked as resolved against the last date mentioned."""
    return Timex(t.type, t.value, t.period, t.basis, t.mod, t.is_range, anaphoric=True)


# TIMEX3 duration letters, how many of them one unit makes, and whether they count time of day.
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


def duration_value(n: float | None, unit: str) -> str:
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
