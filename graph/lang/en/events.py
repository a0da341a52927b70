"""English event vocabulary: the event types in named domain groups, predicates that name
one happening, light verbs and the markers of plans and possibilities.

Adding an event type: a member of `graph.model.EventType` and one `declare(...)` line below
(its words, specificity and family); `tests/test_lang.py` checks that every type is declared.
"""

from graph.lang.events import EventWords, Sense, declare
from graph.model import EventType as T

# Armed forces and conflict.
MILITARY = (
    declare(T.INVASION, "invade invasion war occupy occupation", 160, "war"),
    declare(T.ANNEXATION, "annex annexation", 150),
    declare(
        T.ATTACK,
        """attack strike bomb bombing shell shelling shoot shooting kill assault raid
        explosion blast airstrike missile drone offensive counteroffensive incursion ambush
        massacre""",
        140,
        "war",
    ),
    declare(T.MOBILIZATION, "mobilize mobilise mobilization mobilisation", 120, "forces"),
    declare(
        T.CONSCRIPTION,
        "conscript conscription draft call-up callup enlistment induct induction",
        110,
        "forces",
    ),
    declare(T.RECRUITMENT, "recruit recruitment enlist hire sign-up", 100, "forces"),
    declare(T.CASUALTIES, "casualty casualties die death wound injure", 70),
    declare(T.DEPLOYMENT, "deploy deployment send dispatch", 50),
    declare(
        T.MILITARY_BUILDUP,
        "bolster replenish strengthen reinforce",
        30,
        "forces",
    ),
)

# Politics, law and public life (PLOVER for the political and conflict types).
POLITICS = (
    declare(T.ELECTION, "election re-election reelection elect re-elect ballot referendum", 130),
    declare(T.DECREE, "decree edict", 90, "law"),
    declare(
        T.LEGISLATION,
        "bill law legislation amendment vote ratify adopt veto enact repeal reading",
        80,
        "law",
    ),
    declare(T.SANCTION, "sanction sanctions embargo blockade", 75),
    declare(T.AGREEMENT, "agreement deal treaty ceasefire truce", 70),
    declare(
        T.DIPLOMACY,
        "talks negotiate negotiation visit meet meeting summit broker mediate",
        60,
    ),
    declare(T.THREAT, "threaten threat ultimatum", 55),
    declare(T.AID, "aid donate donation", 45),
    declare(T.PROTEST, "protest demonstration rally strike-action riot", 40),
)

# Justice (ACE / ERE Justice events).
JUSTICE = (
    declare(T.SENTENCE, "sentence convict conviction jail imprison imprisonment", 135),
    declare(T.TRIAL, "trial hearing", 125),
    declare(T.CHARGE, "indict indictment prosecute prosecution", 120),
    declare(T.ARREST, "arrest detain detention apprehend", 115),
    declare(T.LAWSUIT, "sue lawsuit litigation", 105),
)

# Business and markets (ACE / ERE Business and Transaction events, and market moves).
BUSINESS = (
    declare(T.BANKRUPTCY, "bankruptcy bankrupt insolvency", 135),
    declare(T.MERGER, "merge merger", 130),
    declare(T.ACQUISITION, "acquire acquisition takeover buyout", 125),
    declare(T.FOUNDING, "found founding establish establishment", 65),
    declare(T.INVESTMENT, "invest investment funding", 60),
    declare(T.TRADE, "sell sale buy purchase", 35),
    declare(
        T.MARKET_MOVE,
        "rise fall drop plunge soar climb slump tumble surge decline jump slide",
        25,
    ),
    declare(T.PRODUCT_LAUNCH, "launch unveil introduce release debut", 22),
)

# Personnel (ACE / ERE Personnel events).
PERSONNEL = (
    declare(T.APPOINTMENT, "appoint appointment nominate nomination", 95),
    declare(T.RESIGNATION, "resign resignation quit retire retirement step-down", 95),
    declare(T.DISMISSAL, "sack oust ouster dismissal", 95),
)

