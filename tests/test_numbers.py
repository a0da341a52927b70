"""The one number parser, shared by dates and quantities."""

from __future__ import annotations

import pytest

from graph.lang import get
from graph.lang.numbers import parse_number

WORDS = get("en").numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("160,000", 160000),
        ("1.32 million", 1320000),
        ("400 000", 400000),
        ("400\u202f000", 400000),
        ("2.5", 2.5),
        ("5bn", 5e9),
        ("2 1/2", 2.5),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("2 billion", 2e9),
        ("two hundred", 200),
        ("Two hundred", 200),
        ("one hundred and five", 105),
        ("three thousand", 3000),
        ("two thousand and five", 2005),
        ("two hundred thousand", 200000),
        ("a hundred", 100),
        ("hundred", 100),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a", 1),
        ("half an", 0.5),
        ("a couple of", 2),
        ("hundreds", 200),
        ("dozens", 24),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text, WORDS) == value


@pytest.mark.parametrize("text", ["several", "a few", "many", "soldiers", "", "dozens of"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text, WORDS) is None


def test_vague_multitudes_are_no_number_for_dates() -> None:
    assert parse_number("hundreds", WORDS, vague=False) is None
    assert parse_number("hundred", WORDS, vague=False) == 100


def test_word_for() -> None:
    assert WORDS.word_for(100) == "hundred"
    assert WORDS.word_for(1000) == "thousand"
