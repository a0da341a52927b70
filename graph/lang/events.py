"""The words a language uses for events: the type each predicate signals, and the predicates
that name one happening.

Event types are declared once, in the language's `events.py`: its words, how specific it is,
and its family. Everything else (the word -> type table, which type wins when several words
describe one event, which types corroborate each other across articles) is derived here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from graph.model import EventType


@dataclass(frozen=True)
class EventTypeDeclaration:
    """One event type as a language expresses it.

    Attributes:
        type: the type, a member of the language-neutral `EventType`.
        words: lemmas of the verbs and nouns that signal it; "lemma-particle" for a phrasal
            verb ("call-up").
        specificity: when candidates fold into one event, the most specific type wins
            ("invasion" over "deployment"); ties go to the earlier declaration.
        family: types of one family name the same kind of happening from different angles
            (conscription and mobilization both add to the forces), a weak sign of one event.
    """

    type: EventType
    words: frozenset[str]
    specificity: int
    family: str | None = None


def declare(
    event_type: EventType, words: str, specificity: int, family: str | None = None
) -> EventTypeDeclaration:
    """A declaration from whitespace-separated words."""
    return EventTypeDeclaration(event_type, frozenset(words.split()), specificity, family)


class Sense(StrEnum):
    """What a word's arguments must be for it to signal its event type."""

    MEASURE = "measure"  # no object or complement, and a measure moves: "shares fell 3%"
    FORCES = "forces"  # what is sent is people or forces: "sent troops", not "sent an email"
    NAMED_THING = "named_thing"  # what comes out is a named thing or a product, not a person
    NAMED_PARTY = "named_party"  # whom or where, if said, is named or people: "met Putin"
    HARM = "harm"  # what is hit is not an event: "struck the base", not "struck a deal"
    BODY = "body"  # what is founded is an organisation or a name: not "established a record"
    ACT = "act"  # what is adopted is a bill, a law, a treaty: not "adopted a new name"


