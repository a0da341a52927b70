from __future__ import annotations

from typing import Any

import pytest

from graph.extract.quantities import find_quantities


def _quantities(nlp: Any, text: str) -> list[tuple[float, str, str, float | None]]:
    return [
        (m.quantity.value, m.quantity.unit, m.quantity.modifier, m.quantity.upper)
        for m in find_quantities(nlp(text))
    ]


def test_value_and_unit(nlp: Any) -> None:
    assert _quantities(nlp, "Putin called up 160,000 men.") == [(160000, "man", "exact", None)]


def test_the_unit_is_the_noun_a_compound_modifies(nlp: Any) -> None:
    got = _quantities(nlp, "It wants to recruit 521,000 contract servicemen.")
    assert got == [(521000, "servicemen", "exact", None)]


def test_scale_word_and_unit(nlp: Any) -> None:
    got = _quantities(nlp, "The army grows to 1.32 million troops.")
    assert got == [(1320000, "troop", "exact", None)]


def test_modifier_without_unit(nlp: Any) -> None:
    got = _quantities(nlp, "The Kremlin drafted more than 300,000 in autumn 2022.")
    assert got == [(300000, "", "more_than", None)]


def test_space_grouped_thousands_with_plus(nlp: Any) -> None:
    assert _quantities(nlp, "400 000+ to be drafted")[0][:3] == (400000, "", "at_least")


def test_range(nlp: Any) -> None:
    got = _quantities(nlp, "Officials hope to conscript between 170,000 and 200,000 men.")
    assert got == [(170000, "man", "exact", 200000)]


def test_ages_and_years_are_not_quantities(nlp: Any) -> None:
    assert _quantities(nlp, "Men aged 18-30 were called up in 2022.") == []


def test_multitude(nlp: Any) -> None:
    got = _quantities(nlp, "It is calling up tens of thousands of soldiers.")
    assert got == [(10000, "soldier", "at_least", None)]


@pytest.mark.parametrize(
    "text", ["Two hundred soldiers were sent.", "two hundred soldiers were sent."]
)
def test_number_words_multiply(nlp: Any, text: str) -> None:
    assert _quantities(nlp, text) == [(200, "soldier", "exact", None)]


def test_word_number_with_scale(nlp: Any) -> None:
    got = _quantities(nlp, "About three thousand people fled.")
    assert got == [(3000, "people", "approx", None)]


def test_multitude_alone(nlp: Any) -> None:
    assert _quantities(nlp, "Hundreds of protesters gathered.")[0][:2] == (200, "protester")
