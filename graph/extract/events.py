"""Events in one document: the predicates that name something that happened or was decided.

A candidate is a verb or noun from the event vocabulary, or any content verb that carries a
date of its own. Candidates that sit in one another's dependency subtree in the same sentence
describe one event ("will begin conscription next week ... by calling up tens of thousands"),
so they fold into one, typed by the most specific word. Nouns need a date or a number to count
as an event: "the war" in passing is not one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorTable
from graph.extract.labels import Referent, event_label
from graph.extract.mentions import TimeMLClass, find_event_mentions
from graph.extract.modality import event_modality
from graph.extract.nlp import sentences
from graph.extract.participants import find_participants
from graph.extract.quantities import PERCENT, QuantityMention
from graph.lang import Lexicon, get
from graph.lang.events import EventWords, Sense
from graph.model import (
    ActorKind,
    DateExpression,
    DateMod,
    DateValue,
    Document,
    EventType,
    LocalActor,
    LocalEvent,
)
from graph.temporal import DateMention, by_publication

# TimeML classes of what happens, as opposed to states, perceptions, attitudes ("believe")
# and reporting ("said"), which the claims layer reads.
_HAPPENINGS = {TimeMLClass.OCCURRENCE, TimeMLClass.I_ACTION, TimeMLClass.ASPECTUAL}


# Sentences of an article's opening (headline, dateline, lead) whose past tense tells its news.
_OPENING_SENTENCES = 4

# An event's own words: content words at most this many tokens from its word, in its sentence.
_WORDS_WINDOW = 6
_WORD_TAGS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
# What a document is about: its content words (names included); its most frequent ones when
# there are more (a long document), the earlier first among equals.
_CONTEXT_TAGS = {"NOUN", "PROPN", "VERB"}
_CONTEXT_SIZE = 300


@dataclass
class _Candidate:
    token: Token
    event_type: EventType
    typed: Token | None = None  # the member that gave the type, when not `token` itself
    dates: list[DateMention] = field(default_factory=list)
    own_dates: int = 0  # the first `own_dates` of `dates` modify the trigger itself
    quantities: list[QuantityMention] = field(default_factory=list)
    members: list[Token] = field(default_factory=list)


@dataclass
class EventTable:
    events: list[LocalEvent]
    by_token: dict[int, int]  # trigger token index -> event index

    def event_in(self, tokens: Span | list[Token]) -> int | None:
        for token in tokens:
            if token.i in self.by_token:
                return self.by_token[token.i]
        return None


@dataclass(frozen=True)
class Anchors:
    """What the events of one parsed document are anchored on: its dates, quantities and
    actors (`graph.extract.read_anchors` finds them)."""

    doc: Doc
    document: Document
    actors: ActorTable
    dates: list[DateMention]
    quantities: list[QuantityMention]
    lexicon: Lexicon


def find_events(
    doc: Doc,
    document: Document,
    actors: ActorTable,
    dates: list[DateMention],
    quantities: list[QuantityMention],
    *,
    lexicon: Lexicon | None = None,
) -> EventTable:
    """Events of a parsed document, with dates, quantities and participants attached."""
    lexicon = lexicon or get()
    mentions = {m.token: m.event_class for m in find_event_mentions(doc)}
    events: list[LocalEvent] = []
    by_token: dict[int, int] = {}
    opening_end = _opening_end(doc)
    for sentence in sentences(doc):
        sent_dates, sent_quantities = _in_sentence(sentence, dates, quantities)
        found = _candidates(sentence, sent_dates, sent_quantities, mentions, actors, lexicon)
        for candidate in found:
            index = len(events)
            opening = sentence.start < opening_end
            events.append(
                _to_event(candidate, document, actors, sentence, sent_dates, opening, lexicon)
            )
            for token in candidate.members:
                by_token[token.i] = index
    return EventTable(events, by_token)


def describe_event(words: Token | Span, anchors: Anchors) -> LocalEvent:
    """The event that `words` name, described as `find_events` describes the events it finds:
    type, date, quantities, participants, modality and the words around it.

    It describes any word it is given, whether or not `find_events` would count it as an
    event, so that event mentions found otherwise (by hand, by another tagger) get the
    product's features.

    Args:
        words: the event word, or a phrase naming the event (its head is taken: the main
            content word, "took place" -> place; "on suspicion" -> suspicion).
        anchors: the document's dates, quantities and actors (`graph.extract.read_anchors`).

    Example:
        >>> anchors = read_anchors(nlp(document.text), document, lexicon)
        >>> describe_event(anchors.doc[3:5], anchors).trigger
        'shoot'
    """
    lexicon = anchors.lexicon
    vocab = lexicon.events
    token = words if isinstance(words, Token) else event_word(words, vocab)
    sentence = token.sent
    dates, quantities = _in_sentence(sentence, anchors.dates, anchors.quantities)
    lemma = _lemma(token, vocab)
    event_type = (
        _phrasal_type(token, lemma, vocab)
        or vocab.type_of(lemma)
        or vocab.type_of(vocab.surface_lemmas.get(token.lower_, token.lower_))
        or EventType.OTHER
    )
    candidate = _Candidate(token, event_type, members=[token])
    _attach(candidate, token, sentence, dates, quantities, lexicon)
    candidate.own_dates = len(candidate.dates)
    opening = sentence.start < _opening_end(anchors.doc)
    document, actors = anchors.document, anchors.actors
    return _to_event(candidate, document, actors, sentence, dates, opening, lexicon)


def event_word(words: Span, vocab: EventWords) -> Token:
    """The word of a phrase that names its event: its syntactic head, or its main content
    word when the head is a preposition or a light verb; the last one if several."""
    heads = [t for t in words if not words.start <= t.head.i < words.end or t.head.i == t.i]
    # A symbol the parser tags as a word ("Oscars®" -> ®) names nothing.
    content = [
        t
        for t in words
        if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")
        and any(c.isalpha() for c in t.text)
        and _lemma(t, vocab) not in vocab.light_verbs
    ]
    main = [t for t in heads if t in content]
    return (main or content or heads or list(words))[-1]


def document_context(doc: Doc | Span) -> dict[str, int]:
    """What a document is about: its content words (nouns, names, verbs; no stop words) as
    lemmas with their counts, at most `_CONTEXT_SIZE` of them (the most frequent, the earlier
    among equals). Documents with similar contexts tell one story."""
    counts = Counter(
        t.lemma_.lower() for t in doc if t.pos_ in _CONTEXT_TAGS and t.is_alpha and not t.is_stop
    )
    return capped_context(counts)


def capped_context(counts: Counter[str]) -> dict[str, int]:
    """The `_CONTEXT_SIZE` most frequent items of `counts`, the earlier counted among equals."""
    return dict(counts.most_common(_CONTEXT_SIZE))


def _words_around(token: Token, dates: list[DateMention]) -> tuple[str, ...]:
    """The content words (lemmas, no stop words) within `_WORDS_WINDOW` tokens of the event
    word in its sentence, outside the sentence's `dates` (compared on their own): its
    arguments and modifiers, which tell events of one story apart."""
    sentence = token.sent
    skip = {t.i for d in dates for t in _tokens(sentence, d.start, d.end)}
    start = max(sentence.start, token.i - _WORDS_WINDOW)
    window = token.doc[start : min(sentence.end, token.i + _WORDS_WINDOW + 1)]
    return tuple(
        sorted(
            {
                t.lemma_.lower()
                for t in window
                if t.pos_ in _WORD_TAGS and not t.is_stop and t.i != token.i and t.i not in skip
            }
        )
    )


def _opening_end(doc: Doc) -> int:
    """The token where the article's opening (its first `_OPENING_SENTENCES` sentences) ends."""
    for n, sentence in enumerate(doc.sents):  # walks only to the opening's end
        if n == _OPENING_SENTENCES:
            return sentence.start
    return len(doc)


