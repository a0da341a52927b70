"""Numbers written in words or digits: the one parser that dates and quantities share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class NumberWords:
    """How a language writes numbers.

    Attributes:
        words: cardinal words and their values ("two" -> 2, "hundred" -> 100, "dozens" -> 24).
        scales: words that multiply what precedes them ("million" -> 1e6, "bn" -> 1e9).
    """

    words: Mapping[str, int]
    scales: Mapping[str, float]
