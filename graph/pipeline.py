"""The whole flow in one place: read -> extract -> store -> resolve -> save."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TypeVar

from graph.defaults import DEFAULT_GRAPH
from graph.errors import DocumentError, GraphFileError, NoDocumentsError
from graph.extract import EXTRACTOR_VERSION, Sent, extract_each, lexicon_for
from graph.ids import Identities
from graph.ingest import MAX_DOCUMENT_MB, URL_TIMEOUT, find_inputs, iter_documents
from graph.lang import Lexicon
from graph.model import Document
from graph.resolve import resolve_keeping
from graph.resolve.incremental import attach
from graph.resolve.index import RESOLVER_VERSION
from graph.store.file import check_saved, locked
from graph.store.saved import read_saved
from graph.store.sqlite import Store, is_store, now, open_store

T = TypeVar("T")
_BATCH = 32  # documents extracted between two commits of their extractions
# Documents extracted between two updates of the graph in a long load: each update resolves
# (or attaches) the documents extracted since the last, so memory holds at most about twice
# this many extractions, and readers see the graph grow.
RESOLVE_EVERY = 1000


@dataclass
class LoadReport:
    """What a `load` did."""

    graph_path: Path
    loaded: list[str] = field(default_factory=list)  # paths extracted in this run
    unchanged: list[str] = field(default_factory=list)  # paths already in the graph
    problems: list[DocumentError] = field(default_factory=list)
    nodes: Counter[str] = field(default_factory=Counter)  # by kind
    edges: Counter[str] = field(default_factory=Counter)  # by type


def load(
    paths: Sequence[str],
    graph_path: Path = DEFAULT_GRAPH,
    jobs: int = 1,
    model: str | None = None,
    on_start: Callable[[int | None], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_phase: Callable[[str], None] | None = None,
    max_document_mb: float = MAX_DOCUMENT_MB,
    url_lists: Sequence[str] = (),
    timeout: float = URL_TIMEOUT,
    executor: str | None = None,
    full: bool = False,
) -> LoadReport:
    """Load documents into the saved graph at `graph_path`, creating it if needed.

    `paths` are files, folders, globs, http(s) addresses and "-" (standard input);
    `url_lists` are text files of addresses, one a line; each address may take `timeout`
    seconds (see `graph.ingest.read_documents`).

    `executor`, the address of a Dask scheduler (`tcp://host:8786`), has its workers extract
    the documents instead of `jobs` local processes; the rest runs here. `full` resolves the
    whole graph anew, naming every actor and event by its content, as a first load would:
    ids given by earlier loads are not kept (nor their aliases).

    Documents are read as the workers take them (a bounded window, see
    `graph.extract.extract_each`), so memory does not grow with the number of documents.
    Documents already in the graph (same bytes) are not extracted again; extractions are
    kept in the store in batches as they come. Then the new documents go into the graph in
    one transaction: attached to its actors and events through the resolver's indexes
    (`graph.resolve.incremental`), or, into an empty graph or one they outnumber, with the
    whole corpus resolved anew, actors and events keeping the ids earlier loads gave them.
    A long load does this every `RESOLVE_EVERY` documents, so its memory stays bounded and
    the graph grows as it goes. When nothing is new the graph is left as it is. Bad files
    are reported in `LoadReport.problems` while good files still load.

    Progress: `on_phase(text)` names each step as it begins ("reading 5 files", "resolving
    305 documents", "extracting" again after a step of a long load); `on_start(n)` opens
    the reading and extraction of at most `n` documents (None when files of many articles
    make the number unknown until read) and `on_document` follows each one, unchanged ones
    included. Two loads of one graph never lose each other's
    documents: the second waits for the first (`on_phase` says so).

    Raises:
        NoDocumentsError: no loadable document among `paths` (the graph is left untouched).
        GraphFileError: the saved graph exists but cannot be read or written, or it lacks
            the extractions of some of its sources (a load would drop them).
        ExecutorError: the `executor` cluster cannot be used.

    Example:
        >>> report = load(["seeds/"], Path("timeline.graph.db"), jobs=2)
        >>> report.nodes["Event"]
        42
    """
    phase = on_phase or (lambda _: None)
    with locked(graph_path, on_wait=lambda: phase(f"waiting for another load of {graph_path}")):
        return _load(
            paths,
            graph_path,
            jobs,
            model,
            on_start,
            on_document,
            phase,
            max_document_mb,
            url_lists,
            timeout,
            executor,
            full,
        )


def _load(
    paths: Sequence[str],
    graph_path: Path,
    jobs: int,
    model: str | None,
    on_start: Callable[[int | None], None] | None,
    on_document: Callable[[Document], None] | None,
    phase: Callable[[str], None],
    max_document_mb: float,
    url_lists: Sequence[str],
    timeout: float,
    executor: str | None,
    full: bool,
) -> LoadReport:
    phase("reading the saved graph")
    known = _known(graph_path)  # fail on a corrupt graph before any work
    phase("loading the language model")
    lexicon = lexicon_for(model)  # the pipeline's language decides the words of every stage
    phase("reading documents")
    current = {digest for digest, version in known.items() if version == EXTRACTOR_VERSION}
    inputs = find_inputs(paths, url_lists)
    report = LoadReport(graph_path=graph_path)
    stream = iter_documents(  # documents already extracted are left unread
        inputs, lexicon=lexicon, max_mb=max_document_mb, timeout=timeout, skip=current
    )
    if on_start is not None:
        on_start(inputs.expected())
    # Documents are read as the workers need them, and their extractions kept in the store
    # in batches as they come: memory holds a window of documents, not the corpus, and a
    # killed load resumes from what is kept. The store is created once the first batch is
    # in, so a load that cannot begin (no model, no cluster) leaves no file behind.
    fresh = _fresh(stream, current, report, on_document)
    outcomes = extract_each(fresh, jobs, model, executor)
    batches = batched(_told(outcomes, on_document), min(_BATCH, RESOLVE_EVERY))
    first = next(batches, [])
    if not first and not report.unchanged:
        problems = report.problems
        raise NoDocumentsError(_nothing_loaded([*paths, *url_lists], problems), problems)
    with open_store(graph_path, write=True) as store:
        for batch in chain([first], batches):
            extracted = []
            for _, outcome in batch:
                if isinstance(outcome, DocumentError):
                    report.problems.append(outcome)
                else:
                    extracted.append(outcome)
                    report.loaded.append(outcome.path)
            store.add_extractions(extracted, store.next_load())
            if not full and store.pending() >= RESOLVE_EVERY:  # the graph grows as it goes
                _settle(store, lexicon, phase, full=False)
                phase("extracting")
        if store.pending() or full:  # else nothing new: the graph stands as it is
            _settle(store, lexicon, phase, full=full)
        report.nodes.update(store.count_nodes())
        report.edges.update(store.count_edges())
    return report


def _settle(store: Store, lexicon: Lexicon, phase: Callable[[str], None], *, full: bool) -> None:
    """Put the documents extracted but not yet in the graph into it, in one transaction:
    attached to the graph (`graph.resolve.incremental`), or with the whole corpus resolved
    anew when `full` or when the graph cannot take them (`_attachable`)."""
    number = store.next_load()
    pending = store.pending()
    if not full and _attachable(store):
        new = list(store.extractions(pending=True))
        phase(f"attaching {len(new)} new documents to the graph")
        attachment = attach(new, store, Identities(load=number), lexicon)
        phase(f"writing {store.path}")
        store.attach(
            attachment.nodes,
            attachment.edges,
            attachment.removed,
            attachment.identities,
            attachment.index,
            documents=pending,
            at=now(),
        )
        return
    identities = Identities(load=number) if full else store.identities()
    # Older extractor output is kept for documents not given again, rather than lost.
    corpus = list(store.extractions())
    phase(f"resolving {len(corpus)} documents")
    record, given, index = resolve_keeping(corpus, identities, lexicon=lexicon)
    phase(f"writing {store.path}")
    store.replace_graph(record, given, documents=pending, at=now(), index=index)


def _attachable(store: Store) -> bool:
    """Whether new documents can be attached to the store's graph rather than the corpus
    resolved anew: the graph has indexes written by this resolver, and the new documents
    are fewer than those it holds (a load that more than doubles the corpus resolves it
    anew, which weighs every document alike)."""
    if store.resolver() != RESOLVER_VERSION:
        return False
    resolved = store.count_documents(resolved=True)
    return 0 < store.pending() <= resolved


def _known(graph_path: Path) -> dict[str, str]:
    """Content hash -> extractor version of the documents the saved graph holds.

    Raises:
        GraphFileError: not a store (a JSON graph needs converting first), damaged, or some
            of its sources lack their extraction (a load would drop what they contributed).
    """
    if not check_saved(graph_path):
        return {}
    if not is_store(graph_path):
        read_saved(graph_path)  # a damaged or foreign file is reported as such
        raise GraphFileError(
            str(graph_path),
            "a graph in the JSON file format of timeline-graph 0.1",
            f"convert it with `timeline-graph migrate {graph_path} NEW.db`, then load with"
            " --graph NEW.db",
        )
    with open_store(graph_path, write=True) as store:  # an older store is upgraded here
        if missing := store.sources_without_extraction():
            raise GraphFileError(
                str(graph_path),
                f"the graph holds {len(missing)} sources whose extractions the store does not"
                f" keep ({', '.join(missing[:3])}{', ...' if len(missing) > 3 else ''});"
                " loading more would drop what they contributed",
                "restore the file from a backup, or load into a new --graph file",
            )
        return store.known()


def _told(
    outcomes: Iterable[tuple[Document, Sent]], on_document: Callable[[Document], None] | None
) -> Iterator[tuple[Document, Sent]]:
    """`outcomes`, telling `on_document` of each as it comes."""
    for document, outcome in outcomes:
        if on_document is not None:
            on_document(document)
        yield document, outcome


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _fresh(
    stream: Iterable[Document | DocumentError],
    current: set[str],
    report: LoadReport,
    on_document: Callable[[Document], None] | None,
) -> Iterator[Document]:
    """The documents of `stream` to extract: not in the graph already (`current`, counted as
    unchanged and told to `on_document`), one per content (a second file with the same
    bytes is one Source, not two, and the report says so); problems go to the report."""
    first: dict[str, str] = {}  # content hash -> path
    for item in stream:
        if isinstance(item, DocumentError):
            report.problems.append(item)
            continue
        digest = item.source.content_hash
        same = first.setdefault(digest, item.source.path)
        if same != item.source.path:
            report.problems.append(
                DocumentError(
                    item.source.path,
                    f"the same content as {same}",
                    "it is loaded once, as that file",
                )
            )
        elif digest in current:
            report.unchanged.append(item.source.path)
            if on_document is not None:
                on_document(item)
        else:
            yield item


def _nothing_loaded(paths: Sequence[str], problems: list[DocumentError]) -> str:
    if len(problems) == 1:
        return str(problems[0])
    return (
        f"nothing to load from {', '.join(paths)} ({len(problems)} problems, listed above); "
        "pass .txt, .md or .html files, .jsonl or .csv files of articles, or folders holding"
        " them"
    )
