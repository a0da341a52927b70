"""References within one document: pronouns and definite descriptions linked to the actor they
stand for, so that "the company said it would cut 5,000 jobs" has a participant.

A reference is linked to a mention before it, in text order, when they agree:
- in kind: "he", "she" and "the president" stand for persons; "it" and "its" for
  organisations, countries and named things, never for a person; "they" for an organisation
  named in the sentence or the one before, with no plural noun or names joined by "and"
  around; "the index" for a
  market index, "the company" for an organisation;
- in gender: a title ("Mr.", "Mrs.", "spokeswoman") tells a person's gender, and so does the
  first gendered pronoun linked to them: a person once called "she" is not "he" later on;
- in what the description says: a specific noun ("the bank", "the president", "the phone")
  stands only for an actor the document names or describes with it ("Bank of England",
  "President X", "iPhone", "X, the central bank", "the carmaker Y"), and so does a noun
  before the head ("the computer company": "Apple Computer"). With no such actor before
  it, a specific description stands for the one actor the whole document names with its
  noun ("the ministry said" before the first "Defense Ministry"), if there is just one.

A subject or possessive pronoun first takes the subject of the clause above it ("Apple said
it would", "the Commission forced Apple to lower its prices", "with the ministry saying it
would"). Otherwise, among the mentions
that agree, the nearest sentence wins, then a subject over other roles (the actor the text is
about), then the nearest mention. A reference is left alone when two actors are equally
near subjects, or equally near non-subjects, or when a phrase that names no actor stands in
between as a subject or object ("He issued a decree ... from its previous level"): a wrong
participant is worse than none. Pleonastic "it" ("it is said that", "it rained", "it
seems") and first and second person stand for no actor. A description in apposition to a
name ("Toyota, the carmaker", "the carmaker Toyota") is a mention of it, and tells what the
later "the carmaker" means.

Resolved references join the actor's mentions (and the parse's token table that events and
claims read), and are listed apart in `LocalActor.references`: they never become its name or
an alias.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorMention, ActorTable
from graph.extract.nlp import sentences
from graph.lang import Lexicon, get
from graph.lang.references import Gender, Pronoun, ReferenceWords
from graph.model import ActorKind, Document, LocalActor

_SUBJECTS = {"nsubj", "nsubjpass"}
# Kinds "it" may stand for; "they" only for the kinds that are several people.
_THING_KINDS = frozenset(ActorKind) - {ActorKind.PERSON}
_GROUP_KINDS = frozenset({ActorKind.ORGANIZATION})
# How many sentences back a reference looks for its antecedent.
_PRONOUN_REACH = 2
_DESCRIPTION_REACH = 3
_GROUP_REACH = 1


@dataclass
class _Mention:
    start: int  # token range
    end: int
    actor: int
    sentence: int
    subject: bool


@dataclass
class _Evidence:
    """What the document says about one actor: its gender and the nouns that describe it."""

    gender: Gender | None = None
    nouns: set[str] = field(default_factory=set)
    name_words: set[str] = field(default_factory=set)


def resolve_references(
    doc: Doc, document: Document, table: ActorTable, *, lexicon: Lexicon | None = None
) -> ActorTable:
    """`table` with the document's pronouns and definite descriptions linked to its actors.

    Args:
        doc: the parsed document `table` was found in.
        document: the document, whose spans the references take.
        table: the actors `graph.extract.actors.find_actors` found.
        lexicon: the language's words (default: `graph.lang.get()`).

    Returns:
        A new table: each actor's references added to its mentions (and listed in
        `LocalActor.references`), and to the table's mentions and tokens.

    Example:
        >>> doc = nlp("Acme Corp. posted a loss. The company said it would cut 500 jobs.")
        >>> table = resolve_references(doc, document, find_actors(doc, document))
        >>> [s.text for s in table.actors[0].references]
        ['The company', 'it']
    """
    words = (lexicon or get()).references
    sentence_of = {t.i: s for s, sent in enumerate(sentences(doc)) for t in sent}
    evidence = [_evidence_of(actor, words) for actor in table.actors]
    known = [
        _Mention(m.start, m.end, m.actor, sentence_of[m.start], _is_subject(doc[m.start : m.end]))
        for m in table.mentions
    ]
    taken = set(table.by_token)
    quoted = _quoted(doc)
    found: list[_Mention] = []
    for first, last, described, what, mentioned in _appositions(doc, table, words, taken):
        evidence[described].nouns.add(what)
        if mentioned and not taken.intersection(range(first, last)):
            found.append(_Mention(first, last, described, sentence_of[first], False))
            taken.update(range(first, last))
    known += found
    for token in doc:
        if token.i in taken:
            continue
        reference = _reference(token, words)
        if reference is None:
            continue
        start, end, pronoun, noun = reference
        if pronoun is not None and token.i in quoted:
            continue  # inside a quotation "he" may be anyone the speaker has in mind
        before = [m for m in known if m.end <= start]
        actor = _antecedent(
            token, pronoun, noun, before, sentence_of, table, evidence, taken, words
        )
        if actor is None:
            continue
        if pronoun is not None and pronoun.gender is not None:
            evidence[actor].gender = evidence[actor].gender or pronoun.gender
        mention = _Mention(start, end, actor, sentence_of[start], _is_subject(doc[start:end]))
        known.append(mention)
        found.append(mention)
        taken.update(range(start, end))
    return _with_references(doc, document, table, found)


def _reference(
    token: Token, words: ReferenceWords
) -> tuple[int, int, Pronoun | None, str | None] | None:
    """The token range of a reference that `token` heads, with its pronoun or noun."""
    pronoun = words.pronouns.get(token.lower_)
    if pronoun is not None:
        if token.pos_ != "PRON" or _pleonastic(token, words):
            return None
        return token.i, token.i + 1, pronoun, None
    noun = token.lemma_.lower()
    if token.tag_ != "NN" or noun not in words.descriptions:
        return None
    dets = [c for c in token.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ not in words.definite_articles or dets[0].i > token.i:
        return None
    for child in token.children:
        if child.lower_ in words.contrast_modifiers:
            return None  # "the other company" is another one
        if child.dep_ in {"relcl", "acl", "prep", "appos", "nummod"} and child.i > token.i:
            return None  # "the company that owns it", "the president of X": a new one
        if child.dep_ in {"compound", "nmod", "poss"} and child.pos_ == "PROPN":
            return None  # "the Apple device", "the Nikkei index": a name tells which
    if token.dep_ == "compound" or token.dep_ == "attr":
        return None  # "the company's", fine; "the company logo" or "X is the company": not
    return dets[0].i, token.i + 1, None, noun


def _quoted(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks; a paragraph closes an open quote."""
    inside: set[int] = set()
    open_ = False
    for token in doc:
        if "\n" in token.text_with_ws and not token.is_quote:
            open_ = False
        if token.is_quote and token.text not in {"'", "’", "‘"}:
            if token.text in {"“", "``"}:
                open_ = True
            elif token.text in {"”", "''"}:
                open_ = False
            else:
                open_ = not open_
            continue
        if open_:
            inside.add(token.i)
    return inside


