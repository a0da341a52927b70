"""How a claim stands: whether its cue reports at all, its polarity, whether it is hedged.

A negated reporting verb ("did not say how many", "declined to say whether") reports nothing.
Polarity comes from the content's main clause, flipped by denial cues; hedging from hedge
words and belief cues.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.lang.attribution import AttributionWords
from graph.model import Polarity


def cue_negated(cue: Token, words: AttributionWords) -> bool:
    """'did not say', 'has never said', 'declined to say': nothing was said."""
    # a "not" further back belongs to a quote the parser hung on the cue ('"Probably not,"
    # she said')
    if any(
        (c.dep_ == "neg" or c.lower_ in words.negation_adverbs) and cue.i - 4 < c.i < cue.i
        for c in cue.children
    ):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and (
        head.lemma_.lower() in words.refusal_verbs or any(c.dep_ == "neg" for c in head.children)
    )


def polarity(denial: bool, doc: Doc, start: int, end: int, words: AttributionWords) -> Polarity:
    """Negative when either the cue denies the content or the content is negated, not both."""
    negative = denial != negated(doc, start, end, words)
    return Polarity.NEGATIVE if negative else Polarity.POSITIVE


def negated(doc: Doc, start: int, end: int, words: AttributionWords) -> bool:
    """True when the content's main clause is negated ('will not be sent', 'no need')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if t.head.i == t.i or not (start <= t.head.idx < end)]
    for root in roots[:3]:
        if root.dep_ == "neg":
            return True  # '"Probably not," she said': the parser hung the "not" on the cue
        for child in root.children:
            if child.dep_ == "neg" or child.lower_ in words.negation_words:
                return True
            if child.dep_ in {"nsubj", "nsubjpass", "attr", "dobj"} and any(
                g.lower_ in words.negative_determiners and g.dep_ == "det" for g in child.children
            ):
                return True
            if child.lower_ in words.negative_pronouns or (
                child.dep_ in {"nsubj", "nsubjpass"}
                and any((g.lower_, child.lower_) in words.negative_phrases for g in child.children)
            ):
                return True
    return False


def hedged(doc: Doc, sentence: Span, start: int, end: int, words: AttributionWords) -> bool:
    """Hedge verbs ("suggests") count inside the content only; adverbs and nouns anywhere in
    the sentence ("reportedly", "allegations")."""
    tokens = list(sentence)
    if end > sentence.end_char or start < sentence.start_char:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens += list(span or [])
    return any(
        t.lower_ in words.hedge_words and (t.pos_ != "VERB" or start <= t.idx < end) for t in tokens
    )
