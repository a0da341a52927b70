"""The words a language uses for dates, times, durations and frequencies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class TimeWords:
    """Vocabulary of time expressions (month and day names, units, seasons, holidays...)."""