def _pleonastic(token: Token, words: ReferenceWords) -> bool:
    """An "it" that stands for nothing: "it rained", "it seems that", "it is likely that",
    "it is said that", "it was Apple that", "made it clear that"."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ in _SUBJECTS and head.lemma_.lower() in words.weather_verbs | words.raising_verbs:
        return True
    clause = {"ccomp", "xcomp", "csubj", "advcl", "relcl", "pcomp"}
    after = [c for c in head.children if c.i > token.i]
    if token.dep_ == "nsubj" and (head.lemma_ == "be" or head.lower_ in {"'s", "’s"}):
        for c in after:
            if c.dep_ in clause:
                return True
            if c.dep_ in {"acomp", "attr"} and any(g.dep_ in clause for g in c.children):
                return True
    if token.dep_ == "nsubjpass" and any(c.dep_ in {"ccomp", "xcomp"} for c in after):
        return True  # "it is said that", "it was announced that"
    return token.dep_ == "dobj" and any(c.dep_ in {"ccomp", "xcomp", "oprd"} for c in after)


def _antecedent(
    token: Token,
    pronoun: Pronoun | None,
    noun: str | None,
    before: list[_Mention],
    sentence_of: dict[int, int],
    table: ActorTable,
    evidence: list[_Evidence],
    taken: set[int],
    words: ReferenceWords,
) -> int | None:
    """The actor of the nearest, most salient mention in `before` that agrees, if one stands
    out."""
    sentence = sentence_of[token.i]
    doc = token.doc
    if pronoun is not None:
        reach = _GROUP_REACH if pronoun.plural else _PRONOUN_REACH
    elif noun in words.specific_descriptions:
        reach = sentence  # named or described with the noun: anywhere before
    else:
        reach = _DESCRIPTION_REACH
    # "the computer company" is the one whose name or description says "computer"
    modifiers = [
        c.lemma_.lower()
        for c in token.children
        if noun is not None and c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN"
    ]
    candidates = []
    for mention in before:
        distance = sentence - mention.sentence
        if distance > reach:
            continue
        actor = table.actors[mention.actor]
        if pronoun is not None:
            if not _pronoun_agrees(pronoun, actor, evidence[mention.actor]):
                continue
            if not pronoun.reflexive and token.dep_ != "poss" and _co_argument(doc, mention, token):
                continue  # "Apple sued it": not Apple
            if pronoun.plural and _plural_around(doc, mention, token):
                continue
        elif noun is not None and not (
            _description_agrees(noun, actor, evidence[mention.actor], words)
            and all(_described(m, evidence[mention.actor]) for m in modifiers)
        ):
            continue
        candidates.append(mention)
    if not candidates:
        if noun in words.specific_descriptions and not modifiers:
            return _only_one_named(noun, table, evidence, words)
        return None
    if pronoun is not None and (token.dep_ in _SUBJECTS or token.dep_ == "poss"):
        local = _clause_subject(token, candidates, words)
        if local is not None:
            return local

    def tier(m: _Mention) -> tuple[bool, int, bool]:
        # a description first means an actor the document describes with its noun
        described = noun is not None and noun in evidence[m.actor].nouns
        return not described, sentence - m.sentence, not m.subject

    best = min(tier(m) for m in candidates)
    top = [m for m in candidates if tier(m) == best]
    actors = {m.actor for m in top}
    if len(actors) > 1:
        return None  # two actors fit equally well: leave it
    nearest = max(top, key=lambda m: m.start)
    if pronoun is not None and _unnamed_between(doc, nearest, token, pronoun, taken, words):
        return None
    return nearest.actor


def _only_one_named(
    noun: str, table: ActorTable, evidence: list[_Evidence], words: ReferenceWords
) -> int | None:
    """The one actor of the document named or described with a specific noun, wherever
    it is named: "the ministry" before the article first names "the Defense Ministry" is
    that ministry when the article names no other."""
    named = [
        index
        for index, actor in enumerate(table.actors)
        if actor.actor_type is words.descriptions[noun] and _described(noun, evidence[index])
    ]
    return named[0] if len(named) == 1 else None


def _unnamed_between(
    doc: Doc,
    mention: _Mention,
    token: Token,
    pronoun: Pronoun,
    taken: set[int],
    words: ReferenceWords,
) -> bool:
    """Whether a phrase that names no actor stands between the antecedent and the pronoun
    as a subject or an object and may be what the pronoun means: "He issued a decree ...
    from its previous level", "the army did not say how many it"; for "he" and "she", a
    role noun ("the spokesman said he"). Such a pronoun is left alone."""
    # before a mention that is no subject, the clause's own subject may be meant: "how
    # the war in Ukraine would unfold, how long it would last"
    start = max(mention.end if mention.subject else mention.start, token.sent.start)
    start = token.sent.start if not mention.subject and mention.start >= start else start
    for word in doc[start : token.i]:
        if word.i in taken or word.dep_ not in _SUBJECTS | {"dobj", "attr"}:
            continue
        if pronoun.person:
            if word.pos_ == "NOUN" and word.lemma_.lower() in words.person_nouns:
                return True
        elif not pronoun.plural and word.tag_ == "NN":
            return True
    return False


def _absolute_subject(verb: Token, heads: dict[int, int], words: ReferenceWords) -> int | None:
    """The actor named right before a participle as the object of "with" ("with the ministry
    saying it would"): the participle's subject, whatever the parse makes of it."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.i - 1 not in heads:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ != "pobj" or noun.head.lower_ not in words.absolute_prepositions:
        return None
    return heads[noun.i]


def _clause_subject(
    pronoun: Token, candidates: list[_Mention], words: ReferenceWords
) -> int | None:
    """The actor of the subject of the nearest clause above the pronoun that has one among
    `candidates`: "Apple said it would", "Apple raised its prices", "the Commission forced
    Apple to lower its prices" (the object of "forced" is the subject of "lower")."""
    doc = pronoun.doc
    heads = {_span_head(doc[m.start : m.end]).i: m.actor for m in candidates}
    token = pronoun.head if pronoun.dep_ == "poss" else pronoun
    while True:
        if token.dep_ in _SUBJECTS and token.i != pronoun.i:
            subjects = [token]
        else:
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS and c.i != pronoun.i]
        if token.dep_ == "xcomp" and not subjects:
            # the object controls ("forced Apple to lower"), else the subject ("Russia will
            # begin conscription to replenish its forces")
            subjects = [c for c in token.head.children if c.dep_ == "dobj"] + [
                c for c in token.head.children if c.dep_ in _SUBJECTS
            ]
        if token.dep_ == "acl" and token.tag_ == "VBG" and not subjects:
            subjects = [token.head]  # "the ministry saying it would": who says
        absolute = _absolute_subject(token, heads, words)
        if absolute is not None:
            return absolute  # "with the ministry saying it would"
        if token.dep_ == "conj" and not subjects:
            subjects = [c for c in token.head.children if c.dep_ in _SUBJECTS]
        for subject in subjects:
            # the subject, or a name in apposition to it
            for word in (subject, *(c for c in subject.children if c.dep_ == "appos")):
                if word.i in heads:
                    return heads[word.i]
        if subjects or token.head.i == token.i or token.dep_ in {"relcl", "acl"}:
            return None  # the clause's subject is someone else, or no clause is left
        token = token.head


