"""The words a language refers back with: pronouns and the nouns of definite descriptions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from graph.model import ActorKind


class Gender(StrEnum):
    """The grammatical gender a pronoun or title tells of a person."""

    MASCULINE = "masculine"
    FEMININE = "feminine"


@dataclass(frozen=True)
class Pronoun:
    """What a third-person pronoun may stand for.

    Attributes:
        person: it stands for a person ("he"); otherwise for an organisation, a country or
            a thing ("it").
        plural: it stands for several ("they"); an organisation may be one of them.
        gender: the gender it tells, for a person pronoun.
        reflexive: it stands for an argument of its own clause ("the company sued itself").
    """

    person: bool
    plural: bool = False
    gender: Gender | None = None
    reflexive: bool = False


@dataclass(frozen=True, eq=False)
class ReferenceWords:
    """Vocabulary of reference within a document.

    Attributes:
        pronouns: lower-cased third-person pronouns -> what they may stand for. First and
            second person are not listed: they refer to the speaker and the reader.
        definite_articles: determiners that open a definite description ("the company").
        descriptions: head nouns of a definite description -> the kind of actor it stands
            for ("the carmaker" an organisation, "the president" a person, "the index" a
            market index). Any actor of the kind may be meant.
        specific_descriptions: head nouns that name a narrower sort than their kind ("the
            bank", "the ministry", "the president"): they stand only for an actor the
            document names with the noun ("Bank of England", "President X") or describes
            with it ("X, the central bank"), never for the nearest actor of the kind.
        contrast_modifiers: words that make a description name another actor than the one
            just named ("the other company", "a rival firm").
        person_nouns: nouns for a person's role ("spokesman", "official"): such a noun between
            a name and "he" may be whom "he" means.
        masculine_titles: titles and honorifics of men ("mr.", "sir").
        feminine_titles: titles and honorifics of women ("mrs.", "ms.", "queen").
        weather_verbs: verbs whose subject "it" stands for nothing ("it rained").
        raising_verbs: verbs whose subject "it" anticipates a clause ("it seems that").
        absolute_prepositions: prepositions opening a noun followed by its own participle
            clause ("with the ministry saying it would"): the noun is the clause's subject.
    """

    pronouns: Mapping[str, Pronoun]
    definite_articles: frozenset[str]
    descriptions: Mapping[str, ActorKind]
    specific_descriptions: frozenset[str]
    contrast_modifiers: frozenset[str]
    person_nouns: frozenset[str]
    masculine_titles: frozenset[str]
    feminine_titles: frozenset[str]
    weather_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    absolute_prepositions: frozenset[str] = frozenset()

    def gender_of_title(self, title: str) -> Gender | None:
        """The gender a title tells: its first word that is gendered ("Mrs." in "Mrs. Smith")."""
        for word in title.lower().split():
            if word in self.masculine_titles or word.rstrip(".") in self.masculine_titles:
                return Gender.MASCULINE
            if word in self.feminine_titles or word.rstrip(".") in self.feminine_titles:
                return Gender.FEMININE
        return None
