"""The words a language uses for dates, times, durations and frequencies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from graph.model import DateMod

RelativeKind = Literal[
    "this", "full", "last", "latest", "next", "previous", "following", "same", "the"
]  # fmt: skip
Direction = Literal["past", "present", "future"]


@dataclass(frozen=True)
class Holiday:
    """When a holiday falls each year.

    Exactly one of: a fixed `month` and `day`; the `nth` `weekday` (0 = Monday) of `month`
    (nth -1: the last one); or `easter`, days after Easter Sunday. `plus_days` moves the
    result ("the Tuesday after the first Monday of November").
    """

    month: int = 0
    day: int = 0
    weekday: int | None = None
    nth: int = 0
    easter: int | None = None
    plus_days: int = 0


@dataclass(frozen=True, eq=False)
class TimeWords:
    """Vocabulary of time expressions; the temporal rules build their regexes from it.

    Mappings and tuples keep the order in which a regex tries their words: put a word
    before any shorter word it starts with ("this past" before "this"). Multi-word entries
    are written with single spaces and match any run of white space; "'" matches both
    apostrophes.

    Attributes:
        months: full month names and their numbers ("march" -> 3).
        month_abbreviations: abbreviated month names ("sept" -> 9); in running text they
            need their dot unless a day number follows.
        undotted_abbreviations: abbreviations read without their dot ("sept").
        modal_months: month names that are also modal verbs ("may"): alone, a month only
            after a preposition or when spaCy reads a date.
        weekdays: day names and their numbers, Monday = 0.
        seasons: season names and their TIMEX3 codes ("fall" -> "FA").
        day_parts: parts of the day and their TIMEX3 codes ("morning" -> "MO").
        day_part_words: the parts read after a weekday or a day word ("Friday morning").
        ordinals: ordinal words and their numbers ("third" -> 3), for days and centuries.
        ordinal_suffixes: endings of ordinals in digits ("1st", "22nd").
        compound_ordinal_tens: tens that build ordinals with a hyphen ("twenty-first").
        compound_ordinal_units: ordinals that follow them ("first" ... "ninth").
        decade_words: decades in words and their digit ("nineties" -> 9).
        decade_prefix: the word that puts a decade word in a century ("nineteen-nineties").
        year_hundreds: words that start a year in words and their century ("nineteen" ->
            19: "nineteen ninety-six").
        year_thousands: how years after 1999 are said in words ("two thousand").
        the: the definite article, optional before many expressions.
        a: the indefinite article ("a hundred", "a year ago").
        in_: the preposition of "early in the year", "the quarter in 1990".
        of: the preposition of "the end of", "March of 2024", "the week of".
        and_: the conjunction of "two thousand and five", "between April and July".
        or_so: the tail of "a week or so".
        year_word: the word "year", as in "the year 2000" and "this year".
        units: time units, singular and plural, and the unit each names ("nights" -> day).
        adjectival_units: units written before "-long" or in "a two-week period".
        span_nouns: nouns that follow an adjectival duration ("a two-week period").
        duration_adjectives: words between a count and its unit ("three straight days").
        relative_units: units and day parts read by "this/last/next/the ..." ("period" and
            "fiscal year" included).
        fiscal_year: the unit "fiscal year", read as a year.
        holidays: holiday names and when they fall; names written as they are normalised
            (lower case, single spaces, straight apostrophe).
        holiday_week: the word after a holiday name that makes it a week ("Christmas week").
        lead_words: modifiers before a period kept inside the expression, with the part of
            the period they name ("early" -> START, "mid" -> MID).
        lead_phrases: phrases followed by "of" naming a part of a period ("end" -> END).
        approximators: "around", "roughly"...: approximate, kept inside a date.
        bounds: modifiers kept inside a duration ("at least", "more than", "nearly").
        relatives: words placing a period relative to the anchor or the last date, and
            what they do ("this past" -> last, "the following" -> following).
        near_relatives: the relatives read before a month or season name.
        weekday_relatives: the relatives read before a weekday name and their step (-1
            the one before, 1 the one after, 0 the one of the week, None by tense).
        century_relatives: the relatives read before "century".
        year_relatives: the relatives of "last year", "this year's third quarter", with
            their year step.
        quarter_ordinals: ordinals of quarters and halves, with their number (-1: the last).
        quarter_units: the words "quarter" and "half" as periods of a year.
        fiscal: the word of "fiscal 1990", "the fiscal third quarter".
        quarter_comparisons: words before "third quarter" comparing it with another year,
            and the year step (None: the year the sentence is about).
        year_ago_tail_units: periods before `year_ago_tails` ("the quarter a year ago").
        year_ago_words: adjectives for the same period a year before ("year-ago").
        year_ago_modifiers: words before them ("comparable", "same").
        year_ago_tails: phrases after "the quarter" meaning a year before ("a year ago");
            `in_` and a year does the same.
        year_ago_units: periods that follow year-ago adjectives ("the year-ago quarter").
        year_period_units: periods after "the 1988 ...".
        year_end: how "year-end" is written.
        fiscal_years: words before a year naming its kind ("fiscal 1990", "FY").
        year_prefixes: prefixes of a year with the modifier they give ("post-" -> AFTER).
        open_ends: phrases after a year that open it, with the modifier ("or later" -> AFTER).
        ago_directions: words after a count of units placing a date from the anchor or the
            last date ("ago", "later", "from now"), and their direction (-1 back, 1 ahead;
            None: not a direction after all, "two years since").
        anaphoric_directions: those that count from the last date mentioned.
        clause_directions: those that only count when they end the clause ("before").
        unit_directions: "the day before", "the year after": the direction words.
        day_words: words naming a day relative to the anchor and their offset ("yesterday").
        day_word_parts: words before a part of the day naming a day ("last night").
        part_day_words: parts of the day written before a day word ("midday today").
        days_after_part: the day words read after them.
        clock_suffixes: written after an hour ("a.m."); meridiems in `meridiems`.
        meridiems: "am" and "pm" without dots, with the hours they add.
        named_times: times of day by name and their hour and minute ("noon").
        time_zones: time zone names after a clock time.
        clock_prepositions: words before a bare "9:30" that make it a time ("at").
        on: the preposition between a time and its day ("at 5 p.m. on Friday").
        range_connectors: words joining the two ends of a range ("to", "through").
        range_between: the word before "X and Y" that makes a range ("between").
        count_words: counts written in other words than numbers ("a couple of", "several",
            "a"); the vague ones have no value.
        vague_span_relatives: words before plural units naming an unknown span ("recent").
        future_ref_relatives: those among them that name the future ("future").
        spans_ahead: the word after "the weeks" making a span ("ahead").
        bare_plural_before: words before a bare plural unit that make it a duration ("for").
        bare_plural_after: words after a plural unit that make it something else ("ago").
        set_quantifiers: words that make a set ("every", "each").
        set_other: "other" in "every other week".
        set_frequencies: counts of a set and their number ("twice" -> 2).
        set_times: the word after a count in "three times a week".
        set_per: "a", "per" in "twice a year"; only "per" alone makes a set.
        set_adverbs: adverbs naming a frequency and its TIMEX3 value ("weekly" -> P1W).
        report_adjectives: those that before a noun name a report, not a recurrence.
        references: words naming the past, present or future as a whole ("now" -> present).
        string_only_references: references read only in a lone string, not in running text.
        adjective_references: references that only count as adjectives ("recent days").
        past_reference_end: the reference that needs a clause end after it ("the past").
        former: words that alone name the past ("former", "formerly").
        clause_words: words that start a new clause after a reference.
        signals: prepositions just before an expression and the modifier they give
            ("until" -> BEFORE); None for those that only read as signals.
        month_signals: words before "May" that make it a month.
        season_before: words before a season that make it a date ("in", "last").
        season_after: words after a season that make it a noun ("the fall of", "in").
        duration_before: words before "the year/month/week" making it a duration ("for").
        duration_units: units for which "for the ..." is a duration.
        anaphoric_after: words after "the year" anchoring it to an event ("the year before").
        age_after: the word after a duration that makes it an age ("old").
        not_a_duration: counts that with a singular unit do not make a duration ("some").
        quarter_of: "of" after "quarter" makes a fraction ("a quarter of the vote").
        amount_before: signs and words before a number making it a quantity ("$", "No.").
        amount_after: words after a number making it a quantity ("%", "percent").
        year_nouns: plural nouns a year may count ("budget years", "1990 elections").
        future_auxiliaries: auxiliaries of the future ("will", "'ll").
        past_auxiliaries: auxiliaries of the past ("was", "had").
        present_auxiliaries: auxiliaries of the present ("is", "'s").
        perfect_auxiliaries: auxiliaries of the present perfect ("has", "have").
        pluperfect_auxiliary: the auxiliary of the past perfect ("had").
        perfect_participle: the participle that makes a perfect continuous ("been").
        infinitive: the infinitive marker ("to").
        going: the word of "going to", a future.
        be_lemma: the lemma of "to be".
        future_heads: verbs whose infinitive complement lies ahead ("plan to", "expect to").
        plan_verbs: participles of planning whose day lies ahead ("scheduled for Friday").
        future_adjectives: adjectives whose date lies ahead ("payable Dec. 1").
        deadline_words: words before an expression that make it a deadline ("until").
        triggers: words near which expressions are looked for, besides the names, units,
            seasons, parts and decade words above.
        ago: the word of "two years ago", also "years ago" (PAST_REF).
        ago_adjectives: words between a count and its unit before "ago" ("two full years ago").
        plural_units: the plural forms among `units`.
        plural_suffix: the ending of plural weekdays and parts of day ("Mondays": a set).
        weekday_parts: parts of the day read after a weekday ("Friday night").
        next_day: the relative that alone names the day after ("next day").
        last_day_parts: parts of the day read after "last" ("last night").
        day_word_part_only: words of `day_word_parts` that take only one part ("last" only
            in "last night").
        unit_before_units: units of "the day before", "the year after".
        duration_relatives: words before a count of units in a duration ("the past three
            years").
        count_range: words joining two counts ("two to three weeks"); a hyphen does too.
        and_a_half: the tail adding half a unit ("two and a half years").
        adjectival_vague: vague counts before "-year" ("multi-year", "several-month").
        long_units: units before "-long" ("decades-long", "day-long").
        long: the word of "-long" durations.
        span_units: plural units after `vague_span_relatives` ("recent months").
        ahead_units: plural units of "the weeks ahead".
        bare_plural_units: plural units that alone make a duration ("for years").
        clock_approximators: approximators before a clock time ("around 5 p.m.").
        per: the word that alone makes a rate a set ("$5 per hour").
        adverb_suffix: the ending of adverbs, which start a new clause after "the past".
    """

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    undotted_abbreviations: tuple[str, ...]
    modal_months: frozenset[str]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, str]
    day_parts: Mapping[str, str]
    day_part_words: tuple[str, ...]
    ordinals: Mapping[str, int]
    ordinal_suffixes: tuple[str, ...]
    compound_ordinal_tens: Mapping[str, int]
    compound_ordinal_units: tuple[str, ...]
    decade_words: Mapping[str, int]
    decade_prefix: str
    year_hundreds: Mapping[str, int]
    year_thousands: Mapping[str, int]
    the: str
    a: str
    of: str
    in_: str
    and_: str
    or_so: str
    year_word: str
    units: Mapping[str, str]
    adjectival_units: tuple[str, ...]
    span_nouns: tuple[str, ...]
    duration_adjectives: tuple[str, ...]
    relative_units: tuple[str, ...]
    fiscal_year: str
    holidays: Mapping[str, Holiday]
    holiday_week: str
    lead_words: Mapping[str, DateMod]
    lead_phrases: Mapping[str, DateMod]
    approximators: tuple[str, ...]
    bounds: tuple[str, ...]
    relatives: Mapping[str, RelativeKind]
    near_relatives: tuple[str, ...]
    weekday_relatives: Mapping[str, int | None]
    century_relatives: Mapping[str, int]
    year_relatives: Mapping[str, int]
    quarter_ordinals: Mapping[str, int]
    quarter_units: Mapping[str, str]
    fiscal: str
    quarter_comparisons: Mapping[str, int | None]
    year_ago_words: tuple[str, ...]
    year_ago_tail_units: tuple[str, ...]
    year_ago_modifiers: tuple[str, ...]
    year_ago_tails: tuple[str, ...]
    year_ago_units: tuple[str, ...]
    year_period_units: tuple[str, ...]
    year_end: tuple[str, ...]
    fiscal_years: tuple[str, ...]
    year_prefixes: Mapping[str, DateMod]
    open_ends: Mapping[str, DateMod]
    ago_directions: Mapping[str, int | None]
    anaphoric_directions: frozenset[str]
    clause_directions: frozenset[str]
    unit_directions: Mapping[str, int]
    day_words: Mapping[str, int]
    day_word_parts: Mapping[str, int]
    part_day_words: tuple[str, ...]
    days_after_part: tuple[str, ...]
    clock_suffixes: tuple[str, ...]
    meridiems: Mapping[str, int]
    named_times: Mapping[str, tuple[int, int]]
    time_zones: tuple[str, ...]
    clock_prepositions: tuple[str, ...]
    on: str
    range_connectors: tuple[str, ...]
    range_between: str
    count_words: tuple[str, ...]
    vague_span_relatives: tuple[str, ...]
    future_ref_relatives: frozenset[str]
    spans_ahead: str
    bare_plural_before: tuple[str, ...]
    bare_plural_after: tuple[str, ...]
    set_quantifiers: tuple[str, ...]
    set_other: str
    set_frequencies: Mapping[str, int]
    set_times: str
    set_per: tuple[str, ...]
    set_adverbs: Mapping[str, str]
    report_adjectives: frozenset[str]
    references: Mapping[str, Direction]
    string_only_references: frozenset[str]
    adjective_references: frozenset[str]
    past_reference_end: str
    former: frozenset[str]
    clause_words: tuple[str, ...]
    signals: Mapping[str, DateMod | None]
    month_signals: tuple[str, ...]
    season_before: tuple[str, ...]
    season_after: tuple[str, ...]
    duration_before: tuple[str, ...]
    duration_units: frozenset[str]
    anaphoric_after: tuple[str, ...]
    age_after: str
    not_a_duration: frozenset[str]
    quarter_of: str
    amount_before: frozenset[str]
    amount_after: frozenset[str]
    year_nouns: frozenset[str]
    future_auxiliaries: frozenset[str]
    past_auxiliaries: frozenset[str]
    present_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    pluperfect_auxiliary: str
    perfect_participle: str
    infinitive: str
    going: str
    be_lemma: str
    future_heads: frozenset[str]
    plan_verbs: frozenset[str]
    future_adjectives: frozenset[str]
    deadline_words: frozenset[str]
    triggers: frozenset[str]
    ago: str
    ago_adjectives: tuple[str, ...]
    plural_units: frozenset[str]
    plural_suffix: str
    weekday_parts: tuple[str, ...]
    next_day: str
    last_day_parts: frozenset[str]
    day_word_part_only: Mapping[str, str]
    unit_before_units: tuple[str, ...]
    duration_relatives: tuple[str, ...]
    count_range: tuple[str, ...]
    and_a_half: str
    adjectival_vague: tuple[str, ...]
    long_units: tuple[str, ...]
    long: str
    span_units: tuple[str, ...]
    ahead_units: tuple[str, ...]
    bare_plural_units: tuple[str, ...]
    clock_approximators: tuple[str, ...]
    per: str
    adverb_suffix: str

    def unit_words(self, unit: str) -> list[str]:
        """The words of a unit, singular first ("week" -> ["week", "weeks"])."""
        return [word for word, name in self.units.items() if name == unit]

    def month(self, word: str) -> int:
        """The number of a month name or abbreviation ("Sept." -> 9)."""
        word = word.lower().rstrip(".")
        return self.months.get(word) or self.month_abbreviations[word]
