"""Claims in one document: who said what, quoted or paraphrased.

Forms handled: a reporting verb with a subject and a clause, object or quote ("X said ...",
`"...," X said`, "X dismissed ...", "X urged ... to ..."), "according to X", pronoun speakers
("he added") resolved to the previous speaker or person, and nested attribution
("Outlet claimed officials as saying ..."), which keeps both the speaker and the relaying outlet.
A negated reporting verb ("did not say how many") reports nothing and is not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorTable
from graph.extract.events import EventTable, date_attached
from graph.extract.lexicon import (
    DENIAL_VERBS,
    HEDGE_WORDS,
    NEGATION_WORDS,
    REPORTING_VERBS,
    WEAK_REPORTING_VERBS,
)
from graph.model import ActorKind, DateValue, Document, LocalClaim, Polarity
from graph.temporal import DateMention

_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"\n]{3,}\"|‘[^’\n]{12,}’")
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "attr", "oprd"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_HEDGING_CUES = {"believe", "suggest", "estimate", "claim", "allege", "speculate", "think"}
_MAX_SPEAKER_WORDS = 10


@dataclass(frozen=True)
class _Quote:
    start: int  # character offsets of the text inside the quote marks
    end: int


def find_claims(
    doc: Doc,
    document: Document,
    actors: ActorTable,
    events: EventTable,
    dates: list[DateMention],
) -> list[LocalClaim]:
    """Attributed statements of a parsed document."""
    quotes = [_Quote(m.start() + 1, m.end() - 1) for m in _QUOTE.finditer(doc.text)]
    claims: list[LocalClaim] = []
    last_speaker: int | None = None
    for sentence in doc.sents:
        sent_dates = [d for d in dates if sentence.start_char <= d.start < sentence.end_char]
        for claim in _sentence_claims(
            sentence, document, actors, events, sent_dates, quotes, last_speaker
        ):
            claims.append(claim)
            if claim.speaker_actor is not None:
                last_speaker = claim.speaker_actor
    return claims


def _sentence_claims(
    sentence: Span,
    document: Document,
    actors: ActorTable,
    events: EventTable,
    dates: list[DateMention],
    quotes: list[_Quote],
    last_speaker: int | None,
) -> list[LocalClaim]:
    found: list[LocalClaim] = []
    for token in sentence:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            claim = _according_to(token, document, actors, events, dates)
        elif token.pos_ == "VERB" and token.lemma_.lower() in REPORTING_VERBS:
            claim = _reporting_verb(token, document, actors, events, dates, quotes, last_speaker)
        else:
            continue
        if claim is not None:
            found.append(claim)
            if claim.speaker_actor is not None:
                last_speaker = claim.speaker_actor
    return found


def _reporting_verb(
    cue: Token,
    document: Document,
    actors: ActorTable,
    events: EventTable,
    dates: list[DateMention],
    quotes: list[_Quote],
    last_speaker: int | None,
) -> LocalClaim | None:
    lemma = cue.lemma_.lower()
    negated_cue = any(c.dep_ == "neg" for c in cue.children)
    if negated_cue and lemma not in DENIAL_VERBS:
        return None  # "did not say how many": nothing was said
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and cue.dep_ in {"conj", "xcomp", "advcl"}:
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.dep_ == "nsubjpass":
        return None
    via: int | None = None
    speaker_tokens = list(subject.subtree)
    content_tokens: list[Token] = []
    nested = _nested_speaker(cue)
    if nested is not None:
        via = actors.actor_in(speaker_tokens)
        speaker_tokens = list(nested[0].subtree)
        content_tokens = list(nested[1].subtree)
    quote = _adjacent_quote(cue, quotes)
    direct = quote is not None and not content_tokens
    if not content_tokens:
        for child in cue.children:
            is_content = child.dep_ in _CONTENT_DEPS and child.i != subject.i
            if is_content or (child.dep_ == "prep" and child.lower_ in {"about", "on", "that"}):
                content_tokens += list(child.subtree)
    if (
        lemma in WEAK_REPORTING_VERBS
        and not any(c.dep_ == "ccomp" for c in cue.children)
        and quote is None
    ):
        return None
    doc = cue.doc
    if direct and quote is not None:
        c_start, c_end = quote.start, quote.end
    elif content_tokens:
        content_tokens = _trim(sorted(content_tokens, key=lambda t: t.i))
        if not content_tokens:
            return None
        c_start, c_end = content_tokens[0].idx, _end(content_tokens[-1])
        if _is_wh_question(content_tokens):
            return None
    else:
        return None
    speaker_actor, speaker_text = _speaker(speaker_tokens, actors, last_speaker)
    sentence = cue.sent
    start = min(sentence.start_char, c_start)
    end = max(sentence.end_char, c_end)
    content = doc.text[c_start:c_end]
    polarity = (
        Polarity.NEGATIVE
        if (lemma in DENIAL_VERBS) != _negated(doc, c_start, c_end)
        else (Polarity.POSITIVE)
    )
    return LocalClaim(
        text=content,
        direct=direct,
        speaker=speaker_text,
        speaker_actor=speaker_actor,
        via_actor=via,
        cue=cue.text if not negated_cue else f"not {cue.text}",
        date=_statement_date(cue, dates),
        polarity=polarity,
        hedged=lemma in _HEDGING_CUES or _hedged(sentence, c_start, c_end),
        about_event=_about(events, doc, c_start, c_end, cue),
        span=document.span(start, end),
        content_span=document.span(c_start, c_end),
    )


def _according_to(
    token: Token,
    document: Document,
    actors: ActorTable,
    events: EventTable,
    dates: list[DateMention],
) -> LocalClaim | None:
    to = token.nbor(1)
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    if not objects:
        return None
    speaker_tokens = list(objects[0].subtree)
    phrase = {token.i, to.i} | {t.i for t in speaker_tokens}
    sentence = token.sent
    content_tokens = _trim([t for t in sentence if t.i not in phrase])
    if not content_tokens:
        return None
    doc = token.doc
    c_start, c_end = content_tokens[0].idx, _end(content_tokens[-1])
    speaker_actor, speaker_text = _speaker(speaker_tokens, actors, None)
    return LocalClaim(
        text=doc.text[c_start:c_end],
        direct=False,
        speaker=speaker_text,
        speaker_actor=speaker_actor,
        cue="according to",
        date=None,
        polarity=Polarity.NEGATIVE if _negated(doc, c_start, c_end) else Polarity.POSITIVE,
        hedged=_hedged(sentence, c_start, c_end),
        about_event=_about(events, doc, c_start, c_end, token),
        span=document.span(sentence.start_char, sentence.end_char),
        content_span=document.span(c_start, c_end),
    )


def _nested_speaker(cue: Token) -> tuple[Token, Token] | None:
    """'claimed officials as saying that ...' -> (officials, the clause they are quoted on)."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    for prep in (c for c in cue.children if c.lower_ == "as"):
        for saying in prep.children:
            if saying.lemma_.lower() in REPORTING_VERBS:
                content = next((c for c in saying.children if c.dep_ in _CONTENT_DEPS), None)
                if obj is not None and content is not None:
                    return obj, content
    return None