def _pronoun_agrees(pronoun: Pronoun, actor: LocalActor, evidence: _Evidence) -> bool:
    kind = actor.actor_type
    if pronoun.person:
        if kind is not ActorKind.PERSON:
            return False
        return evidence.gender in {None, pronoun.gender} or pronoun.gender is None
    if pronoun.plural:
        return kind in _GROUP_KINDS
    return kind in _THING_KINDS


def _description_agrees(
    noun: str, actor: LocalActor, evidence: _Evidence, words: ReferenceWords
) -> bool:
    if noun in words.specific_descriptions and (
        noun in evidence.nouns or noun in evidence.name_words
    ):
        return True  # named or described with the noun: "iTunes Store", "the store"
    if words.descriptions[noun] is not actor.actor_type:
        return False
    if noun in evidence.nouns or noun in evidence.name_words:
        return True
    if noun in words.specific_descriptions:
        return _described(noun, evidence)  # "iPhone" is a phone: a name ending in the noun
    # "the company" is not what the document names as a bank or a ministry
    narrower = {
        word
        for word in evidence.name_words | evidence.nouns
        if word in words.specific_descriptions
        and words.descriptions[word] is words.descriptions[noun]
    }
    return not narrower


def _described(word: str, evidence: _Evidence) -> bool:
    """Whether the actor is named or described with `word` ("computer": "Apple Computer")."""
    return word in evidence.nouns or any(
        w == word or (len(word) > 3 and w.endswith(word)) for w in evidence.name_words
    )


