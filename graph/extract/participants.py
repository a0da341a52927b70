"""Who takes part in an event, and in what role, read from the dependency structure.

An actor takes part in an event when one of its mentions (a name, or a pronoun or
description resolved to it: "he", "the company") is an argument of the event's words, or
sits in an argument's phrase ("Apple and Google", "Tim Cook, the chief executive"). The
relation of that argument to the event word gives the role (`graph.model.Role`):

- agent: the subject of an active verb, the "by" phrase of a passive, the owner of an event
  noun who can act ("Apple's launch");
- patient: the object, the subject of a passive, "of" / "against" phrases, a thing owning or
  naming an event noun ("the iPhone's launch", "the iPhone launch");
- recipient: the indirect object, "to" phrases ("sold to Google", "sent troops to Ukraine");
- beneficiary: "for" phrases ("built for the company");
- instrument: a thing in a "with" / "via" phrase or the object of "using" ("with drones",
  "using Siri"); a person or organisation "with" takes part without a clear role;
- location: "in" / "at" phrases;
- participant: anything else in an argument's phrase ("the CEO of Apple", "Apple's iPhone").

An actor inside a clause of the event's (a complement, an adverbial or relative clause, a
verb joined to it) takes no part in it: its role is in the clause's own event ("Apple said
Google sued Samsung": Samsung takes no part in the saying). Nor does an actor in a phrase
telling the event's circumstances ("despite NATO's expansion", "amid talks with China";
`EventWords.circumstance_prepositions`). A verb without a subject of its own
takes the subject that controls it: "Apple plans to launch" (Apple launches), "the
Commission forced Apple to lower" (Apple lowers), "Apple unveiled X and launched Y", "the
company, which launched Y". The words (prepositions, "use") are the language's
(`graph.lang.events.EventWords`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorMention, ActorTable
from graph.lang.events import EventWords
from graph.model import ActorKind, Document, Participant, Role

# Relations inside one phrase: an actor there shares the phrase's role ("Apple and Google",
# "Tim Cook, the chief executive", "the carmaker Toyota").
_SAME_PHRASE = frozenset({"conj", "appos", "compound", "flat", "nmod", "amod", "nummod"})
# Clauses with a predicate of their own: their arguments take part in their event.
_CLAUSES = frozenset(
    {"relcl", "ccomp", "advcl", "csubj", "csubjpass", "parataxis", "acl", "xcomp", "pcomp"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Kinds that act; the others (products, laws, facilities...) are acted on or used.
_ACTING = frozenset({ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY})


def find_participants(
    members: list[Token], document: Document, actors: ActorTable, vocab: EventWords
) -> tuple[Participant, ...]:
    """The actors taking part in the event that `members` name (its word first, then the
    words folded into it), each once per role, in text order.

    An actor given a role is not also listed as a bare participant of the same event.

    Example:
        >>> doc = nlp("Apple plans to launch the iPhone in Japan.")
        >>> [(table.actors[p.actor].name, p.role) for p in find_participants(...)]
        [('Apple', 'agent'), ('iPhone', 'patient'), ('Japan', 'location')]
    """
    trigger = members[0]
    inside = {m.i for m in members}
    sentence = trigger.sent
    doc = trigger.doc
    found: dict[tuple[int, Role], ActorMention] = {}
    for mention in actors.mentions:
        if not sentence.start <= mention.start < sentence.end:
            continue
        head = _head(trigger.doc[mention.start : mention.end])
        owned = next((m for m in members if _owns_compound(head, m)), None)
        if owned is not None:
            kind = actors.actors[mention.actor].actor_type
            found.setdefault((mention.actor, _direct("poss", owned, kind, vocab)), mention)
            continue
        if not trigger.is_ancestor(head) and head.i != trigger.i:
            continue
        role = role_of(head, inside, mention.actor, actors, vocab)
        if role is not None:
            found.setdefault((mention.actor, role), mention)
    for token, role in _controllers(members, vocab):
        for word in _phrase(token):
            held = _mention_at(actors, word)
            if held is not None:
                found.setdefault((held.actor, role), held)
    roled = {actor for actor, role in found if role is not Role.PARTICIPANT}
    # "Russia will begin conscription to replenish its forces": Russia acts; owning the
    # forces it replenishes does not make it their patient as well
    owners = {key for key, mention in found.items() if _owns_argument(mention, inside, doc)}
    direct = {actor for (actor, role) in found if (actor, role) not in owners}
    kept = [
        (mention, role)
        for (actor, role), mention in found.items()
        if (role is not Role.PARTICIPANT or actor not in roled)
        and ((actor, role) not in owners or actor not in direct)
    ]
    return tuple(
        Participant(
            actor=mention.actor,
            role=role,
            span=document.span(
                doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1])
            ),
        )
        for mention, role in sorted(kept, key=lambda pair: (pair[0].start, pair[1]))
    )


def role_of(
    head: Token, members: set[int], actor: int, actors: ActorTable, vocab: EventWords
) -> Role | None:
    """The role of `actor`, whose mention `head` heads, in the event whose words are
    `members` (token indices); None when it is not under them, or takes part only in a
    clause of theirs or their circumstances.

    An actor inside an argument's phrase takes the argument's role ("the price of the
    iPhone was cut": the iPhone is the patient), unless the phrase is another actor's
    ("Tim Cook, Apple's chief executive, said": Apple only takes part)."""
    kind = actors.actors[actor].actor_type
    path: list[Token] = []
    token = head
    while token.i not in members:
        if token.head.i == token.i:
            return None
        path.append(token)
        token = token.head
    if not path:
        return Role.PARTICIPANT  # the event word is in the name itself
    event = token
    argument, inner = path[-1], path[:-1]
    preposition = None
    if argument.dep_ == "prep" and argument.lower_ in vocab.circumstance_prepositions:
        return None  # "despite NATO's expansion": the circumstances, not a part in it
    if argument.dep_ in {"prep", "agent", "dative"} and argument.pos_ == "ADP":
        if not inner or inner[-1].dep_ != "pobj":
            return None  # "by buying X": a clause under the preposition, X is its own
        preposition, inner = argument.lower_, inner[:-1]
    elif (
        argument.dep_ in _CLAUSES
        and _lemma(argument) in vocab.instrument_verbs
        and inner
        and inner[-1].dep_ == "dobj"
    ):
        # "attacked the city using drones": the object of "using" is the instrument
        inner = inner[:-1]
        if any(t.dep_ not in _SAME_PHRASE for t in inner):
            return Role.PARTICIPANT
        return Role.INSTRUMENT if kind not in _ACTING else Role.PARTICIPANT
    if (
        argument.dep_ == "conj"
        and event.pos_ in {"VERB", "AUX"}
        or any(t.dep_ in _CLAUSES for t in path)
    ):
        # "Apple sold the iPod and launched iTunes", "Apple said Google sued Samsung",
        # "calling up men despite NATO's expansion": in a clause of its own, which tells
        # another event or the circumstances; it takes part in that one, not in this one
        return None
    if any(t.dep_ not in _SAME_PHRASE for t in inner) and any(
        actors.actor_at(t) not in {None, actor} for t in inner[1:]
    ):
        return Role.PARTICIPANT  # in another actor's phrase: "Tim Cook, Apple's CEO"
    modifiers = [t for t in inner if not _within_phrase(t, vocab)]
    if modifiers:
        # a modifier of the argument: "a plant for Google" takes part; "a plant in Germany"
        # puts the event there
        top = modifiers[-1]
        if top.dep_ == "prep" and top.lower_ in vocab.location_prepositions:
            return Role.LOCATION
        return Role.PARTICIPANT
    if preposition is not None:
        return _prepositional(preposition, argument.dep_, event, kind, vocab)
    return _direct(argument.dep_, event, kind, vocab)


def _direct(relation: str, event: Token, kind: ActorKind, vocab: EventWords) -> Role:
    if relation == "nsubj":
        # "Apple's shares fell", "Jobs died": the subject undergoes it
        return Role.PATIENT if _lemma(event) in vocab.undergoer_verbs else Role.AGENT
    if relation in {"nsubjpass", "dobj"}:
        return Role.PATIENT
    if relation == "dative":
        return Role.RECIPIENT  # "gave Ukraine aid"
    if relation in {"poss", "compound"} and event.pos_ in {"NOUN", "PROPN"}:
        # "Apple's launch", "the Apple launch"; "the iPhone's launch": the thing launched
        return Role.AGENT if kind in _ACTING and relation == "poss" else Role.PATIENT
    return Role.PARTICIPANT


def _prepositional(
    preposition: str, relation: str, event: Token, kind: ActorKind, vocab: EventWords
) -> Role:
    if relation == "agent":
        return Role.AGENT  # "launched by Apple"
    if relation == "dative" or preposition in vocab.recipient_prepositions:
        return Role.RECIPIENT
    if preposition in vocab.agent_prepositions and event.pos_ in {"NOUN", "PROPN"}:
        return Role.AGENT  # "the acquisition by Google"
    if preposition in vocab.location_prepositions:
        return Role.LOCATION
    if preposition in vocab.patient_prepositions:
        return Role.PATIENT
    if preposition in vocab.beneficiary_prepositions:
        return Role.BENEFICIARY
    if preposition in vocab.instrument_prepositions and kind not in _ACTING:
        return Role.INSTRUMENT
    return Role.PARTICIPANT


def _controllers(members: list[Token], vocab: EventWords) -> Iterator[tuple[Token, Role]]:
    """The subjects (or objects) that control the event's verbs without a subject of their
    own, with the role they take: "Apple plans to launch", "Apple unveiled X and launched Y",
    "the company, which launched Y", "the iPhone, unveiled in 2007"."""
    for verb in members:
        if verb.pos_ != "VERB":
            continue
        # "was launched", "the iPhone, unveiled in 2007", "expected to fall": the
        # controller undergoes it
        passive = (
            any(c.dep_ == "auxpass" for c in verb.children)
            or (verb.dep_ == "acl" and verb.tag_ == "VBN")
            or _lemma(verb) in vocab.undergoer_verbs
        )
        role = Role.PATIENT if passive else Role.AGENT
        relative = next((c for c in verb.children if c.lower_ in vocab.relative_pronouns), None)
        if verb.dep_ == "relcl" and relative is not None:
            # the noun the clause modifies takes the role of its relative pronoun
            if relative.dep_ in _SUBJECTS:
                yield verb.head, _direct(relative.dep_, verb, ActorKind.ORGANIZATION, vocab)
            elif relative.dep_ == "dobj":
                yield verb.head, Role.PATIENT
            continue
        controller = _controller(verb)
        if controller is not None:
            yield controller, role


def _controller(verb: Token) -> Token | None:
    token = verb
    while not any(c.dep_ in _SUBJECTS for c in token.children):
        head = token.head
        if token.dep_ == "xcomp":
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]  # "forced Apple to lower"
        elif (
            token.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"} and token.tag_ in {"VBN", "VBG"}
        ):
            return head  # "the iPhone, unveiled in 2007", "Apple, saying"
        elif not (token.dep_ == "conj" and head.pos_ in {"VERB", "AUX"}):
            return None
        token = head
    subject = next(c for c in token.children if c.dep_ in _SUBJECTS)
    return None if subject.tag_ in {"WDT", "WP"} else subject


def _within_phrase(token: Token, vocab: EventWords) -> bool:
    """Whether `token` is part of the phrase it modifies, or its owner ("Apple's shares",
    "shares of Apple"), rather than a circumstance of it ("a plant for Google")."""
    if token.dep_ in _SAME_PHRASE or token.dep_ == "poss":
        return True
    preposition = token.head if token.dep_ == "pobj" else token
    return preposition.dep_ == "prep" and preposition.lower_ in vocab.part_prepositions


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _phrase(token: Token) -> Iterable[Token]:
    """The token and the words joined to it ("Apple and Google", "Cook, the CEO")."""
    yield token
    for child in token.children:
        if child.dep_ in {"conj", "appos"}:
            yield from _phrase(child)


def _owns_compound(head: Token, word: Token) -> bool:
    """Whether `head` is the owner of a compound noun an event word is part of, hung by the
    parse on another part: "his re-election victory" ("his" on "re", the event "election")."""
    if head.dep_ != "poss" or head.head.dep_ != "compound" or word.dep_ != "compound":
        return False
    return head.i < word.i and _compound_head(head.head).i == _compound_head(word).i


def _compound_head(token: Token) -> Token:
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token


def _owns_argument(mention: ActorMention, members: set[int], doc: Doc) -> bool:
    """Whether the mention is the owner of an argument of the event, not the argument
    itself nor the owner of the event word: "its" in "replenish its forces"."""
    head = _head(doc[mention.start : mention.end])
    return head.dep_ == "poss" and head.head.i not in members


def _mention_at(actors: ActorTable, token: Token) -> ActorMention | None:
    for mention in actors.mentions:
        if mention.start <= token.i < mention.end:
            return mention
    return None


def _head(span: Span) -> Token:
    inside = range(span.start, span.end)
    return next((t for t in span if t.head.i == t.i or t.head.i not in inside), span[-1])
