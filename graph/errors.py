"""One exception tree; `graph.cli` is the only place that turns it into messages.

    GraphError
    ├── InputError            a path or file given to `load` cannot be used
    │   ├── NoDocumentsError  nothing loadable among the given paths
    │   └── DocumentError     one file is empty, binary, undecodable, ...
    ├── GraphFileError        the saved graph cannot be read or written
    ├── ModelError            the NLP pipeline cannot be loaded
    ├── QueryError            a query or its parameters are wrong
    ├── StoreError            a graph database cannot be reached, refuses us or a write fails
    ├── ExecutorError         the cluster given to `load --executor` cannot be used
    └── ExportError           an export cannot be written where it was asked for

Every message names the offending thing, says what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence


class GraphError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(GraphError):
    """A path or file given to `load` cannot be used."""


class DocumentError(InputError):
    """One document cannot be read; other documents in the same run still load."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = path, problem, fix
        super().__init__(f"{path}: {problem}; {fix}")

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str, str]]:
        # A worker process sends it back pickled; the default would call __init__(message).
        return type(self), (self.path, self.problem, self.fix)


class NoDocumentsError(InputError):
    """None of the given paths yielded a loadable document; `problems` says why, per file."""

    def __init__(self, message: str, problems: Sequence[DocumentError] = ()) -> None:
        self.problems = list(problems)
        super().__init__(message)


class GraphFileError(GraphError):
    """The saved graph file cannot be read or written."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = path, problem, fix
        super().__init__(f"{path}: {problem}; {fix}")

    def __reduce__(self) -> tuple[type[GraphFileError], tuple[str, str, str]]:
        # A worker process sends it back pickled; the default would call __init__(message).
        return type(self), (self.path, self.problem, self.fix)


class ModelError(GraphError):
    """The spaCy pipeline cannot be loaded."""


class QueryError(GraphError):
    """A query or its parameters are wrong."""


class StoreError(GraphError):
    """A graph database (Neo4j, the local FalkorDB) cannot be used, or a write to it failed.

    `target` names the database ("Neo4j at neo4j://host:7687, database 'neo4j'").
    """

    def __init__(self, target: str, problem: str, fix: str) -> None:
        self.target, self.problem, self.fix = target, problem, fix
        super().__init__(f"{target}: {problem}; {fix}")

    def __reduce__(self) -> tuple[type[StoreError], tuple[str, str, str]]:
        # A worker process sends it back pickled; the default would call __init__(message).
        return type(self), (self.target, self.problem, self.fix)


class ExecutorError(GraphError):
    """The Dask cluster that `load --executor` names cannot be used: the distributed package
    is missing, nothing answers at the address, or its workers cannot run the extraction.

    `target` names the scheduler ("Dask scheduler at tcp://host:8786").
    """

    def __init__(self, target: str, problem: str, fix: str) -> None:
        self.target, self.problem, self.fix = target, problem, fix
        super().__init__(f"{target}: {problem}; {fix}")

    def __reduce__(self) -> tuple[type[ExecutorError], tuple[str, str, str]]:
        # A worker process sends it back pickled; the default would call __init__(message).
        return type(self), (self.target, self.problem, self.fix)


class ExportError(GraphError):
    """An export cannot be written at `path` (not a folder, a folder of other files, ...)."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = path, problem, fix
        super().__init__(f"{path}: {problem}; {fix}")

    def __reduce__(self) -> tuple[type[ExportError], tuple[str, str, str]]:
        return type(self), (self.path, self.problem, self.fix)