def _in_sentence(
    sentence: Span, dates: list[DateMention], quantities: list[QuantityMention]
) -> tuple[list[DateMention], list[QuantityMention]]:
    return (
        [d for d in dates if sentence.start_char <= d.start < sentence.end_char],
        [q for q in quantities if sentence.start_char <= q.start < sentence.end_char],
    )


def _attach(
    candidate: _Candidate,
    anchor: Token,
    sentence: Span,
    dates: list[DateMention],
    quantities: list[QuantityMention],
    lexicon: Lexicon,
) -> None:
    """The sentence's dates and quantities that belong to the candidate, whose clause is
    `anchor`'s: the dates modifying it (or, for a typed event, the statement reporting it)
    and the numbers it governs."""
    reporting = lexicon.attribution.reporting_verbs
    candidate.dates = [d for d in dates if date_attached(d, anchor, sentence, reporting)]
    if not candidate.dates and candidate.event_type is not EventType.OTHER:
        perfect = lexicon.time.perfect_auxiliaries | {lexicon.time.pluperfect_auxiliary}
        candidate.dates = _reported_dates(candidate.token, dates, sentence, reporting, perfect)
    candidate.quantities = [q for q in quantities if _governs(anchor, sentence, q.start)]


def _candidates(
    sentence: Span,
    dates: list[DateMention],
    quantities: list[QuantityMention],
    mentions: dict[int, TimeMLClass],
    actors: ActorTable,
    lexicon: Lexicon,
) -> list[_Candidate]:
    vocab, reporting = lexicon.events, lexicon.attribution.reporting_verbs
    date_tokens = {t.i for d in dates for t in _tokens(sentence, d.start, d.end)}
    found: list[_Candidate] = []
    for token in sentence:
        lemma = _lemma(token, vocab)
        if token.i in date_tokens:
            continue
        phrasal = _phrasal_type(token, lemma, vocab)
        if lemma in reporting and phrasal is None:
            # "urged on Thursday ...": a dated appeal is an event; plain "said" is not.
            if lemma in lexicon.attribution.statement_verbs and token.pos_ == "VERB":
                kind = vocab.type_of(lemma) or EventType.STATEMENT
                statement = _Candidate(token, kind, members=[token])
                statement.dates = [d for d in dates if date_attached(d, token, sentence, reporting)]
                if statement.dates:
                    found.append(statement)
            continue
        if token.pos_ not in {"VERB", "NOUN"}:
            continue
        if token.pos_ == "NOUN" and lemma in vocab.person_units:
            continue  # "conscripts", "recruits": people, not what happens to them
        event_type = (
            phrasal
            or vocab.type_of(lemma)
            or vocab.type_of(vocab.surface_lemmas.get(token.lower_, token.lower_))
            or _buildup(token, lemma, vocab)
        )
        if event_type is None:
            if mentions.get(token.i) not in _HAPPENINGS or lemma in vocab.light_verbs:
                continue
            event_type = EventType.OTHER
        if token.dep_ == "amod":
            continue  # "mobilized men": a participle describing people, not an event
        anchor = token
        if token.pos_ == "NOUN" and token.dep_ == "compound":
            if token.head.lemma_.lower() not in vocab.event_heads:
                continue  # "mobilization department", "recruitment quotas": a modifier
            anchor = token.head  # "re-election victory earlier this month"
        candidate = _Candidate(token, event_type, members=[token])
        _attach(candidate, anchor, sentence, dates, quantities, lexicon)
        if phrasal is None and not _fits_sense(candidate, lemma, actors, lexicon):
            candidate.event_type = EventType.OTHER  # "declined to comment": no market move
        found.append(candidate)
    for candidate in found:
        candidate.own_dates = len(candidate.dates)
    folded = _fold(found, vocab)
    for candidate in folded:
        if any(c.tag_ == "JJS" for m in candidate.members for c in m.children):
            # "the largest conscription since 2011": the date bounds a comparison
            candidate.dates = [d for d in candidate.dates if not _open_start(d)]
    return [c for c in folded if _is_event(c, actors, lexicon)]


