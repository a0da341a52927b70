"""English: the lexicon gathered from this package's data modules."""

from graph.lang import Lexicon
from graph.lang.en import actors, attribution, events, numbers, page, resolution, time

LEXICON = Lexicon(
    code="en",
    numbers=numbers.WORDS,
    time=time.WORDS,
    actors=actors.WORDS,
    events=events.WORDS,
    attribution=attribution.WORDS,
    resolution=resolution.WORDS,
    page=page.WORDS,
)
