"""The temporal rules, grouped by kind, and the order in which they break ties.

Each rule module registers its rules in `graph.temporal.engine.REGISTRY` on import. The
longest match wins; between matches of the same extent, the rule earlier in `PRECEDENCE`
does.
"""

from __future__ import annotations

from functools import cache

from graph.lang import Lexicon
from graph.temporal.engine import REGISTRY, CompiledRule, compile_rule
from graph.temporal.patterns import patterns
from graph.temporal.rules import dates, durations, holidays, relative, times, year_parts

__all__ = ["PRECEDENCE", "compiled", "dates", "durations", "holidays", "relative", "times"]
__all__ += ["year_parts"]

PRECEDENCE = (
    "iso_date", "slashed_date", "month_day", "day_month", "month_name", "year_number",
    "year_in_words", "decade", "century", "season", "quarter", "quarter_code",
    "relative_period", "year_ago_period", "year_period", "year_end", "unit_before", "ago",
    "weekday", "day_word", "clock_time", "duration", "adjectival_duration", "vague_span",
    "bare_plural", "recurrence", "holiday", "reference_word", "date_range",
)  # fmt: skip


@cache
def compiled(lexicon: Lexicon) -> tuple[CompiledRule, ...]:
    """Every rule compiled for a lexicon, in `PRECEDENCE` order; built once per lexicon."""
    if set(REGISTRY) != set(PRECEDENCE):
        raise ValueError(f"rules and precedence differ: {set(REGISTRY) ^ set(PRECEDENCE)}")
    p = patterns(lexicon)
    return tuple(compile_rule(REGISTRY[name], p) for name in PRECEDENCE)