def _is_event(candidate: _Candidate, actors: ActorTable, lexicon: Lexicon) -> bool:
    token = candidate.token
    vocab = lexicon.events
    if any(c.dep_ == "mark" and c.lower_ in vocab.hypothetical_marks for c in token.children):
        return False  # hypothetical
    wh = [
        c
        for c in token.subtree
        if c.tag_ in {"WDT", "WP", "WRB"}
        and (c.head.i == token.i or (c.head.head.i == token.i and c.head.tag_ == "JJ"))
    ]
    if wh and token.dep_ != "relcl":
        return False  # an indirect question: "did not say how many it was targeting"
    if any(w.lower_ in vocab.person_relatives for w in wh) and not candidate.dates:
        return False  # a description of people: "men who will be called up"
    if any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in vocab.addressees for c in token.children
    ):
        return False  # "you voted for ...": an address inside a quote, not a report
    if (
        not (candidate.dates or candidate.quantities)
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ == "PRP" for c in token.children)
        and token.dep_ not in {"ROOT", "conj"}
        and event_modality(candidate.members, lexicon) != "negated"
    ):
        return False  # "allow them to be sent": a pronoun in a dependent clause anchors nothing
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and not candidate.dates
        and not any(c.dep_ == "agent" for c in token.children)
    ):
        return False  # "with 1.5 million servicemen targeted": a participle describing them
    if (
        token.dep_ == "relcl"
        and token.tag_ != "VBD"
        and candidate.event_type is EventType.OTHER
        and not (candidate.dates or candidate.quantities)
        and _set_off(token)
    ):
        return False  # "Ukraine, which has carefully guarded its losses, ...": background, not
        # "the plan, which provoked a counterattack", a past event told in passing
    if not (candidate.dates or candidate.quantities) and _iterated(token, lexicon):
        return False  # "has resorted to recruitment campaigns twice": happenings summed up
    if token.pos_ == "NOUN":
        # a bare noun ("a meeting", "mobilization") names a kind of event, not one event;
        # one a named actor owns is one ("Russia's invasion of Ukraine")
        if candidate.event_type is not EventType.OTHER and _owned_by_actor(token, actors):
            return True
        dated = {t.i for d in candidate.dates for t in _tokens(token.sent, d.start, d.end)}
        return bool(candidate.dates or candidate.quantities) and _modified(token, dated)
    # A happening of no known type needs an anchor: a date, a number, or a named actor doing
    # it or undergoing it ("Apple cut prices", "shares of Apple fell 5%").
    if candidate.event_type is EventType.OTHER and not (
        candidate.dates or candidate.quantities or _actor_argument(token, actors)
    ):
        return False
    if candidate.dates or candidate.quantities:
        return True
    # Undated, unquantified: only a past, announced or denied happening with a subject, not a
    # generic present ("conscripts face pressure").
    return _has_subject(token) and (
        token.tag_ in {"VBD", "VBN"}
        or event_modality(candidate.members, lexicon) in {"planned", "negated"}
    )


