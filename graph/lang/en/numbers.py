"""English number words."""

from graph.lang.numbers import NumberWords

WORDS = NumberWords(
    cardinals={
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    },
    multipliers={"hundred": 100, "dozen": 12},
    scales={
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
        "mn": 1e6,
    },
    scale_suffixes={"k": 1e3, "m": 1e6},
    articles=frozenset({"a", "an"}),
    phrases={"half a": 0.5, "half an": 0.5, "a couple": 2, "a couple of": 2, "couple of": 2},
    fillers=frozenset({"and"}),
    multitudes={"dozens": 24, "hundreds": 200, "thousands": 2000},
    multiples={"tens": 10, "hundreds": 200, "thousands": 2000},
    plural_scales={"thousands": 1e3, "millions": 1e6, "billions": 1e9},
    of="of",
    modifiers={
        "more than": "more_than", "over": "more_than", "upwards of": "more_than",
        "in excess of": "more_than", "at least": "at_least", "no fewer than": "at_least",
        "up to": "at_most", "as many as": "at_most", "at most": "at_most",
        "fewer than": "less_than", "less than": "less_than", "under": "less_than",
        "nearly": "approx", "almost": "approx", "about": "approx", "around": "approx",
        "roughly": "approx", "approximately": "approx", "some": "approx",
        "an estimated": "approx", "close to": "approx",
    },
    not_units=frozenset({
        "more", "additional", "new", "other", "extra", "fresh", "of", "the",
        "today", "now", "yesterday", "tomorrow",
    }),
    change_before=frozenset({"up", "down", "by"}),
    change_nouns=frozenset({
        "rise", "increase", "drop", "fall", "decline", "jump", "gain", "loss", "cut",
        "reduction", "growth", "surge", "decrease",
    }),
    change_after=frozenset({"more", "fewer", "less"}),
    pronoun_before=frozenset({"no", "any", "every", "each", "some", "anyone", "someone"}),
)  # fmt: skip
