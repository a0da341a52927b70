"""The storage protocol every graph database backend implements.

A store is handed `Batch`es, each one Cypher statement in the Neo4j dialect with its rows,
and answers with `WriteStats` read from the database's own counters. Batching, row shaping
and idempotence live once in `graph.store.push`; a backend only runs statements, shaped
like httpx's `BaseTransport`:

    GraphStore
    ├── Neo4jStore      graph.store.neo4j: the official driver, managed transactions
    └── FalkorDBStore   graph.store.falkordb: a local FalkorDB child process (tests, `query`)

Example:
    >>> with FalkorDBStore.start() as store:
    ...     report = push(saved.graph, store)
    ...     rows = store.read("MATCH (e:Event) RETURN count(e) AS events")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from types import TracebackType
from typing import Any, Literal, Self


@dataclass(frozen=True)
class Batch:
    """One write: a named statement and its `$rows`, run in one transaction.

    A `merge` batch UNWINDs its rows and returns `count(*) AS merged`, which the store
    checks against the number of rows (a relationship whose end node is missing is an
    error, not a silent skip). A `prune` batch gets the ids to keep and deletes the others.
    """

    name: str  # what it does, e.g. "merge_events", "prune_precedes"
    statement: str  # Neo4j Cypher with $rows as its only parameter
    rows: Sequence[Any]
    kind: Literal["merge", "prune"] = "merge"


@dataclass
class WriteStats:
    """Counters reported by the database for one or more batches."""

    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    rows: int = 0  # rows merged (prune batches count none)
    batches: int = 0

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(WriteStats))
        )


class GraphStore:
    """A graph database that batches are written to and queries are read from.

    Subclasses implement `write`, `read`, `apply_schema`, `wipe` and `close`; the text they
    are given is always Neo4j Cypher (a backend with another dialect translates it in one
    place). Errors are raised as `graph.errors.StoreError`.
    """

    #: Names the database in messages, e.g. "Neo4j at neo4j://localhost:7687 (database neo4j)".
    target: str = "graph store"

    def write(self, batch: Batch) -> WriteStats:
        """Run one batch in one transaction; returns the database's counters."""
        raise NotImplementedError

    def read(self, statement: str, parameters: Mapping[str, Any] | None = None) -> ReadResult:
        """Run a read-only query; values come back as plain Python (dates as `datetime.date`)."""
        raise NotImplementedError

    def apply_schema(self, statements: Sequence[str]) -> None:
        """Create the uniqueness constraints and indexes (`IF NOT EXISTS` statements)."""
        raise NotImplementedError

    def wipe(self) -> int:
        """Delete every node with one of the schema's labels; returns how many were deleted."""
        raise NotImplementedError

    def close(self) -> None:
        """Release connections (and stop a server the store started)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self.close()


@dataclass(frozen=True)
class ReadResult:
    """Rows of a query, with its column names in RETURN order."""

    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]