def _iterated(token: Token, lexicon: Lexicon) -> bool:
    """Whether a verb in the perfect sums up several happenings: "has resorted to it twice",
    "have met repeatedly", "has surveyed them several times" (but "was hit several times"
    tells one)."""
    vocab = lexicon.events
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if not auxiliaries & lexicon.time.perfect_auxiliaries:
        return False
    return any(
        c.lower_ in vocab.iteration_marks
        or (
            c.lemma_.lower() in vocab.occasion_nouns
            and c.tag_ == "NNS"
            and any(g.dep_ in {"nummod", "amod"} for g in c.children)
        )
        for c in token.children
        if c.dep_ in {"advmod", "npadvmod"}
    )


def _set_off(clause: Token) -> bool:
    """Whether a relative clause is set off by a comma: it describes what it follows ("Ukraine,
    which has guarded its losses"), not which one is meant."""
    first = min(t.i for t in clause.subtree)
    return first > 0 and clause.doc[first - 1].text in {",", "(", "—", "–"}


def _modified(noun: Token, dated: set[int]) -> bool:
    """Whether a noun has a word of its own besides determiners ("Russia's invasion", "the
    mobilization of 300,000 reservists", "the spring draft")."""
    if noun.dep_ == "compound" or (noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN"):
        return True  # "re-election victory", "wave of mobilization": the head phrase tells
    return any(c.dep_ not in {"det", "punct", "predet"} and c.i not in dated for c in noun.children)


def _owned_by_actor(noun: Token, actors: ActorTable) -> bool:
    """Whether a name owns the event noun: "Russia's invasion", "Apple's acquisition"."""
    return any(
        c.dep_ == "poss" and c.pos_ == "PROPN" and actors.actor_at(c) is not None
        for c in noun.children
    )


def _actor_argument(token: Token, actors: ActorTable) -> bool:
    """Whether a named actor is the subject, object or owner of `token`'s arguments."""
    for child in token.children:
        if child.dep_ not in {"nsubj", "nsubjpass", "dobj", "agent"}:
            continue
        for word in (child, *(c for c in child.children if c.dep_ in {"poss", "compound"})):
            if actors.actor_at(word) is not None:
                return True
    return False


def _fits_sense(candidate: _Candidate, lemma: str, actors: ActorTable, lexicon: Lexicon) -> bool:
    """Whether the word signals its type here, its arguments being what `EventWords.senses`
    asks of them (a word without a sense listed always does)."""
    vocab = lexicon.events
    sense = vocab.senses.get(lemma)
    if sense is None:
        return True
    if sense is Sense.MEASURE:
        return _moves_a_measure(candidate, actors, vocab)
    theme = _theme(candidate.token, vocab, subject=sense is Sense.NAMED_THING)
    if theme is None:  # nothing acted on: a meeting or an attack, not a launch or a founding
        return sense in {Sense.NAMED_PARTY, Sense.HARM}
    lemma = theme.lemma_.lower()
    actor = _named_actor(theme, actors)
    if sense is Sense.FORCES:  # "sent troops", "warships were dispatched"; not "sent an email"
        return actor is not None or lemma in vocab.person_units | vocab.forces
    if sense is Sense.NAMED_THING:  # "released iOS 4", "unveiled a smartphone"; not "a poll"
        index = actors.actor_at(theme)  # the thing itself, not a name in its compound
        if lemma in vocab.products or index is None:
            return lemma in vocab.products or theme.pos_ == "PROPN"
        return actors.actors[index].actor_type not in {ActorKind.PERSON, ActorKind.COUNTRY}
    if sense is Sense.HARM:  # "struck a deal", "attacked the bill": the noun names the event
        return vocab.type_of(lemma) is None
    if sense is Sense.BODY:  # "founded the company", "Apple was founded"
        return lemma in lexicon.actors.org_head_nouns or (
            actor.actor_type is ActorKind.ORGANIZATION if actor else theme.pos_ == "PROPN"
        )
    if sense is Sense.ACT:  # "ratified the treaty", "vetoed the Patriot Act"
        return vocab.type_of(lemma) in _ACTS or (
            actor is not None and actor.actor_type is ActorKind.LAW
        )
    # Sense.NAMED_PARTY: "met Putin", "met them", "visited China"; not "meet the demand"
    return (
        candidate.token.pos_ != "VERB"
        or theme.tag_ == "PRP"
        or actor is not None
        or theme.pos_ == "PROPN"
        or lemma in vocab.person_units
    )


# What a law-making verb's object may name: the acts it adopts or rejects.
_ACTS = {EventType.LEGISLATION, EventType.DECREE, EventType.AGREEMENT, EventType.SANCTION}


def _moves_a_measure(candidate: _Candidate, actors: ActorTable, vocab: EventWords) -> bool:
    """Whether a word of rising or falling tells a measure moving: an amount, a price, an
    index ("shares fell 3%", "a decline in sales"); not "declined to comment", "dropped the
    charges", "rose to fame", "a rise of 180,000 troops"."""
    token = candidate.token
    if token.pos_ == "VERB" and any(
        c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "dobj" and not _amount(c))
        for c in token.children
    ):
        return False  # an object, unless an amount: "rose four points"
    units = {q.quantity.unit for q in candidate.quantities}
    if units & vocab.person_units:
        return False
    if any(unit in {"", PERCENT} or unit in vocab.measures for unit in units):
        return True  # a bare amount (money, a level), a percentage or a measure's unit
    # what moves: a verb's subject, a noun's owner or compound; the noun of a phrase ("a
    # decline in sales", "rose in the polls")
    own = {"nsubj", "nsubjpass"} if token.pos_ == "VERB" else {"poss", "compound"}
    movers = [c for c in token.children if c.dep_ in own]
    movers += [g for c in token.children if c.dep_ == "prep" for g in c.children]
    for word in [*movers, *(c for m in movers for c in m.children if c.dep_ == "compound")]:
        actor = _named_actor(word, actors)
        if word.lemma_.lower() in vocab.measures or (
            actor is not None and actor.actor_type is ActorKind.INDEX
        ):
            return True
    return False


