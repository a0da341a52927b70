"""English vocabulary for comparing statements: stopwords and concept groups by domain."""

from graph.lang.resolution import ResolutionWords

# Armed forces and conflict: the ways news names fighting, sending troops, conscripts,
# mobilisation and losses.
MILITARY_CONCEPTS = {
    "combat": "fight fighting fought combat battle battlefield front frontline frontlines "
    "front-line front-lines trench trenches",
    "deploy": "send sent sending deploy deployed deployment dispatch dispatched transfer "
    "transferred serve serving served",
    "conscript": "conscript conscripts conscripted conscription draftee draftees recruit recruits",
    "mobilization": "mobilization mobilisation mobilize mobilise mobilized mobilised",
    "casualty": "casualty casualties killed dead wounded death deaths",
}

WORDS = ResolutionWords(
    stopwords=frozenset(
        """
        a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each
        few for from further had has have having he her here hers herself him himself his how
        i if in into is it its itself just me more most my myself no nor not now of off on once
        only or other our ours ourselves out over own same she should so some such than that
        the their theirs them themselves then there these they this those through to too under
        until up very was we were what when where which while who whom why will with would you
        your yours yourself would said say says told according also however still even many
        much one two three new last year years month months week weeks day days time may might
        must shall
        """.split()
    ),
    concepts={name: frozenset(words.split()) for name, words in MILITARY_CONCEPTS.items()},
)
