"""The tense of the clause a time expression attaches to, read from spaCy's parse.

Tense decides which "Friday" or "December" is meant: the last one in a past sentence, the
next one in a future sentence.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from graph.lang.time import TimeWords

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependencies that put an expression inside a noun phrase ("the April summit").
_NOUN_LINKS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "appos"})
_CLAUSE_LINKS = ("xcomp", "advcl", "ccomp", "acl", "relcl")


class Tense(StrEnum):
    """Tense of the clause an expression attaches to; decides "Friday" -> last or next."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


def tense_at(doc: Doc, start: int, end: int, words: TimeWords) -> Tense:
    """Tense of the verb governing the characters start:end in a parsed document.

    An expression inside a noun phrase ("the April summit", "a cut in September") has no
    tense of its own: UNKNOWN, so that it is placed nearest to the anchor.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Tense.UNKNOWN
    tok = span.root
    if tok.dep_ in _NOUN_LINKS:
        return Tense.UNKNOWN
    if tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ == "prep":
        return Tense.UNKNOWN
    inside = range(span.start, span.end)
    for _ in range(8):
        if tok.lemma_.lower() in words.future_adjectives and tok.i not in inside:
            return Tense.FUTURE  # "payable Dec. 1", "effective Feb. 1", "due Friday"
        if tok.pos_ in ("VERB", "AUX") and tok.i not in inside:
            tense = _verb_tense(tok, 0, words)
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            if tense is Tense.PAST and before in words.deadline_words:
                return Tense.PRESENT  # "postponed until Tuesday": a deadline, maybe ahead
            return tense
        if tok.head is tok:
            return Tense.UNKNOWN
        tok = tok.head
    return Tense.UNKNOWN


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _verb_tense(verb: Token, depth: int, words: TimeWords) -> Tense:
    aux = _auxiliaries(verb)
    had = words.pluperfect_auxiliary
    if aux & words.future_auxiliaries or verb.lower_ in words.future_auxiliaries:
        return Tense.FUTURE
    if verb.lemma_.lower() in words.plan_verbs and verb.tag_ == "VBN" and had not in aux:
        return Tense.FUTURE  # "the vote was scheduled for Friday": the plan, not the planning
    if words.infinitive in aux and verb.dep_ in _CLAUSE_LINKS and depth < 3:
        head = verb.head
        if head.lemma_.lower() in words.future_heads or head.lower_ == words.going:
            # "had been due to expire Friday": the plan may be over, or still ahead
            return Tense.UNKNOWN if had in _auxiliaries(head) else Tense.FUTURE
        if head.lemma_ == words.be_lemma and head.tag_ in ("VBZ", "VBP"):
            return Tense.FUTURE  # "is to resume trading Tuesday"
        return Tense.UNKNOWN  # "went there to meet X on Friday": before or after, unknown
    if aux & words.perfect_auxiliaries and not aux & {words.perfect_participle, had}:
        # English does not put a definite past day on the present perfect, so a day on
        # "has scheduled", "have given ... until" lies ahead or is the current one.
        return Tense.PRESENT
    if verb.tag_ == "VBD" or aux & words.past_auxiliaries:
        return Tense.PAST
    if verb.tag_ == "VBN":
        # A bare participle ("a summit set for April") carries no tense of its own.
        return Tense.PRESENT if aux & words.present_auxiliaries else Tense.UNKNOWN
    if verb.tag_ == "VBG" and aux & words.present_auxiliaries:
        return Tense.FUTURE  # "is meeting Friday": the present progressive of plans
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj", "acl") and depth < 3:
        return _verb_tense(verb.head, depth + 1, words)
    if verb.tag_ == "VB" and verb.dep_ == "conj" and depth < 3:
        return _verb_tense(verb.head, depth + 1, words)
    return Tense.PRESENT