def _amount(noun: Token) -> bool:
    """Whether a noun is an amount: a number, or counted by one ("four points", "5%")."""
    return noun.like_num or any(c.dep_ == "nummod" for c in noun.children)


def _theme(token: Token, vocab: EventWords, *, subject: bool = False) -> Token | None:
    """What an event's word acts on: a verb's object or passive subject, else, with
    `subject`, its subject ("the film debuted"); a noun's "of" phrase or the name before it
    ("the launch of the iPad", "the iPhone launch")."""
    if token.pos_ == "VERB":
        for dep in ("dobj", "nsubjpass", "nsubj") if subject else ("dobj", "nsubjpass"):
            for child in token.children:
                if child.dep_ == dep:
                    return child
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in vocab.part_prepositions:
            for word in child.children:
                if word.dep_ == "pobj":
                    return word
    return next((c for c in token.children if c.dep_ == "compound"), None)


def _named_actor(token: Token, actors: ActorTable) -> LocalActor | None:
    """The actor a name at `token` (or in its compound) stands for, if any."""
    index = actors.actor_in([token, *(c for c in token.children if c.dep_ == "compound")])
    return None if index is None else actors.actors[index]


def _buildup(token: Token, lemma: str, vocab: EventWords) -> EventType | None:
    """A word of growth whose theme is armed forces names a military buildup: "aimed to
    increase its armed forces", "expand the number of troops", "the army has grown"."""
    if lemma not in vocab.growth_verbs or token.pos_ != "VERB":
        return None
    theme = _theme(token, vocab, subject=True)
    if theme is None:
        return None
    words = [theme, *(c for c in theme.children if c.dep_ == "compound")]
    words += [
        g
        for c in theme.children
        if c.dep_ == "prep" and c.lower_ in vocab.part_prepositions
        for g in c.children
        if g.dep_ == "pobj"
    ]
    forces = any(w.lemma_.lower() in vocab.armed_forces for w in words)
    return EventType.MILITARY_BUILDUP if forces else None


def _phrasal_type(token: Token, lemma: str, vocab: EventWords) -> EventType | None:
    """Phrasal verbs name their own events: "call up" (conscription), "sign up" (recruitment)."""
    if token.pos_ != "VERB":
        return None
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return vocab.type_of(f"{lemma}-{particle}") if particle else None


def _open_start(date: DateMention) -> bool:
    return date.value is not None and date.value.mod is DateMod.AFTER


def _reported_dates(
    token: Token,
    dates: list[DateMention],
    sentence: Span,
    reporting: frozenset[str],
    perfect: frozenset[str],
) -> list[DateMention]:
    """'The minister announced in December plans to bolster ...': the plan takes the cue's date.

    A happening told as done before the report ("had killed", "have fallen", "killing one
    man") does not take the report's date; a state told in the passive ("were deployed")
    still does.
    """
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if token.tag_ == "VBD" or token.dep_ == "acl" or auxiliaries & perfect:
        return []
    ancestor = token.head
    while ancestor.head.i != ancestor.i and ancestor.lemma_.lower() not in reporting:
        ancestor = ancestor.head
    if ancestor.i == token.i or ancestor.lemma_.lower() not in reporting:
        return []
    # "as the winter offensive falters and Ukraine signals its own spring offensive": a date
    # that modifies a noun of the report ("the winter offensive") dates that noun only.
    return [
        d
        for d in dates
        if date_attached(d, ancestor, sentence, reporting) and not _modifies_noun(d, sentence)
    ]


def _modifies_noun(date: DateMention, sentence: Span) -> bool:
    root = _date_root(date, sentence)
    return (
        root is not None
        and root.dep_ in {"compound", "amod", "nmod", "poss"}
        and root.head.pos_ in {"NOUN", "PROPN"}
    )


