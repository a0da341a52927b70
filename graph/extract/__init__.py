"""Per-document extraction: a pure function of one document's text and metadata.

`extract_document` parses once with spaCy and runs the stages in order: dates, quantities,
actors (and the pronouns and descriptions that refer to them), events, claims; a long text
piece by piece, the pieces' results joined.
`extract_documents` runs it over many documents, in worker processes that each load the
pipeline once.
"""

from __future__ import annotations

import importlib.util
import os
import signal
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from pathlib import Path
from typing import Any

from pydantic import Field

from graph.errors import DocumentError
from graph.extract.actors import find_actors, merge_piece_actors
from graph.extract.claims import find_claims
from graph.extract.events import Anchors, capped_context, document_context, find_events
from graph.extract.fingerprint import fingerprint
from graph.extract.nlp import load_pipeline
from graph.extract.quantities import find_quantities
from graph.extract.references import resolve_references
from graph.ids import code_version
from graph.lang import Lexicon, get
from graph.lifetime import die_with_parent
from graph.model import (
    DocExtraction,
    Document,
    ExtractionText,
    LocalActor,
    LocalClaim,
    LocalEvent,
    Span,
)
from graph.temporal import find_dates

__all__ = [
    "EXTRACTION_PATH",
    "EXTRACTOR_VERSION",
    "extract_document",
    "extract_documents",
    "lexicon_for",
    "read_anchors",
]


# Every module and package whose code shapes a document's extraction, from reading the file
# to the words of its language. Saved graphs record a hash of their code and data (trained
# weights such as graph/lang/en/event_mentions.json.gz) with each document, so a change to
# any of them makes documents given again be extracted anew.
EXTRACTION_PATH = (
    "graph.model",
    "graph.ids",
    "graph.ingest",
    "graph.lang",
    "graph.temporal",
    "graph.extract",
)


EXTRACTION_DATA = ("*.py", "*.json.gz")
"""The files of an `EXTRACTION_PATH` package that shape extraction: code and shipped data."""


def extraction_sources() -> list[Path]:
    """The source and data files of `EXTRACTION_PATH`, in a stable order."""
    files: set[Path] = set()
    for name in EXTRACTION_PATH:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, name
        if spec.submodule_search_locations:  # a package: all of its files, at any depth
            for folder in spec.submodule_search_locations:
                for pattern in EXTRACTION_DATA:
                    files.update(Path(folder).rglob(pattern))
        else:
            files.add(Path(spec.origin))
    root = Path(__file__).resolve().parent.parent
    return sorted(files, key=lambda p: p.resolve().relative_to(root).as_posix())


EXTRACTOR_VERSION = code_version(extraction_sources(), Path(__file__).resolve().parent.parent)
_PIECE = 50_000  # characters parsed at once: bounds memory, and spaCy's max_length


def extract_document(
    document: Document, model: str | None = None, *, parse: Any = None
) -> DocExtraction:
    """Actors, events and claims of one document.

    A long text is extracted in paragraph-aligned pieces of at most `_PIECE` characters, one
    parse at a time, and the pieces' results are joined as they come: memory is bounded by
    the piece size, whatever the size of the file. Actors named in several pieces are one
    actor of the document; every span still points into the whole text. An event told again
    in the same sentence, word for word, is one event with its repeats (`LocalEvent.repeats`),
    so a text that says one thing over and over holds it once.

    Example:
        >>> extraction = extract_document(read_document(Path("seeds/000.txt")))
        >>> [a.name for a in extraction.actors][:2]
        ['Russia', 'Ukraine']

    `parse`, the spaCy parse of the whole text of a document of one piece, is used instead of
    parsing it again (`extract_each` parses several documents together, which is faster).
    """
    nlp = load_pipeline(model)
    lexicon = get(nlp.lang)
    ranges = pieces(document.text, _PIECE)
    joined = _Joined(document)
    if parse is not None and len(ranges) == 1:  # parsed already, with other documents
        ranges = []
        joined.add(_extract(parse, document, lexicon))
    for start, end in ranges:
        piece = document
        if len(ranges) > 1:
            piece = _Piece.model_construct(
                source=document.source,
                text=document.text[start:end],
                segments=document.segments,
                offset=start,
            )
        joined.add(_extract(nlp(piece.text), piece, lexicon))
    return joined.extraction(lexicon).model_copy(update={"fingerprint": fingerprint(document.text)})


