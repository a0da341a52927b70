"""The saved graph: one SQLite file holding sources, per-document extractions and the graph.

    documents   one row per document: its extraction (JSON) and whether the graph holds it yet
    nodes       the resolved graph's nodes (kind, fields as JSON)
    edges       its edges (type, ends, fields as JSON)
    identities  every Actor and Event id ever given, with the load that first gave it
    mentions    which node each document's local actor or event became (what keeps ids stable)
    aliases     ids retired by a merge, each naming the id that absorbed it
    loads       one row per load: when, how many documents
    event_dates the dated events' first and last days, kept with the nodes: what PRECEDES
                is chained on
    actor_keys, event_mentions, event_keys, contexts, context_items, sketches, claim_words
                the resolver's indexes (`Index`): what a later load looks new documents up
                in, to attach them to the graph without resolving the corpus again

Extractions are committed in batches while a load runs, marked `resolved = 0`, so a killed
load loses no extraction work; the graph tables change in one transaction at the end of the
load, so readers see the graph before or after a load, never half of one. The database runs
in WAL mode: `timeline`, `export` and `query` read while a load writes.

The schema version is SQLite's `user_version`; `_MIGRATIONS[v]` upgrades a version-`v` file
to `v + 1` in place, inside one transaction, when a load opens it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from pydantic import ValidationError

from graph.errors import GraphFileError
from graph.ids import Identities
from graph.model import (
    DocExtraction,
    Edge,
    EdgeType,
    Event,
    ExtractionText,
    GraphRecord,
    Node,
    NodeKind,
)

FORMAT = "timeline-graph"
SCHEMA_VERSION = 5
_READABLE_FROM = 3  # what views read is there from this version on; loads upgrade
MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    content_hash TEXT PRIMARY KEY,
    source_id TEXT NOT NULL UNIQUE,
    extractor TEXT NOT NULL,
    extraction TEXT NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL
);
CREATE TABLE nodes (id TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX nodes_by_kind ON nodes (kind);
CREATE TABLE edges (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX edges_by_source ON edges (source);
CREATE INDEX edges_by_target ON edges (target);
CREATE TABLE identities (id TEXT PRIMARY KEY, kind TEXT NOT NULL, born INTEGER NOT NULL);
CREATE TABLE mentions (
    source_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (source_id, kind, start, "end")
);
CREATE INDEX mentions_by_id ON mentions (id);
CREATE TABLE aliases (alias TEXT PRIMARY KEY, id TEXT NOT NULL);
CREATE INDEX aliases_by_id ON aliases (id);
CREATE TABLE loads (number INTEGER PRIMARY KEY, at TEXT NOT NULL, documents INTEGER NOT NULL);
"""

# Version 2: the resolver's indexes.
_INDEXES = """
CREATE TABLE actor_keys (kind TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
    PRIMARY KEY (kind, key));
CREATE TABLE event_mentions (source_id TEXT NOT NULL, local INTEGER NOT NULL, id TEXT NOT NULL,
    features TEXT NOT NULL, PRIMARY KEY (source_id, local));
CREATE INDEX event_mentions_by_id ON event_mentions (id);
CREATE TABLE event_keys (key TEXT NOT NULL, id TEXT NOT NULL, start TEXT NOT NULL,
    PRIMARY KEY (key, id));
CREATE TABLE contexts (source_id TEXT PRIMARY KEY, items TEXT NOT NULL, first TEXT NOT NULL,
    last TEXT NOT NULL, story TEXT NOT NULL);
CREATE INDEX contexts_by_story ON contexts (story);
CREATE TABLE context_items (item TEXT PRIMARY KEY, documents INTEGER NOT NULL);
CREATE TABLE sketches (hash TEXT NOT NULL, source_id TEXT NOT NULL,
    PRIMARY KEY (hash, source_id));
CREATE TABLE claim_words (word TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (word, id));
"""
# Version 3: lookups that read only the rows new documents touch.
_LOOKUPS = """
ALTER TABLE actor_keys ADD COLUMN last TEXT NOT NULL DEFAULT '';
ALTER TABLE actor_keys ADD COLUMN initials TEXT NOT NULL DEFAULT '';
CREATE INDEX actor_keys_by_last ON actor_keys (last);
CREATE INDEX actor_keys_by_initials ON actor_keys (initials);
CREATE INDEX actor_keys_by_id ON actor_keys (id);
CREATE TABLE event_dates (id TEXT PRIMARY KEY, start TEXT NOT NULL, "end" TEXT NOT NULL,
    value TEXT NOT NULL);
CREATE INDEX event_dates_by_start ON event_dates (start);
CREATE INDEX event_dates_by_end ON event_dates ("end");
CREATE INDEX edges_by_type_source ON edges (type, source);
CREATE INDEX edges_by_type_target ON edges (type, target);
"""
# Version 4: a document's sketch read by its id.
_SKETCHES = """
CREATE INDEX sketches_by_source ON sketches (source_id);
"""
# Version 5: what a load asks of every document and node read from small indexes, never
# from the rows (a document's row holds its whole extraction).
_STATE = """
CREATE INDEX documents_state ON documents (resolved, content_hash, extractor);
CREATE INDEX nodes_by_kind_id ON nodes (kind, id);
DROP INDEX nodes_by_kind;
"""
_INDEX_TABLES = (
    "actor_keys",
    "event_mentions",
    "event_keys",
    "contexts",
    "context_items",
    "sketches",
    "claim_words",
)