def _fold(found: list[_Candidate], vocab: EventWords) -> list[_Candidate]:
    """Merge candidates that lie in one another's subtree into one event."""
    kept: list[_Candidate] = []
    for candidate in sorted(found, key=lambda c: _depth(c.token)):
        # The nearest kept ancestor: folding into a farther one would cross its clause.
        ancestors = [k for k in kept if k.token.is_ancestor(candidate.token)]
        parent = max(ancestors, key=lambda k: _depth(k.token), default=None)
        if parent is None or not _same_clause_chain(parent.token, candidate.token):
            kept.append(candidate)
            continue
        # "by enlisting soldiers": how the event is done, which does not name it
        means = candidate.token.dep_ == "pcomp" and candidate.token.head.lower_ == "by"
        _absorb(parent, candidate, vocab, retype=not means)
    # "the spring conscription campaign (to call up men for military service)": a clause in
    # parentheses right after an event's noun tells what that event is, wherever the parse
    # hangs it
    by_noun = {
        word.i: c
        for c in kept
        for member in c.members
        for word in (member, member.head)
        if word is member or member.dep_ == "compound"
    }
    glosses = [(c, by_noun.get(noun.i)) for c in kept if (noun := _glossed(c.token)) is not None]
    for gloss, event in glosses:
        if event is not None and event is not gloss:
            _absorb(event, gloss, vocab)
            kept.remove(gloss)
    return kept


def _absorb(
    parent: _Candidate, candidate: _Candidate, vocab: EventWords, *, retype: bool = True
) -> None:
    parent.members.append(candidate.token)
    parent.dates += [d for d in candidate.dates if d not in parent.dates]
    parent.quantities += [q for q in candidate.quantities if q not in parent.quantities]
    if retype and vocab.specificity(candidate.event_type) > vocab.specificity(parent.event_type):
        parent.event_type = candidate.event_type
        parent.typed = candidate.token


def _glossed(verb: Token) -> Token | None:
    """The noun right before a parenthesis that holds `verb`'s clause, when the clause has
    no subject of its own: "campaign (to call up men)", "the merger (creating the largest
    bank)"."""
    if verb.pos_ != "VERB" or _has_subject(verb):
        return None
    doc, own = verb.doc, {t.i for t in verb.subtree}
    opening = verb.i - 1
    while opening > 0 and doc[opening].text != "(" and opening in own:
        opening -= 1
    closing = verb.i + 1
    while closing < len(doc) and doc[closing].text != ")" and closing in own:
        closing += 1
    if opening < 1 or closing == len(doc) or (doc[opening].text, doc[closing].text) != ("(", ")"):
        return None
    return doc[opening - 1] if doc[opening - 1].pos_ == "NOUN" else None


def _same_clause_chain(top: Token, low: Token) -> bool:
    """Folding stops at clauses with their own subject and at adjuncts ('before the war')."""
    token, below = low, None
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "advcl", "ccomp", "conj"} and _has_subject(token):
            return False
        if token.dep_ == "conj" and _nominal(token) != _nominal(token.head):
            return False  # "create two armies and the Kremlin pointing at": another event
        # "plans to bolster the army, including by enlisting soldiers": a means told
        means = token.lower_ == "including" and below is not None and below.lower_ == "by"
        adjunct = token.dep_ in {"prep", "npadvmod", "advmod"} and token.lower_ not in {"of", "by"}
        if adjunct and not means:
            return False
        if token.dep_ == "acl" and token.tag_ in {"VBG", "VBN"} and token.head.i != top.i:
            # "identified 31 regions sending out paperwork": what the regions do; but "announced
            # plans to bolster the army" tells what was announced
            return False
        token, below = token.head, token
    return True


def _nominal(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"}


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "poss", "agent"} for c in token.children)


def _tokens(sentence: Span, start: int, end: int) -> list[Token]:
    return [t for t in sentence if start <= t.idx < end]


def _clause_verb(token: Token) -> Token:
    return _to_clause_verb(token)[-1]


def _to_clause_verb(token: Token) -> list[Token]:
    """`token` and its heads up to the verb of its clause (or the root)."""
    path = [token]
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
        path.append(token)
    return path


def date_attached(
    date: DateMention, token: Token, sentence: Span, statements: frozenset[str] = frozenset()
) -> bool:
    """True when the date expression modifies `token` (its verb, or the noun itself).

    A date of a noun naming a statement (`statements`: "Shoigu's promise from last year")
    dates the statement, not the verb of its clause ("are working to implement")."""
    root = _date_root(date, sentence)
    if root is None or date.timex_type != "DATE" or date.timex_value.endswith("_REF"):
        return False  # durations, sets and vague references ("recently") date nothing
    head = root.head
    if head.i == token.i:
        return True
    if token.pos_ == "NOUN":
        # "the mobilization of 300,000 reservists in September"; not "the draft, exceeding
        # last year's numbers": a date in a clause of the noun's dates that clause
        return head in token.subtree and not _crosses_clause(head, token)
    if token.pos_ != "VERB" or (root.dep_ == "poss" and head.dep_ != "pobj"):
        # "exceeding last year's numbers": a date owning an argument dates it only; "drafted
        # during last year's call-ups" dates the drafting
        return False
    *nouns, verb = _to_clause_verb(head)
    if any(w.pos_ == "NOUN" and w.lemma_.lower() in statements for w in nouns):
        return False
    return verb.i == token.i


