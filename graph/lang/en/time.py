"""English time vocabulary."""

from graph.lang.time import Holiday, TimeWords
from graph.model import DateMod

START, END, MID, APPROX = DateMod.START, DateMod.END, DateMod.MID, DateMod.APPROX
AFTER, BEFORE = DateMod.AFTER, DateMod.BEFORE

WORDS = TimeWords(
    months={
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    },
    month_abbreviations={
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9,
        "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    undotted_abbreviations=("sept",),
    modal_months=frozenset({"may"}),
    weekdays={
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
        "sunday": 6,
    },
    seasons={"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
    day_parts={
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
        "midday": "MI", "midafternoon": "AF", "midmorning": "MO",
    },
    day_part_words=("morning", "afternoon", "evening", "night"),
    ordinals={
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
        "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    },
    ordinal_suffixes=("st", "nd", "rd", "th"),
    compound_ordinal_tens={"twenty": 20, "thirty": 30},
    compound_ordinal_units=(
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ),
    decade_words={
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
        "eighties": 8, "nineties": 9,
    },
    decade_prefix="nineteen",
    year_hundreds={"nineteen": 19, "eighteen": 18, "twenty": 20},
    year_thousands={"two thousand": 2000},
    the="the",
    a="a",
    of="of",
    in_="in",
    and_="and",
    or_so="or so",
    year_word="year",
    units={
        "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
        "hour": "hour", "hours": "hour", "day": "day", "days": "day", "night": "day",
        "nights": "day", "week": "week", "weeks": "week", "weekend": "weekend",
        "weekends": "weekend", "fortnight": "fortnight", "fortnights": "fortnight",
        "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
        "year": "year", "years": "year", "decade": "decade", "decades": "decade",
        "century": "century", "centuries": "century", "millennium": "millennium",
        "millennia": "millennium",
    },
    adjectival_units=(
        "second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter",
        "year", "decade", "century",
    ),
    span_nouns=("period", "term", "span", "stretch", "spell", "window", "stint"),
    duration_adjectives=(
        "more", "additional", "full", "straight", "consecutive", "trading", "business",
        "working", "calendar", "fiscal", "long", "extra", "further",
    ),
    relative_units=(
        "week", "weekend", "month", "year", "quarter", "decade", "fiscal year", "day", "morning",
        "afternoon", "evening", "night", "period",
    ),
    fiscal_year="fiscal year",
    holidays={
        "christmas day": Holiday(12, 25), "christmas eve": Holiday(12, 24),
        "christmas": Holiday(12, 25), "new year's day": Holiday(1, 1),
        "new year's eve": Holiday(12, 31), "new year's": Holiday(1, 1),
        "thanksgiving day": Holiday(11, weekday=3, nth=4),
        "thanksgiving": Holiday(11, weekday=3, nth=4),
        "easter sunday": Holiday(easter=0), "easter monday": Holiday(easter=1),
        "easter": Holiday(easter=0), "halloween": Holiday(10, 31),
        "independence day": Holiday(7, 4), "labor day": Holiday(9, weekday=0, nth=1),
        "memorial day": Holiday(5, weekday=0, nth=-1), "veterans day": Holiday(11, 11),
        "veterans' day": Holiday(11, 11),
        "election day": Holiday(11, weekday=0, nth=1, plus_days=1),
        "valentine's day": Holiday(2, 14), "good friday": Holiday(easter=-2),
        "boxing day": Holiday(12, 26),
    },
    holiday_week="week",
    lead_words={"early": START, "late": END, "mid": MID, "earlier": START, "later": END},
    lead_phrases={
        "end": END, "beginning": START, "start": START, "middle": MID, "close": END,
        "turn": APPROX, "first half": START, "second half": END, "latter half": END,
        "latter part": END, "early part": START, "later part": END,
    },
    approximators=("around", "approximately", "roughly", "circa", "nearly"),
    bounds=(
        "around", "approximately", "roughly", "nearly", "some", "more than", "less than",
        "fewer than", "at least", "at most", "up to", "no more than", "no less than",
        "close to", "upwards of",
    ),
    relatives={
        "this past": "last", "this coming": "next", "this": "this", "that same": "same",
        "that very": "same", "that": "same", "last": "last", "next": "next", "past": "last",
        "coming": "next", "previous": "previous", "following": "following",
        "current": "this", "latest": "latest", "same": "same", "the full": "full",
        "the past": "last", "the last": "last", "the next": "next", "the coming": "next",
        "the previous": "previous", "the following": "following", "the current": "this",
        "the latest": "latest", "the same": "same", "the very": "the",
        "the most recent": "latest", "the": "the",
    },
    near_relatives=("this past", "this coming", "this", "last", "next", "past", "coming"),
    weekday_relatives={
        "this past": -1, "this coming": 1, "this": 0, "last": -1, "next": 1,
        "the previous": -1, "the following": 1, "that": 0, "coming": 1, "past": None,
    },
    century_relatives={
        "this": 0, "last": -1, "next": 1, "the last": -1, "the next": 1, "the past": -1,
        "the previous": -1, "the current": 0,
    },
    year_relatives={"this": 0, "last": -1, "next": 1},
    quarter_ordinals={
        "first": 1, "second": 2, "third": 3, "fourth": 4, "final": -1, "last": -1, "1st": 1,
        "2nd": 2, "3rd": 3, "4th": 4,
    },
    quarter_units={"quarter": "Q", "half": "H"},
    fiscal="fiscal",
    quarter_comparisons={
        "year-ago": -1, "year-earlier": -1, "comparable": None, "corresponding": None,
    },
    year_ago_tail_units=("period", "quarter", "month"),
    year_ago_words=("year-ago", "year-earlier", "year-before", "prior-year", "previous-year"),
    year_ago_modifiers=("comparable", "corresponding", "same"),
    year_ago_tails=("a year ago", "a year earlier", "of the previous year", "last year"),
    year_ago_units=("quarter", "period", "month", "week"),
    year_period_units=("quarter", "period", "half"),
    year_end=("year-end", "year end", "year's end"),
    fiscal_years=("fiscal", "calendar", "FY", "model year", "the year"),
    year_prefixes={"pre": BEFORE, "post": AFTER},
    open_ends={
        "or later": AFTER, "or earlier": BEFORE, "or before": BEFORE, "or after": AFTER,
        "or beyond": AFTER, "and beyond": AFTER, "and later": AFTER, "and earlier": BEFORE,
    },
    ago_directions={
        "ago": -1, "earlier": -1, "later": 1, "hence": 1, "from now": 1, "back": -1,
        "before": -1, "after": 1, "previously": -1, "since": None,
    },
    anaphoric_directions=frozenset({"earlier", "later", "before", "after", "previously"}),
    clause_directions=frozenset({"before", "after", "since"}),
    unit_directions={"before": -1, "after": 1},
    day_words={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1},
    day_word_parts={"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1},
    part_day_words=("mid-afternoon", "midafternoon", "mid-morning", "midmorning", "midday"),
    days_after_part=("today", "yesterday", "tomorrow"),
    clock_suffixes=("a.m.", "p.m.", "o'clock"),
    meridiems={"am": 0, "pm": 12},
    named_times={"noon": (12, 0), "midnight": (24, 0), "midday": (12, 0)},
    time_zones=("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "local time"),
    clock_prepositions=("at", "by", "until", "from"),
    on="on",
    range_connectors=("-", "\u2013", "\u2014", "to", "through", "thru", "until", "till", "and"),
    range_between="between",
    count_words=(
        "a couple of", "a couple", "a few", "several", "few", "some", "many", "a", "an",
        "half a", "half an", "dozens of", "hundreds of", "a number of", "couple of",
    ),
    vague_span_relatives=(
        "recent", "coming", "past", "future", "the past few", "the past several",
        "the past", "the last few", "the last several", "the last", "the next few",
        "the next several", "the next", "the coming few", "the coming several",
        "the coming",
    ),
    future_ref_relatives=frozenset({"future"}),
    spans_ahead="ahead",
    bare_plural_before=("for", "in", "over", "within", "after"),
    bare_plural_after=("of", "to", "before", "after", "ago", "earlier", "later"),
    set_quantifiers=("every", "each"),
    set_other="other",
    set_frequencies={"once": 1, "twice": 2, "thrice": 3},
    set_times="times",
    set_per=("a", "an", "per"),
    set_adverbs={
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
        "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
        "semiannually": "P6M", "biannually": "P6M", "fortnightly": "P2W",
    },
    report_adjectives=frozenset({"quarterly", "monthly", "yearly", "annually"}),
    references={
        "now": "present", "currently": "present", "presently": "present",
        "nowadays": "present", "these days": "present", "at present": "present",
        "recently": "past", "lately": "past", "previously": "past", "formerly": "past",
        "more recently": "past", "the recent past": "past", "the distant past": "past",
        "the past": "past", "the near future": "future", "the distant future": "future",
        "the foreseeable future": "future", "the future": "future", "soon": "future",
        "as soon as possible": "future", "the near term": "future", "current": "present",
        "recent": "past", "future": "future",
    },
    string_only_references=frozenset(
        {"previously", "formerly", "soon", "recent", "future", "as soon as possible"}
    ),
    adjective_references=frozenset({"current", "recent"}),
    past_reference_end="the past",
    former=frozenset({"former", "formerly"}),
    clause_words=(
        "and", "or", "but", "as", "when", "that", "because", "to", "is", "was", "has", "had",
    ),
    signals={
        "since": AFTER, "until": BEFORE, "till": BEFORE, "til": BEFORE, "before": BEFORE,
        "after": AFTER, "by": BEFORE, "from": AFTER, "starting": AFTER, "beginning": AFTER,
        "through": BEFORE, "as of": None, "prior to": BEFORE, "no later than": BEFORE,
        "up to": BEFORE, "no earlier than": AFTER, "about": APPROX, "almost": APPROX,
        "around": APPROX, "early": START, "earlier": START, "late": END, "later": END,
        "mid": MID, "just": None, "only": None, "over": None,
    },
    month_signals=(
        "in", "of", "since", "until", "by", "from", "through", "early", "late", "mid",
        "during", "before", "after",
    ),
    season_before=(
        "in", "during", "by", "until", "since", "through", "over", "this", "last", "next",
    ),
    season_after=("of", "in", "to", "from", "by", "on", "for"),
    duration_before=("for", "throughout", "all"),
    duration_units=frozenset({"year", "month", "week"}),
    anaphoric_after=("before", "after", "earlier", "later"),
    age_after="old",
    not_a_duration=frozenset({"some", "many"}),
    quarter_of="of",
    amount_before=frozenset({"$", "#", "No.", "no.", "No", "number", "+"}),
    amount_after=frozenset({"%", "percent", "per"}),
    year_nouns=frozenset(
        "budget period quarter year season election census plan law act model fiscal".split()
    ),
    future_auxiliaries=frozenset({"will", "wo", "'ll", "shall", "would", "'d"}),
    past_auxiliaries=frozenset({"was", "were", "had", "has", "have", "'ve", "did", "been"}),
    present_auxiliaries=frozenset({"is", "are", "am", "'s", "'re", "be"}),
    perfect_auxiliaries=frozenset({"has", "have", "'ve"}),
    pluperfect_auxiliary="had",
    perfect_participle="been",
    infinitive="to",
    going="going",
    be_lemma="be",
    future_heads=frozenset(
        "plan expect schedule intend aim set due prepare propose hope want seek go promise"
        " pledge vow threaten mean decide agree".split()
    ),
    plan_verbs=frozenset({"schedule", "plan", "slate", "postpone", "delay", "reschedule"}),
    future_adjectives=frozenset({"payable", "effective", "due"}),
    deadline_words=frozenset({"until", "till", "by", "to"}),
    triggers=frozenset(
        """now current currently recent recently presently nowadays previously formerly lately
        soon past future term today tonight yesterday tomorrow noon midnight daily weekly
        monthly yearly annually hourly nightly quarterly biweekly semiannually biannually
        fortnightly christmas thanksgiving easter halloween year's labor memorial veterans
        election valentine's independence boxing good days present nineteen eighteen twenty
        thousand period end half a.m p.m am pm o'clock q1 q2 q3 q4 1q 2q 3q 4q mondays
        tuesdays wednesdays thursdays fridays saturdays sundays""".split()
    ),
    ago="ago",
    ago_adjectives=("more", "full"),
    plural_units=frozenset(
        """seconds minutes hours days nights weeks weekends fortnights months quarters years
        decades centuries millennia""".split()
    ),
    plural_suffix="s",
    weekday_parts=("morning", "afternoon", "evening", "night", "overnight"),
    next_day="next",
    last_day_parts=frozenset({"night", "evening"}),
    day_word_part_only={"last": "night"},
    unit_before_units=("day", "week", "month", "year"),
    duration_relatives=(
        "past", "last", "next", "first", "coming", "previous", "following", "final", "latest",
        "remaining", "ensuing", "preceding", "initial", "same", "other",
    ),
    count_range=("to", "or"),
    and_a_half="and a half",
    adjectival_vague=("several", "multi"),
    long_units=("day", "year", "decades", "years", "months", "weeks", "days", "hours"),
    long="long",
    span_units=("days", "weeks", "months", "quarters", "years", "decades"),
    ahead_units=("days", "weeks", "months", "years"),
    bare_plural_units=("years", "decades", "months", "weeks", "days", "hours", "centuries"),
    clock_approximators=("around", "approximately", "roughly"),
    per="per",
    adverb_suffix="ly",
)  # fmt: skip
