"""Where graphs are kept: the saved graph (the embedded default) and graph databases.

The saved graph is a SQLite store (`graph.store.sqlite`); `graph.store.saved` reads it, or
the JSON file of version 0.1, and converts between the two; `graph.store.file` holds the
JSON format and the lock of every writer. `GraphStore` (in `graph.store.protocol`) is the
one interface for databases; `push` feeds a graph through it. Backends:
`graph.store.neo4j.Neo4jStore` and, for local queries and the tests,
`graph.store.falkordb.FalkorDBStore`.
"""

from graph.store.protocol import Batch, GraphStore, ReadResult, WriteStats
from graph.store.push import PushReport, push
from graph.store.saved import (
    SavedGraph,
    migrate,
    read_around_actor,
    read_saved,
    resolve_alias,
)

__all__ = [
    "Batch",
    "GraphStore",
    "PushReport",
    "ReadResult",
    "SavedGraph",
    "WriteStats",
    "migrate",
    "read_around_actor",
    "push",
    "read_saved",
    "resolve_alias",
]