_CLAUSE_RELATIONS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def _crosses_clause(low: Token, top: Token) -> bool:
    """Whether the way up from `low` to its ancestor `top` passes through a clause."""
    token = low
    while token.i != top.i:
        if token.dep_ in _CLAUSE_RELATIONS:
            return True
        token = token.head
    return False


def _governs(token: Token, sentence: Span, char: int) -> bool:
    number = next((t for t in sentence if t.idx <= char < t.idx + len(t.text)), None)
    if number is None:
        return False
    return token.is_ancestor(number) and _clause_verb(number.head).i in {
        token.i,
        _clause_verb(token).i,
    }


def _to_event(
    candidate: _Candidate,
    document: Document,
    actors: ActorTable,
    sentence: Span,
    dates: list[DateMention],
    opening: bool,
    lexicon: Lexicon,
) -> LocalEvent:
    vocab = lexicon.events
    token = candidate.token
    members = candidate.members
    if candidate.typed is not None and _lemma(token, vocab) in lexicon.attribution.reporting_verbs:
        # "Shoigu announced plans to bolster the army": the statement tells a planned buildup
        members = [candidate.typed, *(m for m in members if m is not candidate.typed)]
    modality = event_modality(members, lexicon)
    best = _best_date(candidate)
    date = _bounded(best, token, lexicon) if best else None
    news = modality == "actual" and _told_as_news(token, opening, lexicon)
    if date is None and news and document.source.published is not None:
        date = by_publication(document.source.published)
    location = next((actors.locations[t.i] for t in token.subtree if t.i in actors.locations), None)
    expression = None
    if best is None:
        unresolved = [d for d in candidate.dates if d.value is None and d.timex_type == "DATE"]
        if unresolved:
            # told in the tense of the verb it modifies: "In December, he said Russia would
            # ..." is a past December
            governor = _date_governor(unresolved[0], sentence) or token
            expression = DateExpression(text=unresolved[0].text, tense=_tense(governor, vocab))
    return LocalEvent(
        date_expression=expression,
        label=event_label(
            _label_token(candidate, vocab),
            vocab,
            skip=_date_tokens(candidate, sentence),
            referents=_referents(sentence, actors, lexicon.references.definite_articles),
        ),
        event_type=candidate.event_type,
        trigger=_trigger_lemma(candidate, vocab),
        date=date,
        quantities=tuple(q.quantity for q in sorted(candidate.quantities, key=lambda q: q.start)),
        location=location,
        negated=modality == "negated",
        news=news,
        modality=modality,
        again=any(_told_again(t, vocab) for t in {token, candidate.typed or token}),
        # "this draft", or undated "Dmitriev's visit": an event told before in the article
        told_back=any(
            m.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in vocab.demonstratives for c in m.children)
            for m in candidate.members
        )
        or (not candidate.dates and _owned_by_actor(token, actors)),
        participants=find_participants(candidate.members, document, actors, vocab),
        span=document.span(sentence.start_char, sentence.end_char),
        trigger_span=document.span(token.idx, token.idx + len(token.text)),
        words=_words_around(token, dates),
    )


def _referents(sentence: Span, actors: ActorTable, articles: frozenset[str]) -> dict[int, Referent]:
    """The sentence's personal pronouns resolved to an actor: each with the actor as the
    document last named it before ("the Defense Ministry"), or first named it after, and
    where the sentence names it."""
    doc = sentence.doc
    found: dict[int, Referent] = {}
    for token in sentence:
        actor = actors.actor_at(token) if token.tag_ in {"PRP", "PRP$"} else None
        if actor is None:
            continue
        mentions = [m for m in actors.mentions if m.actor == actor]
        named = [m for m in mentions if any(t.pos_ == "PROPN" for t in doc[m.start : m.end])]
        before = [m for m in named if m.end <= token.i]
        shown = before[-1] if before else next(iter(named), None)
        name = _as_named(doc[shown.start : shown.end], articles) if shown else None
        found[token.i] = Referent(
            name or actors.actors[actor].name,
            frozenset(
                i
                for m in named
                if sentence.start <= m.start < sentence.end
                for i in range(m.start, m.end)
            ),
        )
    return found


def _as_named(mention: Span, articles: frozenset[str]) -> str:
    """A name as the text gives it, with its definite article ("the Defense Ministry"),
    without a possessive ending."""
    words = [t for t in mention if t.tag_ != "POS"]
    text = mention.doc[words[0].i : words[-1].i + 1].text if words else mention.text
    first = mention[0]
    article = first.nbor(-1) if first.i > 0 else None
    if article is not None and article.dep_ == "det" and article.lower_ in articles:
        return f"{article.lower_} {text}"
    return text