def read_anchors(doc: Any, document: Document, lexicon: Lexicon) -> Anchors:
    """The dates, quantities and actors of a parsed document: what its events are anchored on.

    With them, `graph.extract.events.describe_event` describes the event any word names.

    Example:
        >>> anchors = read_anchors(nlp(document.text), document, get())
        >>> [a.name for a in anchors.actors.actors][:1]
        ['Russia']
    """
    published = document.source.published
    anchor = published.start if published is not None else None
    dates = find_dates(doc, anchor, lexicon=lexicon)
    date_tokens = {
        t.i for d in dates for t in doc.char_span(d.start, d.end, alignment_mode="expand") or []
    }
    quantities = find_quantities(doc, skip=date_tokens, lexicon=lexicon)
    actors = resolve_references(
        doc, document, find_actors(doc, document, lexicon=lexicon), lexicon=lexicon
    )
    return Anchors(doc, document, actors, dates, quantities, lexicon)


def _extract(doc: Any, document: Document, lexicon: Lexicon) -> DocExtraction:
    a = read_anchors(doc, document, lexicon)
    events = find_events(doc, document, a.actors, a.dates, a.quantities, lexicon=lexicon)
    claims = find_claims(doc, document, a.actors, events, a.dates, lexicon=lexicon)
    return DocExtraction(
        extractor=EXTRACTOR_VERSION,
        source=document.source,
        actors=tuple(a.actors.actors),
        events=tuple(relayed(events.events, claims)),
        claims=tuple(claims),
        context=document_context(doc),
    )


def relayed(events: Sequence[LocalEvent], claims: Sequence[LocalClaim]) -> list[LocalEvent]:
    """`events` with those told as fact inside what someone is quoted or paraphrased as saying
    marked `reported`: the article relays them, it does not assert them."""
    contents = [(c.content_span.start, c.content_span.end) for c in claims]
    return [
        event.model_copy(update={"modality": "reported"})
        if event.modality == "actual"
        and any(start <= event.trigger_span.start < end for start, end in contents)
        else event
        for event in events
    ]


class _Piece(Document):
    """A piece of a long document: offsets into the piece's text map through the whole
    document's segments, so provenance spans point into the whole file."""

    offset: int = Field(ge=0, description="Start of the piece in the whole cleaned text.")

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return super().to_original(start + self.offset, end + self.offset)


def pieces(text: str, size: int = _PIECE) -> list[tuple[int, int]]:
    """(start, end) ranges of at most `size` characters covering `text`, each ending at a line
    break in the second half of its range when there is one (a paragraph, not mid-sentence).

    Example:
        >>> pieces("ab\ncd\nef", 4)
        [(0, 3), (3, 6), (6, 8)]
    """
    ranges: list[tuple[int, int]] = []
    start = 0
    while start < len(text) or not ranges:
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut != -1 else end
        ranges.append((start, end))
        start = end
    return ranges


