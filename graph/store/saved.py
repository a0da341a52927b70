"""Reading a saved graph, whichever form it has: the store (SQLite, what `load` writes) or the
JSON file of version 0.1; and converting one into the other."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import networkx as nx

from graph.errors import GraphFileError, UnknownActorError
from graph.ids import Identities
from graph.model import DocExtraction, ExtractionText, GraphRecord, NodeKind
from graph.store.file import check_saved, locked, read_json, write_json
from graph.store.sqlite import is_store, now, open_store
from graph.views import find_actor


class SavedGraph:
    """What a saved graph holds: the graph, and every document's extraction (read when first
    asked for: views need only the graph)."""

    def __init__(
        self, graph: nx.MultiDiGraph, extractions: Callable[[], list[DocExtraction]]
    ) -> None:
        self.graph = graph
        self._read_extractions = extractions

    @cached_property
    def extractions(self) -> list[DocExtraction]:
        return self._read_extractions()

    def unextracted_sources(self) -> list[str]:
        """Ids of the graph's sources whose extraction is not kept: resolving again would
        drop what they contributed."""
        kept = {x.source.id for x in self.extractions}
        return sorted(
            n
            for n, d in self.graph.nodes(data=True)
            if d.get("kind") == NodeKind.SOURCE.value and n not in kept
        )


def read_saved(path: Path, missing_ok: bool = True, around: str | None = None) -> SavedGraph:
    """Read the saved graph at `path` (store or JSON file); absent, it is empty when
    `missing_ok`.

    Args:
        around: an actor id: read only what that actor's timeline needs (a store reads just
            those rows; a JSON file is read whole).

    Raises:
        GraphFileError: absent (unless `missing_ok`), not a saved graph, or damaged.
    """
    if not check_saved(path, missing_ok):
        return SavedGraph(nx.MultiDiGraph(), list)
    if is_store(path):
        with open_store(path) as store:
            graph = store.graph(around)

        def extractions() -> list[DocExtraction]:
            with open_store(path) as store:
                return list(store.extractions(pending=False))

        return SavedGraph(graph, extractions)
    graph, documents = read_json(path)
    return SavedGraph(graph, lambda: documents)


def read_around_actor(
    path: Path, text: str, *, statements: bool = True
) -> tuple[nx.MultiDiGraph, str]:
    """The part of the saved graph an actor's timeline needs, and the actor's id.

    `text` names the actor as `graph.views.find_actor` reads it (an id, which may be one a
    merge retired, a name, an alias, a part of a name). A store reads the actors whose fields
    hold `text` (all of them only when none matches), then the rows around the one found; a
    JSON file is read whole. Without `statements`, the actor's statements are left out
    (`graph.views.timeline` shows them only when asked).

    Raises:
        GraphFileError: no saved graph there, or damaged.
        QueryError: no actor, or several, match `text`.
    """
    check_saved(path, missing_ok=False)
    if not is_store(path):
        graph = read_saved(path).graph
        return graph, find_actor(graph, text, where=str(path))
    with open_store(path) as store:
        wanted = store.resolve_alias(" ".join(text.split()))
        actor = wanted if wanted.startswith("act_") and store.node_ids([wanted]) else None
        # The actors whose fields hold the text first (a quote or backslash is written
        # otherwise in them); all actors when none matches, for the close names.
        if actor is None and wanted and not {'"', "\\"} & set(wanted):
            with contextlib.suppress(UnknownActorError):
                actor = find_actor(store.actors_holding(wanted), wanted, where=str(path))
        if actor is None:
            actor = find_actor(store.graph(kinds=(NodeKind.ACTOR.value,)), wanted, where=str(path))
        return store.graph(around=actor, statements=statements), actor


def resolve_alias(path: Path, node_id: str) -> str:
    """The id that names `node_id` in the store at `path` now (a merge may have retired it)."""
    if not is_store(path):
        return node_id
    with open_store(path) as store:
        return store.resolve_alias(node_id)


def migrate(source: Path, target: Path) -> int:
    """Convert a saved graph between its two forms: into a JSON file if `target` ends in
    `.json`, else into a store. Returns the number of documents.

    Raises:
        GraphFileError: `source` is not a saved graph, or `target` already exists.
    """
    saved = read_saved(source, missing_ok=False)
    if target.exists():
        raise GraphFileError(
            str(target), "already exists", "pass a new file name to convert the graph into"
        )
    if target.suffix == ".json":
        write_json(target, saved.graph, saved.extractions)
        return len(saved.extractions)
    record = GraphRecord.model_validate(_record_of(saved.graph))
    with locked(target), open_store(target, write=True) as store:
        store.add_extractions(map(ExtractionText.of, saved.extractions), load=1)
        store.replace_graph(record, Identities(), documents=len(saved.extractions), at=now())
    return len(saved.extractions)


def _record_of(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, object]]]:
    nodes = [{"id": n, **d} for n, d in graph.nodes(data=True)]
    edges = [{**d, "source": u, "target": v} for u, v, d in graph.edges(data=True)]
    return {"nodes": nodes, "edges": edges}