def _co_argument(doc: Doc, mention: _Mention, pronoun: Token) -> bool:
    """Whether the mention is an argument of the pronoun's own verb ("Apple sued it"), or
    the subject it shares with another verb ("Google bought X and shut it down")."""
    head = _span_head(doc[mention.start : mention.end])
    if head.dep_ == "poss":
        return False
    verb = pronoun.head
    if head.head.i == verb.i:
        return True
    shared = verb.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in verb.children)
    return shared and head.head.i == verb.head.i and head.dep_ in _SUBJECTS


def _plural_around(doc: Doc, mention: _Mention, pronoun: Token) -> bool:
    """Whether a group likelier than one organisation is near "they": a plural noun or
    pronoun between the two or earlier in the pronoun's sentence ("customers ... their"),
    or names joined by a conjunction ("the iPod, the Nano and the Shuffle ... they")."""
    head = _span_head(doc[mention.start : mention.end])
    if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return True
    start = min(mention.end, pronoun.sent.start)
    return any(
        t.tag_ in {"NNS", "NNPS"} or (t.pos_ == "PRON" and "Plur" in t.morph.get("Number", []))
        for t in doc[start : pronoun.i]
        if not mention.start <= t.i < mention.end
    )


def _is_subject(span: Span) -> bool:
    return _span_head(span).dep_ in _SUBJECTS