def _told_again(trigger: Token, vocab: EventWords) -> bool:
    """Whether a modifier makes the event another occurrence of its kind: of the event word
    itself ("a new offensive"), or of the noun it sits in ("a new mobilization push", "the
    second wave of mobilization")."""
    holders = [trigger]
    head = trigger.head
    if trigger.dep_ == "compound" or (
        trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
    ):
        holders.append(head if trigger.dep_ == "compound" else head.head)
    return any(
        child.dep_ in ("amod", "det", "nummod", "advmod") and child.lower_ in vocab.repetition_marks
        for holder in holders
        for child in holder.children
    )


def _bounded(date: DateMention, trigger: Token, lexicon: Lexicon) -> DateValue:
    """The date as the event takes it: a date inside a phrase opened by "since" or "until"
    bounds the event ("since the onset of the invasion in February 2022": from then on)."""
    assert date.value is not None
    if date.value.mod is not None:
        return date.value
    token = next((t for t in trigger.sent if t.idx <= date.start < t.idx + len(t.text)), None)
    signals = lexicon.time.signals
    steps = 0
    while token is not None and token.i != trigger.i and token.head.i != token.i:
        token = token.head
        steps += 1
        mod = signals.get(token.lower_) if token.dep_ == "prep" else None
        if mod in {DateMod.AFTER, DateMod.BEFORE} and steps > 2:
            return date.value.model_copy(update={"mod": mod})
    return date.value


def _told_as_news(token: Token, opening: bool, lexicon: Lexicon) -> bool:
    """A main-clause event the article reports as its news: in the present perfect ("has
    signed"), or in the simple past in the opening lines (`opening`)."""
    if token.pos_ != "VERB" or token.dep_ not in {"ROOT", "conj"}:
        return False
    if token.dep_ == "conj" and token.head.dep_ != "ROOT":
        return False
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & lexicon.time.perfect_auxiliaries and token.tag_ == "VBN":
        return True
    return opening and token.tag_ == "VBD" and not auxiliaries


def _date_root(date: DateMention, sentence: Span) -> Token | None:
    """The head word of a date expression ("December" of "in early December")."""
    tokens = _tokens(sentence, date.start, date.end)
    return next((t for t in tokens if t.head not in tokens or t.head.i == t.i), None)


def _date_governor(date: DateMention, sentence: Span) -> Token | None:
    """The word a date expression modifies."""
    root = _date_root(date, sentence)
    return root.head if root is not None and root.head.i != root.i else None


def _tense(token: Token, vocab: EventWords) -> str:
    """Tense of the clause verb governing `token`: past, future or present."""
    verb = _clause_verb(token)
    words = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if words & vocab.future_auxiliaries or (
        words & vocab.progressive_auxiliaries and vocab.going in words
    ):
        return "future"
    if verb.tag_ == "VBD" or words & vocab.past_auxiliaries:
        return "past"
    return "present" if verb.tag_ in {"VBZ", "VBP"} else "unknown"


def _lemma(token: Token, vocab: EventWords) -> str:
    """The token's lemma, unless the lemmatiser is known to misread its word ("found")."""
    return vocab.surface_lemmas.get(token.lower_, token.lemma_.lower())


def _trigger_lemma(candidate: _Candidate, vocab: EventWords) -> str:
    for member in candidate.members:
        if vocab.type_of(_lemma(member, vocab)) is candidate.event_type:
            return _lemma(member, vocab)
    return _lemma(candidate.token, vocab)


def _best_date(candidate: _Candidate) -> DateMention | None:
    """The date of the event: one that modifies its trigger before one of a folded word
    ("began this week and will run until July 15" began this week); then the finest; then a
    point before an open bound; among equals, the first in the sentence."""
    order = ["day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]

    def rank(item: tuple[int, DateMention]) -> tuple[bool, int, bool, int]:
        index, date = item
        assert date.value is not None
        open_bound = date.value.mod in {DateMod.BEFORE, DateMod.AFTER}
        return (
            index >= candidate.own_dates,
            order.index(date.value.precision),
            open_bound,
            date.start,
        )

    dated = [
        (i, d)
        for i, d in enumerate(candidate.dates)
        if d.value is not None and not d.value.value.endswith("_REF")
    ]
    return min(dated, key=rank)[1] if dated else None


def _label_token(candidate: _Candidate, vocab: EventWords) -> Token:
    """The word whose phrase describes the event: the top verb with its arguments ("Russia
    will begin conscription", "the latest conscription window began"), or a typed noun
    deeper in the clause ("his re-election victory" under "have triggered concerns")."""
    typed, token = candidate.typed, candidate.token
    if typed is None or typed.pos_ == "VERB" or typed.head.i == token.i:
        return token
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and (lemma in vocab.aspectual_verbs or lemma in vocab.future_markers):
        return token
    return typed


def _date_tokens(candidate: _Candidate, sentence: Span) -> set[int]:
    return {t.i for d in candidate.dates for t in _tokens(sentence, d.start, d.end)}