@dataclass
class Index:
    """Rows of the resolver's indexes: what a later load needs to attach new documents to
    the graph without resolving the whole corpus again (`graph.resolve.incremental`).
    `resolver` names the resolution code that wrote them: another one resolves anew."""

    resolver: str
    # kind, name key, id, the key's last word, its initials ('' for a person, a country or
    # a one-word name)
    actors: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # source id, local event index, event id, the matcher's features of the mention (JSON)
    events: list[tuple[str, int, str, str]] = field(default_factory=list)
    event_keys: list[tuple[str, str, str]] = field(default_factory=list)  # key, id, start
    # source id, context (JSON), first and last day it may have been published ('' open),
    # its story (named by the story's first document)
    contexts: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    sketches: list[tuple[str, str]] = field(default_factory=list)  # hash, source id
    claim_words: list[tuple[str, str]] = field(default_factory=list)  # content word, claim id


#: Upgrades of older files, by the version they start from; each runs in the transaction
#: that opens the file for writing, then `user_version` is raised by one.
def _add_indexes(db: sqlite3.Connection) -> None:
    """Version 1 -> 2: empty resolver indexes; the next load resolves the corpus anew and
    fills them."""
    for statement in _INDEXES.split(";"):
        if statement.strip():
            db.execute(statement)


def _add_lookups(db: sqlite3.Connection) -> None:
    """Version 2 -> 3: the dated events' days, read from the graph; the name keys' last
    words and initials are left empty and the resolver mark removed, so the next load
    resolves the corpus anew and fills them."""
    for statement in _LOOKUPS.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(
        "INSERT INTO event_dates SELECT id, json_extract(data, '$.date.start'),"
        " json_extract(data, '$.date.end'), json_extract(data, '$.date.value') FROM nodes"
        " WHERE kind = 'Event' AND json_extract(data, '$.date') IS NOT NULL"
    )
    db.execute("DELETE FROM meta WHERE key = 'resolver'")


def _add_sketch_lookup(db: sqlite3.Connection) -> None:
    """Version 3 -> 4: sketches indexed by their document."""
    db.execute(_SKETCHES.strip())


def _add_state_lookup(db: sqlite3.Connection) -> None:
    """Version 4 -> 5: documents indexed by their state, nodes by kind and id."""
    for statement in _STATE.split(";"):
        if statement.strip():
            db.execute(statement)


_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _add_indexes,
    2: _add_lookups,
    3: _add_sketch_lookup,
    4: _add_state_lookup,
}


def now() -> str:
    """The time a load is recorded under: UTC, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def is_store(path: Path) -> bool:
    """Whether the file at `path` is a SQLite database (by its first 16 bytes)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


# The edges a timeline reads: all but MENTIONS (every source to every actor it names),
# PRECEDES (event to event) and SUPPORTS (claim to claim), which would bring in most of the
# graph around a busy actor.
_AROUND = tuple(
    t.value for t in EdgeType if t not in (EdgeType.MENTIONS, EdgeType.PRECEDES, EdgeType.SUPPORTS)
)
# The edges a timeline of events alone reads: who took part, which sources describe each
# event, which claims are about it and whether one is contradicted.
_EVENT_ROWS = tuple(
    t.value
    for t in (EdgeType.PARTICIPATED_IN, EdgeType.DESCRIBES, EdgeType.ABOUT, EdgeType.CONTRADICTS)
)
# A node's fields, an actor's without its mentions and titles unless it is the one asked for.
_LIGHT = (
    "CASE WHEN kind = 'Actor' AND id <> ? THEN json_remove(data, '$.mentions', '$.titles')"
    " ELSE data END"
)
# The fields an actor's timeline of events reads: claims only as what they are (whether one
# is contradicted is in the edges), sources as the primary they copy, if any.
_BARE = (
    "CASE WHEN kind = 'Claim' THEN json_object('kind', kind)"
    " WHEN kind = 'Source' THEN"
    " json_object('kind', kind, 'copy_of', json_extract(data, '$.copy_of'))"
    f" ELSE {_LIGHT} END"
)


