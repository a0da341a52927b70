"""One exception tree; `graph.cli` is the only place that turns it into messages.

    GraphError
    ├── InputError            a path or file given to `load` cannot be used
    │   ├── NoDocumentsError  nothing loadable among the given paths
    │   └── DocumentError     one file is empty, binary, undecodable, ...
    ├── GraphFileError        the saved graph cannot be read or written
    ├── ModelError            the NLP pipeline cannot be loaded
    ├── QueryError            a query or its parameters are wrong
    │   └── ActorError        a name given for an actor names none of them, or several
    │       ├── UnknownActorError
    │       └── AmbiguousActorError
    ├── StoreError            a graph database cannot be reached, refuses us or a write fails
    ├── ExecutorError         the cluster given to `load --executor` cannot be used
    └── ExportError           an export cannot be written where it was asked for

Every message names the offending thing, says what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence

# How a user lists the actors a graph holds, named in every actor error.
_LIST_ACTORS = "`timeline-graph query actor_ranking` lists the actors"


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


class ActorError(QueryError):
    """A name given for an actor names none of the graph's actors, or several.

    `where` names the graph ("timeline.graph.db", "the graph").
    """

    def __init__(self, name: str, where: str, message: str) -> None:
        self.name, self.where = name, where
        super().__init__(message)


class UnknownActorError(ActorError):
    """No actor has the name, an alias or a name part; `suggestions` are close names."""

    def __init__(self, name: str, where: str, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = list(suggestions)
        hint = (
            "did you mean " + " or ".join(f'"{s}"' for s in self.suggestions) + "?"
            if self.suggestions
            else "pass an actor's name, an alias or its id"
        )
        super().__init__(
            name, where, f'no actor named "{name}" in {where}; {hint} ({_LIST_ACTORS})'
        )


class AmbiguousActorError(ActorError):
    """The name is part of several actors' names; `candidates` are their (name, id)."""

    def __init__(self, name: str, where: str, candidates: Sequence[tuple[str, str]]) -> None:
        self.candidates = list(candidates)
        listed = ", ".join(f'"{n}" ({i})' for n, i in self.candidates)
        super().__init__(
            name,
            where,
            f'"{name}" names {len(self.candidates)} actors in {where}: {listed}; '
            "pass the full name or the actor id",
        )


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
