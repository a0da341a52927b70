"""Event mentions: the words that name an event, with their TimeML class.

Every verb, noun, adjective and auxiliary of a parsed document is scored by a linear model
over features of its spaCy parse (word, lemma, tags, dependency label, head, children,
affixes, neighbours). It takes the best of eight labels: no event, or one of the seven TimeML
classes (OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION). TimeML
events are single words, so one label per token is enough; a hyphenated word that spaCy
splits ("write-downs") is given back whole.

The weights are data of the language, like its word lists: `graph/lang/<code>/
event_mentions.json.gz`, trained on TimeBank and AQUAINT by `python -m
bench.train_event_mentions` and loaded once per process.

    >>> [(m.text, m.event_class.value) for m in find_event_mentions(nlp("Sales fell 5%."))]
    [('fell', 'OCCURRENCE')]
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from graph.errors import ModelError
from graph.extract.nlp import text_of

__all__ = [
    "CANDIDATE_POS",
    "MODEL_FILE",
    "MODEL_FORMAT",
    "NO_EVENT",
    "EventMention",
    "MentionModel",
    "TimeMLClass",
    "find_event_mentions",
    "load_mention_model",
    "mention_span",
    "read_mention_model",
    "token_features",
]

MODEL_FILE = "event_mentions.json.gz"
MODEL_FORMAT = 1
NO_EVENT = "O"
# Parts of speech that may name an event; the others (determiners, pronouns, numbers,
# punctuation, names, prepositions...) almost never do in TimeBank (0.3% of its events), and
# skipping them halves the work.
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})


class TimeMLClass(StrEnum):
    """The TimeML class of an event mention (TimeML 1.2 specification, section 2.3)."""

    OCCURRENCE = "OCCURRENCE"
    REPORTING = "REPORTING"
    STATE = "STATE"
    I_ACTION = "I_ACTION"
    I_STATE = "I_STATE"
    ASPECTUAL = "ASPECTUAL"
    PERCEPTION = "PERCEPTION"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event mention: its token, its characters in the document and its class.

    `score` is how far the chosen class is ahead of the next best label (no event included)
    in the model's units: higher is surer, and always above 0.
    """

    token: int
    start: int
    end: int
    text: str
    event_class: TimeMLClass
    score: float


class MentionModel:
    """The weights of the tagger: one row per known feature, one column per label."""

    def __init__(self, labels: list[str], features: dict[str, int], weights: Any) -> None:
        self.labels = labels
        self.features = features
        self.weights = weights
        self._classes = [None if label == NO_EVENT else TimeMLClass(label) for label in labels]

    @classmethod
    def from_json(cls, data: Any) -> MentionModel:
        """The model of the shipped file's JSON; `ValueError` when it is not one."""
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a format-{MODEL_FORMAT} event mention model")
        labels, scale, rows = data["labels"], data["scale"], data["weights"]
        if labels[0] != NO_EVENT or not set(labels[1:]) <= set(TimeMLClass):
            raise ValueError(f"unknown labels {labels}")
        if "" not in rows:
            raise ValueError("no bias row (the feature named '')")
        names = sorted(rows)  # the bias row comes first
        weights = np.array([rows[name] for name in names], dtype=np.float32) / float(scale)
        if weights.shape != (len(names), len(labels)):
            raise ValueError(f"weights of shape {weights.shape}, expected ({len(names)}, ...)")
        return cls(labels, {name: i for i, name in enumerate(names)}, weights)

    def scores(self, tokens: list[Token]) -> Any:
        """A (tokens x labels) array of each token's score for each label."""
        index = self.features
        ids: list[int] = []
        starts: list[int] = []
        for token in tokens:
            starts.append(len(ids))
            # a set: training counts each feature of a token once
            ids.extend({i for f in token_features(token) if (i := index.get(f)) is not None})
            ids.append(0)  # the bias row keeps every token's slice non-empty
        if not tokens:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return np.add.reduceat(self.weights[ids], starts, axis=0)

    def tag(self, doc: Doc) -> list[EventMention]:
        """The event mentions of `doc`, in document order."""
        tokens = [t for t in doc if t.pos_ in CANDIDATE_POS]
        scores = self.scores(tokens)
        best = scores.argmax(axis=1)
        top_two = np.sort(scores, axis=1)[:, -2:]
        margins = (top_two[:, 1] - top_two[:, 0]).tolist()
        text = text_of(doc)
        mentions = []
        for n in np.flatnonzero(best).tolist():
            token = tokens[n]
            start, end = mention_span(token)
            event_class = self._classes[best[n]]
            assert event_class is not None
            mentions.append(
                EventMention(
                    token.i, start, end, text[start:end], event_class, round(margins[n], 2)
                )
            )
        return mentions


