"""Neo4j through the official driver: one managed write transaction per batch.

`session.execute_write` retries transient errors (deadlocks, leader switches) for up to the
driver's `max_transaction_retry_time`; because every statement MERGEs on content-derived
ids, a retried batch cannot duplicate anything. Connection problems are found before the
first write (`Neo4jStore.__init__` checks the server, its version, the login and the
database) and become one-line `StoreError`s that say how to fix them.

Example:
    >>> with Neo4jStore("neo4j://localhost:7687", "neo4j", "secret", "neo4j") as store:
    ...     store.read("MATCH (e:Event) RETURN count(e) AS events").rows
    [[60]]
"""

from __future__ import annotations

import logging
import re
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.lazy import lazy_module

if TYPE_CHECKING:
    import neo4j
else:  # loaded on first use: commands that never reach Neo4j start without the driver
    neo4j = lazy_module("neo4j")

from graph.errors import StoreError
from graph.model import NodeKind
from graph.store.protocol import Batch, GraphStore, ReadResult, WriteStats

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_USER = "neo4j"
MIN_SERVER_MAJOR = 5  # IF NOT EXISTS on constraints, FOR ... REQUIRE, the linter's Cypher 5
_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
_WIPE_BATCH = 1000
# Two pushes racing to create the same index: the second one's IF NOT EXISTS can still fail
# with this code when the first created it between the check and the creation (graphiti
# hits the same race); the rule exists either way, so it is not an error.
_SCHEMA_RACE = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"
_SILENT = logging.NullHandler()
_START_HINT = "start it (docker compose -f tests/docker-compose.yml up -d) or fix --uri/NEO4J_URI"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to connect; `connect()` checks the server and returns a store."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str | None = None  # None: the server's default database

    def connect(self) -> Neo4jStore:
        return Neo4jStore(self.uri, self.user, self.password, self.database)


class Neo4jStore(GraphStore):
    """A Neo4j 5 database reached with the official driver.

    Args:
        uri: `neo4j://host:7687` (routing) or `bolt://host:7687` (one server); `+s` for TLS.
        user, password: the login; `password=None` connects without authentication.
        database: the database name; None uses the server's default database.
    """

    def __init__(
        self, uri: str, user: str, password: str | None, database: str | None = None
    ) -> None:
        uri, in_uri = split_credentials(uri)
        if in_uri is not None:  # bolt://user:password@host: the login travels as auth
            user, password = in_uri[0] or user, in_uri[1] if in_uri[1] is not None else password
        self.uri, self.user, self.database = uri, user, database
        self._secret = password
        self.target = f"Neo4j at {uri}" + (f" (database {database})" if database else "")
        scheme = uri.split("://", 1)[0] if "://" in uri else ""
        if scheme not in _SCHEMES:
            raise StoreError(
                self.target,
                "not a Neo4j address",
                f"pass --uri (or NEO4J_URI) as neo4j://HOST:7687 or bolt://HOST:7687 "
                f"(schemes: {', '.join(_SCHEMES)})",
            )
        # The driver logs what it then raises; without a handler Python would print those
        # records on stderr next to our one-line error.
        logging.getLogger("neo4j").addHandler(_SILENT)
        auth = (user, password) if password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth)
        except (ValueError, neo4j.exceptions.ConfigurationError) as error:
            problem = self._redact(f"not a usable address ({error})")
            raise StoreError(self.target, problem, _START_HINT) from None
        try:
            self._check_server()
        except BaseException:
            self._driver.close()
            raise

    # ----------------------------------------------------------------- GraphStore

    def write(self, batch: Batch) -> WriteStats:
        rows = list(batch.rows)

        def work(tx: neo4j.ManagedTransaction) -> tuple[int, neo4j.SummaryCounters]:
            result = tx.run(batch.statement, {"rows": rows})
            merged = int(result.single(strict=True)[0]) if batch.kind == "merge" else 0
            return merged, result.consume().counters

        with self._session() as session:
            merged, counters = self._call(lambda: session.execute_write(work), batch.name)
        deleted = WriteStats(
            nodes_deleted=counters.nodes_deleted,
            relationships_deleted=counters.relationships_deleted,
            batches=1,
        )
        if batch.kind == "prune":
            return deleted
        if merged != len(rows):
            raise StoreError(
                self.target,
                f"{batch.name}: {len(rows) - merged} of {len(rows)} rows found no end node",
                "push the whole graph (nodes are written before relationships)",
            )
        return deleted + WriteStats(
            nodes_created=counters.nodes_created,
            relationships_created=counters.relationships_created,
            properties_set=counters.properties_set,
            rows=len(rows),
        )

    def read(self, statement: str, parameters: Mapping[str, Any] | None = None) -> ReadResult:
        def fetch(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[list[Any]]]:
            result = tx.run(statement, dict(parameters or {}))
            keys = list(result.keys())
            return keys, [[_plain(v) for v in record.values()] for record in result]

        with self._session() as session:
            columns, rows = self._call(lambda: session.execute_read(fetch), "the query")
        return ReadResult(columns, rows)

    def apply_schema(self, statements: Sequence[str]) -> None:
        with self._session() as session:
            for statement in statements:
                try:
                    self._call(lambda s=statement: session.run(s).consume(), "the schema")
                except StoreError as error:
                    if not isinstance(error.__cause__, neo4j.exceptions.Neo4jError):
                        raise
                    if error.__cause__.code != _SCHEMA_RACE:
                        raise
            # MERGE should find the uniqueness indexes from the first batch on.
            self._call(lambda: session.run("CALL db.awaitIndexes(300)").consume(), "the schema")

    def wipe(self) -> int:
        deleted = 0
        with self._session() as session:
            while True:
                count: int = self._call(
                    lambda: session.execute_write(_delete_some, _WIPE_BATCH), "wipe"
                )
                deleted += count
                if count < _WIPE_BATCH:
                    return deleted

    def close(self) -> None:
        self._driver.close()

    # ----------------------------------------------------------------- checks and errors

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self.database)

    def _redact(self, text: str) -> str:
        """`text` with the password hidden: server and driver messages may quote it."""
        return text.replace(self._secret, "***") if self._secret else text

    def _check_server(self) -> None:
        info = self._call(lambda: self._driver.get_server_info(), "connecting")
        match = re.match(r"Neo4j/(\d+)\.", info.agent or "")
        if match is None or int(match.group(1)) < MIN_SERVER_MAJOR:
            raise StoreError(
                self.target,
                f"the server is {info.agent or 'of an unknown version'}; timeline-graph needs "
                f"Neo4j {MIN_SERVER_MAJOR} or later",
                "upgrade the server (tests/docker-compose.yml runs neo4j:5)",
            )
        # Surfaces a missing database (and a login without access to it) before any write.
        with self._session() as session:
            self._call(lambda: session.run("RETURN 1").consume(), "connecting")

    def _call(self, action: Any, what: str) -> Any:
        try:
            return action()
        except neo4j.exceptions.AuthError as error:
            raise StoreError(
                self.target,
                f"user {self.user!r} was refused ({error.message or error.code})",
                "check the password: pass --user/--password or set NEO4J_USERNAME and "
                "NEO4J_PASSWORD",
            ) from error
        except neo4j.exceptions.Forbidden as error:
            raise StoreError(
                self.target,
                f"user {self.user!r} may not do this ({error.message})",
                "log in as a user with write access to the database",
            ) from error
        except neo4j.exceptions.IncompleteCommit as error:
            raise StoreError(
                self.target,
                f"the connection dropped while committing {what}; it may or may not be written",
                "push again: MERGE on ids makes a repeated batch harmless",
            ) from error
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired) as error:
            raise StoreError(
                self.target, self._redact(f"cannot be reached ({_first_line(error)})"), _START_HINT
            ) from error
        except neo4j.exceptions.Neo4jError as error:
            if error.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreError(
                    self.target,
                    f"there is no database {self.database!r}",
                    "pass an existing one with --database/NEO4J_DATABASE (SHOW DATABASES lists "
                    "them; Community Edition has only 'neo4j') or CREATE DATABASE it",
                ) from error
            if isinstance(error, neo4j.exceptions.TransientError):
                problem = f"{what} kept failing with a transient error ({error.code})"
                fix = "push again when the server is less busy"
            else:
                problem = self._redact(f"{what} was rejected: {error.code}: {_first_line(error)}")
                fix = "check the statement; if it is one of timeline-graph's, report it"
            raise StoreError(self.target, problem, fix) from error
        except neo4j.exceptions.DriverError as error:
            raise StoreError(
                self.target,
                self._redact(f"{what} failed in the driver ({_first_line(error)})"),
                _START_HINT,
            ) from error


