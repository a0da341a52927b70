"""Quantities: '160,000 men' -> 160000 man; 'more than 300,000'; '1.32 million troops'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span

from graph.lang import get as _lexicon
from graph.model import Quantity

NUMBER_WORDS = _lexicon("en").numbers.words
SCALE_WORDS = _lexicon("en").numbers.scales

Modifier = Literal["exact", "approx", "at_least", "at_most", "more_than", "less_than"]
_MODIFIERS: dict[str, Modifier] = {
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "at least": "at_least", "no fewer than": "at_least",
    "up to": "at_most", "as many as": "at_most", "at most": "at_most",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "nearly": "approx", "almost": "approx", "about": "approx", "around": "approx",
    "roughly": "approx", "approximately": "approx", "some": "approx", "an estimated": "approx",
    "close to": "approx",
}  # fmt: skip

_WORD_NUMBERS = "|".join(sorted((w for w in NUMBER_WORDS if w not in {"tens"}), key=len)[::-1])
# Digits with comma or (thin/no-break) space thousands groups, or plain digits and decimals.
_DIGITS = r"\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS}|(?:{_WORD_NUMBERS})(?:[- ](?:{_WORD_NUMBERS}))?)"
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|bn|mn)\b)?"
_MOD = "|".join(sorted((re.escape(m) for m in _MODIFIERS), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?i)(?:\b(?P<mod>{_MOD})\s+)?"
    rf"(?:(?P<between>between)\s+)?"
    rf"(?P<num>(?<![\w.]){_NUMBER}{_SCALE})(?P<plus>\+)?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<upper>{_NUMBER}{_SCALE}))?"
    rf"(?!\w)"
)
_MULTITUDE = re.compile(
    r"(?i)\b(?P<num>tens|hundreds|thousands)\s+of\s+(?P<scale>thousands|millions|billions)\b"
)
_AGE = re.compile(r"(?i)\b(?:aged?|ages|age of)\s+(?:between\s+)?$")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_SKIP_BEFORE_UNIT = {"more", "additional", "new", "other", "extra", "fresh", "of", "the"}


@dataclass(frozen=True)
class QuantityMention:
    quantity: Quantity
    start: int
    end: int


def parse_number(text: str) -> float | None:
    """'1.32 million' -> 1320000.0, '400 000' -> 400000.0, 'twenty-five' -> 25.0."""
    words = text.lower().replace("\u00a0", " ").replace("\u202f", " ").strip()
    scale = 1.0
    for name, factor in SCALE_WORDS.items():
        if words.endswith(" " + name) or (
            words.endswith(name) and words[: -len(name)][-1:].isdigit()
        ):
            scale = factor
            words = words[: -len(name)].strip()
            break
    digits = words.replace(",", "").replace(" ", "")
    try:
        return float(digits) * scale
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[- ]", words):
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total * scale


def find_quantities(doc: Doc | Span, skip: set[int] | None = None) -> list[QuantityMention]:
    """Quantities in a parsed document or sentence, with their unit noun.

    Args:
        doc: a spaCy Doc or sentence Span.
        skip: token indices (e.g. inside date expressions) where numbers are not quantities.
    """
    skip = skip or set()
    text = doc.text
    base = doc.start_char if isinstance(doc, Span) else 0
    found: list[QuantityMention] = []
    for match in _MULTITUDE.finditer(text):
        value = NUMBER_WORDS[match["num"].lower()] * SCALE_WORDS[match["scale"].lower()[:-1]]
        found.append(_mention(doc, text, base, match.start(), match.end(), value, None, "at_least"))
    for match in _QUANTITY.finditer(text):
        raw = match["num"]
        if (_YEAR.match(raw) and not match["mod"]) or _AGE.search(text, 0, match.start()):
            continue
        parsed = parse_number(raw)
        if parsed is None or any(m.start <= base + match.start() < m.end for m in found):
            continue
        value = parsed
        upper = parse_number(match["upper"]) if match["upper"] else None
        if upper is not None and upper < value:
            upper = None  # "18-30 year-olds" style ranges keep both; a falling pair is not one
        modifier: Modifier = _MODIFIERS.get((match["mod"] or "").lower(), "exact")
        if match["plus"]:
            modifier = "at_least"
        mention = _mention(doc, text, base, match.start(), match.end(), value, upper, modifier)
        if mention is None:
            continue
        first_token = doc.char_span(
            mention.start - base, mention.end - base, alignment_mode="expand"
        )
        if first_token is not None and any(t.i in skip for t in first_token):
            continue
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
) -> QuantityMention:
    span = doc.char_span(start, end, alignment_mode="expand")
    unit = ""
    if span is not None:
        unit = _unit_after(span)
    quantity = Quantity(
        value=value,
        unit=unit,
        modifier=modifier,
        text=text[start:end],
        upper=upper,
    )
    return QuantityMention(quantity, base + start, base + end)


def _unit_after(span: Span) -> str:
    doc = span.doc
    for token in doc[span.end : min(span.end + 4, len(doc))]:
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP"} and token.lower_ != "of":
            break
        if token.lower_ in {"%", "percent"} or (
            token.lower_ == "per" and token.nbor(1).lower_ == "cent"
        ):
            return "percent"
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in _SKIP_BEFORE_UNIT:
            return token.lemma_.lower()
        if token.pos_ not in {"ADJ", "NUM", "DET"} and token.lower_ not in _SKIP_BEFORE_UNIT:
            break
    return ""
