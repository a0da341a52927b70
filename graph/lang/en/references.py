"""English pronouns and the nouns of definite descriptions ("the company", "the president")."""

from graph.lang.en.actors import WORDS as ACTOR_WORDS
from graph.lang.references import Gender, Pronoun, ReferenceWords
from graph.model import ActorKind

_HE = Pronoun(person=True, gender=Gender.MASCULINE)
_SHE = Pronoun(person=True, gender=Gender.FEMININE)
_IT = Pronoun(person=False)
_THEY = Pronoun(person=False, plural=True)

# Head nouns of a definite description, by the kind of actor they stand for. The general
# ones ("the company") may mean any actor of the kind; the specific ones only an actor the
# document names or describes with the same noun (`_SPECIFIC`).
_DESCRIPTIONS = {
    ActorKind.ORGANIZATION: """
        company firm corporation business group giant conglomerate carmaker automaker
        chipmaker drugmaker maker manufacturer retailer airline insurer lender startup
        start-up supplier bank ministry agency department party university court parliament
        regulator commission council committee union army police newspaper broadcaster
        network club studio label
        """,
    ActorKind.PERSON: """
        president minister chancellor premier senator governor mayor chairman chairwoman
        executive ceo founder co-founder spokesman spokeswoman spokesperson ambassador
        secretary king queen prince princess pope judge prosecutor general admiral leader
        """,
    ActorKind.COUNTRY: "country nation",
    ActorKind.INDEX: "index average",
    ActorKind.PRODUCT: """
        device phone smartphone handset player tablet computer laptop gadget console
        software service app store program
        """,
    ActorKind.FACILITY: "plant factory airport stadium station hospital",
    ActorKind.LAW: "law act bill treaty",
    ActorKind.EVENT: "conference summit",
}

_SPECIFIC = """
    bank ministry agency department party university court parliament regulator commission
    council committee union army police newspaper broadcaster network club studio label
    president minister chancellor premier senator governor mayor chairman chairwoman
    executive ceo founder co-founder spokesman spokeswoman spokesperson ambassador secretary
    king queen prince princess pope judge prosecutor general admiral leader
    device phone smartphone handset player tablet computer laptop gadget console software
    service app store program plant factory airport stadium station hospital law act bill treaty
    conference summit
    """

WORDS = ReferenceWords(
    pronouns={
        "he": _HE, "him": _HE, "his": _HE,
        "himself": Pronoun(person=True, gender=Gender.MASCULINE, reflexive=True),
        "she": _SHE, "her": _SHE, "hers": _SHE,
        "herself": Pronoun(person=True, gender=Gender.FEMININE, reflexive=True),
        "it": _IT, "its": _IT, "itself": Pronoun(person=False, reflexive=True),
        "they": _THEY, "them": _THEY, "their": _THEY, "theirs": _THEY,
        "themselves": Pronoun(person=False, plural=True, reflexive=True),
    },
    definite_articles=frozenset({"the"}),
    descriptions={
        noun: kind for kind, nouns in _DESCRIPTIONS.items() for noun in nouns.split()
    },
    specific_descriptions=frozenset(_SPECIFIC.split()),
    contrast_modifiers=frozenset(
        "other another rival competing former previous second third".split()
    ),
    person_nouns=ACTOR_WORDS.title_words
    | frozenset(
        """
        man woman boy girl person people official officer spokesperson source resident
        witness worker employee customer user consumer analyst executive
        """.split()
    ),
    masculine_titles=frozenset(
        """
        mr mr. sir lord king prince duke emperor pope monsignor spokesman chairman
        congressman businessman
        """.split()
    ),
    feminine_titles=frozenset(
        """
        mrs mrs. ms ms. miss madam madame dame lady queen princess duchess empress
        spokeswoman chairwoman congresswoman businesswoman
        """.split()
    ),
    weather_verbs=frozenset("rain snow pour hail drizzle freeze thunder".split()),
    raising_verbs=frozenset("seem appear happen matter emerge transpire turn".split()),
    absolute_prepositions=frozenset({"with", "without"}),
)  # fmt: skip
