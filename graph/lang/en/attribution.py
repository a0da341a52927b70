"""English vocabulary of attribution: reporting verbs, denials, hedges, negation."""

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
)