def wipe_statement() -> str:
    """The statement `wipe` repeats until nothing is left: one bounded transaction each."""
    where = " OR ".join(f"n:{kind.value}" for kind in NodeKind)
    return (
        f"MATCH (n) WHERE {where}\nWITH n LIMIT $limit\nDETACH DELETE n\nRETURN count(*) AS deleted"
    )


def _delete_some(tx: neo4j.ManagedTransaction, limit: int) -> int:
    result = tx.run(wipe_statement(), {"limit": limit})
    return int(result.single(strict=True)[0])


def split_credentials(uri: str) -> tuple[str, tuple[str, str | None] | None]:
    """The address without a `user:password@` part, and that part (user, password) if any.

    >>> split_credentials("bolt://neo4j:s3cret@db:7687")
    ('bolt://db:7687', ('neo4j', 's3cret'))
    """
    parts = urllib.parse.urlsplit(uri)
    if "@" not in parts.netloc:
        return uri, None
    login, _, host = parts.netloc.rpartition("@")
    user, colon, password = login.partition(":")
    address = urllib.parse.urlunsplit(parts._replace(netloc=host))
    return address, (urllib.parse.unquote(user), urllib.parse.unquote(password) if colon else None)


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "message", None) or error or type(error).__name__).strip()
    # "Couldn't connect to h:p (resolved to ...):\nFailed to ... (reason [Errno 111] ...)"
    if reason := re.search(r"\(reason (?:\[Errno -?\d+\] )?([^)]*)\)", text):
        return reason.group(1).lower()
    return text.splitlines()[0].rstrip(":")


def _plain(value: Any) -> Any:
    """Driver values -> plain Python: temporal values native, graph entities as dicts."""
    if isinstance(value, neo4j.graph.Node | neo4j.graph.Relationship):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Path):
        return [_plain(n) for n in value.nodes]
    if hasattr(value, "to_native"):
        return value.to_native()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
