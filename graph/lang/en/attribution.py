"""English vocabulary of attribution: reporting verbs and nouns, speakers, denials, hedges,
negation."""

from graph.lang.attribution import AttributionWords

WORDS = AttributionWords(
    reporting_verbs=frozenset(
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
    ),
    weak_reporting_verbs=frozenset(
        "call describe mention signal project order add ask point".split()
    ),
    statement_verbs=frozenset(
        "urge appeal pledge promise vow warn demand threaten declare proclaim call announce".split()
    ),
    denial_verbs=frozenset({"deny", "dismiss", "reject", "refute", "rebuff"}),
    hedge_words=frozenset(
        """
        reportedly allegedly apparently purportedly supposedly possibly perhaps probably
        likely unlikely may might could allegation allegations alleged rumor rumors rumour
        rumours unconfirmed unverified suggest suggests believe believes estimate estimated
        """.split()
    ),
    negation_words=frozenset({"not", "n't", "never", "no", "nobody", "none", "neither", "nor"}),
    evidence_verbs=frozenset("show find agree conclude learn acknowledge indicate".split()),
    recipient_verbs=frozenset("tell inform assure reassure warn remind promise ask".split()),
    question_verbs=frozenset("question ask wonder doubt query".split()),
    hedging_verbs=frozenset("believe suggest estimate claim allege speculate think".split()),
    refusal_verbs=frozenset("decline refuse fail neglect".split()),
    relay_verbs=frozenset({"cite", "quote"}),
    passive_reporting_verbs=frozenset({"quote"}),
    # "made clear that", "let slip that", "made it known that"
    idiom_verbs=frozenset({"make", "let"}),
    idiom_words=frozenset({"clear", "slip", "known", "plain", "public"}),
    statement_nouns=frozenset(
        """
        claim statement assertion allegation argument warning belief suggestion insistence
        promise pledge denial remark comment contention accusation charge prediction estimate
        view position interview tweet post letter speech op-ed memo release email message
        testimony announcement remarks comments statements report
        """.split()
    ),
    unattributed_nouns=frozenset({"allegation", "statement", "report", "claim", "assertion"}),
    denial_nouns=frozenset({"denial"}),
    hedging_nouns=frozenset({"claim", "allegation", "belief", "estimate"}),
    frame_nouns=frozenset(
        """
        statement interview tweet post letter speech op-ed memo release email message
        testimony announcement remarks comments address briefing conference video appearance
        """.split()
    ),
    source_phrase=("according", "to"),
    statement_marks=frozenset({"that"}),
    question_marks=frozenset({"whether"}),
    conditional_marks=frozenset({"if"}),
    wh_words=frozenset("how what whether why when who which where if".split()),
    conjunctions=frozenset({"and", "but"}),
    content_prepositions=frozenset({"about", "on", "that", "for", "of", "as"}),
    weak_content_prepositions=frozenset({"for", "on", "as"}),
    predicative_prepositions=frozenset({"as"}),
    frame_prepositions=frozenset({"in", "during", "on"}),
    date_prepositions=frozenset("on in at during since by earlier last this".split()),
    speaker_prepositions=frozenset({"by", "from"}),
    role_nouns=frozenset("representative source sources member members officials".split()),
    non_speakers=frozenset(
        """
        that which this there what who whoever anyone anybody everyone everybody nobody
        someone somebody you one
        """.split()
    ),
    relative_pronouns=frozenset({"who", "that", "which", "whom"}),
    person_pronouns=frozenset({"he", "she", "him", "her", "i"}),
    thing_pronouns=frozenset({"it"}),
    group_pronouns=frozenset({"they", "we"}),
    gendered_pronouns=frozenset({"he", "she"}),
    pronoun_subjects={"him": "he", "her": "she"},
    definite_articles=frozenset({"the"}),
    line_labels=frozenset(
        label.strip()
        for label in """
        update, updated, note, editor's note, editor’s note, watch, photo, photos, video,
        related, read more, correction, clarification, source, sources, credit, caption,
        warning, breaking, exclusive, live, see also, listen
        """.split(",")
    ),
    negation_adverbs=frozenset({"never"}),
    negative_determiners=frozenset({"no", "none"}),
    negative_pronouns=frozenset({"nobody", "none", "nothing"}),
    negative_phrases=frozenset({("no", "one")}),
)
