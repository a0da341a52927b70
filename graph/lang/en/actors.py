"""English vocabulary around names: titles, ranks, organisation heads, country short forms."""

from graph.lang.actors import ActorWords
from graph.model import ActorKind

# Common English given-name variants and nicknames, by standard form.
_GIVEN_NAMES = {
    "william": "bill billy will willy liam",
    "robert": "bob bobby rob robbie bert",
    "richard": "dick rick ricky rich",
    "james": "jim jimmy jamie",
    "john": "jack johnny",
    "michael": "mike mick mickey",
    "steven": "steve stephen stevie",
    "thomas": "tom tommy",
    "joseph": "joe joey",
    "david": "dave davy",
    "christopher": "chris kit",
    "anthony": "tony",
    "alexander": "alex sasha sandy",
    "nicholas": "nick nicky",
    "benjamin": "ben benny",
    "daniel": "dan danny",
    "samuel": "sam sammy",
    "edward": "ed eddie ted teddy ned",
    "andrew": "andy drew",
    "patrick": "pat paddy",
    "matthew": "matt",
    "gregory": "greg",
    "jeffrey": "jeff geoffrey",
    "lawrence": "larry",
    "gerald": "jerry gerry",
    "ronald": "ron ronnie",
    "donald": "don donnie",
    "kenneth": "ken kenny",
    "timothy": "tim timmy",
    "peter": "pete",
    "charles": "charlie chuck",
    "frederick": "fred freddie",
    "henry": "harry hank",
    "philip": "phil",
    "katherine": "kate katie kathy catherine kathryn",
    "elizabeth": "liz beth betty lisa eliza",
    "margaret": "maggie meg peggy",
    "jennifer": "jenny jen",
    "susan": "sue susie",
    "rebecca": "becky",
    "deborah": "debbie deb",
    "patricia": "patty trish",
    "victoria": "vicky",
    "dmitry": "dima dmitri",
    "vladimir": "volodya",
}

_KIND_NOUNS = {
    ActorKind.PRODUCT: """
        phone smartphone handset player device computer laptop notebook desktop tablet
        console camera software browser app application game car vehicle truck aircraft
        airliner jet plane helicopter drone rifle missile drug medicine vaccine pill chip
        processor portal platform messenger
        """,
    ActorKind.INDEX: "index average composite",
    ActorKind.LAW: "act bill law amendment directive treaty statute charter",
    ActorKind.EVENT: """
        conference summit war olympics games championship cup festival expo exhibition
        tournament
        """,
    ActorKind.FACILITY: """
        airport stadium bridge station plant factory port hospital prison tower arena theater
        theatre dam pipeline building
        """,
}

WORDS = ActorWords(
    title_words=frozenset(
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
    ),
    title_qualifiers=frozenset(
        """
        former acting interim late deputy senior junior top chief first second assistant
        associate executive general principal regional federal national state foreign defense
        defence interior finance health justice economy economic trade military human rights
        """.split()
    ),
    org_head_nouns=frozenset(
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
        """.split()
    ),
    country_aliases={
        "us": "United States", "u.s.": "United States", "u.s.a.": "United States",
        "usa": "United States", "america": "United States",
        "united states of america": "United States", "the united states": "United States",
        "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
        "great britain": "United Kingdom", "russian federation": "Russia",
        "north korea": "North Korea", "dprk": "North Korea", "south korea": "South Korea",
        "czechia": "Czech Republic", "holland": "Netherlands", "the netherlands": "Netherlands",
        "uae": "United Arab Emirates", "prc": "China", "people's republic of china": "China",
        "ivory coast": "Ivory Coast", "burma": "Myanmar", "vatican": "Vatican",
    },
    name_connectors=frozenset({"of", "for", "and", "de"}),
    articles=frozenset({"the", "a", "an"}),
    kind_nouns={word: kind for kind, words in _KIND_NOUNS.items() for word in words.split()},
    product_modifiers=frozenset(
        "new latest original previous older newer cheaper upcoming redesigned next-generation"
        .split()
    ),
    count_determiners=frozenset({"a", "an", "every", "each", "another"}),
    corporate_designators=frozenset(
        """
        inc incorporated corp corporation co company ltd limited llc llp lp plc gmbh ag sa
        nv bv spa group holdings
        """.split()
    ),
    given_names={
        variant: name
        for name, variants in _GIVEN_NAMES.items()
        for variant in variants.split()
    },
)  # fmt: skip
