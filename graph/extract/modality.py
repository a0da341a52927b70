"""Whether an event is told as fact, plan, possibility or denial.

The words around an event's predicate decide: a negation or a verb of denial over it makes it
`negated` ("no one will be forced", "the ministry denies any new draft"); a modal of
possibility `possible` ("could exceed 200,000 casualties"); a future auxiliary or a verb of
intent `planned` ("will begin", "plans to bolster", "is set to visit"); otherwise it is told
as fact, `actual`. Whether the article asserts the fact itself or only relays what someone
said (`reported`) is decided with the claims, after this (see `graph.extract.extract_document`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from graph.lang import Lexicon
from graph.model import Modality

# Dependencies through which a governing verb's force reaches the event: "continues to deny
# any mobilization" (xcomp, dobj), "plans to bolster" (acl, xcomp), "denied that ..." (ccomp).
_GOVERNED = {"xcomp", "ccomp", "dobj", "acl", "pobj", "prep", "nsubjpass", "attr"}


def event_modality(members: Sequence[Token], lexicon: Lexicon) -> Modality:
    """The modality of an event whose words are `members`, the first its trigger."""
    words = lexicon.events
    denial = lexicon.attribution.denial_verbs
    governors = _governors(members[0])
    if any(_negated(m, words.negation_words) for m in members) or any(
        g.lemma_.lower() in denial and not _negated(g, words.negation_words) for g in governors
    ):
        return "negated"
    if members[0].lemma_.lower() in words.future_markers:
        return "planned"  # "the draft is set to begin", "plans to bolster"
    # A coordinated verb has its own tense: "began this week and will run until July"
    nearby = [m for m in members if m.i == members[0].i or m.dep_ != "conj"]
    nearby += governors[:2]
    markers = {c.lower_ for m in nearby for c in m.children if c.dep_ in {"aux", "advmod"}}
    if markers & words.possible_markers:
        return "possible"
    if markers & words.future_markers or _going_to(nearby, lexicon):
        return "planned"
    if any(g.lemma_.lower() in words.future_markers for g in governors[:2]):
        return "planned"  # "plans to bolster", "aimed to increase", "is set to visit"
    if members[0].tag_ == "VB" and members[0].dep_ == "xcomp":
        return "planned"  # an infinitive of purpose: "hope to conscript"
    if _headline_infinitive(members[0], lexicon):
        return "planned"  # "Troops to leave Iraq", "400,000 to be drafted": what will be
    return "actual"


def _headline_infinitive(token: Token, lexicon: Lexicon) -> bool:
    """Whether a clause is an infinitive with a subject and no finite verb, as a headline
    tells what is to come."""
    if token.dep_ != "ROOT" or token.tag_ not in {"VB", "VBN"}:
        return False
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    return (
        any(c.lower_ == lexicon.time.infinitive for c in auxiliaries)
        and all(c.tag_ in {"TO", "VB"} for c in auxiliaries)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    )


def _governors(token: Token) -> list[Token]:
    """The words that govern `token` within its clause chain, nearest first."""
    chain = []
    while token.head.i != token.i and token.dep_ in _GOVERNED:
        token = token.head
        chain.append(token)
    return chain


def _negated(token: Token, negation: frozenset[str]) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in negation for c in token.children):
        return True
    # "no one will be forced": the negation sits on the subject
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(d.lower_ in negation for d in c.children)
        for c in token.children
    )


def _going_to(tokens: Sequence[Token], lexicon: Lexicon) -> bool:
    words = lexicon.events
    for token in tokens:
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
        if words.going in auxiliaries and auxiliaries & words.progressive_auxiliaries:
            return True
        if token.head.lower_ == words.going and token.dep_ == "xcomp":
            return True
    return False
