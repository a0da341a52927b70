"""What the cue forms share: the document being read and an attribution before it becomes a
`LocalClaim`."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from graph.extract.actors import ActorTable
from graph.extract.events import EventTable
from graph.lang import Lexicon
from graph.lang.attribution import AttributionWords
from graph.model import Document
from graph.temporal import DateMention


@dataclass(frozen=True)
class Quote:
    start: int  # character offsets of the text inside the quote marks
    end: int


@dataclass
class Found:
    """One attribution before it becomes a `LocalClaim`."""

    cue: Token
    cue_text: str
    speaker: list[Token]
    content: tuple[int, int]
    direct: bool
    via: int | None = None
    denial: bool = False
    hedging_cue: bool = False
    extra: tuple[int, int] | None = None  # a continuation quote after the cue
    sentence: Span | None = None  # the cue's sentence (Token.sent walks the whole document)
    span_start: int | None = None  # where the attribution starts, if before the sentence


@dataclass
class Context:
    text: str  # Doc.text joins every token on each access: read it once
    document: Document
    actors: ActorTable
    events: EventTable
    dates: list[DateMention]
    quotes: list[Quote]
    lexicon: Lexicon
    lines: dict[int, tuple[int, int]] = field(default_factory=dict)  # see `line_speakers`
    last_speaker: int | None = None
    last_speaker_at: int = -1  # token index of the last resolved speaker's cue
    last_speaker_sentence: int = -1
    sentence_index: int = 0
    pronoun_of: dict[int, str] = field(default_factory=dict)  # actor -> "he"/"she" seen

    @property
    def words(self) -> AttributionWords:
        return self.lexicon.attribution


def end(token: Token) -> int:
    """The character offset just after `token`."""
    return token.idx + len(token.text)
