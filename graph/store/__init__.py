"""Where graphs are kept: the saved file (the embedded default) and graph databases.

`GraphStore` (in `graph.store.protocol`) is the one interface for databases; `push` feeds a
graph through it. Backends: `graph.store.neo4j.Neo4jStore` and, for local queries and the
tests, `graph.store.falkordb.FalkorDBStore`.
"""

from graph.store.file import SavedGraph, read_saved, write_saved
from graph.store.protocol import Batch, GraphStore, ReadResult, WriteStats
from graph.store.push import PushReport, push

__all__ = [
    "Batch",
    "GraphStore",
    "PushReport",
    "ReadResult",
    "SavedGraph",
    "WriteStats",
    "push",
    "read_saved",
    "write_saved",
]