class _Joined:
    """One document's extraction, joined from those of its pieces as they come, in text order.

    Events told again in the same words are kept once with their repeats; the pieces' actors
    are merged at the end, as within one document, and indices into them renumbered.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.actors: list[tuple[LocalActor, ...]] = []  # each piece's
        self.events: list[tuple[int, LocalEvent]] = []  # (piece, event) in order first told
        self.repeats: list[list[int]] = []  # of each event
        # Hash of a telling -> the events told so: the tellings themselves are not kept.
        self.told: dict[int, list[int]] = {}
        self.claims: list[tuple[int, LocalClaim]] = []  # (piece, claim), about_event joined
        self.context: Counter[str] = Counter()

    def add(self, part: DocExtraction) -> None:
        piece = len(self.actors)
        self.actors.append(part.actors)
        self.context.update(part.context)
        index = []
        for event in part.events:
            telling = _telling(event, part.actors)
            alike = self.told.setdefault(hash(telling), [])
            first = next((i for i in alike if self._telling(i) == telling), None)
            if first is None:
                first = len(self.events)
                alike.append(first)
                self.events.append((piece, event))
                self.repeats.append([])
            else:
                self.repeats[first].append(event.span.start - self.events[first][1].span.start)
            index.append(first)
        for claim in part.claims:
            about = None if claim.about_event is None else index[claim.about_event]
            self.claims.append((piece, claim.model_copy(update={"about_event": about})))

    def _telling(self, index: int) -> Hashable:
        piece, event = self.events[index]
        return _telling(event, self.actors[piece])

    def extraction(self, lexicon: Lexicon) -> DocExtraction:
        if len(self.actors) == 1:  # one piece: its actors are the document's
            actors, renumber = list(self.actors[0]), [list(range(len(self.actors[0])))]
        else:
            actors, renumber = merge_piece_actors(self.actors, lexicon=lexicon)
        events = []
        for (piece, event), repeats in zip(self.events, self.repeats, strict=True):
            update: dict[str, Any] = {"repeats": tuple(repeats)} if repeats else {}
            if len(self.actors) > 1:
                update["participants"] = tuple(
                    p.model_copy(update={"actor": renumber[piece][p.actor]})
                    for p in event.participants
                )
            events.append(event.model_copy(update=update) if update else event)
        claims = []
        for piece, claim in self.claims:
            if len(self.actors) > 1:
                claim = claim.model_copy(
                    update={
                        "speaker_actor": _shifted(claim.speaker_actor, renumber[piece]),
                        "via_actor": _shifted(claim.via_actor, renumber[piece]),
                    }
                )
            claims.append(claim)
        return DocExtraction(
            extractor=EXTRACTOR_VERSION,
            source=self.document.source,
            actors=tuple(actors),
            events=tuple(events),
            claims=tuple(claims),
            context=capped_context(self.context),
        )


def _telling(event: LocalEvent, actors: Sequence[LocalActor]) -> Hashable:
    """What an event's telling says, wherever it stands: equal for the same sentence told
    again word for word, with the same event in it."""
    base = event.span.start

    def at(span: Span) -> tuple[int, int, str]:
        return span.start - base, span.end - base, span.text

    participants = tuple(
        (actors[p.actor].actor_type, actors[p.actor].name.lower(), p.role, at(p.span))
        for p in event.participants
    )
    anywhere = event.model_copy(update={"span": _NOWHERE, "trigger_span": _NOWHERE})
    return (
        anywhere.model_copy(update={"participants": ()}),
        at(event.span),
        at(event.trigger_span),
        participants,
    )


_NOWHERE = Span(source_id="", start=0, end=0, text="")


def _shifted(index: int | None, renumber: Sequence[int]) -> int | None:
    return None if index is None else renumber[index]


def lexicon_for(model: str | None = None) -> Lexicon:
    """The lexicon of the language of spaCy pipeline `model` (the default one if None).

    Raises:
        ModelError: the pipeline cannot be loaded, or its language has no lexicon.
    """
    return get(load_pipeline(model).lang)


def extract_each(
    documents: Iterable[Document],
    jobs: int = 1,
    model: str | None = None,
    executor: str | None = None,
) -> Iterator[tuple[Document, Sent]]:
    """Extract every document in `jobs` worker processes, or on the workers of the Dask
    scheduler at `executor`, yielding each with its extraction as the store keeps it (or the
    `DocumentError` saying why it failed) as it comes: in input order locally, in any order
    on a cluster.

    `documents` are drawn as the workers need them: at most `IN_FLIGHT` per worker are read
    and not yet yielded, so a generator of documents (`graph.ingest.iter_documents`) flows
    through in bounded memory however many it gives.

    Raises:
        ModelError: the spaCy pipeline cannot be loaded.
        ExecutorError: the `executor` cluster cannot be used.
    """
    load_pipeline(model)  # fail early; forked workers inherit the loaded pipeline
    documents = iter(documents)
    if executor is not None:
        first = next(documents, None)
        if first is None:
            return
        from graph.extract.cluster import extract_on_cluster  # needs the optional distributed

        for document, outcome in extract_on_cluster(chain([first], documents), executor, model):
            yield document, _as_text(outcome)
    else:
        yield from _run(documents, jobs, model)


def extract_documents(
    documents: Sequence[Document],
    jobs: int = 1,
    model: str | None = None,
    on_done: Callable[[Document], None] | None = None,
    executor: str | None = None,
) -> tuple[list[DocExtraction], list[DocumentError]]:
    """Extract every document, in `jobs` worker processes; results in input order.

    With `executor`, the address of a Dask scheduler (`tcp://host:8786`), the documents are
    extracted by its workers instead (see `graph.extract.cluster`) and `jobs` is not used.
    A document whose extraction fails is reported in the second list; the others still load.

    Raises:
        ModelError: the spaCy pipeline cannot be loaded.
        ExecutorError: the `executor` cluster cannot be used.
    """
    order = {id(d): i for i, d in enumerate(documents)}
    done: list[tuple[int, Outcome]] = []
    for document, sent in extract_each(documents, jobs, model, executor):
        done.append(
            (order[id(document)], sent.read() if isinstance(sent, ExtractionText) else sent)
        )
        if on_done is not None:
            on_done(document)
    outcomes = [o for _, o in sorted(done, key=lambda pair: pair[0])]
    problems = [o for o in outcomes if isinstance(o, DocumentError)]
    return [o for o in outcomes if not isinstance(o, DocumentError)], problems


Outcome = DocExtraction | DocumentError
Sent = ExtractionText | DocumentError  # what a worker sends back


# Documents per local worker sent and not yet yielded: enough for the workers to go on
# extracting through a step of a long load (about a minute of resolution per 1,000
# articles), few enough to bound what waits in memory (a document and its extraction's
# JSON: tens of KB each).
IN_FLIGHT = 512
# Documents a worker parses together: spaCy's pipeline runs about a third faster on a batch
# of texts than on one at a time.
PARSED_TOGETHER = 16
# Workers yield the CPU to the loading process: its resolution steps go at full speed and
# the workers extract on what is left.
_WORKER_NICENESS = 10


def _run(
    documents: Iterator[Document], jobs: int, model: str | None
) -> Iterator[tuple[Document, Sent]]:
    jobs = max(1, min(jobs, os.cpu_count() or 1))
    head = list(islice(documents, jobs * IN_FLIGHT))
    if len(head) < jobs * IN_FLIGHT:  # all there is: no more workers than documents
        jobs = max(1, min(jobs, len(head)))
    size = max(1, min(PARSED_TOGETHER, IN_FLIGHT))
    if jobs == 1:
        for group in _groups(chain(head, documents), size):
            yield from zip(group, _extract_group(group, model), strict=True)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model,)) as pool:
        # A window of documents in flight, in groups parsed together, refilled as each group
        # returns in input order: it keeps all workers busy and bounds what waits in memory
        # (the pool's own map would take every document at once).
        window: deque[tuple[list[Document], Future[list[Sent]]]] = deque()
        in_flight = 0
        for group in _groups(chain(head, documents), size):
            window.append((group, pool.submit(_extract_in_worker, group)))
            in_flight += len(group)
            while in_flight >= jobs * IN_FLIGHT:
                done, future = window.popleft()
                in_flight -= len(done)
                yield from zip(done, future.result(), strict=True)
        while window:
            done, future = window.popleft()
            yield from zip(done, future.result(), strict=True)


def _groups(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while group := list(islice(iterator, size)):
        yield group


def _extract_group(documents: list[Document], model: str | None) -> list[Sent]:
    """The documents' extractions, the texts of one piece parsed together (spaCy parses a
    batch faster than one text at a time); a document that fails is its `DocumentError`,
    the others are extracted all the same."""
    whole = [d for d in documents if len(pieces(d.text, _PIECE)) == 1]
    try:
        nlp = load_pipeline(model)
        parses = dict(zip(map(id, whole), nlp.pipe([d.text for d in whole]), strict=True))
    except Exception:  # one bad text must not sink the others: each is parsed on its own
        parses = {}
    return [_as_text(_guarded(d, model, parses.get(id(d)))) for d in documents]


def _guarded(document: Document, model: str | None, parse: Any = None) -> Outcome:
    try:
        return extract_document(document, model, parse=parse)
    except Exception as error:  # one bad document must not sink the others
        return DocumentError(
            document.source.path,
            f"extraction failed ({type(error).__name__}: {error})",
            "the other documents were loaded; please report this file",
        )


def _init_worker(model: str | None) -> None:
    die_with_parent(signal.SIGTERM)  # a killed load leaves no workers behind
    if hasattr(os, "nice"):
        os.nice(_WORKER_NICENESS)
    load_pipeline(model)
    global _worker_model
    _worker_model = model


_worker_model: Any = None


def _extract_in_worker(documents: list[Document]) -> list[Sent]:
    return _extract_group(documents, _worker_model)


def _as_text(outcome: Outcome) -> Sent:
    return ExtractionText.of(outcome) if isinstance(outcome, DocExtraction) else outcome