class Store:
    """An open store file. Use `open_store` (writes) or `read_store` (reads)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    # ------------------------------------------------------------------ reading

    def graph(
        self,
        around: str | None = None,
        kinds: Sequence[str] | None = None,
        *,
        statements: bool = True,
    ) -> nx.MultiDiGraph:
        """The resolved graph in networkx, whole or a part of it.

        Args:
            around: an actor id: its events and statements, their neighbours
                (participants, sources, claims) and the claims contradicting those claims,
                with the edges a timeline reads (not MENTIONS, PRECEDES or SUPPORTS). The
                other actors come without their mentions and titles (a country named in
                thousands of articles would outweigh the rest).
            statements: with `around`, also the actor's statements (their sources and
                other speakers); without, only what its events' timeline shows: the
                participants, the sources describing them and the claims about them, without
                their fields, through those edges and the contradictions between claims. The
                edges come without their spans.
            kinds: only nodes of these kinds, and no edges, and actors without their
                mentions and titles (e.g. the actors, to find one by name).
        """
        graph = nx.MultiDiGraph()
        if kinds is not None:
            marks = ", ".join("?" * len(kinds))
            nodes = self._db.execute(
                f"SELECT id, {_LIGHT} FROM nodes WHERE kind IN ({marks}) ORDER BY id",
                ("", *kinds),
            )
            edges = self._db.execute("SELECT source, target, data FROM edges WHERE 0")
        elif around is None:
            nodes = self._db.execute("SELECT id, data FROM nodes ORDER BY id")
            edges = self._db.execute("SELECT source, target, data FROM edges ORDER BY id")
        else:
            ids = self._neighbourhood(around, statements=statements)
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM wanted")
            self._db.executemany("INSERT INTO wanted VALUES (?)", ((i,) for i in sorted(ids)))
            fields, types = (_LIGHT, _AROUND) if statements else (_BARE, _EVENT_ROWS)
            nodes = self._db.execute(
                f"SELECT id, {fields} FROM nodes WHERE id IN (SELECT id FROM wanted) ORDER BY id",
                (around,),
            )
            edges = self._db.execute(  # the spans of provenance are the evidence views' part
                "SELECT source, target, json_remove(data, '$.spans') FROM edges"
                f" WHERE type IN ({_marks(types)}) AND source IN (SELECT id FROM wanted)"
                " AND target IN (SELECT id FROM wanted) ORDER BY id",
                types,
            )
        try:
            for node_id, data in nodes:
                graph.add_node(node_id, **json.loads(data))
            for source, target, data in edges:
                fields = json.loads(data)
                graph.add_edge(source, target, key=fields["id"], **fields)
        except (ValueError, KeyError, TypeError) as error:
            raise self._damaged(f"a node or edge row is not valid JSON ({error})") from None
        return graph

    def actors_holding(self, text: str) -> nx.MultiDiGraph:
        """The actors (without mentions and titles) whose fields hold `text` in any case: all
        those a name, alias or part of a name `text` can match, and maybe a few more."""
        self._db.create_function("casefold", 1, str.casefold, deterministic=True)
        graph = nx.MultiDiGraph()
        rows = self._db.execute(
            f"SELECT id, {_LIGHT} FROM nodes WHERE kind = 'Actor' AND"
            " instr(casefold(data), ?) > 0 ORDER BY id",
            ("", text.casefold()),
        )
        for node_id, data in rows:
            graph.add_node(node_id, **json.loads(data))
        return graph

    def _neighbourhood(self, actor: str, *, statements: bool = True) -> set[str]:
        events = set(self._linked({actor}, ("PARTICIPATED_IN",)))
        said = set(self._linked({actor}, ("CLAIMED",))) if statements else set()
        around = self._linked(events, _AROUND if statements else _EVENT_ROWS, both=True)
        claims = said | {i for i, kind in around.items() if kind == NodeKind.CLAIM.value}
        ids = {actor, *events, *said, *around}
        # their sources, and whoever else made or passed on the statements
        ids.update(self._linked(said, ("REPORTS", "RELAYED", "CLAIMED"), both=True))
        ids.update(self._linked(claims, ("CONTRADICTS",), both=True))
        sources = {i for i in ids if i.startswith("src_")}
        ids.update(self._linked(sources, ("COPY_OF",)))  # the primary a copy counts as
        return ids

    def _linked(
        self, ids: Iterable[str], types: Sequence[str] = (), *, both: bool = False
    ) -> dict[str, str]:
        """Nodes an edge of `types` (any type if none) leads to from `ids` (or, with `both`,
        links with them either way), with their kinds; one query however many `ids`."""
        db = self._db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS hop (id TEXT PRIMARY KEY)")
        db.execute("DELETE FROM hop")
        db.executemany("INSERT OR IGNORE INTO hop VALUES (?)", ((i,) for i in ids))
        typed = f" AND e.type IN ({', '.join('?' * len(types))})" if types else ""
        query = (
            "SELECT e.target, n.kind FROM edges e JOIN nodes n ON n.id = e.target"
            f" WHERE e.source IN (SELECT id FROM hop){typed}"
        )
        parameters = list(types)
        if both:
            query += (
                " UNION SELECT e.source, n.kind FROM edges e JOIN nodes n ON n.id = e.source"
                f" WHERE e.target IN (SELECT id FROM hop){typed}"
            )
            parameters += types
        return dict(db.execute(query, parameters))

    def extractions(self, pending: bool | None = None) -> Iterator[DocExtraction]:
        """Every document's extraction, by source id (only unresolved ones if `pending`)."""
        query = "SELECT source_id, extraction FROM documents"
        if pending is not None:
            query += f" WHERE resolved = {0 if pending else 1}"
        for source_id, text in self._db.execute(query + " ORDER BY source_id"):
            try:
                yield DocExtraction.model_validate_json(text)
            except ValidationError as error:
                raise self._damaged(
                    f"the extraction of {source_id} does not read ({error.errors()[0]['msg']})"
                ) from None

    def known(self) -> dict[str, str]:
        """Content hash -> extractor version of every document the store holds."""
        return dict(self._db.execute("SELECT content_hash, extractor FROM documents"))

    def count_nodes(self) -> dict[str, int]:
        """Nodes by kind."""
        return dict(self._db.execute("SELECT kind, count(*) FROM nodes GROUP BY kind"))

    def count_edges(self) -> dict[str, int]:
        """Edges by type."""
        return dict(self._db.execute("SELECT type, count(*) FROM edges GROUP BY type"))

    def count_documents(self, resolved: bool) -> int:
        """How many documents the graph holds (`resolved`), or are extracted but not yet in
        it."""
        row = self._db.execute(
            "SELECT count(*) FROM documents WHERE resolved = ?", (int(resolved),)
        ).fetchone()
        return int(row[0])

    def pending(self) -> int:
        """How many documents are extracted but not yet in the graph (a killed load's)."""
        return self.count_documents(resolved=False)

    def sources_without_extraction(self) -> list[str]:
        """Sources in the graph whose extraction the store does not keep."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM nodes WHERE kind = 'Source' AND id NOT IN"
                " (SELECT source_id FROM documents) ORDER BY id"
            )
        ]

    def next_load(self) -> int:
        """The number the next load is recorded under."""
        return int(self._db.execute("SELECT coalesce(max(number), 0) FROM loads").fetchone()[0]) + 1

    def identities(self) -> Identities:
        """The ids given so far, for the next resolution to keep."""
        db = self._db
        return Identities(
            mentions={
                (s, k, a, b): i
                for s, k, a, b, i in db.execute(
                    'SELECT source_id, kind, start, "end", id FROM mentions'
                )
            },
            born=dict(db.execute("SELECT id, born FROM identities")),
            aliases=dict(db.execute("SELECT alias, id FROM aliases")),
            load=self.next_load(),
        )

    def resolve_alias(self, node_id: str) -> str:
        """The id that names `node_id` now: itself, or the id a merge folded it into."""
        row = self._db.execute("SELECT id FROM aliases WHERE alias = ?", (node_id,)).fetchone()
        return str(row[0]) if row else node_id

    # ------------------------------------------------------------------ writing

    def add_extractions(self, extractions: Iterable[ExtractionText], load: int) -> None:
        """Keep these documents' extractions (not yet in the graph), in one transaction."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO documents"
                " (content_hash, source_id, extractor, extraction, resolved, added)"
                " VALUES (?, ?, ?, ?, 0, ?)",
                ((x.content_hash, x.source_id, x.extractor, x.json, load) for x in extractions),
            )

    def replace_graph(
        self,
        record: GraphRecord,
        identities: Identities,
        *,
        documents: int,
        drop: Sequence[str] = (),
        at: str = "",
        index: Index | None = None,
    ) -> None:
        """Make `record` the store's graph, in one transaction: the documents in it are marked
        resolved, `drop` (source ids) removed, the ids given recorded, the resolver's `index`
        kept (without one, the next load resolves anew) and the load counted."""
        db = self._db
        with db:
            db.executemany("DELETE FROM documents WHERE source_id = ?", ((s,) for s in drop))
            db.execute("UPDATE documents SET resolved = 1 WHERE resolved = 0")
            db.execute("DELETE FROM nodes")
            db.execute("DELETE FROM event_dates")
            db.execute("DELETE FROM edges")
            self._put_nodes(record.nodes)
            self._put_edges(record.edges)
            db.execute("DELETE FROM mentions")
            db.execute("DELETE FROM aliases")
            self._put_identities(identities)
            for table in _INDEX_TABLES:
                db.execute(f"DELETE FROM {table}")  # noqa: S608 (names from a constant)
            db.execute("DELETE FROM meta WHERE key = 'resolver'")
            if index is not None:
                self._put_index(index)
            db.execute(
                "INSERT INTO loads (number, at, documents) VALUES (?, ?, ?)",
                (identities.load, at, documents),
            )

    def attach(
        self,
        nodes: Iterable[Node],
        edges: Iterable[Edge],
        removed: Iterable[str],
        identities: Identities,
        index: Index,
        *,
        documents: int,
        at: str = "",
    ) -> None:
        """Add to the graph what new documents brought, in one transaction: `nodes` and
        `edges` new or changed (replacing the rows of their ids), `removed` edge ids, the ids
        given and the index rows of the new documents; every document is marked resolved and
        the load counted."""
        db = self._db
        with db:
            db.execute("UPDATE documents SET resolved = 1 WHERE resolved = 0")
            db.executemany("DELETE FROM edges WHERE id = ?", ((i,) for i in removed))
            self._put_nodes(nodes, replace=True)
            self._put_edges(edges, replace=True)
            self._put_identities(identities)
            self._put_index(index)
            db.execute(
                "INSERT INTO loads (number, at, documents) VALUES (?, ?, ?)",
                (identities.load, at, documents),
            )

    def _put_nodes(self, nodes: Iterable[Node], replace: bool = False) -> None:
        nodes = sorted(nodes, key=lambda n: n.id)
        self._db.executemany(
            f"INSERT {'OR REPLACE ' if replace else ''}INTO nodes (id, kind, data)"
            " VALUES (?, ?, ?)",
            ((n.id, n.kind.value, n.model_dump_json(exclude={"id"})) for n in nodes),
        )
        events = [n for n in nodes if isinstance(n, Event)]
        self._db.executemany("DELETE FROM event_dates WHERE id = ?", ((e.id,) for e in events))
        self._db.executemany(
            "INSERT INTO event_dates VALUES (?, ?, ?, ?)",
            (
                (e.id, e.date.start.isoformat(), e.date.end.isoformat(), e.date.value)
                for e in events
                if e.date is not None
            ),
        )

    def _put_edges(self, edges: Iterable[Edge], replace: bool = False) -> None:
        self._db.executemany(
            f"INSERT {'OR REPLACE ' if replace else ''}INTO edges (id, type, source, target, data)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                (
                    e.id,
                    e.type.value,
                    e.source,
                    e.target,
                    e.model_dump_json(exclude={"source", "target"}),
                )
                for e in sorted(edges, key=lambda e: e.id)
            ),
        )

    def _put_identities(self, identities: Identities) -> None:
        db = self._db
        db.executemany(
            'INSERT OR REPLACE INTO mentions (source_id, kind, start, "end", id)'
            " VALUES (?, ?, ?, ?, ?)",
            ((*key, node_id) for key, node_id in sorted(identities.mentions.items())),
        )
        db.executemany(
            "INSERT OR IGNORE INTO identities (id, kind, born) VALUES (?, ?, ?)",
            (
                (node_id, "Actor" if node_id.startswith("act_") else "Event", born)
                for node_id, born in sorted(identities.born.items())
            ),
        )
        db.executemany(
            "INSERT OR REPLACE INTO aliases (alias, id) VALUES (?, ?)",
            sorted(identities.aliases.items()),
        )

    def _put_index(self, index: Index) -> None:
        db = self._db
        db.executemany("INSERT OR REPLACE INTO actor_keys VALUES (?, ?, ?, ?, ?)", index.actors)
        db.executemany("INSERT OR REPLACE INTO event_mentions VALUES (?, ?, ?, ?)", index.events)
        db.executemany("INSERT OR REPLACE INTO event_keys VALUES (?, ?, ?)", index.event_keys)
        db.executemany("INSERT OR REPLACE INTO contexts VALUES (?, ?, ?, ?, ?)", index.contexts)
        items: dict[str, int] = {}
        for _, context, _, _, _ in index.contexts:
            for item in json.loads(context):
                items[item] = items.get(item, 0) + 1
        db.executemany(
            "INSERT INTO context_items VALUES (?, ?) ON CONFLICT (item)"
            " DO UPDATE SET documents = documents + excluded.documents",
            sorted(items.items()),
        )
        db.executemany("INSERT OR IGNORE INTO sketches VALUES (?, ?)", index.sketches)
        db.executemany("INSERT OR IGNORE INTO claim_words VALUES (?, ?)", index.claim_words)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('resolver', ?)", (index.resolver,))

    # ------------------------------------------------------------------ the resolver's indexes

    def resolver(self) -> str | None:
        """The resolution code that wrote the indexes; None when there are none (a store
        from before them, or written without them): then a load resolves anew."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'resolver'").fetchone()
        return str(row[0]) if row else None

    def actor_keys(
        self, keys: Iterable[str], lasts: Iterable[str], initials: Iterable[str]
    ) -> list[tuple[str, str, str]]:
        """(kind, name key, actor id) of every name key of the actors that go by one of
        `keys`, by a key ending in one of the words `lasts`, or by one whose initials are
        among `initials`."""
        self._fill("wanted", keys)
        self._fill("wanted_lasts", lasts)
        self._fill("wanted_initials", initials)
        self._fill("hop", [])
        db = self._db
        db.execute(
            "INSERT OR IGNORE INTO hop SELECT id FROM actor_keys WHERE key IN"
            " (SELECT id FROM wanted) UNION SELECT id FROM actor_keys WHERE last IN"
            " (SELECT id FROM wanted_lasts) UNION SELECT id FROM actor_keys WHERE initials IN"
            " (SELECT id FROM wanted_initials)"
        )
        return list(
            db.execute(
                "SELECT kind, key, id FROM actor_keys WHERE id IN (SELECT id FROM hop)"
                " ORDER BY kind, key"
            )
        )

    def nodes(self, ids: Iterable[str]) -> dict[str, str]:
        """The fields of these nodes (JSON, with their id), by id (ids the graph lacks are
        left out): a model reads them with `model_validate_json`, faster than from Python
        objects for an actor named in thousands of documents."""
        self._fill("wanted", ids)
        rows = self._db.execute(
            "SELECT id, json_set(data, '$.id', id) FROM nodes WHERE id IN (SELECT id FROM wanted)"
        )
        return dict(rows)

    def node_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` that name a node of the graph."""
        self._fill("wanted", ids)
        return {r[0] for r in self._db.execute("SELECT id FROM nodes WHERE id IN wanted")}

    def edges(self, ids: Iterable[str]) -> dict[str, dict[str, object]]:
        """The fields of these edges, by id (ids the graph lacks are left out)."""
        self._fill("wanted", ids)
        rows = self._db.execute(
            "SELECT id, source, target, data FROM edges WHERE id IN (SELECT id FROM wanted)"
        )
        return {
            edge_id: {"id": edge_id, "source": source, "target": target, **json.loads(data)}
            for edge_id, source, target, data in rows
        }

    def events_by_key(self, keys: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """Blocking key -> (event id, start day or '') of the events filed under it."""
        self._fill("wanted", keys)
        found: dict[str, list[tuple[str, str]]] = {}
        for key, event_id, start in self._db.execute(
            "SELECT key, id, start FROM event_keys WHERE key IN (SELECT id FROM wanted)"
        ):
            found.setdefault(key, []).append((event_id, start))
        return found

    def event_members(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """Event id -> the matcher's features (JSON) of each of its mentions."""
        self._fill("wanted", ids)
        found: dict[str, list[str]] = {}
        for event_id, features in self._db.execute(
            "SELECT id, features FROM event_mentions WHERE id IN (SELECT id FROM wanted)"
            " ORDER BY source_id, local"
        ):
            found.setdefault(event_id, []).append(features)
        return found

    def contexts(
        self, sources: Iterable[str] = (), stories: Iterable[str] = ()
    ) -> dict[str, tuple[str, str, str, str]]:
        """Source id -> (context JSON, first and last day it may have been published, story)
        of the `sources` and of the documents of the `stories`."""
        self._fill("wanted", [*sources, *(f"story:{s}" for s in stories)])
        return {  # a document both asked for and in a story comes twice, the same
            source: (items, first, last, story)
            for source, items, first, last, story in self._db.execute(
                "SELECT source_id, items, first, last, story FROM contexts"
                " WHERE source_id IN (SELECT id FROM wanted) UNION ALL"
                " SELECT source_id, items, first, last, story FROM contexts"
                " WHERE story IN (SELECT substr(id, 7) FROM wanted WHERE id GLOB 'story:*')"
            )
        }

    def context_frequency(self, items: Iterable[str]) -> tuple[dict[str, int], int]:
        """How many documents hold each of `items` in their context, and how many documents
        have a context."""
        self._fill("wanted", items)
        found = dict(
            self._db.execute(
                "SELECT item, documents FROM context_items WHERE item IN (SELECT id FROM wanted)"
            )
        )
        total = int(self._db.execute("SELECT count(*) FROM contexts").fetchone()[0])
        return found, total

    def sketch_holders(self, hashes: Iterable[str]) -> dict[str, list[str]]:
        """Hash -> the sources whose sketches hold it, for `hashes`."""
        self._fill("wanted", hashes)
        found: dict[str, list[str]] = {}
        for value, source in self._db.execute(
            "SELECT hash, source_id FROM sketches WHERE hash IN (SELECT id FROM wanted)"
        ):
            found.setdefault(value, []).append(source)
        return found

    def sketches(self, sources: Iterable[str]) -> dict[str, list[str]]:
        """Source id -> its whole sketch, for `sources`."""
        self._fill("wanted", sources)
        found: dict[str, list[str]] = {}
        for source, value in self._db.execute(
            "SELECT source_id, hash FROM sketches WHERE source_id IN (SELECT id FROM wanted)"
        ):
            found.setdefault(source, []).append(value)
        return found

    def claims_sharing(self, words: Iterable[str], limit: int) -> dict[str, list[str]]:
        """Content word -> the claims using it, for words fewer than `limit` claims use."""
        self._fill("wanted", words)
        found: dict[str, list[str]] = {}
        for word, claim in self._db.execute(
            "SELECT word, id FROM claim_words WHERE word IN (SELECT id FROM wanted) AND word IN"
            " (SELECT word FROM claim_words WHERE word IN (SELECT id FROM wanted)"
            " GROUP BY word HAVING count(*) < ?)",
            (limit,),
        ):
            found.setdefault(word, []).append(claim)
        return found

    def claim_count(self) -> int:
        """How many claims the graph holds."""
        return int(
            self._db.execute("SELECT count(*) FROM nodes WHERE kind = 'Claim'").fetchone()[0]
        )

    def claim_words(self, ids: Iterable[str]) -> dict[str, set[str]]:
        """Claim id -> its content words."""
        self._fill("wanted", ids)
        found: dict[str, set[str]] = {}
        for word, claim in self._db.execute(
            "SELECT word, id FROM claim_words WHERE id IN (SELECT id FROM wanted)"
        ):
            found.setdefault(claim, set()).add(word)
        return found

    def edges_between(self, ids: Iterable[str], types: Sequence[str]) -> list[tuple[str, str, str]]:
        """(type, source, target) of the edges of `types` leaving or reaching `ids`."""
        self._fill("wanted", ids)
        marks = _marks(types)
        return list(  # two indexed lookups (by type and either end), not one scan
            self._db.execute(
                f"SELECT type, source, target FROM edges WHERE type IN ({marks})"
                " AND source IN (SELECT id FROM wanted) UNION"
                f" SELECT type, source, target FROM edges WHERE type IN ({marks})"
                " AND target IN (SELECT id FROM wanted)",
                [*types, *types],
            )
        )

    def event_dates(self, ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
        """Event id -> (first day, last day, date value), of the dated events among `ids`."""
        self._fill("wanted", ids)
        return {
            row[0]: row[1:]
            for row in self._db.execute(
                'SELECT id, start, "end", value FROM event_dates'
                " WHERE id IN (SELECT id FROM wanted)"
            )
        }

    def event_days(self, leaving: Iterable[str]) -> EventDays:
        """The dated events' days to chain PRECEDES on, the events `leaving` set aside."""
        self._fill("leaving", leaving)
        return EventDays(self._db)

    def edges_from(self, ids: Iterable[str], kind: str) -> dict[str, list[str]]:
        """Source id -> the ids of its edges of type `kind`, for the sources among `ids`."""
        self._fill("wanted", ids)
        found: dict[str, list[str]] = {}
        for source, edge_id in self._db.execute(
            "SELECT source, id FROM edges WHERE type = ? AND source IN (SELECT id FROM wanted)",
            (kind,),
        ):
            found.setdefault(source, []).append(edge_id)
        return found

    def _fill(self, table: str, values: Iterable[str]) -> None:
        """A temporary one-column table holding `values`, to join queries on."""
        db = self._db
        db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY)")
        db.execute(f"DELETE FROM {table}")  # noqa: S608 (a name from the code)
        db.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?)", ((v,) for v in values))

    def close(self) -> None:
        self._db.close()

    def _damaged(self, problem: str) -> GraphFileError:
        return GraphFileError(
            str(self.path),
            f"damaged graph store: {problem}",
            "restore it from a backup, or load the documents into a new --graph file",
        )


class EventDays:
    """Lookups on the dated events' days, the events of the temporary table `leaving` set
    aside (`Store.event_days`); valid until the store fills that table again."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def first_start_after(self, day: str) -> str | None:
        """The first day an event starts after `day`."""
        return self._nearest_start("start > ?", "", day)

    def last_start_before(self, day: str) -> str | None:
        """The last day an event starts before `day`."""
        return self._nearest_start("start < ?", " DESC", day)

    def _nearest_start(self, side: str, order: str, day: str) -> str | None:
        row = self._db.execute(
            f"SELECT start FROM event_dates WHERE {side} AND id NOT IN leaving"
            f" ORDER BY start{order} LIMIT 1",
            (day,),
        ).fetchone()
        return row[0] if row else None

    def starting(self, day: str) -> list[tuple[str, str, str, str]]:
        """(id, first day, last day, value) of the events that start on `day`."""
        return list(
            self._db.execute(
                'SELECT id, start, "end", value FROM event_dates WHERE start = ?'
                " AND id NOT IN leaving ORDER BY id",
                (day,),
            )
        )

    def ending(self, low: str | None, high: str) -> list[str]:
        """The events whose last day is on or after `low` (None: any) and before `high`."""
        return [
            row[0]
            for row in self._db.execute(
                'SELECT id FROM event_dates WHERE "end" >= ? AND "end" < ?'
                " AND id NOT IN leaving ORDER BY id",
                (low or "", high),
            )
        ]


def _marks(values: Sequence[object]) -> str:
    """One SQL parameter mark per value."""
    return ", ".join("?" * len(values))


CACHE_KB = 65_536
"""Pages of the store SQLite keeps in memory per connection, in KiB."""


def _connect(path: Path, write: bool) -> sqlite3.Connection:
    # A reader that may write the file opens it read-write all the same, so that, closing
    # last, it folds the write-ahead log back in and removes it.
    mode = "rwc" if write else "rw" if os.access(path, os.W_OK) else "ro"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    connection = sqlite3.connect(uri, uri=True, timeout=60, isolation_level="DEFERRED")
    connection.execute("PRAGMA foreign_keys = ON")
    # A step of a long load reads and writes rows all over a store of a gigabyte: 64 MB of
    # pages kept (2 MB by default) save about a tenth of a step's time at 10,000 articles.
    connection.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    return connection


def _checked(path: Path, connection: sqlite3.Connection, write: bool) -> None:
    """Refuse a database that is not a store, or a store of a newer version; create or
    upgrade the schema when writing."""
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        row = (
            connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if "meta" in tables
            else None
        )
    except sqlite3.OperationalError as error:  # locked, unreadable: not the file's content
        raise GraphFileError(
            str(path), f"cannot read the graph store ({error})", "check the file and try again"
        ) from None
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise GraphFileError(
            str(path),
            f"not a readable graph store ({error})",
            "restore it from a backup, or load the documents into a new --graph file",
        ) from None
    if not tables:
        if not write:
            raise GraphFileError(
                str(path), "an empty database", "run `timeline-graph load PATHS --graph` on it"
            )
        with connection:
            connection.execute("PRAGMA journal_mode = WAL")
            schema = (_SCHEMA, _INDEXES, _LOOKUPS, _SKETCHES, _STATE)
            connection.executescript(f"BEGIN; {' '.join(schema)} COMMIT;")
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return
    if row is None or row[0] != FORMAT:
        raise GraphFileError(
            str(path),
            f"a SQLite database but not a {FORMAT} store",
            "pass the graph written by `timeline-graph load` with --graph",
        )
    if version > SCHEMA_VERSION:
        raise GraphFileError(
            str(path),
            f"written by a newer timeline-graph (store version {version}; this one reads"
            f" {SCHEMA_VERSION})",
            "upgrade timeline-graph (pip install -U timeline-graph)",
        )
    if version < SCHEMA_VERSION and write:
        with connection:
            for step in range(version, SCHEMA_VERSION):
                _MIGRATIONS[step](connection)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    elif version < _READABLE_FROM:
        raise GraphFileError(
            str(path),
            f"store version {version} is older than this program reads ({_READABLE_FROM})",
            "run `timeline-graph load` on it once (with any document) to upgrade it",
        )


@contextmanager
def open_store(path: Path, write: bool = False) -> Iterator[Store]:
    """The store at `path`, created when writing and absent.

    Raises:
        GraphFileError: not a store, from a newer version, damaged or not writable.
    """
    try:
        connection = _connect(path, write)
    except sqlite3.Error as error:
        raise GraphFileError(
            str(path), f"cannot open the graph store ({error})", "pass a writable --graph PATH"
        ) from None
    with closing(connection):
        _checked(path, connection, write)
        store = Store(path, connection)
        try:
            yield store
        except (sqlite3.OperationalError, sqlite3.InterfaceError) as error:  # disk, locks
            raise GraphFileError(
                str(path),
                f"the graph store failed ({error})",
                "check the disk has space and the file is writable, then load again",
            ) from None
        except sqlite3.DatabaseError as error:  # a damaged file reads as a malformed database
            raise store._damaged(str(error)) from None
        except UnicodeDecodeError as error:
            raise store._damaged(f"text that is not UTF-8 ({error.reason})") from None
