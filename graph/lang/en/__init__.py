"""English: the lexicon gathered from this package's data modules."""

from graph.lang import Lexicon
from graph.lang.en import (
    actors,
    attribution,
    events,
    numbers,
    page,
    references,
    resolution,
    time,
)

LEXICON = Lexicon(
    code="en",
    numbers=numbers.WORDS,
    time=time.WORDS,
    actors=actors.WORDS,
    references=references.WORDS,
    events=events.WORDS,
    attribution=attribution.WORDS,
    resolution=resolution.WORDS,
    page=page.WORDS,
)
