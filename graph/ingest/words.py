"""Regular-expression alternations built from a lexicon's words (see `graph.lang.page`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

NEVER = "(?!)"
"""A pattern that matches nowhere: what an empty list of words becomes."""


def any_of(phrases: Iterable[str], *, space: str = " ") -> str:
    """A non-capturing group matching any of `phrases` literally.

    Longer phrases come first, so that "source url" is tried before "source".

    Args:
        phrases: Words or phrases whose words are separated by single spaces.
        space: What stands between two words of a phrase: a single space by default,
            `\\s+` to allow any run of whitespace.

    Example:
        >>> any_of(["by", "written by"], space=r"\\s+")
        '(?:written\\\\s+by|by)'
    """
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    if not unique:
        return NEVER
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", space) for p in unique) + ")"


def any_pattern(patterns: Iterable[str]) -> str:
    """A non-capturing group matching any of the regular expressions `patterns`."""
    listed = list(patterns)
    if not listed:
        return NEVER
    return "(?:" + "|".join(f"(?:{p})" for p in listed) + ")"


def dotted(abbreviation: str) -> str:
    """An abbreviation whose letters may each be followed by a dot: "am" -> a.m., am, a.m"""
    return "".join(re.escape(c) + r"\.?" for c in abbreviation)
