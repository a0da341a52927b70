"""Dates in words (`graph.temporal.human_date`): every precision, range and modifier."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.model import DateBasis, DateMod, DateValue, Precision
from graph.temporal import normalize_date
from graph.temporal.human import human_date


def date(
    value: str,
    precision: str,
    start: str,
    end: str,
    mod: str | None = None,
    basis: str = "stated",
    text: str = "",
) -> DateValue:
    return DateValue(
        value=value,
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end),
        precision=Precision(precision),
        text=text or value,
        basis=DateBasis(basis),
        mod=DateMod(mod) if mod else None,
        is_range="/" in value,
    )


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "words"),
    [
        ("2024-03-18", "day", "2024-03-18", "2024-03-18", "18 March 2024"),
        ("2024-W12", "week", "2024-03-18", "2024-03-24", "week of 18 March 2024"),
        ("2024-W12-WE", "week", "2024-03-23", "2024-03-24", "weekend of 23 March 2024"),
        ("2024-03", "month", "2024-03-01", "2024-03-31", "March 2024"),
        ("2025-SP", "season", "2025-03-01", "2025-05-31", "spring 2025"),
        ("2025-SU", "season", "2025-06-01", "2025-08-31", "summer 2025"),
        ("2025-FA", "season", "2025-09-01", "2025-11-30", "autumn 2025"),
        ("2022-WI", "season", "2022-12-01", "2023-02-28", "winter 2022-23"),
        ("1999-WI", "season", "1999-12-01", "2000-02-29", "winter 1999-2000"),
        ("2024-Q1", "quarter", "2024-01-01", "2024-03-31", "Q1 2024"),
        ("2024-H2", "half", "2024-07-01", "2024-12-31", "second half of 2024"),
        ("2024", "year", "2024-01-01", "2024-12-31", "2024"),
        ("199", "decade", "1990-01-01", "1999-12-31", "the 1990s"),
        ("19", "century", "1900-01-01", "1999-12-31", "the 20th century"),
        ("20", "century", "2000-01-01", "2099-12-31", "the 21st century"),
    ],
)
def test_each_precision(value: str, precision: str, start: str, end: str, words: str) -> None:
    assert human_date(date(value, precision, start, end)) == words


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "words"),
    [
        ("2025-04-01/2025-04-15", "day", "2025-04-01", "2025-04-15", "1–15 April 2025"),
        ("2025-04-01/2025-07-15", "day", "2025-04-01", "2025-07-15", "1 April – 15 July 2025"),
        (
            "2024-12-20/2025-01-05",
            "day",
            "2024-12-20",
            "2025-01-05",
            "20 December 2024 – 5 January 2025",
        ),
        ("2025-04/2025-07", "month", "2025-04-01", "2025-07-31", "April–July 2025"),
        (
            "2024-11/2025-02",
            "month",
            "2024-11-01",
            "2025-02-28",
            "November 2024 – February 2025",
        ),
        ("2022/2024", "year", "2022-01-01", "2024-12-31", "2022–2024"),
        ("2025-04-01/2025-07", "day", "2025-04-01", "2025-07-31", "1 April 2025 – July 2025"),
    ],
)
def test_ranges(value: str, precision: str, start: str, end: str, words: str) -> None:
    assert human_date(date(value, precision, start, end)) == words


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "mod", "text", "words"),
    [
        # open bounds: the article's own preposition, else "until" / "since"
        ("2025-07-15", "day", "2025-07-15", "2025-07-15", "before", "until July 15, 2025",
         "until 15 July 2025"),
        ("2024-03", "month", "2024-03-01", "2024-03-31", "before", "before March",
         "before March 2024"),
        ("2024-03-29", "day", "2024-03-29", "2024-03-29", "before", "by March 29",
         "by 29 March 2024"),
        ("2024-03", "month", "2024-03-01", "2024-03-31", "before", "March", "until March 2024"),
        ("2022-02", "month", "2022-02-01", "2022-02-28", "after", "since February 2022",
         "since February 2022"),
        ("2022-02", "month", "2022-02-01", "2022-02-28", "after", "February 2022",
         "since February 2022"),
        ("2024-04-01", "day", "2024-04-01", "2024-04-01", "after", "from April 1",
         "from 1 April 2024"),
        ("2024-W12", "week", "2024-03-18", "2024-03-24", "after", "after last week",
         "after the week of 18 March 2024"),
        # fuzzy: about, early, mid, late
        ("2022", "year", "2022-01-01", "2022-12-31", "approx", "about two years ago",
         "about 2022"),
        ("2024-03", "month", "2024-03-01", "2024-03-31", "start", "earlier this month",
         "early March 2024"),
        ("2024", "year", "2024-01-01", "2024-12-31", "mid", "mid-2024", "mid-2024"),
        ("2024-03", "month", "2024-03-01", "2024-03-31", "mid", "mid-March", "mid-March 2024"),
        ("2022", "year", "2022-01-01", "2022-12-31", "end", "late last year", "late 2022"),
        ("2025-SP", "season", "2025-03-01", "2025-05-31", "start", "early spring",
         "early spring 2025"),
        ("2024-Q1", "quarter", "2024-01-01", "2024-03-31", "end", "late in the first quarter",
         "late Q1 2024"),
        ("199", "decade", "1990-01-01", "1999-12-31", "start", "the early 1990s",
         "the early 1990s"),
        ("199", "decade", "1990-01-01", "1999-12-31", "mid", "the mid-1990s", "the mid-1990s"),
        ("19", "century", "1900-01-01", "1999-12-31", "end", "the late 20th century",
         "the late 20th century"),
        ("2023-W14", "week", "2023-04-03", "2023-04-09", "start", "earlier this week",
         "early in the week of 3 April 2023"),
        ("2024-H1", "half", "2024-01-01", "2024-06-30", "mid", "the middle of the first half",
         "in the middle of the first half of 2024"),
        ("2024-03-18", "day", "2024-03-18", "2024-03-18", "start", "early on March 18",
         "early on 18 March 2024"),
        ("2024-03-18", "day", "2024-03-18", "2024-03-18", "end", "late on March 18",
         "late on 18 March 2024"),
        ("2024-03-18", "day", "2024-03-18", "2024-03-18", "mid", "midday March 18",
         "in the middle of 18 March 2024"),
    ],
)  # fmt: skip
def test_modifiers(
    value: str, precision: str, start: str, end: str, mod: str, text: str, words: str
) -> None:
    assert human_date(date(value, precision, start, end, mod, text=text)) == words


@pytest.mark.parametrize(
    ("value", "start", "end", "words"),
    [
        ("PAST_REF", "2024-03-29", "2024-03-29", "before 29 March 2024"),
        ("PRESENT_REF", "2024-03-29", "2024-03-29", "as of 29 March 2024"),
        ("FUTURE_REF", "2024-03-29", "2024-03-29", "after 29 March 2024"),
    ],
)
def test_references_to_past_present_and_future(
    value: str, start: str, end: str, words: str
) -> None:
    mod = {"PAST_REF": "before", "FUTURE_REF": "after"}.get(value)
    assert human_date(date(value, "day", start, end, mod, "relative")) == words


def test_publication_dates_say_by() -> None:
    day = date("2024-03-29", "day", "2024-03-29", "2024-03-29", "before", "publication")
    assert human_date(day) == "by 29 March 2024"
    # an undated article, published within a span: by the span's end at the latest
    span = date("2022-09/2023-08", "month", "2022-09-01", "2023-08-31", "before", "publication")
    assert human_date(span) == "by August 2023"
    week = date("2024-W12", "week", "2024-03-18", "2024-03-24", "before", "publication")
    assert human_date(week) == "by the week of 18 March 2024"


def test_saved_fields_read_like_a_date_value() -> None:
    saved: dict[str, Any] = {
        "value": "2024-03",
        "start": "2024-03-01",
        "end": "2024-03-31",
        "precision": "month",
        "text": "earlier this month",
        "basis": "relative",
        "mod": "start",
        "is_range": False,
    }
    assert human_date(saved) == "early March 2024"


def test_a_value_it_cannot_read_falls_back_to_its_bounds() -> None:
    odd = date("2024-FY", "year", "2023-10-01", "2024-09-30")
    assert human_date(odd) == "2023–2024"
    assert human_date(date("2024-03-XX", "month", "2024-03-01", "2024-03-31")) == "March 2024"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("until July 15, 2025", "until 15 July 2025"),
        ("since February 2022", "since February 2022"),
        ("earlier this month", "early March 2024"),
        ("late last year", "late 2023"),
        ("next week", "week of 1 April 2024"),
        ("last weekend", "weekend of 23 March 2024"),
        ("the spring of 2025", "spring 2025"),
        ("April to July 2025", "April–July 2025"),
        ("2022 to 2024", "2022–2024"),
        ("the first quarter of 2024", "Q1 2024"),
        ("the 1990s", "the 1990s"),
    ],
)
def test_normalised_expressions(text: str, words: str) -> None:
    value = normalize_date(text, dt.date(2024, 3, 29))
    assert value is not None
    assert human_date(value) == words


def test_saved_fields_may_lack_the_text_and_basis() -> None:
    bare = {"value": "2024-03", "start": "2024-03-01", "end": "2024-03-31", "precision": "month"}
    assert human_date(bare | {"mod": None, "label": "other keys are left aside"}) == "March 2024"
