"""Readable event labels: who did what to whom, in the article's own words, kept short.

A verb event reads as subject + auxiliaries + verb + object ("the State Duma voted to return to
a second reading", "Russia will begin conscription"); a noun event as its noun phrase with its
owner and one complement ("Russia's invasion of Ukraine"). Every phrase is pruned to its core:
relative clauses, appositions, coordinated extras and parentheticals stay in the sentence,
which the graph keeps as evidence. Words of the event's date are left out too: the date has a
column of its own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

from spacy.tokens import Token

from graph.lang.events import EventWords

MAX_WORDS = 12

# Dependents that never belong in a short noun phrase: clauses, asides, coordination.
_PRUNED = {
    "relcl",
    "acl",
    "appos",
    "advcl",
    "cc",
    "conj",
    "parataxis",
    "punct",
    "dep",
    "meta",
    "npadvmod",
    "preconj",
}
# Dependents of a verb kept in its label, in sentence order.
_VERB_CORE = {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "prt", "dobj", "dative"}


class Referent(NamedTuple):
    """What a pronoun stands for: the name to read instead, and the tokens of the sentence
    naming it already."""

    name: str
    named_at: frozenset[int]


def event_label(
    trigger: Token,
    vocab: EventWords,
    skip: Collection[int] = (),
    referents: Mapping[int, Referent] | None = None,
) -> str:
    """A short label for the event `trigger` names; tokens at indices in `skip` (its date) are
    left out. A pronoun at an index in `referents` reads as the name it stands for ("it
    recruited" -> "Russia recruited", "its forces" -> "Russia's forces"), since a label is
    read away from its sentence, unless the label names it already ("Russia replenished its
    forces").

        >>> event_label(nlp("On Friday the council quickly approved the bill, which ...")[5], vocab)
        'the council approved the bill'
    """
    if trigger.pos_ in {"VERB", "AUX"}:
        words = _verb_phrase(trigger, vocab, skip)
        if len(words) > MAX_WORDS:  # a long subject gives up its complement first
            words = _verb_phrase(trigger, vocab, skip, brief=True)
    else:
        words = _noun_phrase(_phrase_head(trigger), skip, complements=1)
    words = words[:MAX_WORDS]
    shown = {t.i for t in words}
    named = {i: r.name for i, r in (referents or {}).items() if not r.named_at & shown}
    return _join(words, named)


def _verb_phrase(
    verb: Token, vocab: EventWords, skip: Collection[int], brief: bool = False
) -> list[Token]:
    words = [verb]
    subject = purpose = None
    has_object = False
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ in {"nsubj", "nsubjpass"}:
            subject = child
            words += _subject(child, verb, vocab, skip, brief)
        elif child.dep_ in {"dobj", "dative", "attr", "oprd"}:
            has_object = True
            words += _noun_phrase(child, skip, complements=1)
        elif child.dep_ in _VERB_CORE:
            words += [child]
        elif child.dep_ == "agent" and subject is None:
            words += _noun_phrase(child, skip, complements=1)
        elif _infinitive(child) and not has_object and child.dep_ == "advcl":
            purpose = child  # after a complement: "turned to bonuses to recruit soldiers"
        elif _infinitive(child) and not has_object:
            # "set to visit Washington", "voted to return to a second reading"
            words += _to_phrase(child, vocab, skip, brief)
            has_object = True
        elif child.dep_ in {"acomp"}:
            words += [child]
        elif (
            child.dep_ == "npadvmod"
            and any(t.like_num for t in child.subtree)
            and not any(t.is_bracket for t in child.subtree)
        ):
            words += [t for t in child.subtree if t.i not in skip]  # "fell 5%"
    if not has_object:
        # "resorted to recruitment campaigns", "were deployed in the conflict zone"
        prep = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep" and c.i > verb.i and c.i not in skip and _has_object(c, skip)
            ),
            None,
        )
        if prep is not None:
            words += _prepositional(prep, skip)
    if purpose is not None:
        words += _to_phrase(purpose, vocab, skip, brief)
    if subject is None and verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"}:
        # "to increase its armed forces" reads as "Russia aimed to increase its armed forces"
        governor = verb.head
        words.append(governor)
        complemented = False
        for child in governor.children:
            if child.i in skip:
                continue
            if child.dep_ in {"nsubj", "nsubjpass"}:
                words += _subject(child, governor, vocab, skip, brief)
            elif child.dep_ == "dobj" and child.i < verb.i:
                # "ordered the size of the army to be increased": the object is its subject
                words += _noun_phrase(child, skip, complements=1)
            elif (
                child.dep_ == "prep"
                and governor.i < child.i < verb.i
                and not complemented
                and _has_object(child, skip)
            ):
                words += _prepositional(child, skip)  # "resorted to campaigns to bolster"
                complemented = True
            elif child.dep_ in {"aux", "auxpass", "neg"} and child.i < governor.i:
                words.append(child)
    if subject is None and verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "men who will be called up" reads as "men called up"; the modified noun is the subject
        words += _noun_phrase(verb.head, skip, complements=0, keep_relative=False)
    return sorted(set(words), key=lambda t: t.i)


def _to_phrase(verb: Token, vocab: EventWords, skip: Collection[int], brief: bool) -> list[Token]:
    """An infinitive with its own auxiliaries ("to", "to be")."""
    auxiliaries = [t for t in verb.children if t.dep_ in {"aux", "auxpass"}]
    return auxiliaries + _verb_phrase(verb, vocab, skip, brief)


def _infinitive(token: Token) -> bool:
    """An infinitive complement: "set to visit Washington", "voted to return"."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return token.dep_ == "xcomp" or (
        token.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    )


def _subject(
    subject: Token, verb: Token, vocab: EventWords, skip: Collection[int], brief: bool = False
) -> list[Token]:
    if subject.lower_ in vocab.relative_pronouns and verb.dep_ == "relcl":
        return _noun_phrase(verb.head, skip, complements=0, keep_relative=False)
    if subject.lower_.endswith(vocab.reflexive_endings):
        # "conscripts found themselves caught": the reflexive stands for the outer subject
        outer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if outer is not None and outer.i != subject.i:
            return _noun_phrase(outer, skip, complements=int(not brief))
    appositive = next((c for c in subject.children if c.dep_ == "appos"), None)
    if appositive is not None and appositive.pos_ == "PROPN":
        return _noun_phrase(appositive, skip, complements=0)  # "the lower house, the State Duma"
    return _noun_phrase(subject, skip, complements=int(not brief))


def _noun_phrase(
    head: Token, skip: Collection[int], complements: int, keep_relative: bool = False
) -> list[Token]:
    """`head` with its determiners, modifiers, owner and up to `complements` prepositional
    complements; everything else pruned."""
    words = [head]
    kept = 0
    for child in head.children:
        if child.i in skip or (child.dep_ == "relcl" and not keep_relative):
            continue
        if _pruned(child):
            continue
        if child.dep_ == "prep" and head.ent_iob_ != "O" and child.ent_iob_ == "I":
            words += _prepositional(child, skip)  # inside a name: "the University of Bremen"
        elif child.dep_ == "prep":
            if kept >= complements or child.i < head.i or not _has_object(child, skip):
                continue
            kept += 1
            words += _prepositional(child, skip)
        elif child.dep_ == "poss":
            words += _noun_phrase(child, skip, complements=0)
        else:
            words += [t for t in child.subtree if t.i not in skip and not _inside_pruned(t, child)]
    return sorted(set(words), key=lambda t: t.i)


def _prepositional(prep: Token, skip: Collection[int]) -> list[Token]:
    words = [prep]
    for child in prep.children:
        if child.dep_ == "pobj" and child.i not in skip:
            words += _noun_phrase(child, skip, complements=0)
    return words


def _has_object(prep: Token, skip: Collection[int]) -> bool:
    return any(c.dep_ == "pobj" and c.i not in skip for c in prep.children)


def _inside_pruned(token: Token, top: Token) -> bool:
    while token.i != top.i:
        if _pruned(token) or token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _pruned(token: Token) -> bool:
    if token.dep_ == "punct":
        # a hyphen inside a word stays: "call-ups", "military-eligible"
        return not (token.text == "-" and token.i > 0 and not token.nbor(-1).whitespace_)
    if token.dep_ in {"cc", "conj"} and token.head.like_num:
        return False  # "between 170,000 and 200,000"
    if not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().text == "-":
        return False  # inside a hyphenated word: "a 70-year-old academic"
    return token.dep_ in _PRUNED


def _phrase_head(noun: Token) -> Token:
    """The noun whose phrase names the event: "drive" for "mobilization" in "the mobilization
    drive", "wave" for "the second wave of mobilization"."""
    if noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def _join(words: Iterable[Token], named: Mapping[int, str]) -> str:
    text = ""
    previous: Token | None = None
    for token in words:
        if previous is not None and (previous.i + 1 != token.i or previous.whitespace_):
            text += " "
        text += _word(token, named)
        previous = token
    return text.strip(" ,;:-–—")


def _word(token: Token, named: Mapping[int, str]) -> str:
    name = named.get(token.i)
    if name is None:
        return token.text
    if token.tag_ == "PRP$":  # its, his, their
        return f"{name}'" if name.endswith("s") else f"{name}'s"
    return name