def find_event_mentions(doc: Doc, model: MentionModel | None = None) -> list[EventMention]:
    """The event mentions of a parsed document, in document order.

    Args:
        doc: a spaCy Doc parsed by the pipeline of its language (tags, lemmas, dependencies).
        model: the weights to use; by default those shipped for the document's language.

    Returns:
        One mention per event word, with its TimeML class.

    Raises:
        ModelError: no weights ship for the document's language, or their file is damaged.

    Example:
        >>> [(m.text, m.event_class.value) for m in find_event_mentions(nlp("He said no."))]
        [('said', 'REPORTING')]
    """
    return (model or load_mention_model(doc.lang_)).tag(doc)


@cache
def load_mention_model(code: str = "en") -> MentionModel:
    """The event mention weights of language `code`, read once from `graph/lang/<code>/`.

    Raises:
        ModelError: the language has no such file, or it cannot be read as weights.
    """
    try:
        folder = resources.files(f"graph.lang.{code}") if code.isalpha() else None
    except ModuleNotFoundError:
        folder = None
    if folder is None:
        raise ModelError(
            f"no event mention model for language {code!r}; use a spaCy pipeline of a language"
            " under graph/lang/ that has one"
        )
    return read_mention_model(folder / MODEL_FILE)


def read_mention_model(path: Traversable) -> MentionModel:
    """The event mention weights in file `path` (gzipped JSON, as the training writes it).

    Raises:
        ModelError: the file is missing, or it cannot be read as weights.
    """
    fix = "reinstall timeline-graph, or rebuild it with `python -m bench.train_event_mentions`"
    try:
        raw = path.read_bytes()
    except OSError as error:
        problem = error.strerror or type(error).__name__
        raise ModelError(f"{path}: event mention model cannot be read ({problem}); {fix}") from None
    try:
        return MentionModel.from_json(json.loads(gzip.decompress(raw)))
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError) as error:
        raise ModelError(
            f"{path}: damaged event mention model ({type(error).__name__}: {error}); {fix}"
        ) from None


def mention_span(token: Token) -> tuple[int, int]:
    """The characters of the word `token` belongs to: a hyphenated word that spaCy splits
    ("write - downs") is one word in the text and one TimeML event."""
    doc = token.doc
    first = last = token.i
    while first >= 2 and doc[first - 1].text == "-" and _joined(doc, first - 2, first - 1):
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and _joined(doc, last, last + 1):
        last += 2
    return doc[first].idx, doc[last].idx + len(doc[last])


def _joined(doc: Doc, *tokens: int) -> bool:
    """Each of `tokens` is followed by the next token with no space between them."""
    return not any(doc[i].whitespace_ for i in tokens)


_FRAMES = frozenset({"xcomp", "ccomp", "dobj", "nsubjpass", "acomp", "attr", "advcl"})


def token_features(token: Token) -> list[str]:
    """The features of one candidate token, as the model's row names.

    The shipped weights were learnt over exactly these: a change here needs `python -m
    bench.train_event_mentions` to be run again.
    """
    lower, lemma, tag, dep = token.lower_, token.lemma_.lower(), token.tag_, token.dep_
    head = token.head
    head_lemma = head.lemma_.lower()
    features = [
        "w=" + lower,
        "l=" + lemma,
        "t=" + tag,
        "lt=" + lemma + "|" + token.pos_,
        "d=" + dep,
        "dt=" + dep + "|" + tag,
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
        "p3=" + lower[:3],
        "sh=" + token.shape_[-4:],
        "e=" + token.ent_type_,
        "hl=" + head_lemma,
        "hp=" + head.pos_ + "|" + dep,
        "hld=" + head_lemma + "|" + dep,
    ]
    kids = set()
    for child in token.children:
        child_dep = child.dep_
        kids.add(child_dep)
        if child_dep in ("aux", "auxpass", "neg", "det", "prep", "mark", "prt"):
            features.append("c=" + child_dep + "|" + child.lower_)
            if child_dep in ("prep", "prt"):
                features.append("lc=" + lemma + "|" + child.lower_)
    features.extend("k=" + k for k in kids)
    features.extend("lk=" + lemma + "|" + k for k in kids & _FRAMES)
    features.append("ld=" + lemma + "|" + dep)
    doc, i = token.doc, token.i
    features.append("pt=" + (doc[i - 1].tag_ if i > 0 else "^"))
    features.append("nt=" + (doc[i + 1].tag_ if i + 1 < len(doc) else "$"))
    features.append("pw=" + (doc[i - 1].lower_ if i > 0 else "^"))
    features.append("nw=" + (doc[i + 1].lower_ if i + 1 < len(doc) else "$"))
    features.append("ht=" + head.tag_ + "|" + head.dep_)
    return features