def _adjacent_quote(cue: Token, quotes: list[_Quote]) -> _Quote | None:
    """A quotation that this cue introduces or closes, in the same or the previous sentence."""
    sentence = cue.sent
    for quote in quotes:
        inside = quote.start <= cue.idx < quote.end
        if inside:
            continue
        before = sentence.start_char - 2 <= quote.end + 1 <= cue.idx or (
            quote.end < cue.idx and quote.start < sentence.start_char <= quote.end + 3
        )
        after = cue.idx < quote.start <= _end(cue) + 4
        if before and quote.end >= sentence.start_char - 2 or after:
            between = cue.doc.text[quote.end + 1 : cue.idx] if before else ""
            if len(between) < 160:
                return quote
    return None


def _speaker(
    tokens: list[Token], actors: ActorTable, last_speaker: int | None
) -> tuple[int | None, str | None]:
    actor = actors.actor_in(tokens)
    words = [t for t in tokens if not t.is_punct or t.text in {".", "-"}]
    text = " ".join(t.text for t in words[:_MAX_SPEAKER_WORDS]) or None
    if actor is not None:
        return actor, actors.actors[actor].name
    if len(tokens) == 1 and tokens[0].lower_ in _PRONOUNS:
        if last_speaker is not None:
            return last_speaker, actors.actors[last_speaker].name
        before = [m.actor for m in actors.mentions if m.start < tokens[0].i]
        persons = [a for a in before if actors.actors[a].actor_type is ActorKind.PERSON]
        if persons:
            return persons[-1], actors.actors[persons[-1]].name
    return None, text


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"that", ",", "and"}):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in {"”", '"', ")"}:
        tokens = tokens[:-1]
    return tokens


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _is_wh_question(tokens: list[Token]) -> bool:
    return tokens[0].lower_ in {"how", "what", "whether", "why", "when", "who", "which"}


def _negated(doc: Doc, start: int, end: int) -> bool:
    """True when the content's main clause is negated ('will not be sent', 'no need')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if t.head.i == t.i or not (start <= t.head.idx < end)]
    for root in roots:
        for child in root.children:
            if child.dep_ == "neg" or child.lower_ in NEGATION_WORDS:
                return True
            if child.dep_ in {"nsubj", "nsubjpass", "attr", "dobj"} and any(
                g.lower_ in {"no", "none"} and g.dep_ == "det" for g in child.children
            ):
                return True
            if child.lower_ in {"nobody", "none", "nothing"} or (
                child.dep_ in {"nsubj", "nsubjpass"}
                and child.lower_ == "one"
                and any(g.lower_ == "no" for g in child.children)
            ):
                return True
    return False


def _hedged(sentence: Span, start: int, end: int) -> bool:
    return any(
        t.lower_ in HEDGE_WORDS and (t.pos_ != "VERB" or start <= t.idx < end) for t in sentence
    )


def _about(events: EventTable, doc: Doc, start: int, end: int, cue: Token) -> int | None:
    content = [t for t in cue.sent if start <= t.idx < end]
    found = events.event_in(content)
    if found is not None:
        return found
    return events.event_in([t for t in cue.sent if t.i != cue.i])


def _statement_date(cue: Token, dates: list[DateMention]) -> DateValue | None:
    for date in dates:
        if date.value is not None and date_attached(date, cue, cue.sent):
            return date.value
    return None
