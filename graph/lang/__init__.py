"""What the program knows about a language, gathered in one frozen `Lexicon` per language.

Code never holds word lists: every extractor and resolver takes the words it needs from a
`Lexicon`, the way spaCy's components read `spacy/lang/en/`. Each topic has a language-neutral
type here (`TimeWords` in `graph.lang.time`, `AttributionWords` in `graph.lang.attribution`,
...) and one data module per language (`graph/lang/en/time.py`, ...); the language's package
gathers them into its `LEXICON`.

    >>> get("en").events.type_of("mobilise")
    <EventType.MOBILIZATION: 'mobilization'>

Adding a language is a new package `graph/lang/<code>/` whose `__init__.py` defines `LEXICON`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from graph.errors import ModelError
from graph.lang.actors import ActorWords
from graph.lang.attribution import AttributionWords
from graph.lang.events import EventWords
from graph.lang.numbers import NumberWords
from graph.lang.page import PageWords
from graph.lang.references import ReferenceWords
from graph.lang.resolution import ResolutionWords
from graph.lang.time import TimeWords

__all__ = ["DEFAULT_LANGUAGE", "Lexicon", "get", "languages"]

DEFAULT_LANGUAGE = "en"


# eq=False: a lexicon is compared and hashed by identity, so compiled rules can be cached
# per lexicon even though its tables are dicts.
@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything one language contributes, by topic."""

    code: str
    numbers: NumberWords
    time: TimeWords
    actors: ActorWords
    references: ReferenceWords
    events: EventWords
    attribution: AttributionWords
    resolution: ResolutionWords
    page: PageWords


def languages() -> list[str]:
    """Codes of the languages that have a lexicon."""
    from importlib import resources

    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "__init__.py").is_file())


@cache
def get(code: str = DEFAULT_LANGUAGE) -> Lexicon:
    """The lexicon of language `code` (an ISO 639-1 code, as spaCy's `nlp.lang`).

    Raises:
        ModelError: no lexicon exists for `code` (a spaCy pipeline of another language).
    """
    if not code.isalpha() or code not in languages():
        raise ModelError(
            f"no lexicon for language {code!r}; timeline-graph knows {', '.join(languages())}:"
            " use a spaCy pipeline of one of these, or add graph/lang/<code>/"
        )
    lexicon = importlib.import_module(f"{__name__}.{code}").LEXICON
    assert isinstance(lexicon, Lexicon)
    return lexicon