def _span_head(span: Span) -> Token:
    inside = range(span.start, span.end)
    return next((t for t in span if t.head.i == t.i or t.head.i not in inside), span[-1])


def _evidence_of(actor: LocalActor, words: ReferenceWords) -> _Evidence:
    """An actor's gender from its titles, and the words of its names and titles."""
    evidence = _Evidence()
    for title in actor.titles:
        evidence.gender = evidence.gender or words.gender_of_title(title)
        evidence.nouns.update(title.lower().replace("-", " ").split())
        evidence.nouns.update(title.lower().split())
    for name in (actor.name, *actor.aliases):
        evidence.name_words.update(name.lower().split())
    return evidence


def _appositions(
    doc: Doc, table: ActorTable, words: ReferenceWords, taken: set[int]
) -> list[tuple[int, int, int, str, bool]]:
    """Descriptions in apposition to a name, or right before it: "Toyota, the carmaker,",
    "the carmaker, Toyota,", "the carmaker Toyota", and what a name is said to be ("X is a
    phone"). Each as (start, end, actor, noun, whether the phrase is a mention of it)."""
    found = []
    for mention in table.mentions:
        span = doc[mention.start : mention.end]
        head = _span_head(span)
        nouns = [c for c in head.children if c.dep_ == "appos" and c.i >= span.end]
        if head.dep_ == "appos" and head.head.i < span.start:
            nouns.append(head.head)
        said = (
            [c for c in head.head.children if c.dep_ == "attr" and c.i > head.i]
            if head.dep_ == "nsubj" and head.head.lemma_ == "be"
            else []
        )  # "X is a phone" describes X; the phrase is no mention of it
        nouns += said
        if table.actors[mention.actor].actor_type is not ActorKind.PERSON:
            # "the carmaker Toyota"; before a person's name such a noun is a title
            nouns += [
                c
                for c in head.children
                if c.dep_ in {"compound", "nmod"} and c.i < span.start and c.pos_ == "NOUN"
            ]
        for noun in nouns:
            lemma = noun.lemma_.lower()
            if (
                noun.tag_ != "NN"
                or words.descriptions.get(lemma) is not table.actors[mention.actor].actor_type
            ):
                continue
            if any(c.lower_ in words.contrast_modifiers for c in noun.children):
                continue
            # "its chief executive": from the words after a possessor, which is a mention
            # of its own
            owners = [c for c in noun.children if c.dep_ == "poss" and c.i < noun.i]
            start = max(o.right_edge.i for o in owners) + 1 if owners else noun.left_edge.i
            while doc[start].dep_ == "case" or doc[start].is_punct:
                start += 1
            if taken.intersection(range(start, noun.i + 1)):
                continue
            found.append((start, noun.i + 1, mention.actor, lemma, noun not in said))
    return found


def _with_references(
    doc: Doc, document: Document, table: ActorTable, found: list[_Mention]
) -> ActorTable:
    if not found:
        return table
    by_actor: dict[int, list[_Mention]] = {}
    for mention in found:
        by_actor.setdefault(mention.actor, []).append(mention)
    actors = []
    for index, actor in enumerate(table.actors):
        spans = [
            document.span(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
            for m in by_actor.get(index, [])
        ]
        if not spans:
            actors.append(actor)
            continue
        references = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
        actors.append(
            actor.model_copy(
                update={
                    "mentions": tuple(
                        sorted((*actor.mentions, *references), key=lambda s: (s.start, s.end))
                    ),
                    "references": references,
                }
            )
        )
    mentions = table.mentions + [ActorMention(m.start, m.end, m.actor) for m in found]
    by_token = dict(table.by_token)
    for m in found:
        for i in range(m.start, m.end):
            by_token[i] = m.actor
    return ActorTable(actors, sorted(mentions, key=lambda m: m.start), by_token, table.locations)