@dataclass(frozen=True, eq=False)
class EventWords:
    """Vocabulary of events.

    Attributes:
        types: the event type declarations; every `EventType` has one.
        light_verbs: verbs too light to name an event on their own ("be", "have", "make").
        hypothetical_marks: conjunctions that make a clause hypothetical or a question
            ("if", "unless", "whether"): its event is not told as happening.
        person_relatives: relative pronouns that describe people ("men who will be called
            up"): a description, not an event, unless dated.
        relative_pronouns: pronouns that open a relative clause; its subject is the noun it
            modifies.
        reflexive_endings: endings of reflexive pronouns ("themselves"), which stand for the
            outer subject.
        addressees: pronouns of address ("you voted ..."): a quoted appeal, not a report.
        surface_lemmas: words the lemmatiser reads wrongly, with their lemma ("found" as
            the past of "find", not the verb "found").
        aspectual_verbs: verbs that tell a phase of the event their subject names ("the
            draft began"): the clause, not the subject alone, labels it.
        saying_verbs: verbs of saying that, like light verbs, recur for many different
            statements (weak evidence that two mentions are one event).
        future_markers: words that put an event in the future or make it a plan.
        possible_markers: words that make an event only possible.
        negation_words: words that deny what they modify ("not", "no one", "never").
        repetition_marks: modifiers that make an event another occurrence of its kind ("a
            second wave of mobilization", "a new offensive", "another strike"): never the
            first one an article names without them.
        iteration_marks: adverbs that tell a clause as several happenings ("twice",
            "repeatedly"); with `occasion_nouns` ("time": "three times", "several times").
        occasion_nouns: nouns counting occasions, as in "three times".
        demonstratives: determiners that point back to an event the text has named ("this
            draft", "that attack").
        event_heads: nouns that carry the event their compound modifier names
            ("re-election victory", "mobilization wave").
        synonyms: groups of predicates (lemmas) that name one happening ("kill", "death");
            a word may sit in several groups.
        person_units: units that all count people ("men", "troops", "conscripts").
        derivation_suffixes: endings that turn a verb into its event noun
            ("nominate" -> "nomination"), tried one at a time.
        inflection_suffixes: endings the lemmatiser may leave on a word ("Oscars", "Fired").
        spelling_variants: (regex, replacement) pairs that make one spelling of a word
            ("mobilise" -> "mobilize").
        future_auxiliaries: auxiliaries that put a clause in the future ("will").
        progressive_auxiliaries: forms of "be" that with `going` make a future ("is going").
        going: the word of "going to".
        past_auxiliaries: auxiliaries that put a clause in the past ("was", "has").
        location_prepositions: prepositions whose object is where an event happens ("in").
        patient_prepositions: prepositions whose object undergoes an event ("against").
        agent_prepositions: prepositions whose object does what an event noun names ("the
            acquisition by Google"); the agent of a passive verb is read from the parse.
        recipient_prepositions: prepositions whose object receives what the event moves or
            is where it goes ("sold to Google", "sent to Ukraine").
        beneficiary_prepositions: prepositions whose object the event is done for ("for").
        instrument_prepositions: prepositions whose object, a thing, the event is done with
            ("with drones", "via satellite"); a person or organisation after them takes part
            without a clear role ("met with Putin").
        instrument_verbs: verbs whose object is the instrument of the clause they modify
            ("attacked using drones").
        part_prepositions: prepositions that join a phrase to what it is part of or belongs
            to ("shares of Apple"): an actor there shares the phrase's role in an event.
        circumstance_prepositions: prepositions whose phrase tells the circumstances of an
            event, not who takes part ("despite NATO's expansion", "amid talks with China",
            "after the meeting with Putin"): an actor there takes no part in it.
        undergoer_verbs: verbs whose subject undergoes the event rather than doing it
            (unaccusatives: "Jobs died", "Apple's shares fell", "the program costs $99").
        senses: words that signal their type only with fitting arguments, -> what the
            arguments must be (`Sense`); otherwise they name another happening ("declined to
            comment", "an email was sent", "released a statement", "visit the house").
        measures: nouns of what rises and falls ("price", "shares", "rate", "sales"): a
            market move's subject or what it moves.
        forces: nouns, besides `person_units`, of what is deployed ("forces", "warships").
        growth_verbs: verbs of a size growing ("increase", "expand", "boost"): with armed
            forces as what grows, a military buildup ("aimed to increase its armed forces to
            1.5 million", "the army has grown"); otherwise they name no type.
        armed_forces: nouns of armed forces ("army", "troop"), the growth a buildup names.
        products: nouns of things launched, besides names ("smartphone", "app", "vaccine").
    """

    types: tuple[EventTypeDeclaration, ...]
    light_verbs: frozenset[str]
    aspectual_verbs: frozenset[str]
    surface_lemmas: dict[str, str]
    hypothetical_marks: frozenset[str]
    person_relatives: frozenset[str]
    relative_pronouns: frozenset[str]
    reflexive_endings: tuple[str, ...]
    addressees: frozenset[str]
    saying_verbs: frozenset[str]
    future_markers: frozenset[str]
    possible_markers: frozenset[str]
    negation_words: frozenset[str]
    repetition_marks: frozenset[str]
    iteration_marks: frozenset[str]
    occasion_nouns: frozenset[str]
    demonstratives: frozenset[str]
    event_heads: frozenset[str]
    synonyms: tuple[frozenset[str], ...]
    person_units: frozenset[str]
    derivation_suffixes: tuple[str, ...]
    inflection_suffixes: tuple[str, ...]
    spelling_variants: tuple[tuple[str, str], ...]
    future_auxiliaries: frozenset[str]
    progressive_auxiliaries: frozenset[str]
    going: str
    past_auxiliaries: frozenset[str]
    location_prepositions: frozenset[str]
    patient_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    recipient_prepositions: frozenset[str]
    beneficiary_prepositions: frozenset[str]
    instrument_prepositions: frozenset[str]
    instrument_verbs: frozenset[str]
    part_prepositions: frozenset[str]
    circumstance_prepositions: frozenset[str]
    undergoer_verbs: frozenset[str]
    senses: Mapping[str, Sense]
    measures: frozenset[str]
    forces: frozenset[str]
    growth_verbs: frozenset[str]
    armed_forces: frozenset[str]
    products: frozenset[str]
    _by_word: dict[str, EventType] = field(init=False, repr=False)
    _declared: dict[EventType, EventTypeDeclaration] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_word: dict[str, EventType] = {}
        declared: dict[EventType, EventTypeDeclaration] = {}
        for declaration in self.types:
            if declaration.type in declared:
                raise ValueError(f"event type {declaration.type.value!r} is declared twice")
            declared[declaration.type] = declaration
            for word in declaration.words:
                if word in by_word:
                    raise ValueError(
                        f"{word!r} signals both {by_word[word].value!r} and"
                        f" {declaration.type.value!r}; a word signals one event type"
                    )
                by_word[word] = declaration.type
        object.__setattr__(self, "_by_word", by_word)
        object.__setattr__(self, "_declared", declared)

    def type_of(self, word: str) -> EventType | None:
        """The event type a lemma signals, if any."""
        return self._by_word.get(word)

    def specificity(self, event_type: EventType) -> int:
        """How specific a type is; an undeclared type counts as least specific."""
        declaration = self._declared.get(event_type)
        return declaration.specificity if declaration else -1

    def family(self, event_type: EventType | str) -> str | None:
        """The family of a type (by member or value), if it has one."""
        declaration = self._declared.get(EventType(event_type))
        return declaration.family if declaration else None

    def declared(self, event_type: EventType) -> bool:
        return event_type in self._declared