# Life and disasters.
LIFE = (
    declare(
        T.DISASTER,
        "earthquake quake flood flooding hurricane storm tsunami wildfire eruption landslide",
        145,
    ),
    declare(T.ACCIDENT, "crash collision derailment accident", 140),
)

# Any domain. A statement is typed by the attribution lexicon's statement verbs ("urged",
# "pledged"), not by words of its own; "other" is every event no declaration types.
GENERAL = (
    declare(T.ANNOUNCEMENT, "announce announcement initiate begin start resume", 20),
    declare(T.STATEMENT, "", 10),
    declare(T.OTHER, "", 0),
)

WORDS = EventWords(
    types=MILITARY + POLITICS + JUSTICE + BUSINESS + PERSONNEL + LIFE + GENERAL,
    light_verbs=frozenset(
        """
        be have do get make take give go come seem appear become remain keep let look
        want need try use include involve happen occur continue mark represent play
        """.split()
    ),
    surface_lemmas={"found": "find"},
    hypothetical_marks=frozenset({"if", "unless", "whether"}),
    person_relatives=frozenset({"who", "whom"}),
    relative_pronouns=frozenset({"who", "which", "that", "whom", "whose"}),
    reflexive_endings=("self", "selves"),
    addressees=frozenset({"you"}),
    aspectual_verbs=frozenset("begin start resume continue end finish complete stop run".split()),
    saying_verbs=frozenset(
        "say tell report add note state comment explain speak write describe mention accord".split()
    ),
    future_markers=frozenset(
        """will shall 'll plan set aim intend expect going hope seek want prepare schedule
        propose vow pledge promise due""".split()
    ),
    possible_markers=frozenset(
        {"may", "might", "could", "would", "possible", "possibly", "likely"}
    ),
    negation_words=frozenset({"not", "n't", "no", "never", "neither", "nor"}),
    repetition_marks=frozenset(
        """another new fresh further renewed repeated second third fourth fifth next""".split()
    ),
    iteration_marks=frozenset("twice thrice repeatedly".split()),
    occasion_nouns=frozenset({"time"}),
    demonstratives=frozenset({"this", "that", "these", "those"}),
    event_heads=frozenset(
        "victory campaign drive effort push wave operation process window plan plans bid".split()
    ),
    # General news vocabulary, one group a line.
    synonyms=tuple(
        frozenset(group.split())
        for group in (
            "kill killing slay slaying murder homicide assassinate assassination execute "
            "execution death die dead fatal fatality perish pass_away suicide",
            "shoot shooting shot gunfire gunshot gun gun_down open_fire",
            "injure injury wound hurt",
            "arrest detain detention apprehend capture custody nab",
            "charge accuse accusation indict indictment",
            "convict conviction",
            "sentence jail imprison imprisonment",
            "attack assault raid strike hit",
            "earthquake quake tremor temblor",
            "explode explosion blast detonate detonation bomb bombing",
            "crash collide collision accident wreck",
            "fire blaze burn inferno",
            "fire dismiss dismissal sack layoff lay_off oust ouster relieve terminate termination",
            "hire appoint appointment name employ sign signing",
            "nominate nomination nominee",
            "resign resignation quit step_down",
            "retire retirement",
            "win victory triumph beat defeat lose loss",
            "acquire acquisition buy purchase takeover take_over",
            "sell sale",
            "merge merger",
            "announce announcement unveil reveal disclose",
            "launch introduce unveil release",
            "release free",
            "escape flee getaway breakout",
            "rescue save",
            "steal theft rob robbery burglary heist loot",
            "kidnap kidnapping abduct abduction",
            "hijack hijacking",
            "protest demonstration rally march",
            "meet meeting talk talks summit negotiate negotiation",
            "elect election vote",
            "thwart foil prevent repel",
            "erupt eruption",
            "sink capsize",
            "flood flooding",
            "sue lawsuit suit",
            "investigate investigation probe inquiry",
            "fight battle clash combat",
            "conscript conscription draft call-up callup induct induction",
            "marry marriage wedding wed",
            "try trial",
            "deny denial",
            "host emcee",
            "see watch witness",
            "discover discovery find",
            "damage destroy destruction devastate devastation",
            "increase boost bolster strengthen reinforce expand expansion enlarge augment",
        )
    ),
    person_units=frozenset(
        """man woman people person individual soldier troop conscript recruit reservist
        serviceman servicemen personnel fighter volunteer draftee civilian""".split()
    ),
    derivation_suffixes=("ation", "ion", "ment", "ing", "ance", "ence", "ure", "al", "ate", "e"),
    inflection_suffixes=("s", "es", "ed", "d"),
    spelling_variants=((r"is(e|ing|ation|ed)$", r"iz\1"),),  # British -ise -> -ize
    future_auxiliaries=frozenset({"will", "shall", "'ll"}),
    progressive_auxiliaries=frozenset({"is", "are", "am"}),
    going="going",
    past_auxiliaries=frozenset({"was", "were", "had", "has", "have"}),
    location_prepositions=frozenset({"in", "into", "inside", "across", "at", "throughout"}),
    patient_prepositions=frozenset({"of", "against", "on"}),
    agent_prepositions=frozenset({"by"}),
    recipient_prepositions=frozenset({"to", "toward", "towards"}),
    beneficiary_prepositions=frozenset({"for"}),
    instrument_prepositions=frozenset({"with", "via", "through"}),
    instrument_verbs=frozenset({"use", "employ"}),
    part_prepositions=frozenset({"of"}),
    circumstance_prepositions=frozenset(
        """despite notwithstanding amid amidst after before following since during until
        till besides unlike alongside""".split()
    ),
    undergoer_verbs=frozenset(
        """die perish fall rise drop plunge soar climb slump tumble surge decline jump slide
        sink grow shrink increase decrease collapse crash cost happen occur arrive
        disappear vanish expire""".split()
    ),
    senses={
        **dict.fromkeys(
            "rise fall drop plunge soar climb slump tumble surge decline jump slide".split(),
            Sense.MEASURE,
        ),
        **dict.fromkeys("send dispatch".split(), Sense.FORCES),
        **dict.fromkeys("launch unveil introduce release debut".split(), Sense.NAMED_THING),
        **dict.fromkeys("visit meet".split(), Sense.NAMED_PARTY),
        **dict.fromkeys("attack strike hit kill shoot blast bomb".split(), Sense.HARM),
        **dict.fromkeys("found establish establishment".split(), Sense.BODY),
        **dict.fromkeys("adopt ratify veto enact repeal".split(), Sense.ACT),
    },
    measures=frozenset(
        """price share stock index rate rent revenue sale profit earning earnings income
        yield value valuation inflation unemployment output production export import cost
        spending market bond currency dollar euro yen pound oil gold demand supply growth
        gdp deficit debt wage salary premium shipment temperature approval favorability
        rating poll polling support turnout number proportion percentage point
        barrel""".split()
    ),
    forces=frozenset(
        """force army unit battalion brigade division regiment squadron fleet ship warship
        vessel submarine jet aircraft plane helicopter drone tank missile reinforcement
        police envoy delegation mission team""".split()
    ),
    growth_verbs=frozenset(
        "increase expand enlarge boost raise grow double triple swell augment".split()
    ),
    armed_forces=frozenset(
        """force army military troop soldier serviceman servicemen personnel reservist
        conscript navy fleet""".split()
    ),
    products=frozenset(
        """product phone smartphone device tablet computer laptop console car vehicle model
        version app application software service game drug vaccine platform chip camera
        watch film movie album book song show""".split()
    ),
)
